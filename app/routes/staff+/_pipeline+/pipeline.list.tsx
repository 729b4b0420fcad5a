import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageTitle } from '~/components/page-title.tsx'
import { PipelineList, PipelineViews } from '~/components/pipeline.tsx'
import { ROLES_THAT } from '~/domain/staff.ts'
import { loadPipelineList } from '~/models/pipeline.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The pipeline as a list: every household the filters in the URL match, a page at a time.

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Pipeline list').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const page = await loadPipelineList({ url: new URL(request.url), today: today() })
	return data(page, { status: page.errors.length > 0 ? 400 : 200 })
}

export default function PipelineListPage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<>
			<PageTitle title="Pipeline list" serviceName={serviceName} area="staff" error={page.errors.length > 0} />
			<h1 className="govuk-heading-l">Pipeline</h1>
			<PipelineViews current="list" />
			<PipelineList data={page} action="/staff/pipeline/list" showOwner caption="Households" />
		</>
	)
}

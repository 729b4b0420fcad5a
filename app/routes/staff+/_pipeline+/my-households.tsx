import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageTitle } from '~/components/page-title.tsx'
import { PipelineList } from '~/components/pipeline.tsx'
import { ROLES_THAT } from '~/domain/staff.ts'
import { loadPipelineList } from '~/models/pipeline.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The signed-in member of staff's own households: the pipeline list with the owner fixed to them.

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'My households').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const page = await loadPipelineList({ url: new URL(request.url), today: today(), ownerId: user.id })
	return data(page, { status: page.errors.length > 0 ? 400 : 200 })
}

export default function MyHouseholdsPage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<>
			<PageTitle title="My households" serviceName={serviceName} area="staff" error={page.errors.length > 0} />
			<h1 className="govuk-heading-l">My households</h1>
			<p className="govuk-body">The households you own. Open and on hold unless you choose otherwise.</p>
			<PipelineList data={page} action="/staff/my-households" showOwner={false} caption="My households" />
		</>
	)
}

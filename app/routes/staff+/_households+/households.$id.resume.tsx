import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readDated } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Take a household off hold: it carries on at the stage it was at.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Resume').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'resume')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'resume')
	const { form, answers, change } = await postedForm(request, page, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date they resumed')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		...change,
		command: { type: 'resume', ...dated.value },
		audit: `Resumed after a hold, dated ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'resumed')
}

export default function Resume() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Resume after a hold" view={page} errors={errors} submitLabel="Resume">
			<DatedFields dateLegend="Date they resumed" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}

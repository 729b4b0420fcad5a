import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readDated } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The last of Stage 1's checks and references has arrived: the service's clock for its Stage 1
// decision starts on that day (app/domain/response-clocks.ts), so it is recorded on its own.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Record the last Stage 1 check').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'checks_received')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'checks_received')
	const { form, answers, change } = await postedForm(request, page, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date the last check arrived')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		...change,
		command: { type: 'checks_received', ...dated.value },
		audit: `Recorded that the last ${page.stageNames.stage_1} check arrived on ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'checks-received')
}

export default function ChecksReceived() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const stage1 = page.stageNames.stage_1
	return (
		<HouseholdActionPage
			title={`Record the last ${stage1} check`}
			view={page}
			errors={errors}
			submitLabel="Record the last check"
		>
			<p className="govuk-body">
				Record this when the last of the {stage1} checks and references has come back. The service’s target for a{' '}
				{stage1} decision counts from this date.
			</p>
			<DatedFields dateLegend="Date the last check arrived" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}

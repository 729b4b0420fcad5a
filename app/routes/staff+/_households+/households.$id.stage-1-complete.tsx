import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readDated } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'

import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Stage 1 (checks and references) runs alongside Stage 2; this records that it has finished.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Stage 1 complete').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'complete_stage_1')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'complete_stage_1')
	const { form, answers, change } = await postedForm(request, page, ['backdateReason', 'note'], ['businessDate'])
	const dated = readDated(form, 'The date Stage 1 was completed')
	if (!dated.ok) return invalid(dated.errors, answers)
	const result = await runStageCommand({
		...change,
		command: { type: 'complete_stage_1', ...dated.value },
		audit: `Recorded ${page.stageNames.stage_1} as complete, dated ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'stage-1-complete')
}

export default function CompleteStage1() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage
			title={`${page.stageNames.stage_1} complete`}
			view={page}
			errors={errors}
			submitLabel={`Record ${page.stageNames.stage_1} as complete`}
		>
			<DatedFields
				dateLegend={`Date ${page.stageNames.stage_1} was completed`}
				today={page.today}
				errors={errors}
				answers={result}
			/>
		</HouseholdActionPage>
	)
}

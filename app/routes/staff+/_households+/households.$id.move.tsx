import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Radios } from '~/components/form.tsx'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { moveChoices, readDated } from '~/domain/household-forms.ts'
import { roleCan } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Move a household to its next stage (or, for a manager correcting the record, an earlier one).
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Move to a stage').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'move')
	const choices = moveChoices(page.household.stage, roleCan(page.session.user.role, 'manageRecruitment'))
	return { ...page.view, choices }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'move')
	const { form, answers, change } = await postedForm(
		request,
		page,
		['toStage', 'backdateReason', 'note'],
		['businessDate']
	)
	const toStage = String(form.get('toStage') ?? '')
	const dated = readDated(form, 'The date they reached the stage')
	const errors = [
		...(toStage ? [] : [{ field: 'toStage', message: 'Select a stage' }]),
		...(dated.ok ? [] : dated.errors),
	]
	if (errors.length > 0 || !dated.ok) return invalid(errors, answers)
	const name = page.stageNames[toStage as keyof typeof page.stageNames] ?? toStage
	const result = await runStageCommand({
		...change,
		command: { type: 'move', toStage, ...dated.value },
		audit: `Moved to ${name}, dated ${formatDate(dated.value.businessDate)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'moved')
}

export default function MoveToStage() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Move to a stage" view={page} errors={errors} submitLabel="Save stage">
			<Radios
				name="toStage"
				legend="Which stage have they reached?"
				hint={
					page.choices.length > 1
						? 'Earlier stages correct the record: only managers can move a household back.'
						: 'Stages cannot be skipped: record each one, on the same date if need be.'
				}
				choices={page.choices.map((choice) => ({
					value: choice.stage,
					label:
						choice.direction === 'back' ? `Back to ${page.stageNames[choice.stage]}` : page.stageNames[choice.stage],
				}))}
				selected={[result?.values?.toStage ?? (page.choices.length === 1 ? page.choices[0]!.stage : '')]}
				error={errorFor(errors, 'toStage')}
			/>
			<DatedFields dateLegend="Date they reached the stage" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}

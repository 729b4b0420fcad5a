import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DateInput } from '~/components/form.tsx'
import { DatedFields, HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { dateParts, readDateInput } from '~/domain/date-input.ts'
import { readDated } from '~/domain/household-forms.ts'
import { formatDate } from '~/domain/working-days.ts'
import { runStageCommand } from '~/models/households.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Put a household on hold (a pause they asked for) until a review date in the future.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Put on hold').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'hold')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'hold')
	const { form, answers, change } = await postedForm(
		request,
		page,
		['backdateReason', 'note'],
		['businessDate', 'reviewOn']
	)
	const dated = readDated(form, 'The date they were put on hold')
	const review = readDateInput(dateParts(form, 'reviewOn'), 'The review date')
	const errors = [
		...(dated.ok ? [] : dated.errors),
		...(review.ok ? [] : [{ field: 'reviewOn', message: review.error }]),
	]
	if (errors.length > 0 || !dated.ok || !review.ok) return invalid(errors, answers)
	const result = await runStageCommand({
		...change,
		command: { type: 'hold', reviewOn: review.date, ...dated.value },
		audit: `Put on hold from ${formatDate(dated.value.businessDate)}, to review on ${formatDate(review.date)}`,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'held')
}

export default function PutOnHold() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Put on hold" view={page} errors={errors} submitLabel="Put on hold">
			<DateInput
				name="reviewOn"
				legend="When should the hold be reviewed?"
				hint="A date in the future, for example 27 3 2027"
				defaultValue={result?.parts?.reviewOn}
				error={errorFor(errors, 'reviewOn')}
			/>
			<DatedFields dateLegend="Date they were put on hold" today={page.today} errors={errors} answers={result} />
		</HouseholdActionPage>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { DateInput, Radios, Textarea, TextInput } from '~/components/form.tsx'
import { readContactAttempt } from '~/domain/household-forms.ts'
import { CONTACT_METHODS, CONTACT_OUTCOMES } from '~/domain/timeline.ts'
import { logContactAttempt } from '~/models/household-actions.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Log a call, email, text or visit. One that got through in person at Enquiry also records
// Initial contact (app/models/household-actions.server.ts).
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Log a contact attempt').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

const FIELDS = ['method', 'outcome', 'time', 'note', 'backdateReason']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'contact')
	return page.view
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'contact')
	const { form, answers, change } = await postedForm(request, page, FIELDS, ['date'])
	const parsed = readContactAttempt(form, page.today)
	if (!parsed.ok) return invalid(parsed.errors, answers)
	const result = await logContactAttempt({
		...change,
		answers: parsed.value,
		initialContactName: page.stageNames.initial_contact,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, result.value.moved ? 'contact-moved' : 'contact')
}

export default function LogContactAttempt() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const values = result?.values ?? {}
	const atEnquiry = page.household.stage === 'enquiry' && page.household.status === 'open'
	return (
		<HouseholdActionPage title="Log a contact attempt" view={page} errors={errors} submitLabel="Save contact attempt">
			<Radios
				name="method"
				legend="How did you contact them?"
				choices={CONTACT_METHODS}
				selected={[values.method ?? '']}
				error={errorFor(errors, 'method')}
			/>
			<Radios
				name="outcome"
				legend="What happened?"
				choices={CONTACT_OUTCOMES}
				selected={[values.outcome ?? '']}
				error={errorFor(errors, 'outcome')}
				hint={
					atEnquiry
						? `A call or visit that was answered records ${page.stageNames.initial_contact} on the same date.`
						: undefined
				}
			/>
			<DateInput
				name="date"
				legend="Date of the contact"
				hint="For example, 27 3 2026"
				defaultValue={result?.parts?.date ?? page.today}
				error={errorFor(errors, 'date')}
			/>
			<TextInput
				name="time"
				label="Time (optional)"
				hint="For example, 14:30 or 2:30pm"
				widthClass="govuk-input--width-5"
				defaultValue={values.time}
				error={errorFor(errors, 'time')}
			/>
			{atEnquiry ? (
				<Textarea
					name="backdateReason"
					label="Why are you recording this late?"
					hint={`Only needed if the call or visit was answered and the date is before today (it records ${page.stageNames.initial_contact}).`}
					rows={2}
					defaultValue={values.backdateReason}
					error={errorFor(errors, 'backdateReason')}
				/>
			) : null}
			<Textarea
				name="note"
				label="Note (optional)"
				rows={3}
				defaultValue={values.note}
				error={errorFor(errors, 'note')}
			/>
		</HouseholdActionPage>
	)
}

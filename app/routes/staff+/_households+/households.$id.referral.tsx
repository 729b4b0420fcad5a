import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Select, Textarea, TextInput } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readAttachReferral } from '~/domain/referral-forms.ts'
import { activeCarerChoices, activeCodeOf } from '~/models/carer-records.server.ts'
import { attachReferral } from '~/models/referrals.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Staff attach a referral the enquiry did not carry (the household mentioned a carer on the
// phone, or typed the code wrong). Whether it counts for a bonus is the rules' decision, as for
// one made through a link.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Attach a referral').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	const carers = await activeCarerChoices()
	return { ...page.view, carers }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	const { form, answers, change } = await postedForm(request, page, ['code', 'carerId', 'reason'])
	const carers = await activeCarerChoices()
	const read = readAttachReferral(
		form,
		carers.map((carer) => carer.id)
	)
	if (!read.ok) return invalid(read.errors, answers)
	const code = 'code' in read.value ? read.value.code : await activeCodeOf(read.value.carerId)
	if (!code)
		return invalid(
			[{ field: 'carerId', message: 'This carer has no active referral code: enter a code instead' }],
			answers
		)
	const result = await attachReferral({ ...change, code, reason: read.reason })
	// A carer chosen from the list: the model's message is about the code, the field is the list.
	if (!result.ok) return refused(result, answers, 'carerId' in read.value ? { code: 'carerId' } : {})
	return backToRecord(
		page.household.id,
		result.value.status === 'counted'
			? 'referral-counted'
			: result.value.status === 'awaiting_match'
				? 'referral-awaiting'
				: 'referral-not-eligible'
	)
}

export default function AttachReferral() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Attach a referral" view={page} errors={errors} submitLabel="Attach referral">
			<p className="govuk-body">
				Who referred this household? Enter the referral code they gave, or choose the carer. Whether it counts for a
				bonus is decided by the scheme’s rules.
			</p>
			<TextInput
				name="code"
				label="Referral code"
				hint="8 letters and numbers, for example K7MXT3QA"
				widthClass="govuk-input--width-10"
				autoComplete="off"
				spellCheck={false}
				defaultValue={result?.values?.code}
				error={errorFor(errors, 'code')}
			/>
			<Select
				name="carerId"
				label="Or choose the carer"
				options={[
					{ value: '', label: 'Choose a carer' },
					...page.carers.map((carer) => ({ value: carer.id, label: `${carer.name} (${carer.email})` })),
				]}
				defaultValue={result?.values?.carerId}
				error={errorFor(errors, 'carerId')}
			/>
			<Textarea
				name="reason"
				label="Why are you attaching this referral?"
				hint="For example, they told us on the phone that a carer suggested fostering"
				rows={3}
				defaultValue={result?.values?.reason}
				error={errorFor(errors, 'reason')}
			/>
		</HouseholdActionPage>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Textarea } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { ReferralSummary } from '~/components/referrals.tsx'
import { readReferralReason } from '~/domain/referral-forms.ts'
import { detachReferral } from '~/models/referrals.server.ts'
import { referralOfHousehold } from '~/services/referral-route.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Staff detach a referral attached by mistake: it no longer counts, and whatever of its bonus is
// not yet paid becomes void. A bonus paid or being paid stops it (the model says so).
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Detach a referral').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	return { ...page.view, referral: await referralOfHousehold(page.household.id, params.referralId) }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'referral')
	const { form, answers, change } = await postedForm(request, page, ['reason'])
	const referral = await referralOfHousehold(page.household.id, params.referralId)
	const read = readReferralReason(form, 'detach')
	if (!read.ok) return invalid(read.errors, answers)
	const result = await detachReferral({
		...change,
		referralId: referral.id,
		reason: read.value.reason,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'referral-detached')
}

export default function DetachReferral() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage
			title="Detach a referral"
			view={{ ...page, blocked: page.referral.refusals.detach }}
			errors={errors}
			submitLabel="Detach referral"
		>
			<ReferralSummary referral={page.referral} />
			<p className="govuk-body">
				The referral will no longer count, and any of its bonus not yet paid will be made void.
			</p>
			<Textarea
				name="reason"
				label="Why are you detaching this referral?"
				rows={3}
				defaultValue={result?.values?.reason}
				error={errorFor(errors, 'reason')}
			/>
		</HouseholdActionPage>
	)
}

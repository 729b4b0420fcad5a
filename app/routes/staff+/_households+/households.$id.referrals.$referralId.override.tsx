import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Textarea } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { ReferralSummary } from '~/components/referrals.tsx'
import { readReferralReason } from '~/domain/referral-forms.ts'
import { overrideReferral } from '~/models/referrals.server.ts'
import { referralOfHousehold } from '~/services/referral-route.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Staff count a referral the rules turned down (another referrer came first, or the household's
// earlier contact does not matter), with a reason. The referral that counted before is detached.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Count this referral').filter((tag) => !('title' in tag))
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
	const read = readReferralReason(form, 'override')
	if (!read.ok) return invalid(read.errors, answers)
	const result = await overrideReferral({
		...change,
		referralId: referral.id,
		reason: read.value.reason,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'referral-overridden')
}

export default function OverrideReferral() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage
			title="Count this referral"
			view={{ ...page, blocked: page.referral.refusals.count }}
			errors={errors}
			submitLabel="Count this referral"
		>
			<ReferralSummary referral={page.referral} />
			<p className="govuk-body">
				This referral will count for a bonus instead of the rules’ decision. If another referral of this household
				counts now, it will be detached and its unpaid bonus made void.
			</p>
			<Textarea
				name="reason"
				label="Why should this referral count?"
				rows={3}
				defaultValue={result?.values?.reason}
				error={errorFor(errors, 'reason')}
			/>
		</HouseholdActionPage>
	)
}

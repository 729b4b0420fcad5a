import { readReferralReason } from '~/domain/referral-forms.ts'
import { referralsOfHousehold } from '~/models/carer-records.server.ts'
import { detachReferral, overrideReferral } from '~/models/referrals.server.ts'
import { backToRecord, householdActionPage, invalid, refused, type PostedChange } from './household-route.server.ts'

// What the pages about one of a household's referrals share: finding the referral the URL names,
// and the two changes staff make to one with a reason (detach it, or count it instead).

/** The household's referral the URL names, as its record shows it; 404 if it is not this household's. */
export async function referralOfHousehold(householdId: string, referralId: string | undefined) {
	const referral = (await referralsOfHousehold(householdId)).find((one) => one.id === referralId)
	if (!referral) throw new Response('Referral not found', { status: 404 })
	return referral
}

const CHANGES = {
	detach: { run: detachReferral, refusal: 'detach', done: 'referral-detached' },
	override: { run: overrideReferral, refusal: 'count', done: 'referral-overridden' },
} as const

type ReferralChange = keyof typeof CHANGES

/**
 * What the detach and count-instead pages show: the household's action page and the referral,
 * with why this change cannot be made to it (shown instead of the form), as the model refuses it.
 */
export async function referralChangePage(
	request: Request,
	params: { id?: string; referralId?: string },
	kind: ReferralChange
) {
	const page = await householdActionPage(request, params, 'referral')
	const referral = await referralOfHousehold(page.household.id, params.referralId)
	return { ...page.view, referral, blocked: referral.refusals[CHANGES[kind].refusal] }
}

/**
 * Detach the referral the URL names, or count it instead, with the reason posted: the reason's
 * errors or the model's refusal, else back to the record.
 */
export async function changeReferral(
	page: { household: { id: string } },
	posted: PostedChange,
	referralId: string | undefined,
	kind: ReferralChange
) {
	const referral = await referralOfHousehold(page.household.id, referralId)
	const read = readReferralReason(posted.form, kind)
	if (!read.ok) return invalid(read.errors, posted.answers)
	const result = await CHANGES[kind].run({ ...posted.change, referralId: referral.id, reason: read.value.reason })
	if (!result.ok) return refused(result, posted.answers)
	return backToRecord(page.household.id, CHANGES[kind].done)
}

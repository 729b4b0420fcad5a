import { addMonths, type CalendarDate } from './working-days.ts'
import type { BonusRules, ReferrerKind } from './bonus-scheme.ts'

const REFERRERS_PLURAL: Record<ReferrerKind, string> = {
	foster_carer: 'Approved foster carers',
	staff: 'Members of staff',
	community_group: 'Community groups',
}

// Whether a referral can earn a bonus (docs/domain.md, "Referral schemes"): one bonus per referred
// household and the first valid referrer wins; nothing for referring your own household, for
// kinship households, for a household already in contact with the service within the scheme's
// window, or for a kind of referrer the scheme does not pay. Decided once, when the referral is
// made, under the scheme in force that day.

export const INELIGIBLE_REASONS = [
	'own_household',
	'recent_contact',
	'kinship',
	'already_referred',
	'referrer_kind',
	'referrer_inactive',
] as const
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number]

/** Staff may count a referral despite these, with a reason; the others are the scheme's hard rules. */
export const OVERRIDABLE_REASONS: readonly IneligibleReason[] = ['already_referred', 'recent_contact']

export type ReferrerFacts = {
	id: string
	kind: ReferrerKind
	active: boolean
	/** The pipeline household the referrer was approved from, if any. */
	householdId: string | null
	emailNormalized: string
}

export type ReferredHouseholdFacts = {
	id: string
	route: 'mainstream' | 'kinship'
	applicantEmails: readonly string[]
	/** The household's last contact with the service before this referral (an earlier enquiry), if any. */
	lastContactBefore: CalendarDate | null
	/** The referrer whose referral of this household is already counted, if any. */
	countedReferrerId: string | null
}

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason }

export function assessReferral(input: {
	referrer: ReferrerFacts
	household: ReferredHouseholdFacts
	rules: BonusRules
	referredOn: CalendarDate
}): Eligibility {
	const { referrer, household, rules, referredOn } = input
	const refuse = (reason: IneligibleReason): Eligibility => ({ eligible: false, reason })
	if (referrer.householdId === household.id || household.applicantEmails.includes(referrer.emailNormalized)) {
		return refuse('own_household')
	}
	if (household.route === 'kinship') return refuse('kinship')
	if (!referrer.active) return refuse('referrer_inactive')
	if (!rules.eligibleReferrerKinds.includes(referrer.kind)) return refuse('referrer_kind')
	if (household.countedReferrerId !== null && household.countedReferrerId !== referrer.id) {
		return refuse('already_referred')
	}
	if (
		rules.contactWindowMonths > 0 &&
		household.lastContactBefore !== null &&
		household.lastContactBefore > addMonths(referredOn, -rules.contactWindowMonths)
	) {
		return refuse('recent_contact')
	}
	return { eligible: true }
}

/** Why a referral earns nothing, in words for staff (never shown to the referrer). */
export function ineligibleReasonText(
	reason: IneligibleReason,
	rules: Pick<BonusRules, 'contactWindowMonths'>,
	kind?: ReferrerKind
): string {
	switch (reason) {
		case 'own_household':
			return 'The referrer referred their own household'
		case 'recent_contact':
			return `The household was already in contact with the service in the ${rules.contactWindowMonths} months before the referral`
		case 'kinship':
			return 'Kinship households do not earn a referral bonus'
		case 'already_referred':
			return 'Another referrer referred this household first'
		case 'referrer_kind':
			return `${
				kind ? REFERRERS_PLURAL[kind] : 'Referrers of this kind'
			} cannot earn a bonus under the scheme in force on the day of the referral`
		case 'referrer_inactive':
			return 'The referrer was no longer an active carer on the day of the referral'
	}
}

/**
 * Why staff cannot make this change to a household's referral now, or null: the household record
 * offers the change, its page shows a form, and the change is made only when this says null, so
 * the three cannot disagree (ADR 024). Detaching needs a referral that is still attached; counting
 * one instead needs one the rules turned down for a reason staff may set aside.
 */
export function referralChangeRefusal(
	change: 'detach' | 'count',
	referral: { status: string; ineligibleReason: string | null }
): string | null {
	if (change === 'detach') return referral.status === 'detached' ? 'This referral has already been detached' : null
	if (referral.status !== 'not_eligible') return 'Only a referral that does not count can be counted instead'
	if (!OVERRIDABLE_REASONS.includes(referral.ineligibleReason as IneligibleReason))
		return 'Only a referral turned down because another referrer came first, or because of the household’s earlier contact, can be counted'
	return null
}

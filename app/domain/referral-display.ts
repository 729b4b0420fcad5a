// How a referral is described to staff (the carer's record, the household record), in words:
// its tag's colour is app/components/status-tags.tsx's. Staff see why a referral earns nothing;
// the referrer never does (app/domain/referral-progress.ts).

export const REFERRAL_STATUS_LABELS = {
	counted: 'Counted',
	not_eligible: 'Not eligible',
	detached: 'Detached',
	awaiting_match: 'Waiting for a decision',
} as const
export type ReferralStatus = keyof typeof REFERRAL_STATUS_LABELS

/** Why a referral waiting for a possible match earns nothing yet (ADR 016). */
export const AWAITING_MATCH_TEXT =
	'This household may be one we already know. The referral is judged once someone decides whether it is.'

export const REFERRAL_VIA_LABELS: Record<string, string> = {
	link: 'Their referral link',
	code: 'Their referral code',
	staff: 'Added by staff',
}

export function referralStatusLabel(status: string): string {
	return Object.hasOwn(REFERRAL_STATUS_LABELS, status) ? REFERRAL_STATUS_LABELS[status as ReferralStatus] : status
}

export function referralViaLabel(via: string): string {
	return REFERRAL_VIA_LABELS[via] ?? via
}

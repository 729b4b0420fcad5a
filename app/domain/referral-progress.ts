import { isStageKey, STAGE_KEYS, type StageKey } from './stages.ts'

// What a referring carer sees of a household they referred: one of four privacy-safe steps, never
// a stage name that could hint at a reason for leaving, never a name or contact detail. A
// household that leaves the process simply stays at the last step it reached.

export const REFERRAL_PROGRESS = ['enquired', 'applied', 'approved', 'bonus_paid'] as const
export type ReferralProgress = (typeof REFERRAL_PROGRESS)[number]

export const REFERRAL_PROGRESS_LABELS: Record<ReferralProgress, string> = {
	enquired: 'Enquired',
	applied: 'Applied',
	approved: 'Approved',
	bonus_paid: 'Bonus paid',
}

const APPLICATION_INDEX = STAGE_KEYS.indexOf('application')

/**
 * The step a referral has reached from the furthest stage the household ever entered and whether
 * any bonus for it has been paid to this referrer.
 */
export function referralProgress(input: { furthestStage: StageKey; bonusPaid: boolean }): ReferralProgress {
	if (input.bonusPaid) return 'bonus_paid'
	if (input.furthestStage === 'approved') return 'approved'
	if (STAGE_KEYS.indexOf(input.furthestStage) >= APPLICATION_INDEX) return 'applied'
	return 'enquired'
}

/** The furthest stage a household ever entered: leaving, or being moved back, does not undo it. */
export function furthestStage(events: { kind: string; toStage: string | null }[]): StageKey {
	let furthest = 0
	for (const event of events) {
		if ((event.kind === 'entered' || event.kind === 'reopen') && isStageKey(event.toStage)) {
			furthest = Math.max(furthest, STAGE_KEYS.indexOf(event.toStage))
		}
	}
	return STAGE_KEYS[furthest]!
}

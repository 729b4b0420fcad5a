import { z } from 'zod'
import { addCalendarDays, type CalendarDate } from './working-days.ts'

// The refer-a-friend bonus scheme: what a referral can earn and who may earn it. Schemes are
// versioned (BonusScheme rows, each with the date it takes effect): a referral earns under the
// scheme in force on the day it was made, so raising the bonus never rewrites what was promised.

export const REFERRER_KINDS = ['foster_carer', 'staff', 'community_group'] as const
export type ReferrerKind = (typeof REFERRER_KINDS)[number]

export const REFERRER_KIND_LABELS: Record<ReferrerKind, string> = {
	foster_carer: 'Approved foster carer',
	staff: 'Member of staff',
	community_group: 'Community group',
}

/**
 * The milestones a bonus is paid at. `approved` and `placement` are paid to the referrer;
 * `welcome` (optional) to the new carers once approved.
 */
export const MILESTONES = ['approved', 'placement', 'welcome'] as const
export type Milestone = (typeof MILESTONES)[number]

export const MILESTONE_LABELS: Record<Milestone, string> = {
	approved: 'Approved as foster carers',
	placement: 'First placement lasted the qualifying weeks',
	welcome: 'Welcome bonus for the new carers',
}

/** Published English schemes run up to £1,500 + £1,500; this leaves room without allowing typos like £25,000. */
export const MAX_MILESTONE_PENCE = 500_000

const pence = z.number().int().min(0).max(MAX_MILESTONE_PENCE)

export const BonusRulesSchema = z.object({
	/** Paid to the referrer when the referred household is approved. */
	approvedPence: pence,
	/** Paid to the referrer when the referred household's first placement has lasted `placementWeeks`. */
	placementPence: pence,
	placementWeeks: z.number().int().min(1).max(104),
	/** Paid to the new carers when approved; 0 means no welcome bonus. */
	welcomePence: pence,
	/** The share of each amount paid when the new carers are approved for short breaks only. */
	shortBreakPercent: z.number().int().min(0).max(100),
	/** Who may earn a bonus. */
	eligibleReferrerKinds: z.array(z.enum(REFERRER_KINDS)).min(1),
	/** A household in contact with the service this many months before the referral earns nothing. */
	contactWindowMonths: z.number().int().min(0).max(60),
})

export type BonusRules = z.infer<typeof BonusRulesSchema>

/** The scheme the service starts with (also written by the migration that made the table). */
export const DEFAULT_BONUS_RULES: BonusRules = {
	approvedPence: 25_000,
	placementPence: 25_000,
	placementWeeks: 12,
	welcomePence: 0,
	shortBreakPercent: 100,
	eligibleReferrerKinds: ['foster_carer'],
	contactWindowMonths: 6,
}

export type SchemeVersion = { id: string; effectiveFrom: CalendarDate; rules: BonusRules }

export function parseBonusRules(json: string): BonusRules {
	return BonusRulesSchema.parse(JSON.parse(json))
}

/**
 * The scheme in force on `date`: the latest to take effect on or before it. Versions taking effect
 * the same day: the last one made wins (`schemes` in the order they were made).
 */
export function schemeInForce<S extends { effectiveFrom: CalendarDate }>(
	schemes: readonly S[],
	date: CalendarDate
): S | null {
	let found: S | null = null
	for (const scheme of schemes) {
		if (scheme.effectiveFrom <= date && (found === null || scheme.effectiveFrom >= found.effectiveFrom)) found = scheme
	}
	return found
}

/** The milestones a referral under these rules has entries for (no welcome entry when it is £0). */
export function milestonesOf(rules: BonusRules): Milestone[] {
	return rules.welcomePence > 0 ? ['approved', 'placement', 'welcome'] : ['approved', 'placement']
}

/** The full amount of a milestone under these rules, before any short-break reduction. */
export function milestoneAmount(rules: BonusRules, milestone: Milestone): number {
	if (milestone === 'approved') return rules.approvedPence
	if (milestone === 'placement') return rules.placementPence
	return rules.welcomePence
}

/**
 * The amount earned at a milestone: the reduced rate for households approved for short breaks only,
 * rounded down to whole pence.
 */
export function earnedAmount(rules: BonusRules, milestone: Milestone, shortBreakOnly: boolean): number {
	const full = milestoneAmount(rules, milestone)
	return shortBreakOnly ? Math.floor((full * rules.shortBreakPercent) / 100) : full
}

/** £250, £1,500, £12.50: money as people write it. */
export function formatPounds(pence: number): string {
	const pounds = pence / 100
	return `£${pounds.toLocaleString('en-GB', {
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2,
		maximumFractionDigits: 2,
	})}`
}

export type PlacementPeriod = { startedOn: CalendarDate; endedOn: CalendarDate | null }

/**
 * The day the placement milestone was reached: the earliest day any placement had lasted `weeks`
 * weeks (a placement ending before then does not count), or null if none has by `today`. Any
 * placement counts, not only the very first: a first placement that ends early is not the new
 * carers' doing, and the bonus rewards carers who go on fostering (ADR 010).
 */
export function placementMilestoneReachedOn(
	placements: readonly PlacementPeriod[],
	weeks: number,
	today: CalendarDate
): CalendarDate | null {
	let reached: CalendarDate | null = null
	for (const placement of placements) {
		const lastedOn = addCalendarDays(placement.startedOn, weeks * 7)
		if (lastedOn > today) continue
		if (placement.endedOn !== null && placement.endedOn < lastedOn) continue
		if (reached === null || lastedOn < reached) reached = lastedOn
	}
	return reached
}

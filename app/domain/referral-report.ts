// The referral report's maths: is refer-a-friend worth what it costs? Pure: the loader
// (app/models/referral-report.server.ts) reads the rows, these functions count them.
//
// The rules, as the page states them:
// - The period is of enquiry dates. Households are mainstream households whose first enquiry fell
//   in it (kinship households are never mixed into mainstream figures, and cannot earn a bonus).
// - A household is referred when it has a referral staff have not detached (counted or not
//   eligible: someone did refer them, whether or not a bonus is due).
// - A household reached a stage when it ever entered that stage or a later one, whatever happened
//   after (a household that left at Stage 2 still reached Application). Share = reached / households.
// - Referrals by month: referrals made in the period, by the month of the referral.
// - Bonus spend by month: bonuses paid in the period, by the month they were paid.
// - Cost per approved household: every bonus paid so far for the referred households of the period,
//   divided by how many of them were approved. None approved: no figure.

import { formatPounds } from './bonus-scheme.ts'
import { LAST_12_MONTHS, inPeriod, monthLabel, monthsOf, type PeriodRules, type ReportPeriod } from './report-period.ts'
import { counted } from './report-table.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import type { CalendarDate } from './working-days.ts'

/** The last 12 months unless chosen; three years is the most the charts stay readable for. */
export const REFERRAL_PERIOD: PeriodRules = {
	noun: 'period',
	preset: LAST_12_MONTHS,
	longest: { days: 3 * 366, message: 'The period must be 3 years or shorter' },
}

// ---------------------------------------------------------------------------------------------
// Households and how far they got

export type ReportHousehold = { referred: boolean; furthestStage: StageKey }

export type GroupAtStage = { reached: number; share: number | null }
export type StageConversion = { stage: StageKey; referred: GroupAtStage; others: GroupAtStage }

/** How many households of each group reached each stage, and what share of the group that is. */
export function stageConversion(households: readonly ReportHousehold[]): {
	referredTotal: number
	othersTotal: number
	stages: StageConversion[]
} {
	const referred = households.filter((household) => household.referred)
	const others = households.filter((household) => !household.referred)
	const atStage = (group: readonly ReportHousehold[], index: number): GroupAtStage => {
		const reached = group.filter((household) => STAGE_KEYS.indexOf(household.furthestStage) >= index).length
		return { reached, share: group.length === 0 ? null : reached / group.length }
	}
	return {
		referredTotal: referred.length,
		othersTotal: others.length,
		stages: STAGE_KEYS.map((stage, index) => ({
			stage,
			referred: atStage(referred, index),
			others: atStage(others, index),
		})),
	}
}

// ---------------------------------------------------------------------------------------------
// By month

export type ReportReferral = { referredOn: CalendarDate; status: string }
export type ReferralMonth = { month: string; label: string; made: number; counted: number; notEligible: number }

/** Referrals made in the period by month (detached ones were never referrals). */
export function referralsByMonth(referrals: readonly ReportReferral[], period: ReportPeriod): ReferralMonth[] {
	const rows = new Map(
		monthsOf(period).map((month) => [month, { month, label: monthLabel(month), made: 0, counted: 0, notEligible: 0 }])
	)
	for (const referral of referrals) {
		if (referral.status === 'detached' || !inPeriod(referral.referredOn, period)) continue
		const row = rows.get(referral.referredOn.slice(0, 7))!
		row.made += 1
		if (referral.status === 'counted') row.counted += 1
		else if (referral.status === 'not_eligible') row.notEligible += 1
	}
	return [...rows.values()]
}

export type PaidBonus = { paidOn: CalendarDate; amountPence: number }
export type SpendMonth = { month: string; label: string; bonuses: number; pence: number }

/** Bonuses paid in the period by the month they were paid. */
export function spendByMonth(paid: readonly PaidBonus[], period: ReportPeriod): SpendMonth[] {
	const rows = new Map(
		monthsOf(period).map((month) => [month, { month, label: monthLabel(month), bonuses: 0, pence: 0 }])
	)
	for (const bonus of paid) {
		if (!inPeriod(bonus.paidOn, period)) continue
		const row = rows.get(bonus.paidOn.slice(0, 7))!
		row.bonuses += 1
		row.pence += bonus.amountPence
	}
	return [...rows.values()]
}

/** Bonus paid per referred household approved, in whole pence (rounded); null when none approved. */
export function costPerApproved(paidPence: number, approved: number): number | null {
	return approved === 0 ? null : Math.round(paidPence / approved)
}

/** 43% (whole percentages: the groups are small enough that decimals would be false precision). */
export function formatShare(share: number | null): string {
	return share === null ? '–' : `${Math.round(share * 100)}%`
}

/** The one line under the chart of referrals by month. */
export function referralsSentence(months: readonly ReferralMonth[]): string {
	const made = months.reduce((sum, month) => sum + month.made, 0)
	if (made === 0) return 'No referrals were made in this period.'
	const busiest = months.reduce((best, month) => (month.made > best.made ? month : best))
	return `${counted(made, 'referral', 'referrals')} made over ${counted(months.length, 'month', 'months')}; the most in ${
		busiest.label
	} (${busiest.made.toLocaleString('en-GB')}).`
}

/** The one line under the chart of bonus spend by month. */
export function spendSentence(months: readonly SpendMonth[]): string {
	const pence = months.reduce((sum, month) => sum + month.pence, 0)
	if (pence === 0) return 'No bonuses were paid in this period.'
	const most = months.reduce((best, month) => (month.pence > best.pence ? month : best))
	return `${formatPounds(pence)} paid in bonuses over ${counted(months.length, 'month', 'months')}; the most in ${
		most.label
	} (${formatPounds(most.pence)}).`
}

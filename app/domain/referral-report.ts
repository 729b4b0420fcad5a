import { readDateInput, type DateParts } from './date-input.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import { addCalendarDays, calendarDaysBetween, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

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

export type Period = { from: CalendarDate; to: CalendarDate }

/** A year of months is the default; three years is the most the charts stay readable for. */
export const MAX_PERIOD_DAYS = 3 * 366

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 'Mar 2026' for '2026-03'. */
export function monthLabel(month: string): string {
	return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** Every month ('YYYY-MM') the period touches, in order. */
export function monthsOf(period: Period): string[] {
	const months: string[] = []
	let year = Number(period.from.slice(0, 4))
	let month = Number(period.from.slice(5, 7))
	const last = period.to.slice(0, 7)
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}`
		if (key > last) break
		months.push(key)
		month += 1
		if (month > 12) {
			month = 1
			year += 1
		}
	}
	return months
}

/** The default period: the start of the month eleven months ago to today (twelve months). */
export function defaultPeriod(today: CalendarDate): Period {
	let year = Number(today.slice(0, 4))
	let month = Number(today.slice(5, 7)) - 11
	if (month < 1) {
		month += 12
		year -= 1
	}
	return { from: `${year}-${String(month).padStart(2, '0')}-01`, to: today }
}

const within = (date: CalendarDate, period: Period) => date >= period.from && date <= period.to

// ---------------------------------------------------------------------------------------------
// The period from the URL (a GET form, so a report can be bookmarked)

export type ReportFormValues = { from: DateParts; to: DateParts }

function partsOf(date: CalendarDate): DateParts {
	return { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) }
}

/** No dates at all is the default period; anything else must be a whole, real, ordered period. */
export function parseReferralReportQuery(
	params: URLSearchParams,
	today: CalendarDate
): { period: Period | null; values: ReportFormValues; errors: FieldError[] } {
	const parts = (name: string): DateParts => ({
		day: (params.get(`${name}-day`) ?? '').trim(),
		month: (params.get(`${name}-month`) ?? '').trim(),
		year: (params.get(`${name}-year`) ?? '').trim(),
	})
	const blank = (date: DateParts) => date.day === '' && date.month === '' && date.year === ''
	let from = parts('from')
	let to = parts('to')
	if (blank(from) && blank(to)) {
		const fallback = defaultPeriod(today)
		from = partsOf(fallback.from)
		to = partsOf(fallback.to)
	}
	const values = { from, to }
	const errors: FieldError[] = []
	const fromDate = readDateInput(from, 'The start of the period')
	if (!fromDate.ok) errors.push({ field: 'from', message: fromDate.error })
	const toDate = readDateInput(to, 'The end of the period')
	if (!toDate.ok) errors.push({ field: 'to', message: toDate.error })
	if (fromDate.ok && toDate.ok) {
		if (toDate.date < fromDate.date) {
			errors.push({ field: 'to', message: 'The end of the period must be the same as or after the start' })
		} else if (calendarDaysBetween(fromDate.date, toDate.date) >= MAX_PERIOD_DAYS) {
			errors.push({ field: 'to', message: 'The period must be 3 years or shorter' })
		}
	}
	if (errors.length > 0 || !fromDate.ok || !toDate.ok) return { period: null, values, errors }
	return { period: { from: fromDate.date, to: toDate.date }, values, errors }
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
export function referralsByMonth(referrals: readonly ReportReferral[], period: Period): ReferralMonth[] {
	const rows = new Map(
		monthsOf(period).map((month) => [month, { month, label: monthLabel(month), made: 0, counted: 0, notEligible: 0 }])
	)
	for (const referral of referrals) {
		if (referral.status === 'detached' || !within(referral.referredOn, period)) continue
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
export function spendByMonth(paid: readonly PaidBonus[], period: Period): SpendMonth[] {
	const rows = new Map(
		monthsOf(period).map((month) => [month, { month, label: monthLabel(month), bonuses: 0, pence: 0 }])
	)
	for (const bonus of paid) {
		if (!within(bonus.paidOn, period)) continue
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

/** The day after `to`: the end of the period as an instant bound (exclusive). */
export function dayAfter(to: CalendarDate): CalendarDate {
	return addCalendarDays(to, 1)
}

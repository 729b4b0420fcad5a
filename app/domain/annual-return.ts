// The annual return (issue 6): the recruitment figures Ofsted's fostering data collection asks of
// a service for a year to 31 March, worked out from counts aggregated in SQL over FunnelFact
// (app/models/annual-return.server.ts). Pure, so every figure can be checked by hand.
//
// What is counted, mainstream households only (kinship is shown apart, as Ofsted counts it apart):
// - initial enquiries, applications received and approvals: households that first entered the
//   stage within the year (as the funnel's period mode counts them);
// - withdrawals before panel: households that applied and then withdrew within the year, from
//   Application, Stage 1, Stage 2 or Panel (before the panel's recommendation), each under the
//   Ofsted withdrawal code (AW0 to AW5) of its exit reason. A withdrawal whose reason has no
//   code, or no reason at all, is AW0 (other or unknown), and the page says how many;
// - time from application to approval for the households approved within the year: calendar
//   days, with the share approved within 6 months (a common internal target) and within 8 months
//   (the statutory limit from application to panel, NMS 14.4).

import type { OfstedWithdrawalCode } from './exit-reasons.ts'
import { histogramMedian, type FunnelRoute } from './funnel.ts'
import type { StageKey } from './stages.ts'
import { addMonths, calendarDaysBetween, type CalendarDate } from './working-days.ts'

/** The stages a household is in from its application until the panel's recommendation. */
export const APPLIED_STAGES: readonly StageKey[] = ['application', 'stage_1', 'stage_2', 'panel']

/** Ofsted's codes in the order its collection lists them, "other or unknown" last. */
export const WITHDRAWAL_CODES: readonly OfstedWithdrawalCode[] = ['AW1', 'AW2', 'AW3', 'AW4', 'AW5', 'AW0']

/** Ofsted's own words for each code (its 2023–24 changes to the fostering data collection). */
export const WITHDRAWAL_CODE_LABELS: Record<OfstedWithdrawalCode, string> = {
	AW1: 'Fostering was not as the applicant expected',
	AW2: 'The assessment process was not as the applicant expected',
	AW3: 'Household circumstances changed during the assessment (other than for financial reasons)',
	AW4: 'The applicant was unable to continue for financial reasons',
	AW5: 'The applicant was concerned about the risk of allegations',
	AW0: 'Other or unknown reason',
}

// ---------------------------------------------------------------------------------------------
// What SQL says

export type RouteCounts = { enquiries: number; applications: number; approvals: number }

/** Households that left within the year, grouped by where they left from, who ended it and why. */
export type ExitCount = {
	route: FunnelRoute
	stage: StageKey | null
	endedBy: string | null
	reasonKey: string | null
	count: number
}

/** Households approved within the year, by their application and approval dates. */
export type ApprovalDates = { applicationOn: CalendarDate | null; approvedOn: CalendarDate; count: number }

export type ReasonCode = { key: string; label: string; ofstedCode: OfstedWithdrawalCode | null }

export type AnnualReturnInput = {
	counts: Record<FunnelRoute, RouteCounts>
	exits: readonly ExitCount[]
	approvals: readonly ApprovalDates[]
	/** The service's exit reasons (retired ones too) with their Ofsted codes. */
	reasons: readonly ReasonCode[]
}

// ---------------------------------------------------------------------------------------------
// The figures

export type WithdrawalRow = {
	code: OfstedWithdrawalCode
	label: string
	count: number
	/** The service's reasons counted under the code, the most first. */
	reasons: { label: string; count: number }[]
}

export type ApprovalTimes = {
	approved: number
	/** Approved households with an application date on record (their times are below). */
	timed: number
	medianDays: number | null
	withinSixMonths: number
	withinEightMonths: number
	overEightMonths: number
}

export type AnnualReturn = {
	mainstream: RouteCounts & {
		withdrawnBeforePanel: number
		endedByServiceAfterApplying: number
		notApproved: number
		/** Not part of Ofsted's figures: households that withdrew before they applied. */
		withdrewBeforeApplying: number
	}
	withdrawals: WithdrawalRow[]
	/** Withdrawals counted as AW0 because their reason has no code or none was recorded. */
	uncoded: number
	times: ApprovalTimes
	kinship: RouteCounts
}

const applied = (stage: StageKey | null) => stage !== null && APPLIED_STAGES.includes(stage)

export function annualReturn(input: AnnualReturnInput): AnnualReturn {
	const reasons = new Map(input.reasons.map((reason) => [reason.key, reason]))
	const mainstreamExits = input.exits.filter((exit) => exit.route === 'mainstream')
	const total = (match: (exit: ExitCount) => boolean) =>
		mainstreamExits.filter(match).reduce((sum, exit) => sum + exit.count, 0)

	const withdrawals = new Map<OfstedWithdrawalCode, WithdrawalRow>(
		WITHDRAWAL_CODES.map((code) => [code, { code, label: WITHDRAWAL_CODE_LABELS[code], count: 0, reasons: [] }])
	)
	let uncoded = 0
	for (const exit of mainstreamExits) {
		if (exit.endedBy !== 'household' || !applied(exit.stage)) continue
		const reason = exit.reasonKey === null ? undefined : reasons.get(exit.reasonKey)
		const code = reason?.ofstedCode ?? 'AW0'
		if (!reason?.ofstedCode) uncoded += exit.count
		const row = withdrawals.get(code)!
		row.count += exit.count
		const label = reason?.label ?? (exit.reasonKey === null ? 'No reason recorded' : exit.reasonKey)
		const counted = row.reasons.find((existing) => existing.label === label)
		if (counted) counted.count += exit.count
		else row.reasons.push({ label, count: exit.count })
	}
	for (const row of withdrawals.values()) {
		row.reasons.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'))
	}

	return {
		mainstream: {
			...input.counts.mainstream,
			withdrawnBeforePanel: total((exit) => exit.endedBy === 'household' && applied(exit.stage)),
			endedByServiceAfterApplying: total((exit) => exit.endedBy === 'service' && applied(exit.stage)),
			notApproved: total((exit) => exit.endedBy === 'not_approved'),
			withdrewBeforeApplying: total((exit) => exit.endedBy === 'household' && !applied(exit.stage)),
		},
		withdrawals: WITHDRAWAL_CODES.map((code) => withdrawals.get(code)!),
		uncoded,
		times: approvalTimes(input.approvals),
		kinship: input.counts.kinship,
	}
}

/**
 * Calendar days from application to approval. "Within 8 months" is on or before the same day 8
 * months later (the month's last day when it has no such day), as the statutory limit is read.
 */
export function approvalTimes(approvals: readonly ApprovalDates[]): ApprovalTimes {
	const histogram: [number, number][] = []
	const times: ApprovalTimes = {
		approved: 0,
		timed: 0,
		medianDays: null,
		withinSixMonths: 0,
		withinEightMonths: 0,
		overEightMonths: 0,
	}
	for (const { applicationOn, approvedOn, count } of approvals) {
		times.approved += count
		if (applicationOn === null) continue
		times.timed += count
		histogram.push([calendarDaysBetween(applicationOn, approvedOn), count])
		if (approvedOn <= addMonths(applicationOn, 6)) times.withinSixMonths += count
		if (approvedOn <= addMonths(applicationOn, 8)) times.withinEightMonths += count
		else times.overEightMonths += count
	}
	times.medianDays = histogramMedian(histogram)
	return times
}

// ---------------------------------------------------------------------------------------------
// Words

const whole = (value: number) => value.toLocaleString('en-GB')

/** One written line for the top of the page. */
export function annualReturnSentence(figures: AnnualReturn): string {
	const { mainstream } = figures
	if (mainstream.enquiries === 0 && mainstream.applications === 0 && mainstream.approvals === 0) {
		return 'No mainstream household enquired, applied or was approved in this year.'
	}
	return `${whole(mainstream.enquiries)} initial ${mainstream.enquiries === 1 ? 'enquiry' : 'enquiries'}, ${whole(
		mainstream.applications
	)} ${mainstream.applications === 1 ? 'application' : 'applications'} and ${whole(mainstream.approvals)} ${
		mainstream.approvals === 1 ? 'approval' : 'approvals'
	}; ${whole(mainstream.withdrawnBeforePanel)} ${
		mainstream.withdrawnBeforePanel === 1 ? 'application was' : 'applications were'
	} withdrawn before panel.`
}

/** The one line beside the chart of withdrawals by code. */
export function withdrawalSentence(figures: AnnualReturn): string {
	const total = figures.withdrawals.reduce((sum, row) => sum + row.count, 0)
	if (total === 0) return 'No application was withdrawn by the household before panel in this year.'
	const most = figures.withdrawals.reduce((best, row) => (row.count > best.count ? row : best))
	return `${whole(total)} ${
		total === 1 ? 'application was' : 'applications were'
	} withdrawn before panel; the most under ${most.code} (${most.label.toLowerCase()}): ${whole(most.count)}.`
}

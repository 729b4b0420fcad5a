// The response-time report's maths: which clocks count, the share within target, medians and
// percentiles, and the same figures by week, officer and channel. Pure: the clocks come from
// app/domain/response-clocks.ts, the loader (app/models/response-report.server.ts) adds who and
// how each household came.
//
// The rules, as the page states them:
// - A clock belongs to the period it started in (Clock.startedOn within [from, to]).
// - Within target = met / (met + missed + still running past its deadline). A clock still running
//   inside its target (on track, at risk, on hold) has no outcome yet and is left out; so is one
//   that stopped because the household left or the step started again.
// - Times taken are of completed clocks (met or missed): working days from the day the clock
//   started (not counted) to the day it ended, holds left out; for the months clock (application
//   to panel), calendar days not on hold. Clocks still running past target count in the share but
//   have no time taken yet.
// - Median: the middle value, the mean of the two middle ones for an even count. 90th percentile:
//   nearest rank, the smallest value with at least 90% of the values at or below it (the
//   ceil(0.9 × n)th value in order), so it is always a time that really happened.

import type { FieldError } from './field-errors.ts'
import {
	LAST_13_WEEKS,
	inPeriod,
	parsePeriod,
	weekStarting,
	weeksOf,
	type PeriodFormValues,
	type PeriodRules,
	type ReportPeriod,
} from './report-period.ts'
import type { Clock, ClockKey, ClockStatus } from './response-clocks.ts'
import { calendarDaysBetween, formatShortDate, type CalendarDate } from './working-days.ts'

export const REPORT_ROUTES = ['mainstream', 'kinship'] as const
export type ReportRoute = (typeof REPORT_ROUTES)[number]
export const REPORT_ROUTE_LABELS: Record<ReportRoute, string> = { mainstream: 'Mainstream', kinship: 'Kinship' }

/** The last 13 full weeks (a quarter) unless chosen; longer makes a chart nobody can read and a slow page. */
export const RESPONSE_PERIOD: PeriodRules = {
	noun: 'period',
	preset: LAST_13_WEEKS,
	longest: { days: 366, message: 'The period must be a year or shorter' },
}
export const BREACHES_PAGE_SIZE = 25

export type ReportQuery = { period: ReportPeriod; route: ReportRoute; page: number }
export type ReportFormValues = PeriodFormValues & { route: string }

/**
 * The report's period, route and page from the URL (a GET form, so a report can be bookmarked).
 * No dates at all is the last 13 weeks (app/domain/report-period.ts).
 */
export function parseReportQuery(
	params: URLSearchParams,
	today: CalendarDate
): { query: ReportQuery | null; values: ReportFormValues; errors: FieldError[] } {
	const dates = parsePeriod(params, today, RESPONSE_PERIOD)
	const values: ReportFormValues = { ...dates.values, route: (params.get('route') ?? '').trim() }
	const route = values.route === '' ? 'mainstream' : values.route
	const errors = [...dates.errors]
	if (!(REPORT_ROUTES as readonly string[]).includes(route)) {
		errors.push({ field: 'route', message: 'Select mainstream or kinship' })
	}
	if (errors.length > 0 || !dates.period) return { query: null, values, errors }
	const page = Number(params.get('page') ?? '1')
	return {
		values,
		errors,
		query: {
			period: dates.period,
			route: route as ReportRoute,
			// Only the pagination links set the page: a bad one quietly means the first.
			page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
		},
	}
}

// ---------------------------------------------------------------------------------------------
// One clock as the report sees it

export type ReportClock = {
	householdId: string
	key: ClockKey
	startedOn: CalendarDate
	deadline: CalendarDate | null
	endedOn: CalendarDate | null
	status: ClockStatus
	/** How `taken` is counted: working days, or calendar days not on hold for a months target. */
	unit: 'working_days' | 'days'
	/** Completed clocks (met or missed) only. */
	taken: number | null
	/** Enquiry to first personal contact, completed only: working hours from the enquiry to the contact. */
	workingHours: number | null
	/** Missed and overdue only: calendar days from the deadline to the end (or to today). */
	daysLate: number | null
	/** Who the figure is put against (see the loader for which member of staff that is). */
	officerId: string | null
	channelId: string | null
}

export function toReportClock(
	clock: Clock,
	about: { householdId: string; officerId: string | null; channelId: string | null; workingHours?: number | null },
	today: CalendarDate
): ReportClock {
	const completed = clock.status === 'met' || clock.status === 'missed'
	const unit = clock.target.unit === 'months' ? 'days' : 'working_days'
	const taken = !completed
		? null
		: unit === 'days'
			? calendarDaysBetween(clock.startedOn, clock.endedOn!) - clock.pausedDays
			: clock.elapsedWorkingDays
	const lateUntil = clock.status === 'missed' ? clock.endedOn : clock.status === 'overdue' ? today : null
	return {
		householdId: about.householdId,
		key: clock.key,
		startedOn: clock.startedOn,
		deadline: clock.deadline,
		endedOn: clock.endedOn,
		status: clock.status,
		unit,
		taken,
		workingHours: completed && clock.key === 'first_contact' ? (about.workingHours ?? null) : null,
		daysLate: lateUntil && clock.deadline ? calendarDaysBetween(clock.deadline, lateUntil) : null,
		officerId: about.officerId,
		channelId: about.channelId,
	}
}

export function startedIn(clock: Pick<ReportClock, 'startedOn'>, period: ReportPeriod): boolean {
	return inPeriod(clock.startedOn, period)
}

/** Met: within target. Missed, or still running past its deadline: outside. Otherwise no outcome yet. */
export function outcomeOf(status: ClockStatus): 'within' | 'outside' | null {
	if (status === 'met') return 'within'
	if (status === 'missed' || status === 'overdue') return 'outside'
	return null
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** The middle value; the mean of the two middle values when there is an even number. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Nearest rank: the ceil(p/100 × n)th smallest value (p from 0 to 100; 0 gives the smallest). */
export function percentile(values: readonly number[], p: number): number | null {
	if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile is from 0 to 100, got ${p}`)
	if (values.length === 0) return null
	const sorted = [...values].sort((a, b) => a - b)
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
	return sorted[rank - 1]!
}

/** within / counted, or null when nothing counted (no outcome is not 0%). */
export function shareOf(within: number, counted: number): number | null {
	return counted === 0 ? null : within / counted
}

export type Summary = {
	/** Clocks started in the period. */
	started: number
	/** With an outcome: met, missed or running past target. */
	counted: number
	within: number
	share: number | null
	/** Running inside their target or on hold: no outcome yet. */
	running: number
	/** Stopped because the household left or the step started again. */
	stopped: number
	/** Times taken of completed clocks (in the clocks' unit). */
	median: number | null
	p90: number | null
	/** Enquiry to first contact only: in working hours. */
	medianHours: number | null
	p90Hours: number | null
}

export function summarise(clocks: readonly ReportClock[]): Summary {
	let within = 0
	let outside = 0
	let stopped = 0
	const taken: number[] = []
	const hours: number[] = []
	for (const clock of clocks) {
		const outcome = outcomeOf(clock.status)
		if (outcome === 'within') within++
		else if (outcome === 'outside') outside++
		else if (clock.status === 'stopped') stopped++
		if (clock.taken !== null) taken.push(clock.taken)
		if (clock.workingHours !== null) hours.push(clock.workingHours)
	}
	const counted = within + outside
	return {
		started: clocks.length,
		counted,
		within,
		share: shareOf(within, counted),
		running: clocks.length - counted - stopped,
		stopped,
		median: median(taken),
		p90: percentile(taken, 90),
		medianHours: median(hours),
		p90Hours: percentile(hours, 90),
	}
}

export type Group = { key: string; label: string; summary: Summary }

/** Every week of the period (the weeks with nothing too), by the week each clock started. */
export function byWeek(clocks: readonly ReportClock[], period: ReportPeriod): Group[] {
	const groups = new Map<CalendarDate, ReportClock[]>(weeksOf(period).map((monday) => [monday, []]))
	for (const clock of clocks) groups.get(weekStarting(clock.startedOn))?.push(clock)
	return [...groups].map(([monday, list]) => ({
		key: monday,
		label: formatShortDate(monday),
		summary: summarise(list),
	}))
}

/** Grouped by a key (officer, channel), in label order, the clocks with none last under `noneLabel`. */
export function byGroup(
	clocks: readonly ReportClock[],
	keyOf: (clock: ReportClock) => string | null,
	labels: ReadonlyMap<string, string>,
	noneLabel: string
): Group[] {
	const NONE = '\u0000none'
	const groups = new Map<string, ReportClock[]>()
	for (const clock of clocks) {
		const key = keyOf(clock) ?? NONE
		const list = groups.get(key) ?? []
		list.push(clock)
		groups.set(key, list)
	}
	const labelled = [...groups].map(([key, list]) => ({
		key: key === NONE ? '' : key,
		label: key === NONE ? noneLabel : (labels.get(key) ?? noneLabel),
		summary: summarise(list),
	}))
	return labelled.sort((a, b) => {
		if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1
		return a.label.localeCompare(b.label, 'en-GB')
	})
}

/** Missed clocks and clocks running past their deadline, the latest first. */
export function breachesOf(clocks: readonly ReportClock[]): ReportClock[] {
	return clocks
		.filter((clock) => clock.status === 'missed' || clock.status === 'overdue')
		.sort((a, b) => b.daysLate! - a.daysLate! || (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0))
}

/** One clock's figures over the period, for the table of every clock. */
export type ClockReport = {
	key: ClockKey
	label: string
	/** The target in force at the end of the period, in words. */
	target: string
	unit: 'working_days' | 'days'
	summary: Summary
}

/** A clock that missed its target or is running past it: a household, by name. */
export type BreachRow = {
	householdId: string
	reference: string
	name: string
	clock: string
	status: 'missed' | 'overdue'
	startedOn: CalendarDate
	deadline: CalendarDate
	endedOn: CalendarDate | null
	daysLate: number
}

// ---------------------------------------------------------------------------------------------
// Words

/** '82%' (whole percent), or 'No outcome yet'. */
export function formatShare(share: number | null): string {
	return share === null ? 'No outcome yet' : `${Math.round(share * 100)}%`
}

/** '3.5' (one decimal place, none when whole), or an en dash for no value. */
export function formatNumber(value: number | null): string {
	if (value === null) return '–'
	return (Math.round(value * 10) / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 })
}

/** '4.5 working hours (0.6 working days)': a time to first contact in both units. */
export function hoursAndDays(hours: number | null, days: number | null): string {
	if (hours === null && days === null) return 'No contacts made yet'
	const unit = (value: number | null, one: string, many: string) =>
		value === null ? '' : ` ${value === 1 ? one : many}`
	return `${formatNumber(hours)}${unit(hours, 'working hour', 'working hours')} (${formatNumber(days)}${unit(
		days,
		'working day',
		'working days'
	)})`
}

/** The one-line summary under the weekly chart. */
export function weeklySentence(weeks: readonly Group[], overall: Summary): string {
	if (overall.counted === 0) return 'No enquiry in this period has an outcome yet.'
	const scored = weeks.filter((week) => week.summary.share !== null)
	const best = scored.reduce((a, b) => (b.summary.share! > a.summary.share! ? b : a))
	const worst = scored.reduce((a, b) => (b.summary.share! < a.summary.share! ? b : a))
	const overallText = `${formatShare(overall.share)} of enquiries were contacted within target (${overall.within} of ${
		overall.counted
	})`
	if (scored.length < 2 || best === worst) return `${overallText}.`
	return `${overallText}; the best week was the week starting ${best.label} (${formatShare(
		best.summary.share
	)}), the lowest the week starting ${worst.label} (${formatShare(worst.summary.share)}).`
}

// The period a report covers, for every report (issue 13): the period chosen in the query string
// (GOV.UK date inputs, or a preset such as the last 12 months when none is chosen) with the Design
// System's error messages, the months and weeks in it, the words for it, and the Ofsted year (1
// April to 31 March) the annual return is made for. Pure: dates are 'YYYY-MM-DD' business dates
// (app/domain/working-days.ts), so a period never depends on the server's time zone; the instants
// that bound it are London's midnights.

import { readDateInput, type DateParts } from './date-input.ts'
import type { FieldError } from './field-errors.ts'
import {
	addCalendarDays,
	calendarDaysBetween,
	formatDate,
	formatShortDate,
	startOfLondonDay,
	type CalendarDate,
} from './working-days.ts'

/** From and to, both days included. */
export type ReportPeriod = { from: CalendarDate; to: CalendarDate }

// ---------------------------------------------------------------------------------------------
// Presets: the period a report shows when none is chosen, and the link back to it

export type PeriodPreset = { label: string; of: (today: CalendarDate) => ReportPeriod }

/**
 * The last 12 months: the day after the same date a year ago up to today, both included (8 December
 * 2025 to 7 December 2026), so the preset's name says exactly what it counts. A year after 29
 * February is 28 February.
 */
export function lastTwelveMonths(today: CalendarDate): ReportPeriod {
	const year = Number(today.slice(0, 4)) - 1
	const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5)
	return { from: addCalendarDays(`${year}-${monthDay}`, 1), to: today }
}

/** The Monday of the week a date falls in (weeks start on Monday). */
export function weekStarting(date: CalendarDate): CalendarDate {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
	return addCalendarDays(date, -((weekday + 6) % 7))
}

/** The last `weeks` full weeks before the week of `today`: Monday `weeks` weeks ago to last Sunday. */
export function lastFullWeeks(today: CalendarDate, weeks: number): ReportPeriod {
	const thisMonday = weekStarting(today)
	return { from: addCalendarDays(thisMonday, -7 * weeks), to: addCalendarDays(thisMonday, -1) }
}

export const LAST_12_MONTHS: PeriodPreset = { label: 'Last 12 months', of: lastTwelveMonths }
export const LAST_13_WEEKS: PeriodPreset = { label: 'Last 13 weeks', of: (today) => lastFullWeeks(today, 13) }

// ---------------------------------------------------------------------------------------------
// The chosen period from the query string (a GET form, so a report can be bookmarked and shared)

export type PeriodRules = {
	/** How the report's messages name the period: "The end of the dates…" or "The end of the period…". */
	noun: 'dates' | 'period'
	/** What no dates at all means. */
	preset: PeriodPreset
	/** The longest period the report allows (charts stay readable, pages quick), and its message. */
	longest: { days: number; message: string }
}

export type PeriodFormValues = { from: DateParts; to: DateParts }

function partsOf(date: CalendarDate): DateParts {
	return { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) }
}

/** The day, month and year fields called `name` (from-day, from-month, from-year). */
function partsIn(params: URLSearchParams, name: string): DateParts {
	const one = (part: string) => (params.get(`${name}-${part}`) ?? '').trim()
	return { day: one('day'), month: one('month'), year: one('year') }
}

const blank = (date: DateParts) => date.day === '' && date.month === '' && date.year === ''

/**
 * The period in `from-*` and `to-*`: none at all is the preset (shown back in the fields); anything
 * else must be two real dates, in order, no longer than the report allows.
 */
export function parsePeriod(
	params: URLSearchParams,
	today: CalendarDate,
	rules: PeriodRules
): { period: ReportPeriod | null; values: PeriodFormValues; errors: FieldError[] } {
	let values: PeriodFormValues = { from: partsIn(params, 'from'), to: partsIn(params, 'to') }
	if (blank(values.from) && blank(values.to)) {
		const preset = rules.preset.of(today)
		values = { from: partsOf(preset.from), to: partsOf(preset.to) }
	}
	const errors: FieldError[] = []
	const from = readDateInput(values.from, `The start of the ${rules.noun}`)
	if (!from.ok) errors.push({ field: 'from', message: from.error })
	const to = readDateInput(values.to, `The end of the ${rules.noun}`)
	if (!to.ok) errors.push({ field: 'to', message: to.error })
	if (!from.ok || !to.ok) return { period: null, values, errors }
	if (to.date < from.date) {
		errors.push({ field: 'to', message: `The end of the ${rules.noun} must be the same as or after the start` })
	} else if (calendarDaysBetween(from.date, to.date) >= rules.longest.days) {
		errors.push({ field: 'to', message: rules.longest.message })
	}
	return { period: errors.length > 0 ? null : { from: from.date, to: to.date }, values, errors }
}

// ---------------------------------------------------------------------------------------------
// What is in a period

export function inPeriod(date: CalendarDate, period: ReportPeriod): boolean {
	return date >= period.from && date <= period.to
}

/** The instants that bound the period in London: midnight at its start, midnight after its end (exclusive). */
export function londonBounds(period: ReportPeriod): { gte: Date; lt: Date } {
	return { gte: startOfLondonDay(period.from), lt: startOfLondonDay(addCalendarDays(period.to, 1)) }
}

/** Every month ('YYYY-MM') the period touches, in order. */
export function monthsOf(period: ReportPeriod): string[] {
	const months: string[] = []
	let year = Number(period.from.slice(0, 4))
	let month = Number(period.from.slice(5, 7))
	const last = period.to.slice(0, 7)
	for (let key = period.from.slice(0, 7); key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
		months.push(key)
		month += 1
		if (month === 13) {
			month = 1
			year += 1
		}
	}
	return months
}

/** The Monday of every week the period touches, in order. */
export function weeksOf(period: ReportPeriod): CalendarDate[] {
	const weeks: CalendarDate[] = []
	for (let monday = weekStarting(period.from); monday <= period.to; monday = addCalendarDays(monday, 7)) {
		weeks.push(monday)
	}
	return weeks
}

// ---------------------------------------------------------------------------------------------
// Words

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 'Mar 2026' for '2026-03'. */
export function monthLabel(month: string): string {
	return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** 'Mar ’26': short enough for a bar of a chart of many months. */
export function chartMonthLabel(month: string): string {
	return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ’${month.slice(2, 4)}`
}

/** '1 April 2025 to 31 March 2026'. */
export function periodWords(period: ReportPeriod): string {
	return `${formatDate(period.from)} to ${formatDate(period.to)}`
}

/** '1 Apr 2025 to 31 Mar 2026': short enough for a table's column heading. */
export function shortPeriodWords(period: ReportPeriod): string {
	return `${formatShortDate(period.from)} to ${formatShortDate(period.to)}`
}

// ---------------------------------------------------------------------------------------------
// The Ofsted year: 1 April to 31 March, named by the year its 31 March falls in

/** 2026 is 1 April 2025 to 31 March 2026. */
export function ofstedYear(year: number): ReportPeriod {
	return { from: `${year - 1}-04-01`, to: `${year}-03-31` }
}

/** The Ofsted year a date falls in. */
export function ofstedYearOf(date: CalendarDate): number {
	const year = Number(date.slice(0, 4))
	return date.slice(5) <= '03-31' ? year : year + 1
}

/** '2025 to 2026', as GOV.UK writes a financial year. */
export function ofstedYearLabel(year: number): string {
	return `${year - 1} to ${year}`
}

export type OfstedYearChoice = { year: number; label: string; partial: boolean }

/**
 * The years a return can be made for: from the year of the earliest enquiry on record (or the last
 * whole year, if that is later) to the year today falls in, which is not over yet. Newest first.
 */
export function ofstedYearChoices(today: CalendarDate, earliestEnquiry: CalendarDate | null): OfstedYearChoice[] {
	const current = ofstedYearOf(today)
	const first = Math.min(earliestEnquiry === null ? current - 1 : ofstedYearOf(earliestEnquiry), current - 1)
	const years: OfstedYearChoice[] = []
	for (let year = current; year >= first; year--) {
		years.push({
			year,
			label: year === current ? `${ofstedYearLabel(year)} (so far, to ${formatDate(today)})` : ofstedYearLabel(year),
			partial: year === current,
		})
	}
	return years
}

/** The year asked for in the URL (?year=2026), or the last whole year when none is asked for. */
export function parseOfstedYear(
	params: URLSearchParams,
	choices: readonly OfstedYearChoice[]
): { year: OfstedYearChoice | null; value: string; error: string | null } {
	const value = (params.get('year') ?? '').trim()
	const wanted =
		value === '' ? choices.find((choice) => !choice.partial) : choices.find((c) => String(c.year) === value)
	if (!wanted) return { year: null, value, error: 'Select a year from the list' }
	return { year: wanted, value: String(wanted.year), error: null }
}

// A household's row in the funnel (the FunnelFact table): what its stage events say about how far
// it got, when, how long each step took and where and why it left, with the attributes the funnel
// is broken down by. Pure: the models feed it a household's history and write the result in the
// same transaction as every change to that history, so the funnel is SQL over one row per household.
//
// The rules:
// - A stage's date is the FIRST day it was entered: moving back and forward again, or leaving and
//   coming back (a manager's reopen, a returning enquirer), never moves it, so a cohort's counts
//   stay put. enquiredOn is the day the household's history starts.
// - Reaching a stage means having passed every earlier one. A history that starts after Enquiry
//   (staff may add a household at a later stage) counts its earlier stages as reached on the day it
//   started, so a cohort's counts never rise from one stage to the next; their days are unknown (null).
// - Days in a stage: working days (bank holidays and the service's closure days excluded) from the
//   day it was entered to the day it was left, every time it was in it, days on hold excluded (a
//   hold pauses from its first day to the day before the household resumed or left, as the
//   response clocks count it). Null while the household is still in the stage (or never was): the
//   time is not known yet. The stage a household left from counts as left on the day it left.
// - Stage 1 and Stage 2 run in parallel: Stage 1 ends when it is completed (or at Panel, which
//   closes it), not when Stage 2 starts. Its time is known only from a recorded completion: without
//   one, the time up to Panel (or an exit) is Stage 1 and Stage 2 together, so stage1Days is null.
// - Exit fields only while the household is closed now: a reopened household is back in progress.

import type { EndedBy } from './exit-reasons.ts'
import { postcodeDistrict, readStoredInterests } from './enquiry-form.ts'
import { applyEvent, type HouseholdState, type RecordedStageEvent } from './stage-machine.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import {
	addCalendarDays,
	bankHolidays,
	isCalendarDate,
	type CalendarDate,
	type Closures,
	type PausedRange,
} from './working-days.ts'

export type FunnelStatus = 'open' | 'on_hold' | 'closed' | 'approved'

/** The stages with a time spent in them (Approved is where the funnel ends). */
export const TIMED_STAGES = STAGE_KEYS.filter((stage) => stage !== 'approved')

/** The FunnelFact column holding each stage's first date, and its days. */
export const STAGE_DATE_COLUMN = {
	enquiry: 'enquiredOn',
	initial_contact: 'initialContactOn',
	initial_visit: 'initialVisitOn',
	application: 'applicationOn',
	stage_1: 'stage1On',
	stage_2: 'stage2On',
	panel: 'panelOn',
	approved: 'approvedOn',
} as const satisfies Record<StageKey, string>
export const STAGE_DAYS_COLUMN = {
	enquiry: 'enquiryDays',
	initial_contact: 'initialContactDays',
	initial_visit: 'initialVisitDays',
	application: 'applicationDays',
	stage_1: 'stage1Days',
	stage_2: 'stage2Days',
	panel: 'panelDays',
} as const satisfies Record<Exclude<StageKey, 'approved'>, string>

/** Where a household came from: its first enquiry's attribution. */
export type FirstEnquiry = {
	channelKey: string
	utmSource: string | null
	utmMedium: string | null
	utmCampaign: string | null
	howHeard: string | null
}

export type FunnelFactInput = {
	route: string
	/** The household's stage events in the order they were recorded, each exit with its reason's key. */
	events: readonly RecordedStageEvent[]
	/** Who ends a household for each exit reason key (the service's reasons, retired ones too). */
	endedBy: ReadonlyMap<string, EndedBy | string>
	/** Null for a household with no enquiry on record (its channel is then 'unknown'). */
	firstEnquiry: FirstEnquiry | null
	/** The household's fostering interests, as Household.fosteringInterests stores them (JSON array). */
	interests: string
	postcode: string
	ownerId: string | null
	/** Brought by a referral that staff have not detached. */
	referred: boolean
	/** The service's closure days (not working days). */
	closures: Closures
}

type StageDates = {
	enquiredOn: CalendarDate
	initialContactOn: CalendarDate | null
	initialVisitOn: CalendarDate | null
	applicationOn: CalendarDate | null
	stage1On: CalendarDate | null
	stage2On: CalendarDate | null
	panelOn: CalendarDate | null
	approvedOn: CalendarDate | null
}
type StageDays = Record<(typeof STAGE_DAYS_COLUMN)[keyof typeof STAGE_DAYS_COLUMN], number | null>

/** A FunnelFact row without its householdId and updatedAt. */
export type FunnelFactFields = StageDates &
	StageDays & {
		route: string
		enquiredMonth: string
		channelKey: string
		utmSource: string | null
		utmMedium: string | null
		utmCampaign: string | null
		howHeard: string | null
		referred: boolean
		interests: string
		postcodeDistrict: string
		ownerId: string | null
		status: FunnelStatus
		currentStage: StageKey
		exitStage: StageKey | null
		exitReasonKey: string | null
		endedBy: string | null
		exitedOn: CalendarDate | null
	}

/** The stages a household is in (none while closed): the ones whose time is running. */
const inStages = (state: HouseholdState): StageKey[] => (state.status === 'closed' ? [] : state.openStages)

/** The household's funnel row, from its history. Throws a StageHistoryError if the history breaks the rules. */
export function funnelFacts(input: FunnelFactInput): FunnelFactFields {
	if (input.events.length === 0) throw new RangeError('A household needs at least one stage event')
	const firstOn = new Map<StageKey, CalendarDate>()
	// Each stage's visits, [entered, left]; left is null while the household is still in it.
	const visits = new Map<StageKey, [CalendarDate, CalendarDate | null][]>()
	const holds: PausedRange[] = []
	let heldSince: CalendarDate | null = null
	let state: HouseholdState | null = null

	for (const event of input.events) {
		const before: StageKey[] = state ? inStages(state) : []
		state = applyEvent(state, event)
		const on = event.businessDate
		const after = inStages(state)
		for (const stage of before) if (!after.includes(stage)) visits.get(stage)!.at(-1)![1] = on
		for (const stage of after) {
			if (before.includes(stage)) continue
			if (!firstOn.has(stage)) firstOn.set(stage, on)
			visits.set(stage, [...(visits.get(stage) ?? []), [on, null]])
		}
		if (event.kind === 'hold') heldSince = on
		if (heldSince !== null && state.status !== 'on_hold') {
			// Paused from the first day of the hold to the day before they resumed, enquired again or left.
			const to = addCalendarDays(on, -1)
			if (to >= heldSince) holds.push([heldSince, to])
			heldSince = null
		}
	}
	// A hold still running needs no range: the stages it pauses are still open, so not counted yet.
	const final = state!

	// The machine never skips a stage, so the only stages passed without an event are those
	// before the one the history started at: reached on the day it started.
	const startedOn = input.events[0]!.businessDate
	const dates = {} as Record<StageKey, CalendarDate | null>
	let laterReached = false
	for (const stage of [...STAGE_KEYS].reverse()) {
		const on = firstOn.get(stage) ?? null
		laterReached ||= on !== null
		dates[stage] = on ?? (laterReached ? startedOn : null)
	}

	const days = {} as StageDays
	for (const stage of TIMED_STAGES) {
		const spans = visits.get(stage) ?? []
		const stillIn = spans.some(([, left]) => left === null)
		days[STAGE_DAYS_COLUMN[stage]] =
			spans.length === 0 || stillIn
				? null
				: spans.reduce((total, [entered, left]) => total + countWorkingDays(entered, left!, input.closures, holds), 0)
	}

	// Without a recorded completion, Stage 1's end is Panel's start or the exit: not Stage 1's time (issue 15).
	if (!input.events.some((event) => event.kind === 'completed')) days.stage1Days = null

	const closed = final.status === 'closed' ? final.closed : null
	const enquiredOn = dates.enquiry ?? startedOn
	const attribution = input.firstEnquiry
	return {
		route: input.route,
		enquiredOn,
		enquiredMonth: enquiredOn.slice(0, 7),
		channelKey: attribution?.channelKey ?? 'unknown',
		utmSource: attribution?.utmSource ?? null,
		utmMedium: attribution?.utmMedium ?? null,
		utmCampaign: attribution?.utmCampaign ?? null,
		howHeard: attribution?.howHeard ?? null,
		referred: input.referred,
		// Each interest once, so the breakdown by interest counts a household once under each.
		interests: JSON.stringify(readStoredInterests(input.interests)),
		postcodeDistrict: postcodeDistrict(input.postcode),
		ownerId: input.ownerId,
		status: final.stage === 'approved' ? 'approved' : final.status,
		currentStage: final.stage,
		initialContactOn: dates.initial_contact,
		initialVisitOn: dates.initial_visit,
		applicationOn: dates.application,
		stage1On: dates.stage_1,
		stage2On: dates.stage_2,
		panelOn: dates.panel,
		approvedOn: dates.approved,
		exitStage: closed?.fromStage ?? null,
		exitReasonKey: closed?.exitReasonKey ?? null,
		endedBy: closed?.exitReasonKey ? (input.endedBy.get(closed.exitReasonKey) ?? null) : null,
		exitedOn: closed?.on ?? null,
		...days,
	}
}

// ---------------------------------------------------------------------------------------------
// Counting working days fast

const DAY_MS = 86_400_000

function dayNumber(date: CalendarDate): number {
	if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`)
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

/** 1970-01-01 was a Thursday: 0 is Sunday, 6 Saturday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7
const isWeekday = (day: number) => weekday(day) !== 0 && weekday(day) !== 6

/** Monday to Friday days from a fixed Monday long ago up to `day`: differences count weekdays in (a, b]. */
function weekdaysUpTo(day: number): number {
	// Days from the Monday 700,000 days before 1970-01-05 (a Monday) to `day`, inclusive.
	const days = day - 4 + 700_000 + 1
	return 5 * Math.floor(days / 7) + Math.min(days % 7, 5)
}

const holidayDays = new Map<number, number[]>()
/** The bank holidays of a year that fall on weekdays (all of them, with substitute days), as day numbers. */
function weekdayHolidays(year: number): number[] {
	let days = holidayDays.get(year)
	if (!days) {
		days = bankHolidays(year)
			.map((holiday) => dayNumber(holiday.date))
			.filter(isWeekday)
		holidayDays.set(year, days)
	}
	return days
}

const closureDays = new WeakMap<object, number[]>()
/** The closure days that are not already weekends or bank holidays, as sorted day numbers. */
function weekdayClosures(closures: Closures): number[] {
	let days = closureDays.get(closures)
	if (!days) {
		days = [...new Set(closures)]
			.map((date) => ({ date, day: dayNumber(date) }))
			.filter(({ date, day }) => isWeekday(day) && !weekdayHolidays(Number(date.slice(0, 4))).includes(day))
			.map(({ day }) => day)
			.sort((a, b) => a - b)
		closureDays.set(closures, days)
	}
	return days
}

/** How many of the sorted `days` are in (from, to]. */
function countIn(days: readonly number[], from: number, to: number): number {
	let count = 0
	for (const day of days) if (day > from && day <= to) count++
	return count
}

/** Working days in (from, to] (day numbers), closures and bank holidays excluded. */
function workingDaysIn(from: number, to: number, closures: readonly number[]): number {
	if (to <= from) return 0
	let total = weekdaysUpTo(to) - weekdaysUpTo(from) - countIn(closures, from, to)
	const lastYear = new Date(to * DAY_MS).getUTCFullYear()
	for (let year = new Date((from + 1) * DAY_MS).getUTCFullYear(); year <= lastYear; year++) {
		total -= countIn(weekdayHolidays(year), from, to)
	}
	return total
}

/**
 * workingDaysBetween (app/domain/working-days.ts), counted by arithmetic instead of day by day:
 * the funnel rows of a million households are timed in seconds, not minutes. The same answer
 * for every input (funnel-facts.test.ts compares the two over thousands of random spans).
 */
export function countWorkingDays(
	from: CalendarDate,
	to: CalendarDate,
	closures: Closures,
	paused: readonly PausedRange[]
): number {
	const start = dayNumber(from)
	const end = dayNumber(to)
	const closed = weekdayClosures(closures)
	let total = workingDaysIn(start, end, closed)
	// Holds never overlap (a household is resumed before it is held again): subtract each one's share.
	for (const [pausedFrom, pausedTo] of paused) {
		const heldFrom = dayNumber(pausedFrom)
		const heldTo = dayNumber(pausedTo)
		if (heldFrom > heldTo) throw new RangeError(`Paused range ends before it starts: ${pausedFrom} to ${pausedTo}`)
		total -= workingDaysIn(Math.max(start, heldFrom - 1), Math.min(end, heldTo), closed)
	}
	return total
}

/** A FunnelFact row's columns (besides updatedAt), in the order the bulk inserts give them. */
export const FUNNEL_FACT_COLUMNS = [
	'householdId',
	'route',
	'enquiredOn',
	'enquiredMonth',
	'channelKey',
	'utmSource',
	'utmMedium',
	'utmCampaign',
	'howHeard',
	'referred',
	'interests',
	'postcodeDistrict',
	'ownerId',
	'status',
	'currentStage',
	'initialContactOn',
	'initialVisitOn',
	'applicationOn',
	'stage1On',
	'stage2On',
	'panelOn',
	'approvedOn',
	'exitStage',
	'exitReasonKey',
	'endedBy',
	'exitedOn',
	'enquiryDays',
	'initialContactDays',
	'initialVisitDays',
	'applicationDays',
	'stage1Days',
	'stage2Days',
	'panelDays',
] as const satisfies readonly (keyof FunnelFactFields | 'householdId')[]

// Response-time clocks: how long the service takes at each step it has promised to be quick at,
// worked out from a household's stage events alone (no clock is stored, so none can drift).
//
// The clocks and their default targets (docs/domain.md; every target is the service's to change):
// - first_contact: the enquiry to the first personal contact (Initial contact), 1 working day; a
//   returning enquirer's enquiry that ends a hold starts it again, and the personal contact
//   that answers it (a 'contacted' event, or Initial contact) stops it (ADR 031).
// - initial_visit: the first contact to the initial visit, 10 working days.
// - stage_1_decision: the last Stage 1 check received to the Stage 1 decision, 10 working days.
//   It starts when staff record that the last check is in (a 'checks_received' event).
// - application_to_panel: the application to panel, the service's own target in months (6), with
//   the statutory limit of 8 months (NMS 14.4) shown beside it.
// - panel_to_decision: the panel's recommendation to the agency decision, 7 working days.
//
// "N working days after" is the end of the Nth working day after the day the clock started
// (addWorkingDays), in Europe/London, so a clock change never moves a deadline. Days on hold do
// not count: a hold pauses every running clock, and the deadline moves on by the working days (or,
// for months, the calendar days) spent on hold. While on hold a clock has no deadline.
//
// The targets are those in force on the day a clock started (`targetsOn`), so a new target applies
// to clocks started after the change and a running clock keeps the one it started with.

import type { RecordedStageEvent } from './stage-machine.ts'
import type { StageKey } from './stages.ts'
import {
	addCalendarDays,
	addMonths,
	addWorkingDays,
	calendarDaysBetween,
	workingDaysBetween,
	type CalendarDate,
	type Closures,
	type PausedRange,
} from './working-days.ts'

export const CLOCK_KEYS = [
	'first_contact',
	'initial_visit',
	'stage_1_decision',
	'application_to_panel',
	'panel_to_decision',
] as const
export type ClockKey = (typeof CLOCK_KEYS)[number]

export const CLOCK_LABELS: Record<ClockKey, string> = {
	first_contact: 'Enquiry to first personal contact',
	initial_visit: 'First contact to initial visit',
	stage_1_decision: 'Last Stage 1 check to Stage 1 decision',
	application_to_panel: 'Application to panel',
	panel_to_decision: 'Panel to decision',
}

/** The service's targets, as ServiceConfig.targets holds them. */
export type ClockTargets = {
	firstContactWorkingDays: number
	initialVisitWorkingDays: number
	stage1DecisionWorkingDays: number
	applicationToPanelMonths: number
	panelToDecisionWorkingDays: number
}

/** The statutory limit from application to panel (Fostering NMS 14.4). */
export const STATUTORY_PANEL_MONTHS = 8
/** A running clock is at risk once this share of its target has gone (docs/domain.md). */
export const DEFAULT_AT_RISK_SHARE = 0.75

export type ClockTarget = { unit: 'working_days' | 'months'; amount: number }
export type ClockStatus = 'on_track' | 'at_risk' | 'overdue' | 'paused' | 'met' | 'missed' | 'stopped'

export type Clock = {
	key: ClockKey
	startedOn: CalendarDate
	target: ClockTarget
	/** The end of this day is the deadline; null while on hold (it moves when they resume). */
	deadline: CalendarDate | null
	/** From this day the clock is at risk (the at-risk share of its target has gone); null while on hold. */
	atRiskOn: CalendarDate | null
	/** application_to_panel only: the 8-month limit, moved on by time on hold like the target. */
	statutoryDeadline: CalendarDate | null
	/** When the step was done (met or missed) or the household left (stopped); null while running. */
	endedOn: CalendarDate | null
	/** Working days from the start to today (or to the end), not counting the start day or holds. */
	elapsedWorkingDays: number
	/** Days on hold so far (calendar days, whole holds). */
	pausedDays: number
	status: ClockStatus
}

export type ClockContext = {
	today: CalendarDate
	/** The targets in force on a date (the day a clock started). */
	targetsOn: (date: CalendarDate) => ClockTargets
	/** The service's closure days (besides weekends and bank holidays). */
	closures?: Closures
	atRiskShare?: number
}

/** Which clock starts when a household enters a stage. */
const STARTS_ON_ENTRY: Partial<Record<StageKey, ClockKey[]>> = {
	enquiry: ['first_contact'],
	initial_contact: ['initial_visit'],
	application: ['application_to_panel'],
	panel: ['panel_to_decision'],
}
/** Which clock a stage's entry completes. */
const STOPS_ON_ENTRY: Partial<Record<StageKey, ClockKey[]>> = {
	initial_contact: ['first_contact'],
	initial_visit: ['initial_visit'],
	// Panel closes an open Stage 1 (the stage machine's rule), so it is the Stage 1 decision too.
	panel: ['application_to_panel', 'stage_1_decision'],
	approved: ['panel_to_decision'],
}

function targetOf(key: ClockKey, targets: ClockTargets): ClockTarget {
	switch (key) {
		case 'first_contact':
			return { unit: 'working_days', amount: targets.firstContactWorkingDays }
		case 'initial_visit':
			return { unit: 'working_days', amount: targets.initialVisitWorkingDays }
		case 'stage_1_decision':
			return { unit: 'working_days', amount: targets.stage1DecisionWorkingDays }
		case 'application_to_panel':
			return { unit: 'months', amount: targets.applicationToPanelMonths }
		case 'panel_to_decision':
			return { unit: 'working_days', amount: targets.panelToDecisionWorkingDays }
	}
}

type Running = { key: ClockKey; startedOn: CalendarDate; target: ClockTarget; paused: PausedRange[] }

/**
 * Every clock the household's history has started, in the order they started: the running ones
 * with their status today, the finished ones with whether they met their target. Events must be
 * in the order they were recorded, as the stage machine replays them.
 */
export function responseClocks(events: readonly RecordedStageEvent[], context: ClockContext): Clock[] {
	const finished: Clock[] = []
	const running = new Map<ClockKey, Running>()
	let heldSince: CalendarDate | null = null

	const start = (key: ClockKey, on: CalendarDate) => {
		running.set(key, { key, startedOn: on, target: targetOf(key, context.targetsOn(on)), paused: [] })
	}
	const stop = (key: ClockKey, on: CalendarDate, how: 'done' | 'left') => {
		const clock = running.get(key)
		if (!clock) return
		running.delete(key)
		finished.push(measure(clock, on, how, context))
	}

	for (const event of events) {
		const on = event.businessDate
		switch (event.kind) {
			case 'entered':
			case 'reopen': {
				const to = event.toStage as StageKey
				for (const key of STOPS_ON_ENTRY[to] ?? []) stop(key, on, 'done')
				// Moving back (a manager's correction) or reopening: the step starts again.
				for (const key of STARTS_ON_ENTRY[to] ?? []) {
					if (running.has(key)) stop(key, on, 'left')
					start(key, on)
				}
				break
			}
			case 'checks_received':
				start('stage_1_decision', on)
				break
			case 'completed':
				stop('stage_1_decision', on, 'done')
				break
			case 'hold':
				heldSince = on
				break
			case 'resume':
				if (heldSince !== null) {
					for (const clock of running.values()) pause(clock, heldSince, on)
					heldSince = null
				}
				break
			case 'returned':
				// A returning enquirer's enquiry ends a hold and is owed a first contact of its own
				// (ADR 031); one while the household is open changes no clock.
				if (heldSince === null) break
				for (const clock of running.values()) pause(clock, heldSince, on)
				heldSince = null
				if (running.has('first_contact')) stop('first_contact', on, 'left')
				start('first_contact', on)
				break
			case 'contacted':
				stop('first_contact', on, 'done')
				break
			case 'exit':
				if (heldSince !== null) {
					for (const clock of running.values()) pause(clock, heldSince, on)
					heldSince = null
				}
				for (const key of [...running.keys()]) stop(key, on, 'left')
				break
		}
	}

	const now = [...running.values()].map((clock) => {
		if (heldSince === null) return measure(clock, null, null, context)
		// On hold today: the days so far are paused, and there is no deadline until they resume.
		const paused = { ...clock, paused: [...clock.paused, [heldSince, context.today] as const] }
		return {
			...measure(paused, null, null, context),
			deadline: null,
			atRiskOn: null,
			statutoryDeadline: null,
			status: 'paused' as const,
		}
	})
	return [...finished, ...now].sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0))
}

/** A hold from `from` to the day before `resumedOn` (a resume on the day of the hold pauses nothing). */
function pause(clock: Running, from: CalendarDate, resumedOn: CalendarDate) {
	const to = addCalendarDays(resumedOn, -1)
	if (to >= from && to >= clock.startedOn) clock.paused.push([from < clock.startedOn ? clock.startedOn : from, to])
}

function pausedDaysOf(paused: readonly PausedRange[]): number {
	return paused.reduce((total, [from, to]) => total + calendarDaysBetween(from, to) + 1, 0)
}

function deadlineOf(clock: Pick<Running, 'startedOn' | 'target' | 'paused'>, closures?: Closures): CalendarDate {
	if (clock.target.unit === 'working_days')
		return addWorkingDays(clock.startedOn, clock.target.amount, closures, clock.paused)
	return addCalendarDays(addMonths(clock.startedOn, clock.target.amount), pausedDaysOf(clock.paused))
}

function measure(
	clock: Running,
	endedOn: CalendarDate | null,
	how: 'done' | 'left' | null,
	context: ClockContext
): Clock {
	const deadline = deadlineOf(clock, context.closures)
	const atRiskOn = atRiskOf(clock, deadline, context)
	const statutoryDeadline =
		clock.key === 'application_to_panel'
			? deadlineOf({ ...clock, target: { unit: 'months', amount: STATUTORY_PANEL_MONTHS } }, context.closures)
			: null
	const until = endedOn ?? context.today
	const base = {
		key: clock.key,
		startedOn: clock.startedOn,
		target: clock.target,
		deadline,
		atRiskOn,
		statutoryDeadline,
		endedOn,
		elapsedWorkingDays: workingDaysBetween(clock.startedOn, until, context.closures, clock.paused),
		pausedDays: pausedDaysOf(clock.paused),
	}
	if (how === 'left') return { ...base, status: 'stopped' }
	if (how === 'done') return { ...base, status: until <= deadline ? 'met' : 'missed' }
	return { ...base, status: until > deadline ? 'overdue' : until >= atRiskOn ? 'at_risk' : 'on_track' }
}

/**
 * The first day on which the at-risk share of the target has gone: working days for working-day
 * targets (75% of 10 days is the 8th working day; of 1 day, the day itself), calendar days (not
 * counting holds) for months. Never after the deadline.
 */
function atRiskOf(clock: Running, deadline: CalendarDate, context: ClockContext): CalendarDate {
	const share = context.atRiskShare ?? DEFAULT_AT_RISK_SHARE
	if (clock.target.unit === 'working_days') {
		return addWorkingDays(clock.startedOn, Math.ceil(share * clock.target.amount), context.closures, clock.paused)
	}
	const paused = pausedDaysOf(clock.paused)
	const total = calendarDaysBetween(clock.startedOn, deadline) - paused
	const day = addCalendarDays(clock.startedOn, Math.ceil(share * total) + paused)
	return day < deadline ? day : deadline
}

/** The statuses of a clock still running (not ended, not waiting on a hold). */
const RUNNING: readonly ClockStatus[] = ['on_track', 'at_risk', 'overdue']

/** The running clock with the earliest deadline (the one the row copies), if any runs. */
export function nearestRunningClock(clocks: readonly Clock[]): Clock | undefined {
	return clocks
		.filter((clock) => RUNNING.includes(clock.status))
		.sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0))[0]
}

/**
 * The Household row's copy of its nearest deadline (Household.nextClock*), written whenever its
 * events change: the running clock with the earliest deadline, or nothing (none runs, or on hold).
 */
export function nextClockFields(clocks: readonly Clock[]): {
	nextClockKey: ClockKey | null
	nextClockAtRiskOn: CalendarDate | null
	nextClockDeadline: CalendarDate | null
} {
	const next = nearestRunningClock(clocks)
	return {
		nextClockKey: next?.key ?? null,
		nextClockAtRiskOn: next?.atRiskOn ?? null,
		nextClockDeadline: next?.deadline ?? null,
	}
}

/** The status of a household's nearest clock on a day, from its row's copy (as the board shows it). */
export function statusFromRow(
	row: { nextClockAtRiskOn: string | null; nextClockDeadline: string | null },
	today: CalendarDate
): 'on_track' | 'at_risk' | 'overdue' | null {
	if (!row.nextClockDeadline || !row.nextClockAtRiskOn) return null
	if (today > row.nextClockDeadline) return 'overdue'
	return today >= row.nextClockAtRiskOn ? 'at_risk' : 'on_track'
}

/**
 * Whether a personal contact on `on` answers a returning enquirer's enquiry (ADR 031): a
 * first-contact clock runs that the contact's day does not precede, and the household is past
 * Enquiry (there, the contact is Initial contact, which stops the clock itself). The contact is
 * then recorded as a 'contacted' event, which stops it.
 */
export function answersReturnedEnquiry(
	events: readonly RecordedStageEvent[],
	stage: StageKey,
	on: CalendarDate,
	context: ClockContext
): boolean {
	if (stage === 'enquiry') return false
	return responseClocks(events, context).some(
		(clock) =>
			clock.key === 'first_contact' && clock.endedOn === null && clock.status !== 'paused' && clock.startedOn <= on
	)
}

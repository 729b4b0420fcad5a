// How the response-time clocks are put into words for staff: the flag on a pipeline card, what is
// due on "My work" and the record's table of clocks. Pure, so the wording and grouping are tested
// without a database or a clock (today is always passed in).

import type { Clock, ClockKey, ClockStatus, ClockTarget } from './response-clocks.ts'
import type { StageKey } from './stages.ts'
import { addCalendarDays, formatDate, formatLongDate, type CalendarDate } from './working-days.ts'

/** The status of a running clock as the household row's copy gives it (statusFromRow). */
export type RunningStatus = 'on_track' | 'at_risk' | 'overdue'

/** The household's nearest deadline, as the board, the list and My work show it. */
export type NextDeadline = { key: ClockKey; on: CalendarDate; status: RunningStatus }

/** What each clock is waiting for, as the middle of a sentence ("first personal contact was due..."). */
export const CLOCK_DUE_WORDS: Record<ClockKey, string> = {
	first_contact: 'first personal contact',
	initial_visit: 'initial visit',
	stage_1_decision: 'Stage 1 decision',
	application_to_panel: 'panel',
	panel_to_decision: 'agency decision',
}

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
	on_track: 'On track',
	at_risk: 'At risk',
	overdue: 'Overdue',
	paused: 'Paused (on hold)',
	met: 'Met',
	missed: 'Missed',
	stopped: 'Stopped (left)',
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** '20 November' this year, '20 November 2027' in another; with the weekday: 'Friday 20 November'. */
export function formatDueDate(date: CalendarDate, today: CalendarDate, withWeekday = false): string {
	const full = withWeekday ? formatLongDate(date) : formatDate(date)
	return date.slice(0, 4) === today.slice(0, 4) ? full.slice(0, -5) : full
}

/**
 * What is due and by when, as a sentence: "First personal contact was due 20 November" once the
 * deadline has passed, "First personal contact due by 24 November" before.
 */
export function describeDeadline(deadline: NextDeadline, today: CalendarDate, withWeekday = false): string {
	const what = capitalise(CLOCK_DUE_WORDS[deadline.key])
	const when = formatDueDate(deadline.on, today, withWeekday)
	return deadline.status === 'overdue' ? `${what} was due ${when}` : `${what} due by ${when}`
}

/** "10 working days", "1 working day", "6 months". */
export function describeTarget(target: ClockTarget): string {
	if (target.unit === 'months') return target.amount === 1 ? '1 month' : `${target.amount} months`
	return target.amount === 1 ? '1 working day' : `${target.amount} working days`
}

// ---------------------------------------------------------------------------------------------
// My work

export const WORK_GROUPS = ['overdue', 'today', 'this_week', 'later', 'no_deadline', 'on_hold'] as const
export type WorkGroup = (typeof WORK_GROUPS)[number]

export const WORK_GROUP_HEADINGS: Record<WorkGroup, string> = {
	overdue: 'Overdue',
	today: 'Due today',
	this_week: 'Due this week',
	later: 'Later',
	no_deadline: 'No deadline running',
	on_hold: 'On hold',
}

/** "Due this week" is the seven days after today, so on a Friday it still shows next week's first days. */
export const THIS_WEEK_DAYS = 7

/** The last day "Due this week" covers. */
export function endOfThisWeek(today: CalendarDate): CalendarDate {
	return addCalendarDays(today, THIS_WEEK_DAYS)
}

/** Which group a due date puts a piece of work in (null: nothing is due). */
export function workGroupOf(due: CalendarDate | null, today: CalendarDate): Exclude<WorkGroup, 'on_hold'> {
	if (due === null) return 'no_deadline'
	if (due < today) return 'overdue'
	if (due === today) return 'today'
	if (due <= endOfThisWeek(today)) return 'this_week'
	return 'later'
}

/** One thing on My work: a household's nearest deadline, an open task, or a household on hold. */
export type WorkItem = {
	kind: 'deadline' | 'task' | 'on_hold'
	key: string
	householdId: string
	householdName: string
	reference: string
	stage: StageKey
	/** The deadline, the task's due date or the hold's review date; null when nothing is due. */
	due: CalendarDate | null
	/** What is due, in a sentence. */
	what: string
	/** The tag to show beside it, if any. */
	status: ClockStatus | null
}

/**
 * Puts the items in their groups, soonest first (tasks after deadlines on the same day, then by
 * household name), and leaves out the empty groups. On-hold households go last whatever their
 * review date, since nothing can be done for them until they resume.
 */
export function groupMyWork(items: readonly WorkItem[], today: CalendarDate) {
	const order = (a: WorkItem, b: WorkItem) =>
		(a.due ?? '9999').localeCompare(b.due ?? '9999') ||
		(a.kind === b.kind ? 0 : a.kind === 'task' ? 1 : -1) ||
		a.householdName.localeCompare(b.householdName) ||
		a.key.localeCompare(b.key)
	const groups = new Map<WorkGroup, WorkItem[]>()
	for (const item of items) {
		const group = item.kind === 'on_hold' ? 'on_hold' : workGroupOf(item.due, today)
		groups.set(group, [...(groups.get(group) ?? []), item])
	}
	return WORK_GROUPS.filter((group) => groups.has(group)).map((group) => ({
		group,
		heading: WORK_GROUP_HEADINGS[group],
		items: groups.get(group)!.sort(order),
	}))
}

/** A task's status on a day: overdue after its due date, otherwise none (tasks have no at-risk). */
export function taskStatus(dueOn: CalendarDate, today: CalendarDate): 'overdue' | null {
	return dueOn < today ? 'overdue' : null
}

/** "Task due by Tuesday 24 November: Ask for references" ("Task was due..." once it has passed). */
export function describeTask(title: string, dueOn: CalendarDate, today: CalendarDate): string {
	const when = formatDueDate(dueOn, today, true)
	return `Task ${dueOn < today ? 'was due' : 'due by'} ${when}: ${title}`
}

// ---------------------------------------------------------------------------------------------
// The household record's table of clocks

export type ClockRow = {
	key: string
	what: string
	startedOn: CalendarDate
	target: string
	deadline: CalendarDate | null
	elapsedWorkingDays: number
	pausedDays: number
	status: ClockStatus
	endedOn: CalendarDate | null
	statutory: boolean
}

/**
 * The record's rows: one per clock, and for application to panel a second row for the statutory
 * 8-month limit (NMS 14.4), which the service must keep whatever its own target says.
 */
export function clockRows(
	clocks: readonly Clock[],
	labels: Record<ClockKey, string>,
	today: CalendarDate,
	statutoryMonths: number
): ClockRow[] {
	const rows: ClockRow[] = []
	clocks.forEach((clock, index) => {
		const common = {
			startedOn: clock.startedOn,
			elapsedWorkingDays: clock.elapsedWorkingDays,
			pausedDays: clock.pausedDays,
			endedOn: clock.endedOn,
		}
		rows.push({
			...common,
			key: `${clock.key}-${index}`,
			what: labels[clock.key],
			target: describeTarget(clock.target),
			deadline: clock.deadline,
			status: clock.status,
			statutory: false,
		})
		if (clock.key !== 'application_to_panel') return
		rows.push({
			...common,
			key: `${clock.key}-${index}-statutory`,
			what: `${labels[clock.key]}: statutory limit`,
			target: describeTarget({ unit: 'months', amount: statutoryMonths }),
			deadline: clock.statutoryDeadline,
			status: statutoryStatus(clock, today),
			statutory: true,
		})
	})
	return rows
}

/** The statutory limit's own status: no at-risk warning of its own (the service's target gives that). */
function statutoryStatus(clock: Clock, today: CalendarDate): ClockStatus {
	if (clock.status === 'paused' || clock.status === 'stopped' || !clock.statutoryDeadline) return clock.status
	if (clock.endedOn !== null) return clock.endedOn <= clock.statutoryDeadline ? 'met' : 'missed'
	return today > clock.statutoryDeadline ? 'overdue' : 'on_track'
}

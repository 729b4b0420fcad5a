// "My work": what a member of staff has to do next, in groups by when it is due. Their open
// households' nearest deadlines, their households on hold with the review date, and the open tasks
// given to them become one list of work items (the model reads the rows; app/models/my-work
// .server.ts), grouped soonest first. Pure: today is passed in.

import { describeDeadline, formatDueDate, nextDeadlineOf } from './deadlines.ts'
import type { ClockStatus } from './response-clocks.ts'
import type { StageKey } from './stages.ts'
import { addCalendarDays, type CalendarDate } from './working-days.ts'

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
	/** Whose it is, on work that is not the reader's own (a colleague's, or null: nobody's). */
	ownerName?: string | null
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

/** What My work is made of, as the model reads it: each names its household. */
type HouseholdOfWork = { id: string; displayName: string; reference: string; stage: string }
export type MyWorkRows = {
	/** Open households, with the row's copy of their nearest deadline (Household.nextClock*). */
	households: readonly (HouseholdOfWork & {
		nextClockKey: string | null
		nextClockAtRiskOn: string | null
		nextClockDeadline: string | null
	})[]
	/** Households on hold, with the review date of the hold that started it (null if none was set). */
	onHold: readonly (HouseholdOfWork & { reviewOn: CalendarDate | null })[]
	/** Open tasks. */
	tasks: readonly { id: string; title: string; dueOn: CalendarDate; household: HouseholdOfWork }[]
}

const about = (household: HouseholdOfWork) => ({
	householdId: household.id,
	householdName: household.displayName || household.reference,
	reference: household.reference,
	stage: household.stage as StageKey,
})

/** A household's nearest deadline (or that no clock runs). */
function deadlineItem(household: MyWorkRows['households'][number], today: CalendarDate): WorkItem {
	const deadline = nextDeadlineOf(household, today)
	return {
		kind: 'deadline',
		key: `household-${household.id}`,
		...about(household),
		due: deadline?.on ?? null,
		what: deadline ? describeDeadline(deadline, today, true) : 'No response-time clock is running',
		status: deadline?.status ?? null,
	}
}

/** A household on hold, due on its review date. */
function onHoldItem(household: MyWorkRows['onHold'][number], today: CalendarDate): WorkItem {
	return {
		kind: 'on_hold',
		key: `held-${household.id}`,
		...about(household),
		due: household.reviewOn,
		what: household.reviewOn ? `On hold: review by ${formatDueDate(household.reviewOn, today, true)}` : 'On hold',
		status: null,
	}
}

function taskItem(task: MyWorkRows['tasks'][number], today: CalendarDate): WorkItem {
	return {
		kind: 'task',
		key: `task-${task.id}`,
		...about(task.household),
		due: task.dueOn,
		what: describeTask(task.title, task.dueOn, today),
		status: taskStatus(task.dueOn, today),
	}
}

/** The rows as work items, in their groups (groupMyWork). */
export function myWorkGroups(rows: MyWorkRows, today: CalendarDate) {
	const items = [
		...rows.households.map((household) => deadlineItem(household, today)),
		...rows.onHold.map((household) => onHoldItem(household, today)),
		...rows.tasks.map((task) => taskItem(task, today)),
	]
	return groupMyWork(items, today)
}

/** Open households that are not the reader's own: nobody's yet, or a colleague's that needs help. */
export type SharedWorkRows = readonly (MyWorkRows['households'][number] & { ownerName: string | null })[]

/**
 * Work beside the reader's own (ADR 031): each household's nearest deadline, saying whose it
 * is, soonest first (then by name); those with no clock running last.
 */
export function sharedWorkItems(rows: SharedWorkRows, today: CalendarDate): WorkItem[] {
	return rows
		.map((household) => ({ ...deadlineItem(household, today), ownerName: household.ownerName }))
		.sort(
			(a, b) =>
				(a.due ?? '9999').localeCompare(b.due ?? '9999') ||
				a.householdName.localeCompare(b.householdName) ||
				a.key.localeCompare(b.key)
		)
}

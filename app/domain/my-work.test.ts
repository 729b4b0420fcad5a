// My work's groups, worked out by hand for Friday 20 November 2026: which group each household,
// hold and task falls in, in what order, and the sentence each shows.
import { describe, expect, test } from 'vitest'
import {
	describeTask,
	endOfThisWeek,
	groupMyWork,
	myWorkGroups,
	sharedWorkItems,
	workGroupOf,
	type WorkItem,
} from './my-work.ts'

const TODAY = '2026-11-20'

describe('My work groups', () => {
	test('a due date falls in overdue, today, the next seven days or later', () => {
		expect(workGroupOf('2026-11-19', TODAY)).toBe('overdue')
		expect(workGroupOf(TODAY, TODAY)).toBe('today')
		// On a Friday "this week" still takes in the next week's first days.
		expect(workGroupOf('2026-11-23', TODAY)).toBe('this_week')
		expect(endOfThisWeek(TODAY)).toBe('2026-11-27')
		expect(workGroupOf('2026-11-27', TODAY)).toBe('this_week')
		expect(workGroupOf('2026-11-28', TODAY)).toBe('later')
		expect(workGroupOf(null, TODAY)).toBe('no_deadline')
	})

	test('tasks say what to do after when', () => {
		expect(describeTask('Ask for references', '2026-11-24', TODAY)).toBe(
			'Task due by Tuesday 24 November: Ask for references'
		)
		expect(describeTask('Ask for references', '2026-11-18', TODAY)).toBe(
			'Task was due Wednesday 18 November: Ask for references'
		)
	})

	test('groups in a fixed order, soonest first, deadlines before tasks on the same day, on hold last', () => {
		const item = (fields: Partial<WorkItem> & Pick<WorkItem, 'key'>): WorkItem => ({
			kind: 'deadline',
			householdId: fields.key,
			householdName: 'Shah',
			reference: 'FC-1',
			stage: 'enquiry',
			due: null,
			what: '',
			status: null,
			...fields,
		})
		const groups = groupMyWork(
			[
				item({ key: 'held', kind: 'on_hold', due: '2026-11-01' }),
				item({ key: 'none' }),
				item({ key: 'later', due: '2027-02-01' }),
				item({ key: 'task-today', kind: 'task', due: TODAY }),
				item({ key: 'today', due: TODAY }),
				item({ key: 'late-2', due: '2026-11-19', householdName: 'Adams' }),
				item({ key: 'late-1', due: '2026-11-10' }),
				item({ key: 'late-3', due: '2026-11-19', householdName: 'Brown' }),
			],
			TODAY
		)
		expect(groups.map((group) => [group.heading, group.items.map((one) => one.key)])).toEqual([
			['Overdue', ['late-1', 'late-2', 'late-3']],
			['Due today', ['today', 'task-today']],
			['Later', ['later']],
			['No deadline running', ['none']],
			['On hold', ['held']],
		])
	})
})

describe("a member of staff's rows as My work", () => {
	const shah = { id: 'h1', displayName: 'Shah', reference: 'FC-1', stage: 'initial_contact' }
	// No display name yet: the reference stands in for it.
	const unnamed = { id: 'h2', displayName: '', reference: 'FC-2', stage: 'enquiry' }
	const noClock = { nextClockKey: null, nextClockAtRiskOn: null, nextClockDeadline: null }
	const groups = myWorkGroups(
		{
			households: [
				// At risk since the 17th, due Thursday the 19th: passed yesterday.
				{ ...shah, nextClockKey: 'initial_visit', nextClockAtRiskOn: '2026-11-17', nextClockDeadline: '2026-11-19' },
				// At risk from today, due Monday the 23rd: within the seven days.
				{ ...unnamed, nextClockKey: 'first_contact', nextClockAtRiskOn: TODAY, nextClockDeadline: '2026-11-23' },
				{ id: 'h3', displayName: 'Okafor', reference: 'FC-3', stage: 'stage_2', ...noClock },
			],
			onHold: [
				{ id: 'h4', displayName: 'Brown', reference: 'FC-4', stage: 'stage_1', reviewOn: '2027-01-04' },
				{ id: 'h5', displayName: 'Evans', reference: 'FC-5', stage: 'stage_1', reviewOn: null },
			],
			tasks: [
				{ id: 't1', title: 'Ask for references', dueOn: TODAY, household: shah },
				{ id: 't2', title: 'Book the visit', dueOn: '2026-11-18', household: unnamed },
			],
		},
		TODAY
	)

	test('each row is in the group of its due date, soonest first; holds last whatever their date', () => {
		expect(groups.map((group) => [group.group, group.items.map((item) => item.key)])).toEqual([
			// The 18th's task before the 19th's deadline.
			['overdue', ['task-t2', 'household-h1']],
			['today', ['task-t1']],
			['this_week', ['household-h2']],
			['no_deadline', ['household-h3']],
			// Same (null) review date for Evans: by name, Brown first.
			['on_hold', ['held-h4', 'held-h5']],
		])
	})

	test('each says what is due, with the weekday, and carries the tag to show', () => {
		const items = groups.flatMap((group) => group.items)
		const byKey = Object.fromEntries(items.map((item) => [item.key, item]))
		expect(byKey['household-h1']).toEqual({
			kind: 'deadline',
			key: 'household-h1',
			householdId: 'h1',
			householdName: 'Shah',
			reference: 'FC-1',
			stage: 'initial_contact',
			due: '2026-11-19',
			what: 'Initial visit was due Thursday 19 November',
			status: 'overdue',
		})
		expect(byKey['household-h2']).toMatchObject({
			householdName: 'FC-2',
			due: '2026-11-23',
			what: 'First personal contact due by Monday 23 November',
			status: 'at_risk',
		})
		expect(byKey['household-h3']).toMatchObject({ due: null, what: 'No response-time clock is running', status: null })
		expect(byKey['held-h4']).toMatchObject({
			kind: 'on_hold',
			due: '2027-01-04',
			what: 'On hold: review by Monday 4 January 2027',
			status: null,
		})
		expect(byKey['held-h5']).toMatchObject({ due: null, what: 'On hold' })
		expect(byKey['task-t1']).toMatchObject({
			kind: 'task',
			householdName: 'Shah',
			what: 'Task due by Friday 20 November: Ask for references',
			status: null,
		})
		expect(byKey['task-t2']).toMatchObject({
			householdName: 'FC-2',
			what: 'Task was due Wednesday 18 November: Book the visit',
			status: 'overdue',
		})
	})
})

describe('work beside my own (ADR 031)', () => {
	test('says whose it is, soonest deadline first, those with no clock last', () => {
		const row = (id: string, displayName: string, deadline: string | null, ownerName: string | null) => ({
			id,
			displayName,
			reference: `HH-${id}`,
			stage: 'enquiry',
			nextClockKey: deadline ? 'first_contact' : null,
			nextClockAtRiskOn: deadline,
			nextClockDeadline: deadline,
			ownerName,
		})
		const items = sharedWorkItems(
			[
				row('a', 'No Clock', null, null),
				row('b', 'Later One', '2026-11-25', 'Carl'),
				row('c', 'Late One', '2026-11-20', null),
			],
			'2026-11-23'
		)
		expect(items.map((item) => [item.householdName, item.ownerName, item.status])).toEqual([
			['Late One', null, 'overdue'],
			['Later One', 'Carl', 'on_track'],
			['No Clock', null, null],
		])
	})
})

import { describe, expect, test } from 'vitest'
import {
	clockRows,
	describeDeadline,
	describeTarget,
	describeTask,
	endOfThisWeek,
	formatDueDate,
	groupMyWork,
	workGroupOf,
	type WorkItem,
} from './deadlines.ts'
import { CLOCK_LABELS, STATUTORY_PANEL_MONTHS, type Clock } from './response-clocks.ts'

// Friday 20 November 2026 is the day these tests are "today" unless they say otherwise.
const TODAY = '2026-11-20'

describe('deadline wording', () => {
	test('says what was due once it has passed, and what is due by when before', () => {
		expect(describeDeadline({ key: 'first_contact', on: '2026-11-19', status: 'overdue' }, TODAY)).toBe(
			'First personal contact was due 19 November'
		)
		expect(describeDeadline({ key: 'initial_visit', on: '2026-11-24', status: 'at_risk' }, TODAY, true)).toBe(
			'Initial visit due by Tuesday 24 November'
		)
	})

	test('names the year only when it is not this one', () => {
		expect(formatDueDate('2027-01-04', TODAY)).toBe('4 January 2027')
		expect(formatDueDate('2027-01-04', TODAY, true)).toBe('Monday 4 January 2027')
		expect(formatDueDate('2026-12-01', TODAY)).toBe('1 December')
	})

	test('targets in working days or months, singular and plural', () => {
		expect(describeTarget({ unit: 'working_days', amount: 1 })).toBe('1 working day')
		expect(describeTarget({ unit: 'working_days', amount: 10 })).toBe('10 working days')
		expect(describeTarget({ unit: 'months', amount: 6 })).toBe('6 months')
	})

	test('tasks say what to do after when', () => {
		expect(describeTask('Ask for references', '2026-11-24', TODAY)).toBe(
			'Task due by Tuesday 24 November: Ask for references'
		)
		expect(describeTask('Ask for references', '2026-11-18', TODAY)).toBe(
			'Task was due Wednesday 18 November: Ask for references'
		)
	})
})

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

describe("the record's clocks", () => {
	const base: Clock = {
		key: 'application_to_panel',
		startedOn: '2026-01-05',
		target: { unit: 'months', amount: 6 },
		deadline: '2026-07-05',
		atRiskOn: '2026-05-20',
		statutoryDeadline: '2026-09-05',
		endedOn: null,
		elapsedWorkingDays: 100,
		pausedDays: 0,
		status: 'overdue',
	}

	test('application to panel has a row of its own for the statutory limit', () => {
		const rows = clockRows([base], CLOCK_LABELS, '2026-08-01', STATUTORY_PANEL_MONTHS)
		expect(rows.map((row) => [row.what, row.target, row.deadline, row.status])).toEqual([
			['Application to panel', '6 months', '2026-07-05', 'overdue'],
			['Application to panel: statutory limit', '8 months', '2026-09-05', 'on_track'],
		])
	})

	test('the statutory limit is met or missed by when panel came, and overdue once passed', () => {
		const at = (clock: Partial<Clock>, today: string) =>
			clockRows([{ ...base, ...clock }], CLOCK_LABELS, today, STATUTORY_PANEL_MONTHS)[1]!.status
		expect(at({}, '2026-09-07')).toBe('overdue')
		expect(at({ status: 'missed', endedOn: '2026-08-01' }, '2026-10-01')).toBe('met')
		expect(at({ status: 'missed', endedOn: '2026-09-10' }, '2026-10-01')).toBe('missed')
		expect(at({ status: 'paused', deadline: null, statutoryDeadline: null }, '2026-10-01')).toBe('paused')
	})

	test('other clocks have one row with the target they started with', () => {
		const rows = clockRows(
			[{ ...base, key: 'first_contact', target: { unit: 'working_days', amount: 2 }, statutoryDeadline: null }],
			CLOCK_LABELS,
			TODAY,
			STATUTORY_PANEL_MONTHS
		)
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ what: 'Enquiry to first personal contact', target: '2 working days' })
	})
})

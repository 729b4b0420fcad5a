import { describe, expect, test } from 'vitest'
import { clockRows, describeDeadline, describeTarget, formatDueDate, nextDeadlineOf } from './deadlines.ts'
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

	test("a household row's nearest deadline, with its status on the day", () => {
		const row = { nextClockKey: 'first_contact', nextClockAtRiskOn: '2026-11-18', nextClockDeadline: '2026-11-23' }
		expect(nextDeadlineOf(row, '2026-11-17')).toEqual({ key: 'first_contact', on: '2026-11-23', status: 'on_track' })
		expect(nextDeadlineOf(row, TODAY)?.status).toBe('at_risk')
		expect(nextDeadlineOf(row, '2026-11-23')?.status).toBe('at_risk')
		expect(nextDeadlineOf(row, '2026-11-24')?.status).toBe('overdue')
		expect(nextDeadlineOf({ nextClockKey: null, nextClockAtRiskOn: null, nextClockDeadline: null }, TODAY)).toBeNull()
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

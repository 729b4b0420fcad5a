import { describe, expect, test } from 'vitest'
import {
	answersReturnedEnquiry,
	nextClockFields,
	responseClocks,
	statusFromRow,
	type ClockContext,
	type ClockTargets,
} from './response-clocks.ts'
import type { RecordedStageEvent } from './stage-machine.ts'

// Every date here was counted by hand against the England and Wales bank holidays.

const TARGETS: ClockTargets = {
	firstContactWorkingDays: 1,
	initialVisitWorkingDays: 10,
	stage1DecisionWorkingDays: 10,
	applicationToPanelMonths: 6,
	panelToDecisionWorkingDays: 7,
}
const context = (today: string, extra: Partial<ClockContext> = {}): ClockContext => ({
	today,
	targetsOn: () => TARGETS,
	...extra,
})

const entered = (from: string | null, to: string, on: string): RecordedStageEvent => ({
	kind: 'entered',
	fromStage: from,
	toStage: to,
	businessDate: on,
})
const event = (kind: string, on: string, extra: Partial<RecordedStageEvent> = {}): RecordedStageEvent => ({
	kind,
	fromStage: null,
	toStage: null,
	businessDate: on,
	...extra,
})
const clock = (events: RecordedStageEvent[], key: string, today: string, extra: Partial<ClockContext> = {}) =>
	responseClocks(events, context(today, extra)).find((found) => found.key === key)!

describe('enquiry to first personal contact (1 working day)', () => {
	const friday = [entered(null, 'enquiry', '2026-11-20')]

	test('an enquiry on a Friday is due by the end of Monday: on track on Friday, at risk on Monday, overdue on Tuesday', () => {
		expect(clock(friday, 'first_contact', '2026-11-20')).toMatchObject({
			deadline: '2026-11-23',
			elapsedWorkingDays: 0,
			status: 'on_track',
		})
		expect(clock(friday, 'first_contact', '2026-11-22')).toMatchObject({ elapsedWorkingDays: 0, status: 'on_track' })
		expect(clock(friday, 'first_contact', '2026-11-23')).toMatchObject({ elapsedWorkingDays: 1, status: 'at_risk' })
		expect(clock(friday, 'first_contact', '2026-11-24')).toMatchObject({ elapsedWorkingDays: 2, status: 'overdue' })
	})

	test('Christmas Eve 2026 is due on Tuesday 29 December: Christmas Day, the weekend and Boxing Day’s substitute Monday do not count', () => {
		const christmasEve = [entered(null, 'enquiry', '2026-12-24')]
		expect(clock(christmasEve, 'first_contact', '2026-12-24').deadline).toBe('2026-12-29')
		expect(
			clock([...christmasEve, entered('enquiry', 'initial_contact', '2026-12-29')], 'first_contact', '2027-01-04')
		).toMatchObject({
			endedOn: '2026-12-29',
			status: 'met',
		})
		expect(
			clock([...christmasEve, entered('enquiry', 'initial_contact', '2026-12-30')], 'first_contact', '2027-01-04')
				.status
		).toBe('missed')
	})

	test('service closure days push the deadline past New Year’s Day to Monday 4 January 2027', () => {
		const closures = ['2026-12-29', '2026-12-30', '2026-12-31']
		expect(clock([entered(null, 'enquiry', '2026-12-24')], 'first_contact', '2026-12-24', { closures }).deadline).toBe(
			'2027-01-04'
		)
	})

	test('the clock change at the end of March moves nothing: Friday 27 March 2026 is due on Monday 30 March', () => {
		expect(clock([entered(null, 'enquiry', '2026-03-27')], 'first_contact', '2026-03-27').deadline).toBe('2026-03-30')
		expect(clock([entered(null, 'enquiry', '2026-10-23')], 'first_contact', '2026-10-23').deadline).toBe('2026-10-26')
	})

	test('the one-off bank holiday for the coronation: Friday 5 May 2023 is due on Tuesday 9 May', () => {
		expect(clock([entered(null, 'enquiry', '2023-05-05')], 'first_contact', '2023-05-05').deadline).toBe('2023-05-09')
	})
})

describe('first contact to initial visit (10 working days)', () => {
	const contacted = [entered(null, 'enquiry', '2026-02-27'), entered('enquiry', 'initial_contact', '2026-03-02')]

	test('from Monday 2 March 2026 it is due on Monday 16 March, at risk from the 8th working day', () => {
		expect(clock(contacted, 'initial_visit', '2026-03-11')).toMatchObject({
			deadline: '2026-03-16',
			elapsedWorkingDays: 7,
			status: 'on_track',
		})
		expect(clock(contacted, 'initial_visit', '2026-03-12')).toMatchObject({ elapsedWorkingDays: 8, status: 'at_risk' })
		expect(clock(contacted, 'initial_visit', '2026-03-16')).toMatchObject({ elapsedWorkingDays: 10, status: 'at_risk' })
		expect(clock(contacted, 'initial_visit', '2026-03-17').status).toBe('overdue')
	})

	test('time on hold does not count: held from 4 to 15 March, the deadline moves to Thursday 26 March', () => {
		const held = [...contacted, event('hold', '2026-03-04', { reviewOn: '2026-03-16' })]
		expect(clock(held, 'initial_visit', '2026-03-10')).toMatchObject({
			status: 'paused',
			deadline: null,
			elapsedWorkingDays: 1,
		})
		const resumed = [...held, event('resume', '2026-03-16')]
		expect(clock(resumed, 'initial_visit', '2026-03-16')).toMatchObject({
			deadline: '2026-03-26',
			pausedDays: 12,
			elapsedWorkingDays: 2,
			status: 'on_track',
		})
		expect(
			clock([...resumed, entered('initial_contact', 'initial_visit', '2026-03-26')], 'initial_visit', '2026-04-01')
				.status
		).toBe('met')
	})

	test('a household that leaves stops its clocks, neither met nor missed; a reopening starts the step again', () => {
		const left = [...contacted, event('exit', '2026-03-20', { fromStage: 'initial_contact', exitReasonKey: 'timing' })]
		expect(clock(left, 'initial_visit', '2026-04-01')).toMatchObject({ status: 'stopped', endedOn: '2026-03-20' })
		const back = [...left, event('reopen', '2026-04-01', { fromStage: 'initial_contact', toStage: 'initial_contact' })]
		const clocks = responseClocks(back, context('2026-04-02')).filter((found) => found.key === 'initial_visit')
		expect(clocks.map((found) => [found.startedOn, found.status])).toEqual([
			['2026-03-02', 'stopped'],
			['2026-04-01', 'on_track'],
		])
	})

	test('a target changed on 1 June applies to clocks started from then; a clock already running keeps 10 days', () => {
		const targetsOn = (date: string) => (date >= '2026-06-01' ? { ...TARGETS, initialVisitWorkingDays: 5 } : TARGETS)
		const before = [entered(null, 'enquiry', '2026-05-28'), entered('enquiry', 'initial_contact', '2026-05-29')]
		const after = [entered(null, 'enquiry', '2026-05-29'), entered('enquiry', 'initial_contact', '2026-06-01')]
		expect(clock(before, 'initial_visit', '2026-06-02', { targetsOn })).toMatchObject({
			target: { amount: 10 },
			deadline: '2026-06-12',
		})
		expect(clock(after, 'initial_visit', '2026-06-02', { targetsOn })).toMatchObject({
			target: { amount: 5 },
			deadline: '2026-06-08',
		})
	})
})

describe('the later clocks', () => {
	test('the Stage 1 decision is due 10 working days after the last check arrives', () => {
		const events = [event('checks_received', '2026-06-01'), event('completed', '2026-06-15', { fromStage: 'stage_1' })]
		expect(clock(events, 'stage_1_decision', '2026-06-20')).toMatchObject({ deadline: '2026-06-15', status: 'met' })
	})

	test('application to panel: 6 months as the service’s target, 8 months as the law’s, both moved on by time on hold', () => {
		const applied = [entered('initial_visit', 'application', '2026-01-31')]
		expect(clock(applied, 'application_to_panel', '2026-02-01')).toMatchObject({
			deadline: '2026-07-31',
			statutoryDeadline: '2026-09-30',
			target: { unit: 'months', amount: 6 },
			status: 'on_track',
		})
		const held = [...applied, event('hold', '2026-03-01', { reviewOn: '2026-03-10' }), event('resume', '2026-03-11')]
		expect(clock(held, 'application_to_panel', '2026-03-11')).toMatchObject({
			deadline: '2026-08-10',
			statutoryDeadline: '2026-10-10',
			pausedDays: 10,
		})
		// 75% of the 181 days from 31 January to 31 July is 135.75: 15 June is day 135, 16 June day 136.
		expect(clock(applied, 'application_to_panel', '2026-06-15').status).toBe('on_track')
		expect(clock(applied, 'application_to_panel', '2026-06-16').status).toBe('at_risk')
	})

	test('panel to decision: 7 working days, met by the approval', () => {
		const events = [entered('stage_2', 'panel', '2026-04-01'), entered('panel', 'approved', '2026-04-13')]
		// Good Friday 3 April and Easter Monday 6 April 2026 do not count.
		expect(clock(events, 'panel_to_decision', '2026-04-20')).toMatchObject({
			deadline: '2026-04-14',
			status: 'met',
			elapsedWorkingDays: 6,
		})
	})
})

describe('the household row’s copy of its nearest deadline', () => {
	const contacted = [entered(null, 'enquiry', '2026-02-27'), entered('enquiry', 'initial_contact', '2026-03-02')]

	test('gives the date a clock goes at risk: the 8th working day of 10, the deadline day itself of 1', () => {
		expect(clock(contacted, 'initial_visit', '2026-03-02').atRiskOn).toBe('2026-03-12')
		expect(clock([entered(null, 'enquiry', '2026-11-20')], 'first_contact', '2026-11-20').atRiskOn).toBe('2026-11-23')
	})

	test('keeps the running clock with the earliest deadline, and nothing while on hold', () => {
		const panelAndStage1 = [
			entered('initial_visit', 'application', '2026-01-05'),
			event('checks_received', '2026-03-02'),
		]
		expect(nextClockFields(responseClocks(panelAndStage1, context('2026-03-03')))).toEqual({
			nextClockKey: 'stage_1_decision',
			nextClockAtRiskOn: '2026-03-12',
			nextClockDeadline: '2026-03-16',
		})
		const held = [...panelAndStage1, event('hold', '2026-03-04', { reviewOn: '2026-04-01' })]
		expect(nextClockFields(responseClocks(held, context('2026-03-05')))).toEqual({
			nextClockKey: null,
			nextClockAtRiskOn: null,
			nextClockDeadline: null,
		})
	})

	test('reads the same status from the copy as the clock itself has, day by day', () => {
		const fields = nextClockFields(responseClocks(contacted, context('2026-03-02')))
		for (const [today, status] of [
			['2026-03-11', 'on_track'],
			['2026-03-12', 'at_risk'],
			['2026-03-16', 'at_risk'],
			['2026-03-17', 'overdue'],
		] as const) {
			expect(statusFromRow(fields, today)).toBe(status)
			expect(clock(contacted, 'initial_visit', today).status).toBe(status)
		}
		expect(statusFromRow({ nextClockAtRiskOn: null, nextClockDeadline: null }, '2026-03-17')).toBeNull()
	})
})

describe('a returning enquirer’s enquiry on a household on hold (ADR 031)', () => {
	// Contacted on 3 November, held from 10 November; they enquire again on Christmas Eve 2026.
	const held = [
		entered(null, 'enquiry', '2026-11-02'),
		entered('enquiry', 'initial_contact', '2026-11-03'),
		event('hold', '2026-11-10', { reviewOn: '2027-01-11' }),
	]
	const returned = [...held, event('returned', '2026-12-24')]
	// The first contact of 3 November was met; the one this enquiry is owed is the latest.
	const latest = (events: RecordedStageEvent[], key: string, today: string) =>
		responseClocks(events, context(today))
			.filter((found) => found.key === key)
			.at(-1)!

	test('ends the hold and starts a first contact due by Tuesday 29 December (Christmas, the weekend and 28 December do not count)', () => {
		expect(latest(returned, 'first_contact', '2026-12-24')).toMatchObject({
			startedOn: '2026-12-24',
			deadline: '2026-12-29',
			status: 'on_track',
		})
		expect(latest(returned, 'first_contact', '2026-12-29').status).toBe('at_risk')
		expect(latest(returned, 'first_contact', '2026-12-30').status).toBe('overdue')
		// The visit clock runs again with the 6 working days it had left: 24, 29, 30, 31 December, 4 and 5 January.
		expect(clock(returned, 'initial_visit', '2026-12-24')).toMatchObject({
			deadline: '2027-01-05',
			// 4, 5, 6 and 9 November, and 24 December.
			elapsedWorkingDays: 5,
			status: 'on_track',
		})
		expect(nextClockFields(responseClocks(returned, context('2026-12-24')))).toEqual({
			nextClockKey: 'first_contact',
			nextClockAtRiskOn: '2026-12-29',
			nextClockDeadline: '2026-12-29',
		})
	})

	test('the personal contact that answers it stops it, met, and the visit is the next deadline', () => {
		const answered = [...returned, event('contacted', '2026-12-29')]
		expect(latest(answered, 'first_contact', '2026-12-30')).toMatchObject({ status: 'met', endedOn: '2026-12-29' })
		expect(nextClockFields(responseClocks(answered, context('2026-12-30'))).nextClockDeadline).toBe('2027-01-05')
	})

	test('held at Enquiry, the first contact starts again from the new enquiry', () => {
		const atEnquiry = [
			entered(null, 'enquiry', '2026-11-02'),
			event('hold', '2026-11-02', { reviewOn: '2027-01-11' }),
			event('returned', '2026-11-20'),
		]
		const clocks = responseClocks(atEnquiry, context('2026-11-20')).filter((found) => found.key === 'first_contact')
		expect(clocks.map((found) => [found.startedOn, found.status, found.deadline])).toEqual([
			['2026-11-02', 'stopped', '2026-11-20'],
			['2026-11-20', 'on_track', '2026-11-23'],
		])
	})

	test('on a household that is not on hold it starts no clock', () => {
		const open = held.slice(0, 2)
		expect(responseClocks([...open, event('returned', '2026-11-20')], context('2026-11-20'))).toEqual(
			responseClocks(open, context('2026-11-20'))
		)
	})
})

describe('which personal contact answers a returning enquirer (ADR 031)', () => {
	const returned = [
		entered(null, 'enquiry', '2026-11-02'),
		entered('enquiry', 'initial_contact', '2026-11-03'),
		event('hold', '2026-11-10', { reviewOn: '2027-01-11' }),
		event('returned', '2026-12-24'),
	]

	test('one on or after their enquiry while its first contact runs; not one before it, nor once answered', () => {
		expect(answersReturnedEnquiry(returned, 'initial_contact', '2026-12-29', context('2026-12-30'))).toBe(true)
		expect(answersReturnedEnquiry(returned, 'initial_contact', '2026-12-23', context('2026-12-30'))).toBe(false)
		const answered = [...returned, event('contacted', '2026-12-29')]
		expect(answersReturnedEnquiry(answered, 'initial_contact', '2026-12-30', context('2026-12-30'))).toBe(false)
	})

	test('never at Enquiry, where the contact is Initial contact', () => {
		const first = [entered(null, 'enquiry', '2026-11-20')]
		expect(answersReturnedEnquiry(first, 'enquiry', '2026-11-20', context('2026-11-20'))).toBe(false)
	})
})

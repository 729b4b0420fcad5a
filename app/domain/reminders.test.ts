import { describe, expect, test } from 'vitest'
import { digestDue, digestItems, reminderDue, type ReminderSwitches } from './reminders.ts'
import { responseClocks, type ClockTargets } from './response-clocks.ts'
import type { RecordedStageEvent } from './stage-machine.ts'

// Dates counted by hand against the England and Wales calendar; London changes its clocks on the
// last Sunday of March (29 March 2026) and of October (25 October 2026).

const TARGETS: ClockTargets = {
	firstContactWorkingDays: 1,
	initialVisitWorkingDays: 10,
	stage1DecisionWorkingDays: 10,
	applicationToPanelMonths: 6,
	panelToDecisionWorkingDays: 7,
}
const ALL_ON: ReminderSwitches = { remindAtRisk: true, escalateOverdue: true, morningDigest: true }

const entered = (from: string | null, to: string, on: string): RecordedStageEvent => ({
	kind: 'entered',
	fromStage: from,
	toStage: to,
	businessDate: on,
})
// First contact on Monday 2 November 2026: the initial visit is due by Monday 16 November (10
// working days), at risk from Thursday 12 November (the 8th working day).
const contacted = [entered(null, 'enquiry', '2026-11-02'), entered('enquiry', 'initial_contact', '2026-11-02')]
const clocksOn = (today: string, events = contacted) => responseClocks(events, { today, targetsOn: () => TARGETS })

describe('which reminder a household needs', () => {
	test('nothing while its nearest clock is on track', () => {
		expect(reminderDue(clocksOn('2026-11-11'), ALL_ON, true)).toBeNull()
	})

	test('an at-risk reminder from the day the clock goes at risk to its deadline', () => {
		for (const today of ['2026-11-12', '2026-11-16']) {
			expect(reminderDue(clocksOn(today), ALL_ON, true)).toMatchObject({
				level: 'at_risk',
				clock: { key: 'initial_visit', startedOn: '2026-11-02' },
			})
		}
	})

	test('an overdue escalation the day after the deadline', () => {
		expect(reminderDue(clocksOn('2026-11-17'), ALL_ON, true)).toMatchObject({
			level: 'overdue',
			clock: { key: 'initial_visit', startedOn: '2026-11-02', deadline: '2026-11-16' },
		})
	})

	test('no at-risk reminder for a household nobody owns, but an overdue one still goes to the managers', () => {
		expect(reminderDue(clocksOn('2026-11-12'), ALL_ON, false)).toBeNull()
		expect(reminderDue(clocksOn('2026-11-17'), ALL_ON, false)?.level).toBe('overdue')
	})

	test('nothing of a kind the service has switched off', () => {
		expect(reminderDue(clocksOn('2026-11-12'), { ...ALL_ON, remindAtRisk: false }, true)).toBeNull()
		expect(reminderDue(clocksOn('2026-11-17'), { ...ALL_ON, escalateOverdue: false }, true)).toBeNull()
	})

	test('nothing once the step is done or while the household is on hold', () => {
		const visited = [...contacted, entered('initial_contact', 'initial_visit', '2026-11-18')]
		// The visit itself starts no clock, and the finished one was missed: no reminder to send.
		expect(reminderDue(clocksOn('2026-11-19', visited), ALL_ON, true)).toBeNull()
		const held = [...contacted, { kind: 'hold', fromStage: null, toStage: null, businessDate: '2026-11-10' }]
		expect(reminderDue(clocksOn('2026-11-20', held), ALL_ON, true)).toBeNull()
	})

	test('the nearest clock decides: a later clock going at risk waits its turn', () => {
		// In Stage 1 with the checks in: the Stage 1 decision (10 working days) is nearer than the
		// panel (6 months), so it is the one reminded about.
		const stage1 = [
			entered(null, 'enquiry', '2026-06-01'),
			entered('enquiry', 'initial_contact', '2026-06-01'),
			entered('initial_contact', 'initial_visit', '2026-06-02'),
			entered('initial_visit', 'application', '2026-06-03'),
			entered('application', 'stage_1', '2026-06-04'),
			{ kind: 'checks_received', fromStage: null, toStage: null, businessDate: '2026-11-02' },
		]
		expect(reminderDue(clocksOn('2026-11-12', stage1), ALL_ON, true)).toMatchObject({
			level: 'at_risk',
			clock: { key: 'stage_1_decision', startedOn: '2026-11-02' },
		})
	})
})

describe('when the morning digest goes', () => {
	const at = (iso: string) => digestDue(new Date(iso), [], ALL_ON)

	test('from 8am London time on a working day, in winter (8am is 08:00 UTC)', () => {
		expect(at('2026-11-24T07:59:59Z')).toBe(false)
		expect(at('2026-11-24T08:00:00Z')).toBe(true)
		// 11:30pm: still Tuesday in London, and the day's digest is still due if it has not gone.
		expect(at('2026-11-24T23:30:00Z')).toBe(true)
	})

	test('in summer time 8am London is 07:00 UTC', () => {
		expect(at('2026-07-01T06:59:00Z')).toBe(false)
		expect(at('2026-07-01T07:00:00Z')).toBe(true)
		// 23:30 UTC on Friday 3 July is 00:30 on Saturday in London: no digest.
		expect(at('2026-07-03T23:30:00Z')).toBe(false)
	})

	test('the March change: Friday before at 08:00 UTC, Monday after at 07:00 UTC', () => {
		expect(at('2026-03-27T07:30:00Z')).toBe(false)
		expect(at('2026-03-27T08:00:00Z')).toBe(true)
		expect(at('2026-03-30T06:59:00Z')).toBe(false)
		expect(at('2026-03-30T07:00:00Z')).toBe(true)
	})

	test('the October change: Friday before at 07:00 UTC, Monday after at 08:00 UTC', () => {
		expect(at('2026-10-23T06:59:00Z')).toBe(false)
		expect(at('2026-10-23T07:00:00Z')).toBe(true)
		expect(at('2026-10-26T07:30:00Z')).toBe(false)
		expect(at('2026-10-26T08:00:00Z')).toBe(true)
	})

	test('never on a weekend (the clocks change on Sundays), a bank holiday or a closure day', () => {
		expect(at('2026-03-29T10:00:00Z')).toBe(false)
		expect(at('2026-10-25T10:00:00Z')).toBe(false)
		expect(at('2026-12-25T10:00:00Z')).toBe(false)
		expect(digestDue(new Date('2026-12-29T10:00:00Z'), ['2026-12-29'], ALL_ON)).toBe(false)
	})

	test('never when the service has switched it off', () => {
		expect(digestDue(new Date('2026-11-24T09:00:00Z'), [], { ...ALL_ON, morningDigest: false })).toBe(false)
	})
})

describe('what the digest lists', () => {
	const household = (id: string, deadline: string | null, key: string | null = 'first_contact') => ({
		id,
		displayName: `Household ${id}`,
		reference: `HH-${id}`,
		nextClockKey: key,
		nextClockDeadline: deadline,
	})

	test('deadlines today and overdue ones, the longest overdue first; nothing later or without a clock', () => {
		const items = digestItems(
			[
				household('A', '2026-11-24'),
				household('B', '2026-11-20', 'initial_visit'),
				household('C', '2026-11-25'),
				household('D', null, null),
			],
			'2026-11-24'
		)
		expect(items).toEqual([
			{
				householdId: 'B',
				displayName: 'Household B',
				reference: 'HH-B',
				clockKey: 'initial_visit',
				deadline: '2026-11-20',
				overdue: true,
			},
			{
				householdId: 'A',
				displayName: 'Household A',
				reference: 'HH-A',
				clockKey: 'first_contact',
				deadline: '2026-11-24',
				overdue: false,
			},
		])
	})
})

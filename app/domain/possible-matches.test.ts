import { describe, expect, test } from 'vitest'
import { describeMatchedOn, matchedOn, matchKeys, nameKey, planMerge, readMatchDecision } from './possible-matches.ts'
import type { RecordedStageEvent } from './stage-machine.ts'

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null })
const entered = (toStage: string, on: string, fromStage: string | null = null): RecordedStageEvent => ({
	kind: 'entered',
	fromStage,
	toStage,
	businessDate: on,
})
const exit = (fromStage: string, on: string): RecordedStageEvent => ({
	kind: 'exit',
	fromStage,
	toStage: null,
	businessDate: on,
	exitReasonKey: 'timing',
})

describe('the keys households are matched by', () => {
	test('email, phone and last name with postcode, whatever the case, spaces or +44', () => {
		const a = matchKeys(
			{ email: ' Priya.Shah@Example.com', phone: '+44 7700 900123', lastName: 'Ó Dálaigh' },
			'ls1 4ap'
		)
		const b = matchKeys({ email: 'priya.shah@example.com', phone: '07700900123', lastName: 'ó  dálaigh' }, 'LS14AP')
		expect(a).toEqual(b)
		expect(nameKey('Van Der Berg', 'NE1 4ST')).toBe('vanderberg|ne14st')
	})

	test('says what two households share, strongest first, and nothing for blanks', () => {
		const known = [matchKeys({ email: 'a@example.com', phone: '07700 900123', lastName: 'Shah' }, 'LS1 4AP')]
		const same = (email: string, phone: string, lastName: string, postcode: string) =>
			matchedOn([matchKeys({ email, phone, lastName }, postcode)], known)
		expect(same('A@example.com', '01632 960000', 'Reed', 'M1 1AE')).toEqual(['email'])
		expect(same('b@example.com', '+44 7700 900123', 'Reed', 'M1 1AE')).toEqual(['phone'])
		expect(same('b@example.com', '01632 960000', 'SHAH', 'ls1 4ap')).toEqual(['name_postcode'])
		expect(same('a@example.com', '07700900123', 'Shah', 'LS1 4AP')).toEqual(['email', 'phone', 'name_postcode'])
		// A first name, a surname alone or a postcode alone is not enough.
		expect(same('b@example.com', '01632 960000', 'Shah', 'M1 1AE')).toEqual([])
		expect(same('b@example.com', '01632 960000', 'Reed', 'LS1 4AP')).toEqual([])
		const blank = [matchKeys({ email: '', phone: '', lastName: '' }, '')]
		expect(matchedOn(blank, blank)).toEqual([])
	})

	test('are described in words for staff', () => {
		expect(describeMatchedOn(['email'])).toBe('Same email address')
		expect(describeMatchedOn(['email', 'phone', 'name_postcode'])).toBe(
			'Same email address, phone number and last name and postcode'
		)
	})
})

describe('the officer’s answer', () => {
	test('one question, with the known household’s details kept unless they choose the new ones', () => {
		expect(readMatchDecision(form({}))).toEqual({
			ok: false,
			errors: [{ field: 'decision', message: 'Select whether these are the same household' }],
		})
		expect(readMatchDecision(form({ decision: 'same' }))).toEqual({
			ok: true,
			value: { same: true, keep: 'existing', reason: '' },
		})
		expect(readMatchDecision(form({ decision: 'same', keep: 'new', reason: ' Spoke to them ' }))).toEqual({
			ok: true,
			value: { same: true, keep: 'new', reason: 'Spoke to them' },
		})
		expect(readMatchDecision(form({ decision: 'different', keep: 'nonsense' }))).toEqual({
			ok: true,
			value: { same: false, reason: '' },
		})
		expect(readMatchDecision(form({ decision: 'same', keep: 'both' })).ok).toBe(false)
		expect(readMatchDecision(form({ decision: 'different', reason: 'x'.repeat(1001) })).ok).toBe(false)
	})
})

describe('making one history of two', () => {
	const known = [entered('enquiry', '2026-01-05'), entered('initial_contact', '2026-01-06', 'enquiry')]

	test('a household that had left is reopened at Enquiry on the new enquiry’s date', () => {
		const plan = planMerge(
			[...known, exit('initial_contact', '2026-02-01')],
			[entered('enquiry', '2026-11-20')],
			'2026-11-20'
		)
		expect(plan.bridge).toEqual({
			kind: 'reopen',
			fromStage: 'initial_contact',
			toStage: 'enquiry',
			businessDate: '2026-11-20',
		})
		expect(plan.carried).toBe(false)
		expect(plan.state).toMatchObject({ stage: 'enquiry', status: 'open', stageEnteredOn: '2026-11-20' })
	})

	test('never before the day it left: an enquiry back-dated to before then reopens it that day', () => {
		const plan = planMerge(
			[...known, exit('initial_contact', '2026-11-21')],
			[entered('enquiry', '2026-11-20')],
			'2026-11-20'
		)
		expect(plan.bridge.businessDate).toBe('2026-11-21')
		expect(plan.state).toMatchObject({ stage: 'enquiry', stageEnteredOn: '2026-11-21' })
	})

	test('a household still in the pipeline gains a returned, and stays where it is', () => {
		const plan = planMerge(known, [entered('enquiry', '2026-11-20')], '2026-11-20')
		expect(plan.bridge).toEqual({ kind: 'returned', fromStage: null, toStage: null, businessDate: '2026-11-20' })
		expect(plan.state).toMatchObject({ stage: 'initial_contact', stageEnteredOn: '2026-01-06' })
	})

	test('a household on hold gains a returned that ends the hold, never dated before the hold (ADR 031)', () => {
		const hold: RecordedStageEvent = { kind: 'hold', fromStage: null, toStage: null, businessDate: '2026-11-18' }
		const plan = planMerge([...known, hold], [entered('enquiry', '2026-11-20')], '2026-11-20')
		expect(plan.bridge).toEqual({ kind: 'returned', fromStage: null, toStage: null, businessDate: '2026-11-20' })
		expect(plan.state).toMatchObject({ stage: 'initial_contact', status: 'open', heldSince: null })
		const earlier = planMerge([...known, hold], [entered('enquiry', '2026-11-16')], '2026-11-16')
		expect(earlier.bridge.businessDate).toBe('2026-11-18')
		expect(earlier.state.status).toBe('open')
	})

	test('the new household’s later moves follow on when they fit, and are left out when they do not', () => {
		const incoming = [entered('enquiry', '2026-11-20'), entered('initial_contact', '2026-11-23', 'enquiry')]
		const closed = planMerge([...known, exit('initial_contact', '2026-02-01')], incoming, '2026-11-20')
		expect(closed.carried).toBe(true)
		expect(closed.state).toMatchObject({ stage: 'initial_contact', status: 'open', stageEnteredOn: '2026-11-23' })

		const inProgress = planMerge(
			[...known, entered('initial_visit', '2026-02-01', 'initial_contact')],
			incoming,
			'2026-11-20'
		)
		expect(inProgress.carried).toBe(false)
		expect(inProgress.state).toMatchObject({ stage: 'initial_visit', stageEnteredOn: '2026-02-01' })
	})
})

import { describe, expect, test } from 'vitest'
import { londonInstant } from './working-days.ts'
import {
	contactInstant,
	doneMessage,
	exitReasonGroups,
	isPersonalContact,
	moveChoices,
	parseTime,
	readContactAttempt,
	readDated,
	readExitReason,
	readNote,
	readOwner,
	readTask,
	readVersion,
} from './household-forms.ts'

const form = (values: Record<string, string>) => new URLSearchParams(values)
const date = (name: string, value: string) => {
	const [year, month, day] = value.split('-')
	return { [`${name}-day`]: day ?? '', [`${name}-month`]: month ?? '', [`${name}-year`]: year ?? '' }
}
const TODAY = '2026-03-10'

describe('logging a contact attempt', () => {
	test('only a call or visit that was answered is a personal contact', () => {
		expect(isPersonalContact('call', 'answered')).toBe(true)
		expect(isPersonalContact('visit', 'answered')).toBe(true)
		expect(isPersonalContact('call', 'left_message')).toBe(false)
		expect(isPersonalContact('email', 'answered')).toBe(false)
		expect(isPersonalContact('text', 'answered')).toBe(false)
	})

	test('asks for how, what happened and when', () => {
		const result = readContactAttempt(form({}), TODAY)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual([
			{ field: 'method', message: 'Select how you contacted them' },
			{ field: 'outcome', message: 'Select what happened' },
			{ field: 'date', message: 'Enter the date of the contact' },
		])
	})

	test('refuses a contact in the future and a time that is not a time', () => {
		const result = readContactAttempt(
			form({ method: 'call', outcome: 'answered', ...date('date', '2026-03-11'), time: '25:00' }),
			TODAY
		)
		expect(result.ok ? [] : result.errors).toEqual([
			{ field: 'date', message: 'The date of the contact must be today or in the past' },
			{ field: 'time', message: 'Enter the time like 14:30 or 2:30pm' },
		])
	})

	test('reads a complete answer', () => {
		const result = readContactAttempt(
			form({
				method: 'visit',
				outcome: 'answered',
				...date('date', '2026-03-09'),
				time: '2.30pm',
				note: ' Lovely chat ',
				backdateReason: 'Out all day',
			}),
			TODAY
		)
		expect(result).toMatchObject({
			ok: true,
			value: {
				method: 'visit',
				outcome: 'answered',
				date: '2026-03-09',
				time: '14:30',
				note: 'Lovely chat',
				backdateReason: 'Out all day',
			},
		})
	})

	test('times in the forms people type them', () => {
		expect(parseTime('14:30')).toBe('14:30')
		expect(parseTime('9:05')).toBe('09:05')
		expect(parseTime('2pm')).toBe('14:00')
		expect(parseTime('12am')).toBe('00:00')
		expect(parseTime('12.15pm')).toBe('12:15')
		expect(parseTime('14')).toBeNull()
		expect(parseTime('13pm')).toBeNull()
		expect(parseTime('noon')).toBeNull()
	})

	test('London wall-clock times, in winter, in summer and on the day the clocks go forward', () => {
		expect(londonInstant('2026-01-15', '14:30').toISOString()).toBe('2026-01-15T14:30:00.000Z')
		expect(londonInstant('2026-07-15', '14:30').toISOString()).toBe('2026-07-15T13:30:00.000Z')
		expect(londonInstant('2026-03-29', '14:30').toISOString()).toBe('2026-03-29T13:30:00.000Z')
		expect(londonInstant('2026-10-25', '14:30').toISOString()).toBe('2026-10-25T14:30:00.000Z')
	})

	test('with no time given: now if it was today, otherwise midday', () => {
		const now = new Date('2026-03-10T15:00:00Z')
		expect(contactInstant({ date: TODAY, time: null }, now, TODAY)).toBe(now)
		expect(contactInstant({ date: '2026-03-09', time: null }, now, TODAY).toISOString()).toBe(
			'2026-03-09T12:00:00.000Z'
		)
	})
})

describe('stage changes', () => {
	test('the date is required and must be real; whether a reason is needed is the machine’s rule', () => {
		expect(readDated(form({}), 'The date they left')).toMatchObject({
			ok: false,
			errors: [{ field: 'businessDate', message: 'Enter the date they left' }],
		})
		expect(readDated(form(date('businessDate', '2026-02-30')), 'The date they left')).toMatchObject({
			ok: false,
			errors: [{ field: 'businessDate', message: 'The date they left must be a real date' }],
		})
		expect(readDated(form({ ...date('businessDate', '2026-03-01'), note: 'x' }), 'The date')).toMatchObject({
			ok: true,
			value: { businessDate: '2026-03-01', backdateReason: '', note: 'x' },
		})
	})

	test('officers move to the next stage only; managers can also go back', () => {
		expect(moveChoices('application', false)).toEqual([{ stage: 'stage_1', direction: 'next' }])
		expect(moveChoices('initial_visit', true).map((choice) => choice.stage)).toEqual([
			'application',
			'initial_contact',
			'enquiry',
		])
		expect(moveChoices('approved', false)).toEqual([])
	})
})

describe('closing', () => {
	const reasons = [
		{ key: 'health', label: 'Health', endedBy: 'household' as const, retired: false },
		{ key: 'old', label: 'Old reason', endedBy: 'household' as const, retired: true },
		{ key: 'criteria', label: 'Does not meet criteria', endedBy: 'service' as const, retired: false },
		{ key: 'panel_against', label: 'Panel against', endedBy: 'not_approved' as const, retired: false },
	]

	test('the reason says who ended it', () => {
		expect(readExitReason(form({ exitReasonKey: 'criteria' }), reasons)).toEqual({
			ok: true,
			value: { exitReasonKey: 'criteria', endedBy: 'service' },
		})
		expect(readExitReason(form({}), reasons)).toEqual({
			ok: false,
			errors: [{ field: 'exitReasonKey', message: 'Select why the household left' }],
		})
		expect(readExitReason(form({ exitReasonKey: 'made_up' }), reasons)).toMatchObject({ ok: false })
	})

	test('retired reasons are not offered, and "not approved" only at panel', () => {
		expect(exitReasonGroups(reasons, false)).toEqual([
			{ endedBy: 'household', reasons: [reasons[0]] },
			{ endedBy: 'service', reasons: [reasons[2]] },
		])
		expect(exitReasonGroups(reasons, true).map((group) => group.endedBy)).toEqual([
			'household',
			'service',
			'not_approved',
		])
	})
})

describe('notes, tasks and owners', () => {
	test('a note needs words', () => {
		expect(readNote(form({ body: '   ' }))).toEqual({
			ok: false,
			errors: [{ field: 'body', message: 'Enter the note' }],
		})
		expect(readNote(form({ body: 'Line one\r\nLine two' }))).toEqual({
			ok: true,
			value: { body: 'Line one\nLine two' },
		})
	})

	test('a task needs a title and a due date from today on, for someone who can take it', () => {
		expect(readTask(form({ ...date('dueOn', '2026-03-09'), assigneeId: 'stranger' }), TODAY, ['me'])).toMatchObject({
			ok: false,
			errors: [
				{ field: 'title', message: 'Enter what needs to be done' },
				{ field: 'dueOn', message: 'The due date must be today or in the future' },
				{ field: 'assigneeId', message: 'Select someone from the list' },
			],
		})
		expect(
			readTask(form({ title: 'Call back', ...date('dueOn', TODAY), assigneeId: 'me' }), TODAY, ['me'])
		).toMatchObject({
			ok: true,
			value: { title: 'Call back', dueOn: TODAY, assigneeId: 'me' },
		})
	})

	test('an owner is someone on the list, or nobody', () => {
		expect(readOwner(form({ ownerId: '' }), ['a'])).toEqual({ ok: true, value: { ownerId: null } })
		expect(readOwner(form({ ownerId: 'a' }), ['a'])).toEqual({ ok: true, value: { ownerId: 'a' } })
		expect(readOwner(form({ ownerId: 'b' }), ['a'])).toMatchObject({ ok: false })
	})

	test('the version the form was shown with, and the banner after a change', () => {
		expect(readVersion(form({ version: '7' }))).toBe(7)
		expect(readVersion(form({ version: 'x' }))).toBeNull()
		expect(doneMessage('moved')).toBe('Stage changed')
		expect(doneMessage('toString')).toBeNull()
		expect(doneMessage(null)).toBeNull()
	})
})

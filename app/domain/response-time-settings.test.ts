import { describe, expect, test } from 'vitest'
import { alreadyNotWorking, readClockSettingsForm, readClosureForm, readTargetsForm } from './response-time-settings.ts'

const VALID: Record<string, string> = {
	firstContactWorkingDays: '2',
	initialVisitWorkingDays: '10',
	stage1DecisionWorkingDays: '10',
	applicationToPanelMonths: '6',
	panelToDecisionWorkingDays: '7',
}
const read = (values: Record<string, string>) => (field: string) => values[field] ?? ''

describe('the targets form', () => {
	test('reads five whole numbers', () => {
		expect(readTargetsForm(read({ ...VALID, firstContactWorkingDays: ' 2 ' }))).toEqual({
			ok: true,
			value: {
				firstContactWorkingDays: 2,
				initialVisitWorkingDays: 10,
				stage1DecisionWorkingDays: 10,
				applicationToPanelMonths: 6,
				panelToDecisionWorkingDays: 7,
			},
		})
	})

	test('says what is wrong with each field in GOV.UK words', () => {
		const result = readTargetsForm(
			read({ ...VALID, firstContactWorkingDays: '', initialVisitWorkingDays: '1.5', panelToDecisionWorkingDays: '0' })
		)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual([
			{ field: 'firstContactWorkingDays', message: 'Enter the target for enquiry to first personal contact' },
			{
				field: 'initialVisitWorkingDays',
				message: 'The target for first contact to initial visit must be a whole number',
			},
			{
				field: 'panelToDecisionWorkingDays',
				message: 'The target for panel to decision must be 1 working day or more',
			},
		])
		expect(result.values.initialVisitWorkingDays).toBe('1.5')
	})

	test('application to panel cannot go past the statutory 8 months', () => {
		const result = readTargetsForm(read({ ...VALID, applicationToPanelMonths: '9' }))
		expect(result).toMatchObject({
			ok: false,
			errors: [
				{
					field: 'applicationToPanelMonths',
					message: 'The target for application to panel must be 8 months or fewer (the statutory limit)',
				},
			],
		})
		expect(readTargetsForm(read({ ...VALID, applicationToPanelMonths: '8' })).ok).toBe(true)
	})
})

describe('the reminders form', () => {
	test('reads the at-risk percentage and the switches ticked', () => {
		expect(readClockSettingsForm({ atRiskPercent: '80%', reminders: ['remindAtRisk', 'morningDigest'] })).toEqual({
			ok: true,
			value: { atRiskPercent: 80, remindAtRisk: true, escalateOverdue: false, morningDigest: true },
		})
	})

	test('a switch ticked twice counts once; one the form does not offer is refused', () => {
		expect(
			readClockSettingsForm({ atRiskPercent: '75', reminders: ['morningDigest', 'morningDigest', 'morningDigest'] })
		).toEqual({
			ok: true,
			value: { atRiskPercent: 75, remindAtRisk: false, escalateOverdue: false, morningDigest: true },
		})
		expect(readClockSettingsForm({ atRiskPercent: '75', reminders: ['morningDigest', 'textMessages'] })).toEqual({
			ok: false,
			errors: [{ field: 'reminders', message: 'Select reminders from the list' }],
			values: { atRiskPercent: '75' },
		})
	})

	test('a percentage outside 50 to 95, or not whole, is refused', () => {
		for (const atRiskPercent of ['49', '96', '75.5', 'lots']) {
			expect(readClockSettingsForm({ atRiskPercent, reminders: [] })).toMatchObject({
				ok: false,
				errors: [{ field: 'atRiskPercent', message: 'Enter the at-risk point as a whole number between 50 and 95' }],
			})
		}
		expect(readClockSettingsForm({ atRiskPercent: '', reminders: [] })).toMatchObject({
			errors: [{ message: 'Enter the at-risk point' }],
		})
	})
})

describe('closure days', () => {
	const date = (value: string) => ({ ok: true as const, date: value })

	test('a day and a reason are needed, and a day can be closed only once', () => {
		expect(readClosureForm({ date: date('2026-12-29'), label: '  Team  training ', existing: new Set() })).toEqual({
			ok: true,
			value: { date: '2026-12-29', label: 'Team training' },
		})
		expect(readClosureForm({ date: date('2026-12-29'), label: '', existing: new Set(['2026-12-29']) })).toMatchObject({
			ok: false,
			errors: [
				{ field: 'date', message: 'That day is already a closure day' },
				{ field: 'label', message: 'Enter why the service is closed' },
			],
		})
		expect(
			readClosureForm({ date: { ok: false, error: 'The day must be a real date' }, label: 'x', existing: new Set() })
		).toMatchObject({ ok: false, errors: [{ field: 'date', message: 'The day must be a real date' }] })
	})

	test('says when a day already is not a working day', () => {
		expect(alreadyNotWorking('2026-12-26')).toBe('a Saturday')
		expect(alreadyNotWorking('2026-12-28')).toBe('a bank holiday: Boxing Day (substitute day)')
		expect(alreadyNotWorking('2026-12-29')).toBeNull()
	})
})

import { describe, expect, test } from 'vitest'
import { renderClockReminder } from './clock-reminder.ts'
import { renderMorningDigest } from './morning-digest.ts'
import { sampleClockReminder, sampleMorningDigest } from './samples.ts'

describe('response-time reminders', () => {
	test('an at-risk reminder names the household by reference in the subject, and gives the deadline and link', () => {
		const { subject, html, text } = renderClockReminder(sampleClockReminder)
		expect(subject).toBe('Deadline coming up: HH-4D2R8T')
		for (const part of [html, text]) {
			expect(part).toContain('Priya and Tom Shah (HH-4D2R8T)')
			expect(part).toContain('First contact to initial visit')
			expect(part).toContain('Monday 16 November 2026')
			expect(part).toContain('https://fostering.northdale.example/staff/households/cm4d2r8t')
		}
	})

	test('an escalation of several households is one email that counts them', () => {
		const item = sampleClockReminder.items[0]!
		const email = renderClockReminder({
			...sampleClockReminder,
			level: 'overdue',
			items: [item, { ...item, reference: 'HH-2', displayName: '<b>Two</b>' }],
		})
		expect(email.subject).toBe('Deadlines missed: 2 households')
		expect(email.text).toContain('Deadline was: Monday 16 November 2026')
		expect(email.html).toContain('&lt;b&gt;Two&lt;/b&gt;')
	})

	test('the morning digest lists overdue households before those due today', () => {
		const { subject, text } = renderMorningDigest(sampleMorningDigest)
		expect(subject).toBe('Your deadlines for Tuesday 24 November 2026')
		expect(text).toContain('1 household is overdue and 1 household is due today')
		expect(text.indexOf('HH-7K3M9Q')).toBeLessThan(text.indexOf('DUE TODAY'))
		expect(text.indexOf('HH-4D2R8T')).toBeGreaterThan(text.indexOf('DUE TODAY'))
	})
})

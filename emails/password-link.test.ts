import { describe, expect, test } from 'vitest'
import { secretRuleBroken, SECRET_PLACEHOLDER } from '~/domain/email-secrets.ts'
import { renderPasswordLink } from './password-link.ts'
import { samplePasswordLink } from './samples.ts'

describe('renderPasswordLink', () => {
	test('a reset link: the subject, the link in both parts and how long it lasts', () => {
		const email = renderPasswordLink(samplePasswordLink)
		expect(email.subject).toBe('Reset your Foster with Northdale staff password')
		for (const part of [email.html, email.text]) {
			expect(part).toContain('Dear Amira Hussain,')
			expect(part).toContain(samplePasswordLink.url)
			expect(part).toContain('The link works once, for 1 hour.')
			expect(part).toContain('your password has not changed')
		}
		expect(email.html).toContain(`href="${samplePasswordLink.url}"`)
	})

	test('a new account’s link says an administrator made it and lasts 7 days', () => {
		const email = renderPasswordLink({ ...samplePasswordLink, kind: 'welcome' })
		expect(email.subject).toBe('Set your password for the Foster with Northdale staff area')
		for (const part of [email.html, email.text]) {
			expect(part).toContain('An administrator has made you an account')
			expect(part).toContain('for 7 days')
		}
	})

	test('a name is escaped in the HTML', () => {
		const email = renderPasswordLink({ ...samplePasswordLink, name: '<b>Jo</b>' })
		expect(email.html).toContain('Dear &lt;b&gt;Jo&lt;/b&gt;,')
		expect(email.html).not.toContain('<b>Jo</b>')
	})

	test('renders with the placeholder where the token goes, as the outbox keeps it (ADR 017)', () => {
		for (const kind of ['reset', 'welcome'] as const) {
			const url = `https://fostering.northdale.example/staff/reset-password/${SECRET_PLACEHOLDER}`
			const email = renderPasswordLink({ ...samplePasswordLink, kind, url })
			expect(email.html).toContain(`href="${url}"`)
			expect(email.text).toContain(url)
			expect(secretRuleBroken({ ...email, template: `password-${kind}`, secret: 'A'.repeat(43) })).toBeNull()
		}
	})
})

import { describe, expect, test } from 'vitest'
import {
	carriesSecret,
	emailToSend,
	HIDDEN_LINK,
	NOT_SENT_REASONS,
	SECRET_PLACEHOLDER,
	secretRuleBroken,
	textForStaff,
} from './email-secrets.ts'
import { passwordLinkTemplate } from './password-reset.ts'
import { signInLinkTemplate } from './sign-in-links.ts'

const TOKEN = 'Zm9zdGVyaW5nLWRlbW8tdG9rZW4tZm9yLXByZXZpZXdz'
const LINK = `https://fostering.northdale.example/staff/reset-password/${SECRET_PLACEHOLDER}`
const stored = {
	template: passwordLinkTemplate('reset'),
	subject: 'Reset your password',
	html: `<a href="${LINK}">${LINK}</a>`,
	text: `Reset your password:\n${LINK}\n\nThe link works once.`,
	secret: TOKEN,
	secretUntil: new Date('2026-11-23T10:00:00Z'),
}

describe('which emails carry a secret', () => {
	test('password links and sign-in links, for every audience; nothing else', () => {
		expect(carriesSecret(passwordLinkTemplate('reset'))).toBe(true)
		expect(carriesSecret(passwordLinkTemplate('welcome'))).toBe(true)
		expect(carriesSecret(signInLinkTemplate('carer'))).toBe(true)
		expect(carriesSecret(signInLinkTemplate('applicant'))).toBe(true)
		expect(carriesSecret('enquiry-acknowledgement')).toBe(false)
		expect(carriesSecret('referral-invitation')).toBe(false)
	})
})

describe('sending', () => {
	test('puts the token into every link, in the text and the HTML', () => {
		const outgoing = emailToSend(stored, new Date('2026-11-23T09:59:59Z'))
		const link = `https://fostering.northdale.example/staff/reset-password/${TOKEN}`
		expect(outgoing).toEqual({
			ok: true,
			email: {
				subject: 'Reset your password',
				html: `<a href="${link}">${link}</a>`,
				text: `Reset your password:\n${link}\n\nThe link works once.`,
			},
		})
	})

	test('does not send a link that has run out, nor one whose token is gone', () => {
		expect(emailToSend(stored, new Date('2026-11-23T10:00:00Z'))).toEqual({
			ok: false,
			reason: NOT_SENT_REASONS.expired,
		})
		expect(emailToSend({ ...stored, secret: null }, new Date('2026-11-23T09:00:00Z'))).toEqual({
			ok: false,
			reason: NOT_SENT_REASONS.gone,
		})
	})

	test('sends other emails as they are, placeholder or not (it could be someone’s own words)', () => {
		const other = { ...stored, template: 'enquiry-acknowledgement', secret: null, secretUntil: null }
		expect(emailToSend(other, new Date())).toEqual({
			ok: true,
			email: { subject: other.subject, html: other.html, text: other.text },
		})
	})
})

describe('the staff mailbox', () => {
	test('shows a secret-carrying email with each link hidden, and other emails as they are', () => {
		expect(textForStaff(stored)).toBe(`Reset your password:\n${HIDDEN_LINK}\n\nThe link works once.`)
		const other = { template: 'enquiry-acknowledgement', text: `Visit ${LINK}` }
		expect(textForStaff(other)).toBe(other.text)
	})
})

describe('what may go into the outbox', () => {
	test('a secret-carrying email with its token apart and the placeholder in both versions', () => {
		expect(secretRuleBroken(stored)).toBeNull()
		expect(secretRuleBroken({ ...stored, template: 'enquiry-acknowledgement', secret: null })).toBeNull()
	})

	test('not one with the token in its words, without its token, or without the placeholder', () => {
		const link = `https://fostering.northdale.example/staff/reset-password/${TOKEN}`
		expect(secretRuleBroken({ ...stored, text: `Reset:\n${link}`, html: `<a href="${link}">x</a>` })).toMatch(
			/placeholder/
		)
		expect(secretRuleBroken({ ...stored, text: `${stored.text}\n${link}` })).toMatch(/must not hold/)
		expect(secretRuleBroken({ ...stored, secret: null })).toMatch(/needs its link's token/)
		expect(secretRuleBroken({ ...stored, secret: 'not a token!' })).toMatch(/needs its link's token/)
		expect(secretRuleBroken({ ...stored, template: 'enquiry-acknowledgement' })).toMatch(/carries no secret/)
	})
})

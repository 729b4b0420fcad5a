import { describe, expect, test } from 'vitest'
import {
	looksLikeResetToken,
	mayReadInMailbox,
	passwordLinkTemplate,
	resetLinkExpiresAt,
	resetLinkState,
} from './password-reset.ts'

const issued = new Date('2026-11-23T09:00:00Z')

describe('password links', () => {
	test('a reset link lasts an hour; a new account’s link lasts 7 days', () => {
		expect(resetLinkExpiresAt('reset', issued)).toEqual(new Date('2026-11-23T10:00:00Z'))
		expect(resetLinkExpiresAt('welcome', issued)).toEqual(new Date('2026-11-30T09:00:00Z'))
	})

	test('works until the moment it expires, and only once', () => {
		const link = { expiresAt: resetLinkExpiresAt('reset', issued), usedAt: null }
		expect(resetLinkState(link, new Date('2026-11-23T09:59:59.999Z'))).toBe('usable')
		expect(resetLinkState(link, new Date('2026-11-23T10:00:00Z'))).toBe('expired')
		expect(
			resetLinkState({ ...link, usedAt: new Date('2026-11-23T09:10:00Z') }, new Date('2026-11-23T09:11:00Z'))
		).toBe('used')
		expect(resetLinkState(null, issued)).toBe('unknown')
	})

	test('only tokens of the shape we issue are looked up', () => {
		expect(looksLikeResetToken('A'.repeat(43))).toBe(true)
		expect(looksLikeResetToken('A'.repeat(42))).toBe(false)
		expect(looksLikeResetToken(`${'A'.repeat(42)}/`)).toBe(false)
	})
})

describe('reading password links in the staff mailbox', () => {
	test('lets only the recipient read a password link, whatever the case of the address', () => {
		const link = { template: passwordLinkTemplate('reset'), toAddress: 'Helen.Okafor@northdale.example' }
		expect(mayReadInMailbox(link, 'helen.okafor@northdale.example')).toBe(true)
		expect(mayReadInMailbox(link, 'amira.hussain@northdale.example')).toBe(false)
		expect(
			mayReadInMailbox({ ...link, template: passwordLinkTemplate('welcome') }, 'amira.hussain@northdale.example')
		).toBe(false)
	})

	test('lets anyone who may open the mailbox read other emails', () => {
		expect(
			mayReadInMailbox(
				{ template: 'enquiry-acknowledgement', toAddress: 'someone@example.com' },
				'amira.hussain@northdale.example'
			)
		).toBe(true)
	})

	test('keeps a carer’s emailed sign-in link from staff, like a password link', () => {
		const link = { template: 'sign-in-carer', toAddress: 'grace.mensah@example.com' }
		expect(mayReadInMailbox(link, 'amira.hussain@northdale.example')).toBe(false)
		expect(
			mayReadInMailbox(
				{ template: 'referral-invitation', toAddress: 'friend@example.com' },
				'amira.hussain@northdale.example'
			)
		).toBe(true)
	})
})

import { describe, expect, test } from 'vitest'
import { looksLikeResetToken, resetLinkExpiresAt, resetLinkState } from './password-reset.ts'

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

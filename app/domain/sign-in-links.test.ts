import { describe, expect, test } from 'vitest'
import {
	DEFAULT_SIGN_IN_LINK_LIFETIME_MS,
	isPortalAudience,
	lifetimePhrase,
	looksLikeSignInToken,
	portalSessionExpired,
	PORTAL_SESSION_POLICY,
	signInLinkExpiresAt,
	signInLinkState,
	signInLinkTemplate,
} from './sign-in-links.ts'

const issued = new Date('2026-11-23T10:00:00Z')

describe('sign-in link lifetimes', () => {
	test('a link lasts 7 days by default, and says so in words', () => {
		expect(signInLinkExpiresAt(issued).toISOString()).toBe('2026-11-30T10:00:00.000Z')
		expect(lifetimePhrase()).toBe('7 days')
		expect(DEFAULT_SIGN_IN_LINK_LIFETIME_MS).toBe(7 * 24 * 3600_000)
	})

	test('other lifetimes are worded in days, hours or minutes', () => {
		expect(lifetimePhrase(24 * 3600_000)).toBe('1 day')
		expect(lifetimePhrase(3600_000)).toBe('1 hour')
		expect(lifetimePhrase(12 * 3600_000)).toBe('12 hours')
		expect(lifetimePhrase(30 * 60_000)).toBe('30 minutes')
	})
})

describe('signInLinkState', () => {
	const link = { expiresAt: signInLinkExpiresAt(issued), usedAt: null }

	test('a link is usable until the instant it expires', () => {
		expect(signInLinkState(link, issued)).toBe('usable')
		expect(signInLinkState(link, new Date('2026-11-30T09:59:59.999Z'))).toBe('usable')
		expect(signInLinkState(link, new Date('2026-11-30T10:00:00Z'))).toBe('expired')
	})

	test('a used link stays used, and a missing one is unknown', () => {
		expect(signInLinkState({ ...link, usedAt: issued }, issued)).toBe('used')
		expect(signInLinkState({ ...link, usedAt: issued }, new Date('2027-01-01T00:00:00Z'))).toBe('used')
		expect(signInLinkState(null, issued)).toBe('unknown')
	})
})

test('only the shape of a token we issue is looked up', () => {
	expect(looksLikeSignInToken('a'.repeat(43))).toBe(true)
	expect(looksLikeSignInToken('Zm9zdGVyaW5nLWRlbW8tdG9rZW4tZm9yLXByZXZpZXdz')).toBe(false)
	expect(looksLikeSignInToken('Zm9zdGVyaW5nLWRlbW8tdG9rZW4tZm9yLXByZXZpZXd')).toBe(true)
	expect(looksLikeSignInToken(`${'a'.repeat(42)}/`)).toBe(false)
	expect(looksLikeSignInToken('')).toBe(false)
})

describe('portal sessions', () => {
	const session = {
		expiresAt: new Date(issued.getTime() + PORTAL_SESSION_POLICY.absoluteMinutes * 60_000),
		lastSeenAt: issued,
	}

	test('end after 2 hours without use', () => {
		expect(portalSessionExpired(session, new Date(issued.getTime() + 119 * 60_000))).toBe(false)
		expect(portalSessionExpired(session, new Date(issued.getTime() + 120 * 60_000))).toBe(true)
	})

	test('end a day after signing in, however busy', () => {
		const busy = { ...session, lastSeenAt: new Date(session.expiresAt.getTime() - 60_000) }
		expect(portalSessionExpired(busy, new Date(session.expiresAt.getTime() - 1))).toBe(false)
		expect(portalSessionExpired(busy, session.expiresAt)).toBe(true)
	})
})

test('audiences and their email templates', () => {
	expect(isPortalAudience('carer')).toBe(true)
	expect(isPortalAudience('applicant')).toBe(true)
	expect(isPortalAudience('staff')).toBe(false)
	expect(signInLinkTemplate('carer')).toBe('sign-in-carer')
})

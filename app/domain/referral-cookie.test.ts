import { expect, test } from 'vitest'
import { readReferralCookie, referralCookieHeader } from './referral-cookie.ts'

// The referral cookie: 30 days, first-party, not readable by scripts, Secure over https.

test('kept for 30 days, for the whole site, HttpOnly and SameSite=Lax; Secure only over https', () => {
	expect(referralCookieHeader('NORTH7K3', 'https://fostering.northdale.example')).toBe(
		'referral=NORTH7K3; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax; Secure'
	)
	expect(referralCookieHeader('NORTH7K3', 'http://localhost:3000')).toBe(
		'referral=NORTH7K3; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax'
	)
})

test('reads the code back among other cookies, and ignores anything that is not a code', () => {
	expect(readReferralCookie('_ga=1; referral=north7k3; other=x')).toBe('NORTH7K3')
	expect(readReferralCookie('referral=NORTH7K3')).toBe('NORTH7K3')
	expect(readReferralCookie(null)).toBeNull()
	expect(readReferralCookie('other=NORTH7K3')).toBeNull()
	expect(readReferralCookie('referral=%3Cscript%3E')).toBeNull()
	expect(readReferralCookie('referral=%E0%A4%A')).toBeNull()
	expect(readReferralCookie(`referral=${'A'.repeat(33)}`)).toBeNull()
})

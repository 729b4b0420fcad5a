// The referral cookie (ADR 032): a carer's link, /r/CODE, keeps their code on the friend's device
// for 30 days, so an enquiry made later carries the referral. First-party and strictly necessary
// for the service the friend asked for (being put in touch through the carer who invited them):
// HttpOnly (no script reads it), SameSite=Lax (sent when the friend comes back from a link or
// types the address), Secure when the site is served over https. It holds the code and nothing else.

import { normaliseReferralCode } from './attribution.ts'

export const REFERRAL_COOKIE = 'referral'
export const REFERRAL_COOKIE_DAYS = 30
/** Longer than any code issued; a longer value is not a code and is ignored. */
export const MAX_REFERRAL_CODE_LENGTH = 32

/** The Set-Cookie header that keeps `code` for 30 days. */
export function referralCookieHeader(code: string, origin: string): string {
	const parts = [
		`${REFERRAL_COOKIE}=${encodeURIComponent(code)}`,
		`Max-Age=${REFERRAL_COOKIE_DAYS * 24 * 60 * 60}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
	]
	if (origin.startsWith('https:')) parts.push('Secure')
	return parts.join('; ')
}

/** The code a request's Cookie header carries, normalised, or null when it carries none that could be one. */
export function readReferralCookie(cookieHeader: string | null): string | null {
	if (!cookieHeader) return null
	for (const pair of cookieHeader.split(';')) {
		const [name, ...rest] = pair.split('=')
		if (name?.trim() !== REFERRAL_COOKIE) continue
		let value: string
		try {
			value = decodeURIComponent(rest.join('=').trim())
		} catch {
			return null
		}
		const code = normaliseReferralCode(value)
		return /^[A-Z0-9]{1,32}$/.test(code) ? code : null
	}
	return null
}

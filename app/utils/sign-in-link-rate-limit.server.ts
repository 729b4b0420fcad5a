import { RateLimiter } from './rate-limit.ts'

// How often emailed sign-in links (carers at /refer, later applicants) may be asked for. Per
// address: a few an hour, so nobody's inbox can be flooded (beyond that the page answers the same
// but nothing is sent). Per client address: enough for a family sharing one connection, not
// enough to try many addresses.

export const SIGN_IN_LINK_LIMITS = {
	perEmail: { limit: 3, windowMs: 60 * 60_000 },
	perClient: { limit: 10, windowMs: 15 * 60_000 },
} as const

let limiters: { perEmail: RateLimiter; perClient: RateLimiter } | undefined

export function signInLinkLimiters() {
	limiters ??= {
		perEmail: new RateLimiter(SIGN_IN_LINK_LIMITS.perEmail.limit, SIGN_IN_LINK_LIMITS.perEmail.windowMs),
		perClient: new RateLimiter(SIGN_IN_LINK_LIMITS.perClient.limit, SIGN_IN_LINK_LIMITS.perClient.windowMs),
	}
	return limiters
}

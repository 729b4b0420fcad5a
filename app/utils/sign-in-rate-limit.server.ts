import { RateLimiter } from './rate-limit.ts'

// How many wrong sign-ins one client address may make (docs/decisions/006-staff-sign-in.md). The
// lock-out stops guessing at one account; this stops one client trying a likely password against
// many accounts. Only wrong answers count, so an office behind one address signing in each
// morning is never held up.

export const SIGN_IN_LIMIT = { limit: 20, windowMs: 15 * 60_000 } as const

let limiter: RateLimiter | undefined

export function signInLimiter() {
	limiter ??= new RateLimiter(SIGN_IN_LIMIT.limit, SIGN_IN_LIMIT.windowMs)
	return limiter
}

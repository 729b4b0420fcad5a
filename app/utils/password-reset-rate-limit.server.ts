import { RateLimiter } from './rate-limit.ts'

// How often reset links may be asked for. Per address: a few an hour, so nobody's inbox can be
// flooded (beyond that the answer is the same but nothing is sent). Per client address: enough
// for an office behind one address, not enough to probe many accounts.

export const RESET_LIMITS = {
	perEmail: { limit: 3, windowMs: 60 * 60_000 },
	perClient: { limit: 10, windowMs: 15 * 60_000 },
} as const

let limiters: { perEmail: RateLimiter; perClient: RateLimiter } | undefined

export function passwordResetLimiters() {
	limiters ??= {
		perEmail: new RateLimiter(RESET_LIMITS.perEmail.limit, RESET_LIMITS.perEmail.windowMs),
		perClient: new RateLimiter(RESET_LIMITS.perClient.limit, RESET_LIMITS.perClient.windowMs),
	}
	return limiters
}

import { getEnv } from './env.server.ts'
import { RateLimiter } from './rate-limit.ts'

let limiter: RateLimiter | undefined

/** How many enquiries one client address may send in a window (ENQUIRY_RATE_LIMIT per ENQUIRY_RATE_WINDOW_S). */
export function enquiryRateLimiter(): RateLimiter {
	const env = getEnv()
	limiter ??= new RateLimiter(env.ENQUIRY_RATE_LIMIT, env.ENQUIRY_RATE_WINDOW_S * 1000)
	return limiter
}

import { describe, expect, test } from 'vitest'
import { RateLimiter } from './rate-limit.ts'

describe('RateLimiter', () => {
	test('allows the limit within the window, refuses the next, and allows again once the first hit expires', () => {
		let now = 0
		const limiter = new RateLimiter(3, 60_000, () => now)
		expect(limiter.tryHit('a').allowed).toBe(true)
		now = 10_000
		expect(limiter.tryHit('a').allowed).toBe(true)
		expect(limiter.tryHit('a').allowed).toBe(true)
		expect(limiter.tryHit('a')).toEqual({ allowed: false, retryAfterMs: 50_000 })
		// Another client is not affected.
		expect(limiter.tryHit('b').allowed).toBe(true)
		now = 60_000
		expect(limiter.tryHit('a').allowed).toBe(true)
		expect(limiter.tryHit('a').allowed).toBe(false)
	})

	test('peek says whether a client may act without counting it', () => {
		let now = 0
		const limiter = new RateLimiter(2, 60_000, () => now)
		expect(limiter.peek('a')).toEqual({ allowed: true })
		expect(limiter.peek('a')).toEqual({ allowed: true })
		limiter.tryHit('a')
		now = 5_000
		limiter.tryHit('a')
		expect(limiter.peek('a')).toEqual({ allowed: false, retryAfterMs: 55_000 })
		now = 60_000
		expect(limiter.peek('a')).toEqual({ allowed: true })
	})
})

import { describe, expect, test } from 'vitest'
import {
	decideHit,
	decideSlowDown,
	estimatedHits,
	retryAfterSeconds,
	slowDownDelaySeconds,
	waitInWords,
	windowIndex,
} from './rate-limits.ts'

// Every figure below is worked out by hand in the comment beside it.

const tenPerTenMinutes = { limit: 10, windowSeconds: 600 }
/** `seconds` into window number 5 of a 10-minute rule (windows start at 0, 600 000 ms, ...). */
const into = (seconds: number) => 5 * 600_000 + seconds * 1000

describe('windows', () => {
	test('are whole multiples of their length since 1970', () => {
		expect(windowIndex(tenPerTenMinutes, 0)).toBe(0)
		expect(windowIndex(tenPerTenMinutes, 599_999)).toBe(0)
		expect(windowIndex(tenPerTenMinutes, 600_000)).toBe(1)
		// 10:02 UTC on 7 December 2026 is 1 796 637 720 seconds since 1970: 2 994 396 windows and 120 seconds.
		expect(windowIndex(tenPerTenMinutes, Date.parse('2026-12-07T10:02:00Z'))).toBe(2_994_396)
	})
})

describe('the sliding estimate', () => {
	test('counts the previous window by how much of it still overlaps the last 10 minutes', () => {
		// 150 s in: 4 + 6 × 450/600 = 4 + 4.5.
		expect(estimatedHits(tenPerTenMinutes, { current: 4, previous: 6 }, into(150))).toBe(8.5)
		// At the start of the window the previous one counts in full; at its end not at all.
		expect(estimatedHits(tenPerTenMinutes, { current: 4, previous: 6 }, into(0))).toBe(10)
		expect(estimatedHits(tenPerTenMinutes, { current: 4, previous: 6 }, into(599.999))).toBeCloseTo(4, 4)
	})

	test('a hit is allowed while the estimate, with it, is at most the limit', () => {
		// 5 + 4.5 = 9.5 and 6 + 4.5 = 10.5, 150 s in.
		expect(decideHit(tenPerTenMinutes, { current: 5, previous: 6 }, into(150))).toEqual({ allowed: true })
		expect(decideHit(tenPerTenMinutes, { current: 6, previous: 6 }, into(150))).toEqual({
			allowed: false,
			// Without the refused hit, 5 + 1 + 6 × (600 − e)/600 ≤ 10 once e ≥ 200 s: 50 s on.
			retryAfterSeconds: 50,
		})
		// Exactly at the limit, worked in whole milliseconds: 6 + 6 × 400/600 = 10.
		expect(decideHit(tenPerTenMinutes, { current: 6, previous: 6 }, into(200))).toEqual({ allowed: true })
	})
})

describe('how long to wait', () => {
	test('a full window waits into the next, until its weight leaves room for one', () => {
		// 10 in this window, none before, at its start: in the next, 1 + 10 × (600 − e)/600 ≤ 10 once
		// e ≥ 60 s. 600 + 60 = 660 s: a tenth longer than a strict count of times would say, because
		// the estimate takes the 10 to be spread through the window.
		expect(retryAfterSeconds(tenPerTenMinutes, { current: 10, previous: 0 }, into(0))).toBe(660)
		// 90 s in: 510 + 60.
		expect(retryAfterSeconds(tenPerTenMinutes, { current: 10, previous: 0 }, into(90))).toBe(570)
		// The window before this one no longer matters once this one becomes "previous".
		expect(retryAfterSeconds(tenPerTenMinutes, { current: 10, previous: 10 }, into(90))).toBe(570)
	})

	test('a window with room waits for the previous window’s weight to fall', () => {
		// 5 + 1 + 6 × (600 − e)/600 ≤ 10 once e ≥ 200 s.
		expect(retryAfterSeconds(tenPerTenMinutes, { current: 5, previous: 6 }, into(150))).toBe(50)
		// Half a second short of 200 s still says 1 second: waits are whole seconds, rounded up.
		expect(retryAfterSeconds(tenPerTenMinutes, { current: 5, previous: 6 }, into(199.5))).toBe(1)
	})

	test('a limit of one waits until both windows have gone by', () => {
		// 100 s in: 500 s to the end of this window, then 1 + 1 × (600 − e)/600 ≤ 1 only at e = 600.
		expect(retryAfterSeconds({ limit: 1, windowSeconds: 600 }, { current: 1, previous: 0 }, into(100))).toBe(1100)
	})
})

describe('the slow-down', () => {
	const slowDown = { limit: 10, windowSeconds: 900, firstDelaySeconds: 2, maxDelaySeconds: 60 }

	test('starts at the limit with 2 seconds and doubles up to a minute', () => {
		expect(
			[0, 9, 10, 11, 12, 13, 14, 15, 16, 1000].map((failures) => slowDownDelaySeconds(slowDown, failures))
		).toEqual([0, 0, 2, 4, 8, 16, 32, 60, 60, 60])
		// Estimates are rounded down: 10.9 failures are 10.
		expect(slowDownDelaySeconds(slowDown, 10.9)).toBe(2)
		expect(slowDownDelaySeconds(slowDown, 9.9)).toBe(0)
	})

	test('makes an attempt wait for the rest of the delay after the last failure', () => {
		const start = 3 * 900_000
		// 12 failures: 8 s after the last one. 3 s have gone by: 5 to wait.
		const twelve = { counts: { current: 12, previous: 0 }, lastAtMs: start + 100_000 }
		expect(decideSlowDown(slowDown, twelve, start + 103_000)).toEqual({ allowed: false, retryAfterSeconds: 5 })
		expect(decideSlowDown(slowDown, twelve, start + 107_001)).toEqual({ allowed: false, retryAfterSeconds: 1 })
		expect(decideSlowDown(slowDown, twelve, start + 108_000)).toEqual({ allowed: true })
		// 4 now and 8 in the previous window, half-way through: 4 + 4 = 8, under the limit.
		const eight = { counts: { current: 4, previous: 8 }, lastAtMs: start + 450_000 }
		expect(decideSlowDown(slowDown, eight, start + 450_000)).toEqual({ allowed: true })
		expect(decideSlowDown(slowDown, { counts: { current: 0, previous: 0 }, lastAtMs: null }, start)).toEqual({
			allowed: true,
		})
	})
})

describe('waits in words', () => {
	test('seconds under a minute, then whole minutes rounded up, so never shorter than the wait', () => {
		expect([1, 2, 59, 60, 61, 765, 900].map(waitInWords)).toEqual([
			'1 second',
			'2 seconds',
			'59 seconds',
			'1 minute',
			'2 minutes',
			'13 minutes',
			'15 minutes',
		])
	})
})

import { describe, expect, test } from 'vitest'
import { afterFailure, backoffMs, mayAttempt, type RetryPolicy } from './retry-policy.ts'

// The one retry rule of the leased workers, with numbers worked out by hand.

const POLICY: RetryPolicy = { delaysMs: [1_000, 5_000, 60_000], transientAttempts: 4, permanentAttempts: 2 }
const FOREVER: RetryPolicy = { delaysMs: [10_000], transientAttempts: null, permanentAttempts: 3 }
const noJitter = () => 0
const now = new Date('2026-12-07T09:00:00Z')

describe('backoffMs', () => {
	test('walks the list of waits and then stays on the last', () => {
		expect([1, 2, 3, 4, 10].map((n) => backoffMs(POLICY, n, noJitter))).toEqual([1_000, 5_000, 60_000, 60_000, 60_000])
	})

	test('treats nought or fewer failures as the first', () => {
		expect(backoffMs(POLICY, 0, noJitter)).toBe(1_000)
		expect(backoffMs(POLICY, -3, noJitter)).toBe(1_000)
	})

	test('jitter takes off up to a fifth, never adds: 60 s becomes between 48 and 60 s', () => {
		expect(backoffMs(POLICY, 3, () => 0.5)).toBe(54_000)
		expect(backoffMs(POLICY, 3, () => 0.999_999)).toBe(48_000)
		for (let i = 0; i < 50; i++) {
			const wait = backoffMs(POLICY, 3)
			expect(wait).toBeGreaterThanOrEqual(48_000)
			expect(wait).toBeLessThanOrEqual(60_000)
		}
	})
})

describe('afterFailure', () => {
	test('a transient failure is retried after the backoff until its last attempt, then dead', () => {
		expect(afterFailure(POLICY, { failedAttempts: 1, permanent: false, now, random: noJitter })).toEqual({
			status: 'retry',
			nextAttemptAt: new Date('2026-12-07T09:00:01Z'),
		})
		expect(afterFailure(POLICY, { failedAttempts: 3, permanent: false, now, random: noJitter })).toEqual({
			status: 'retry',
			nextAttemptAt: new Date('2026-12-07T09:01:00Z'),
		})
		expect(afterFailure(POLICY, { failedAttempts: 4, permanent: false, now, random: noJitter }).status).toBe('dead')
	})

	test('a permanent failure is given up after its own, smaller number of attempts', () => {
		expect(afterFailure(POLICY, { failedAttempts: 1, permanent: true, now, random: noJitter })).toEqual({
			status: 'retry',
			nextAttemptAt: new Date('2026-12-07T09:00:01Z'),
		})
		expect(afterFailure(POLICY, { failedAttempts: 2, permanent: true, now, random: noJitter }).status).toBe('dead')
	})

	test('with no limit on transient failures, the thousandth is still retried ten seconds on', () => {
		expect(afterFailure(FOREVER, { failedAttempts: 1000, permanent: false, now, random: noJitter })).toEqual({
			status: 'retry',
			nextAttemptAt: new Date('2026-12-07T09:00:10Z'),
		})
		expect(afterFailure(FOREVER, { failedAttempts: 3, permanent: true, now }).status).toBe('dead')
	})
})

describe('mayAttempt', () => {
	test('a job claimed once more than its transient attempts is given up, not run', () => {
		expect([1, 2, 3, 4, 5].map((attempt) => mayAttempt(POLICY, attempt))).toEqual([true, true, true, true, false])
	})

	test('without a limit every attempt may run', () => {
		expect(mayAttempt(FOREVER, 10_000)).toBe(true)
	})
})

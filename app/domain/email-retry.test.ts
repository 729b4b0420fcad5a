import { describe, expect, test } from 'vitest'
import { afterFailure, MAX_RETRY_DELAY_MS, PERMANENT_FAILURE_ATTEMPTS, retryDelayMs } from './email-retry.ts'

const noJitter = () => 0
const fullJitter = () => 0.999999

describe('retryDelayMs', () => {
	test('backs off from 10 seconds to a 15-minute ceiling', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelayMs(n, noJitter))).toEqual([
			10_000, 30_000, 60_000, 120_000, 300_000, 900_000, 900_000, 900_000,
		])
	})

	test('jitter only shortens the wait, by at most a fifth', () => {
		expect(retryDelayMs(1, fullJitter)).toBe(8_000)
		expect(retryDelayMs(99, fullJitter)).toBeGreaterThanOrEqual(MAX_RETRY_DELAY_MS * 0.8)
		for (let i = 0; i < 100; i++) expect(retryDelayMs(10)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS)
	})
})

describe('afterFailure', () => {
	const now = new Date('2026-11-23T10:00:00Z')

	test('a transient failure is never given up, however many times it happens', () => {
		const outcome = afterFailure({ failedAttempts: 500, permanent: false, now, random: noJitter })
		expect(outcome).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-11-23T10:15:00Z') })
	})

	test(`a permanent rejection is retried, then dead after ${PERMANENT_FAILURE_ATTEMPTS} attempts`, () => {
		expect(afterFailure({ failedAttempts: 1, permanent: true, now, random: noJitter })).toEqual({
			status: 'pending',
			nextAttemptAt: new Date('2026-11-23T10:00:10Z'),
		})
		expect(afterFailure({ failedAttempts: 2, permanent: true, now }).status).toBe('pending')
		expect(afterFailure({ failedAttempts: 3, permanent: true, now }).status).toBe('dead')
	})
})

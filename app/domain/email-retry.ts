// When to try a failed email again. An outage must delay mail, never drop it: transient failures
// are retried for ever, backing off from seconds to a 15-minute ceiling; a permanent rejection
// (the server refused this recipient or message) is retried a couple of times, because some
// servers misreport passing trouble as permanent, and then given up as dead (ADR 003).

const RETRY_DELAYS_MS = [10_000, 30_000, 60_000, 120_000, 300_000, 900_000]
export const MAX_RETRY_DELAY_MS = 900_000
export const PERMANENT_FAILURE_ATTEMPTS = 3

/**
 * The wait after the given number of failed attempts (1 = the first failure). Jitter takes up
 * to a fifth off so that messages that failed together do not all retry together; it never adds,
 * so the ceiling holds. `random` returns a number in [0, 1).
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
	const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1
	const base = RETRY_DELAYS_MS[index]!
	return Math.round(base * (1 - 0.2 * random()))
}

export type FailureOutcome = { status: 'pending' | 'dead'; nextAttemptAt: Date }

/** What becomes of a message after a failed attempt. `failedAttempts` includes this one. */
export function afterFailure(input: {
	failedAttempts: number
	permanent: boolean
	now: Date
	random?: () => number
}): FailureOutcome {
	const dead = input.permanent && input.failedAttempts >= PERMANENT_FAILURE_ATTEMPTS
	return {
		status: dead ? 'dead' : 'pending',
		nextAttemptAt: new Date(input.now.getTime() + retryDelayMs(input.failedAttempts, input.random)),
	}
}

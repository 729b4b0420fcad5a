import { afterFailure as policyAfterFailure, backoffMs, type RetryPolicy } from './retry-policy.ts'

// When to try a failed email again. An outage must delay mail, never drop it: transient failures
// are retried for ever, backing off from seconds to a 15-minute ceiling; a permanent rejection
// (the server refused this recipient or message) is retried a couple of times, because some
// servers misreport passing trouble as permanent, and then given up as dead (ADR 003). The rule
// itself is every worker's (app/domain/retry-policy.ts, ADR 024); these are the outbox's numbers.

export const MAX_RETRY_DELAY_MS = 900_000
export const PERMANENT_FAILURE_ATTEMPTS = 3

export const EMAIL_RETRY: RetryPolicy = {
	delaysMs: [10_000, 30_000, 60_000, 120_000, 300_000, MAX_RETRY_DELAY_MS],
	transientAttempts: null,
	permanentAttempts: PERMANENT_FAILURE_ATTEMPTS,
}

/** The wait after the given number of failed attempts (1 = the first failure), with jitter. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
	return backoffMs(EMAIL_RETRY, failedAttempts, random)
}

export type FailureOutcome = { status: 'pending' | 'dead'; nextAttemptAt: Date }

/** What becomes of a message after a failed attempt. `failedAttempts` includes this one. */
export function afterFailure(input: {
	failedAttempts: number
	permanent: boolean
	now: Date
	random?: () => number
}): FailureOutcome {
	const outcome = policyAfterFailure(EMAIL_RETRY, input)
	return { status: outcome.status === 'dead' ? 'dead' : 'pending', nextAttemptAt: outcome.nextAttemptAt }
}

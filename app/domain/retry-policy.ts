// When a background job that failed is tried again, and when it is given up (dead-lettered): one
// rule for every leased worker (the email outbox, Stripe payments, CSV imports; ADR 024), each
// with its own numbers. Pure: the caller passes the time and, for tests, the jitter.

export type RetryPolicy = {
	/** The wait after the 1st, 2nd... failed attempt; the last one repeats for ever after. */
	delaysMs: readonly number[]
	/** A transient failure (an outage, a crash) is given up after this many attempts; null: never. */
	transientAttempts: number | null
	/** A permanent failure (refused for what it is) is given up after this many attempts. */
	permanentAttempts: number
}

/**
 * The wait after `failedAttempts` failures (1 = the first). Jitter takes up to a fifth off, so
 * jobs that failed together do not all come back together; it never adds, so the ceiling holds.
 * `random` returns a number in [0, 1).
 */
export function backoffMs(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random): number {
	const index = Math.min(Math.max(failedAttempts, 1), policy.delaysMs.length) - 1
	return Math.round(policy.delaysMs[index]! * (1 - 0.2 * random()))
}

export type RetryOutcome = { status: 'retry'; nextAttemptAt: Date } | { status: 'dead'; nextAttemptAt: Date }

/**
 * What becomes of a job after a failed attempt: tried again after the backoff, or dead (given up,
 * kept for staff to see). `failedAttempts` includes this one. The time it would have been tried
 * again is given either way (the outbox keeps it on a dead message).
 */
export function afterFailure(
	policy: RetryPolicy,
	input: { failedAttempts: number; permanent: boolean; now: Date; random?: () => number }
): RetryOutcome {
	const nextAttemptAt = new Date(input.now.getTime() + backoffMs(policy, input.failedAttempts, input.random))
	const limit = input.permanent ? policy.permanentAttempts : policy.transientAttempts
	const dead = limit !== null && input.failedAttempts >= limit
	return { status: dead ? 'dead' : 'retry', nextAttemptAt }
}

/**
 * Whether a job claimed for its `attempt`th time (1 = the first) may run. Workers that count an
 * attempt when they claim it (the imports) see a crash as a failed attempt this way: a job that
 * brings its worker down every time is given up once the attempts before it are used up, rather
 * than taking every server down in turn for ever.
 */
export function mayAttempt(policy: RetryPolicy, attempt: number): boolean {
	return policy.transientAttempts === null || attempt <= policy.transientAttempts
}

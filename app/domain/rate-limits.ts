// The arithmetic of rate limits, with no database or clock of its own (the counts are kept by
// app/models/rate-limits.server.ts). Time is cut into fixed windows that start at whole multiples
// of the window's length since 1970, and each key keeps one count per window. How many hits a key
// has had "in the last window" is estimated from the current window's count and the previous
// one's, weighted by how much of the previous window still overlaps the last window's length:
//
//   estimate = current + previous × (window − elapsed) / window
//
// which assumes the previous window's hits were spread evenly through it. It needs two counts per
// key instead of a list of times, and one write per hit. Everything is worked out in whole
// milliseconds so that no rounding can let one hit too many through.

export type RateLimitRule = {
	/** How many hits the last `windowSeconds` may hold. */
	limit: number
	windowSeconds: number
}

/** A key's counts in the window holding `atMs` and in the one before it. */
export type WindowCounts = { current: number; previous: number }

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

function windowMs(rule: RateLimitRule) {
	return rule.windowSeconds * 1000
}

/** Which window holds the instant: whole windows since 1970. */
export function windowIndex(rule: RateLimitRule, atMs: number): number {
	return Math.floor(atMs / windowMs(rule))
}

/** How far into its window the instant is, in milliseconds. */
function elapsedMs(rule: RateLimitRule, atMs: number) {
	return atMs - windowIndex(rule, atMs) * windowMs(rule)
}

/** Whether the estimate for these counts at this instant is within the limit (× window, in whole numbers). */
function within(rule: RateLimitRule, counts: WindowCounts, elapsed: number) {
	const length = windowMs(rule)
	return counts.current * length + counts.previous * (length - elapsed) <= rule.limit * length
}

/** The estimated number of hits in the last window. */
export function estimatedHits(rule: RateLimitRule, counts: WindowCounts, atMs: number): number {
	const length = windowMs(rule)
	return (counts.current * length + counts.previous * (length - elapsedMs(rule, atMs))) / length
}

/**
 * Whether a hit at `atMs` is allowed, given the counts that already include it. When it is not,
 * how many whole seconds to wait until one more hit would be allowed (counts without it).
 */
export function decideHit(rule: RateLimitRule, countsWithHit: WindowCounts, atMs: number): RateLimitDecision {
	if (within(rule, countsWithHit, elapsedMs(rule, atMs))) return { allowed: true }
	const without = { current: Math.max(0, countsWithHit.current - 1), previous: countsWithHit.previous }
	return { allowed: false, retryAfterSeconds: retryAfterSeconds(rule, without, atMs) }
}

/**
 * How many whole seconds (at least 1) until one more hit would be allowed, if nothing else is
 * counted meanwhile: later in this window, as the previous window's weight falls away, or, when
 * this window is already full, in the next, where this window's count becomes the previous one.
 */
export function retryAfterSeconds(rule: RateLimitRule, counts: WindowCounts, atMs: number): number {
	const length = windowMs(rule)
	const elapsed = elapsedMs(rule, atMs)
	const room = rule.limit - 1
	let waitMs: number
	if (counts.current > room) {
		// In the next window: 1 + current × (length − e) / length ≤ limit.
		const e = length - Math.floor((room * length) / counts.current)
		waitMs = length - elapsed + e
	} else if (counts.previous > 0) {
		// Later in this window (at its end at the latest): current + 1 + previous × (length − e) / length ≤ limit.
		const e = Math.max(elapsed, length - Math.floor(((room - counts.current) * length) / counts.previous))
		waitMs = e - elapsed
	} else {
		waitMs = 0
	}
	return Math.max(1, Math.ceil(waitMs / 1000))
}

/**
 * A slow-down rather than a refusal: once a key's estimated failures reach `from`, each attempt
 * must come at least `firstDelaySeconds` after the last failure, doubling with each further
 * failure, never more than `maxDelaySeconds`.
 */
export type SlowDownRule = RateLimitRule & { firstDelaySeconds: number; maxDelaySeconds: number }

/** The delay after the last failure, in seconds, for this many failures (0 below the limit). */
export function slowDownDelaySeconds(rule: SlowDownRule, failures: number): number {
	const whole = Math.floor(failures)
	if (whole < rule.limit) return 0
	// Capped before raising 2 to a large power.
	const doublings = Math.min(whole - rule.limit, 30)
	return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** doublings)
}

/** Whether an attempt at `atMs` must wait, and for how many whole seconds. */
export function decideSlowDown(
	rule: SlowDownRule,
	failures: { counts: WindowCounts; lastAtMs: number | null },
	atMs: number
): RateLimitDecision {
	if (failures.lastAtMs === null) return { allowed: true }
	const delayMs = slowDownDelaySeconds(rule, estimatedHits(rule, failures.counts, atMs)) * 1000
	const waitMs = failures.lastAtMs + delayMs - atMs
	return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true }
}

/** "30 seconds", "1 minute", "15 minutes": a wait in GOV.UK words, never shorter than the wait. */
export function waitInWords(seconds: number): string {
	if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`
	const minutes = Math.ceil(seconds / 60)
	return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

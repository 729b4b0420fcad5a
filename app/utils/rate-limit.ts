// A per-client limit on how often something may be done, counted in memory in this process (the
// public form needs no account, so the client's address is the only handle we have). Each key
// keeps the times of its recent hits; old ones fall out of the window.

export class RateLimiter {
	readonly #hits = new Map<string, number[]>()
	#lastSweep = 0

	constructor(readonly limit: number, readonly windowMs: number, private readonly now: () => number = Date.now) {}

	/** Whether `key` may act now; when it may, the hit is counted. */
	tryHit(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
		const now = this.now()
		this.#sweep(now)
		const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < this.windowMs)
		if (recent.length >= this.limit) {
			this.#hits.set(key, recent)
			return { allowed: false, retryAfterMs: this.windowMs - (now - recent[0]!) }
		}
		recent.push(now)
		this.#hits.set(key, recent)
		return { allowed: true }
	}

	/** Whether `key` may act now, without counting a hit: for limits that count only failures. */
	peek(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
		const now = this.now()
		const recent = (this.#hits.get(key) ?? []).filter((at) => now - at < this.windowMs)
		if (recent.length < this.limit) return { allowed: true }
		return { allowed: false, retryAfterMs: this.windowMs - (now - recent[0]!) }
	}

	// Forget clients whose hits have all expired, so memory stays bounded under a flood of addresses.
	#sweep(now: number) {
		if (now - this.#lastSweep < this.windowMs) return
		this.#lastSweep = now
		for (const [key, hits] of this.#hits) {
			if (hits.every((at) => now - at >= this.windowMs)) this.#hits.delete(key)
		}
	}
}

// Group commit: requests that arrive while a write is in progress are written together in the
// next transaction. SQLite takes one writer at a time and each transaction has a fixed cost, so
// under a spike this turns fifty small transactions into one; when the service is quiet a
// request is written at once, alone. Every caller still gets its own result, and only after the
// transaction holding its write has committed.

export type BatchOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown }

export class GroupCommit<T, R> {
	#queue: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = []
	#writing = false

	constructor(
		/** Writes a batch in one transaction; returns one outcome per item, in order. */
		private readonly writeBatch: (items: T[]) => Promise<BatchOutcome<R>[]>,
		private readonly maxBatch = 100
	) {}

	submit(item: T): Promise<R> {
		return new Promise<R>((resolve, reject) => {
			this.#queue.push({ item, resolve, reject })
			if (!this.#writing) void this.#drain()
		})
	}

	async #drain() {
		this.#writing = true
		// Let the requests that are already parsed join this batch.
		await new Promise((resolve) => setImmediate(resolve))
		try {
			while (this.#queue.length > 0) {
				const batch = this.#queue.splice(0, this.maxBatch)
				let outcomes: BatchOutcome<R>[]
				try {
					outcomes = await this.writeBatch(batch.map((entry) => entry.item))
				} catch (error) {
					outcomes = batch.map(() => ({ ok: false, error }))
				}
				batch.forEach((entry, index) => {
					const outcome = outcomes[index]
					if (outcome?.ok) entry.resolve(outcome.value)
					else entry.reject(outcome ? outcome.error : new Error('No outcome for batched write'))
				})
			}
		} finally {
			this.#writing = false
		}
	}
}

// Long work done in one go (building thousands of households for an import, a transaction's
// statements, each answered at once by better-sqlite3) runs as promise continuations that never
// give the event loop a turn, so every other request, static files too, waits until it ends. Such
// work asks this between steps: it lets the event loop serve others once the work has run `ms`
// since it last did, and costs nothing before (a short change never waits for anyone).

/** A function to await between steps of long work: it yields to the event loop every `ms` of work. */
export function yieldingEvery(ms: number): () => Promise<void> {
	let since = performance.now()
	return async () => {
		if (performance.now() - since < ms) return
		await new Promise((resolve) => setImmediate(resolve))
		since = performance.now()
	}
}

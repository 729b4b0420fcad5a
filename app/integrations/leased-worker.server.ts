// The one loop of every background worker that works through what a table holds (the email
// outbox, the Stripe payments, the CSV imports; ADR 024): poll every `pollMs`, or at once when
// woken after a commit; claim a batch of due rows with a lease; handle them one at a time; and
// hand back what is left of a batch rather than work on after half the lease has gone (another
// process may claim it once the lease runs out). Each worker records its own outcomes (done,
// retry after app/domain/retry-policy.ts's backoff, or dead). One run at a time per worker;
// stop() waits for the run in progress, which can see it is stopping and hand its row back.
// Each kind of worker starts through its own workerRegistry, so the code that has just committed
// work for it can wake this process's worker (wakeOutbox, wakePayments, wakeImports).

export type LeasedWorkerOptions<Claim> = {
	/** Names the worker in its log lines ("Outbox", "Payments"). */
	name: string
	pollMs: number
	now: () => Date
	batchSize: number
	leaseMs: number
	claim(input: { now: Date; leaseMs: number; limit: number }): Promise<Claim[]>
	release(claim: Claim): Promise<unknown>
	/** Handles one claimed row; it records its own outcome (sent, retry later, failed). */
	handle(claim: Claim, worker: { stopping(): boolean }): Promise<void>
	/**
	 * Records the outcomes `handle` kept for the whole batch, in one write: called after each
	 * batch, however it ended (the outbox marks its sent emails so, not one commit per email).
	 */
	settle?(): Promise<void>
	describeError(error: unknown): string
	logger: Pick<Console, 'error'>
}

/** What every worker's starter takes; each worker adds its own (a mailer, a gateway, a database). */
export type WorkerOptions = {
	/** How often to look for due rows when nobody calls wake(). */
	pollMs: number
	now?: () => Date
	/** How long a claim lasts; must be well over the longest a row can take. */
	leaseMs?: number
	/** For the jitter in retry delays; returns a number in [0, 1). */
	random?: () => number
}

export type LeasedWorker = {
	/** Stops polling and waits for a run in progress to finish. */
	stop(): Promise<void>
	/** Looks for due rows now rather than at the next poll. */
	wake(): void
	/** Handles what is due now and resolves when done (for tests). */
	drain(): Promise<void>
}

export function startLeasedWorker<Claim>(options: LeasedWorkerOptions<Claim>): LeasedWorker {
	let stopped = false
	let timer: NodeJS.Timeout | undefined
	let inFlight: Promise<void> | undefined
	let wakeRequested = false
	const handling = { stopping: () => stopped }

	function schedule(delayMs: number) {
		clearTimeout(timer)
		if (stopped) return
		timer = setTimeout(run, delayMs)
		timer.unref()
	}

	function run() {
		timer = undefined
		if (stopped || inFlight) return
		inFlight = drainDue()
			// Usually the database was busy for too long; the next poll tries again.
			.catch((error: unknown) =>
				options.logger.error(`${options.name}: worker error, trying again shortly: ${options.describeError(error)}`)
			)
			.finally(() => {
				inFlight = undefined
				const again = wakeRequested
				wakeRequested = false
				schedule(again ? 0 : options.pollMs)
			})
	}

	async function drainDue() {
		while (!stopped) {
			const claimed = await options.claim({ now: options.now(), leaseMs: options.leaseMs, limit: options.batchSize })
			if (claimed.length === 0) return
			const finished = await handleBatch(claimed)
			if (!finished || claimed.length < options.batchSize) return
		}
	}

	/** Handles a claimed batch; false if it handed the rest back (stopping, or the lease half gone). */
	async function handleBatch(claimed: Claim[]) {
		const claimedAt = options.now().getTime()
		try {
			for (const [index, claim] of claimed.entries()) {
				// Hand back what is left rather than work on a lease that may run out mid-way.
				if (stopped || options.now().getTime() - claimedAt > options.leaseMs / 2) {
					await Promise.all(claimed.slice(index).map((rest) => options.release(rest)))
					return false
				}
				await options.handle(claim, handling)
			}
			return true
		} finally {
			await options.settle?.()
		}
	}

	const worker: LeasedWorker = {
		async stop() {
			stopped = true
			clearTimeout(timer)
			await inFlight
		},
		wake() {
			if (stopped) return
			if (inFlight) wakeRequested = true
			else schedule(0)
		},
		async drain() {
			while (inFlight) await inFlight
			await drainDue()
		},
	}
	schedule(0)
	return worker
}

/**
 * This process's running workers of one kind, so that the code that has just committed work for
 * them (an email, a payment, an import) can wake them: `start` starts one on the leased loop and
 * keeps it until it is stopped; `wake` wakes those running.
 */
export function workerRegistry() {
	const running = new Set<LeasedWorker>()
	return {
		start<Claim>(options: LeasedWorkerOptions<Claim>): LeasedWorker {
			const worker = startLeasedWorker(options)
			running.add(worker)
			return {
				...worker,
				async stop() {
					running.delete(worker)
					await worker.stop()
				},
			}
		},
		wake() {
			for (const worker of running) worker.wake()
		},
	}
}

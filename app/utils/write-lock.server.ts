import fs from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

// SQLite lets one connection write at a time. Several server processes on one database file (a
// rolling restart, one process per core) take turns at that write lock, and a statement that
// finds another process holding it fails at once with SQLITE_BUSY: better-sqlite3 would wait
// synchronously, stopping the whole process, pages and all, so its busy timeout is 0
// (db.server.ts). The wait is here instead, asynchronous: try again after a short, random pause
// (ADR 015).

/** Whether an error says another connection held SQLite's lock (the statement refused changed nothing). */
export function isLockError(error: unknown): boolean {
	return /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error) ?? '')
}

/** Prisma's P2028 for a transaction that could not start within its maxWait. */
export function isTransactionStartTimeout(error: unknown): boolean {
	return (
		isObject(error) &&
		error.code === 'P2028' &&
		typeof error.message === 'string' &&
		error.message.includes('Unable to start a transaction')
	)
}

// The adapter throws better-sqlite3's error (code SQLITE_BUSY_SNAPSHOT, say) or, for plain
// SQLITE_BUSY, a DriverAdapterError whose cause holds the code; Prisma's client keeps the first
// as its error's code and the second in meta.driverAdapterError.
function sqliteCode(error: unknown): string | undefined {
	if (!isObject(error)) return undefined
	if (typeof error.code === 'string' && error.code.startsWith('SQLITE_')) return error.code
	const adapterError = isObject(error.meta) ? error.meta.driverAdapterError : error
	const cause = isObject(adapterError) ? adapterError.cause : undefined
	return isObject(cause) && typeof cause.originalCode === 'string' ? cause.originalCode : undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null
}

export type RetryOptions = {
	/** Whether a failure may be tried again (anything else is thrown at once). */
	retryable: (error: unknown) => boolean
	/** Gives up (throwing the last failure) after this many tries... */
	attempts?: number
	/** ...or once this long has passed since the first. */
	withinMs?: number
	/** The longest pause before the second try; it doubles with each try after that... */
	firstPauseMs: number
	/** ...up to this. */
	maxPauseMs: number
}

/**
 * Runs `run`, and runs it again after a random pause while it fails in a way `retryable`
 * accepts, up to the given number of tries or time. The random pause ("full jitter") keeps
 * processes that were turned away together from all coming back together.
 */
export async function retry<T>(run: () => Promise<T>, options: RetryOptions): Promise<T> {
	const started = performance.now()
	for (let attempt = 1; ; attempt++) {
		try {
			return await run()
		} catch (error) {
			const outOfTries = attempt >= (options.attempts ?? Infinity)
			const outOfTime = performance.now() - started >= (options.withinMs ?? Infinity)
			if (!options.retryable(error) || outOfTries || outOfTime) throw error
		}
		await sleep(Math.random() * Math.min(options.maxPauseMs, options.firstPauseMs * 2 ** (attempt - 1)))
	}
}

/** How long after a process last waited for the lock the others still leave it a window. */
const WAITING_FOR_MS = 1_000
/** How often a process looks for waiters, and at most how often a waiter says it waits. */
const LOOK_EVERY_MS = 50

export type LockWaitSignal = {
	/** Called by a process refused the lock: it is waiting. */
	waiting(): void
	/** Whether any process on this database has waited for the lock within the last second. */
	someoneWaiting(): boolean
}

/**
 * A sign shared by the processes on one database file that one of them is waiting for the write
 * lock: the modification time of a file beside the database, which a process refused the lock
 * sets. SQLite does not queue waiting processes, so a busy process leaves a window after its
 * transactions while someone waits (one-connection.server.ts); alone, it writes at full speed.
 * Looking costs one stat every 50 ms; saying costs one write per 50 ms of waiting.
 */
export function lockWaitSignal(databaseFile: string | null): LockWaitSignal {
	if (!databaseFile) return { waiting() {}, someoneWaiting: () => false }
	const file = `${databaseFile}-lockwait`
	let saidAt = -Infinity
	let lookedAt = -Infinity
	let seen = false
	return {
		waiting() {
			const now = performance.now()
			if (now - saidAt < LOOK_EVERY_MS) return
			saidAt = now
			try {
				fs.writeFileSync(file, '')
			} catch {
				// A sign that cannot be made only costs the other process its window.
			}
		},
		someoneWaiting() {
			const now = performance.now()
			if (now - lookedAt >= LOOK_EVERY_MS) {
				lookedAt = now
				try {
					seen = Date.now() - fs.statSync(file).mtimeMs < WAITING_FOR_MS
				} catch {
					seen = false
				}
			}
			return seen
		},
	}
}

/** The file of a `file:` DATABASE_URL, or null for anything else. */
export function databaseFileOf(url: string): string | null {
	if (!url.startsWith('file:')) return null
	const file = url.slice('file:'.length).split('?')[0]!
	return file === '' || file === ':memory:' ? null : file
}

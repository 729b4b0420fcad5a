// Copies SQLite's write-ahead log back into the database file on a thread of its own (ADR 028).
//
// By default the connection that commits when the log passes 1,000 pages copies it back there and
// then, inside that commit: better-sqlite3 is synchronous, so every request of the process waits,
// and that copy was a third of an enquiry's cost in a surge (without it, 446 enquiries a second
// against 337 in one sitting). Here a worker thread with its own connection runs a PASSIVE
// checkpoint a few times a second, on the machine's other core; it never blocks a writer or a
// reader, and SQLite lets only one checkpoint run at a time across every process (ADR 015), so
// one that finds another running simply tries again next time. The serving connection keeps a
// much higher threshold of its own as a safety net, should the thread ever fall behind or stop.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** How often the thread copies the log back. */
const CHECKPOINT_EVERY_MS = 250
/** The serving connection's own threshold, in pages (about 40 MB of log at 4 KB a page). */
export const SAFETY_NET_PAGES = 10_000
/** SQLite's default threshold, restored when the thread stops. */
const DEFAULT_PAGES = 1_000

// The thread's code is a few lines of CommonJS run from a string (eval), so it needs no file of
// its own beside the server's bundle; the driver's path is resolved here and passed in.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 })
setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)')
	} catch (error) {
		// Another process's checkpoint holds the lock: this one waits for the next beat.
		if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') parentPort.postMessage(String(error))
	}
}, workerData.everyMs)
`

export type WalCheckpointer = { stop: () => Promise<void> }

/**
 * Starts the checkpoint thread for the database file and raises the serving connection's own
 * threshold (`setThreshold` runs `PRAGMA wal_autocheckpoint` on it); stopping ends the thread
 * and restores SQLite's default.
 */
export async function startWalCheckpointer(options: {
	file: string
	setThreshold: (pages: number) => Promise<unknown>
	everyMs?: number
}): Promise<WalCheckpointer> {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3')
	const worker = new Worker(THREAD_SOURCE, {
		eval: true,
		workerData: { driver, file: options.file, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS },
	})
	worker.unref()
	worker.on('message', (message) => console.error(`The WAL checkpoint failed: ${String(message)}`))
	worker.on('error', (error) => console.error('The WAL checkpoint thread stopped', error))
	await options.setThreshold(SAFETY_NET_PAGES)
	return {
		stop: async () => {
			await worker.terminate()
			await options.setThreshold(DEFAULT_PAGES)
		},
	}
}

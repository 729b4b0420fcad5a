import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type Database from 'better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { inTransactionScope, oneQueryAtATime } from './one-connection.server.ts'
import { databaseFileOf, isLockError, isTransactionStartTimeout, lockWaitSignal, retry } from './write-lock.server.ts'

// better-sqlite3 waits for another process's write lock synchronously, holding up every request
// of this process meanwhile (a 100 ms busy timeout stalled pages for seconds while another
// process held the lock; ADR 015). So SQLite does not wait at all: a statement refused for the
// lock is tried again after a pause, asynchronously (one-connection.server.ts).
const BUSY_TIMEOUT_MS = 0
// A transaction waits its turn behind the one before it, and for the write lock; a CSV import
// holds both for a few seconds, and a change made meanwhile should wait for it rather than fail
// after Prisma's 2 s.
const MAX_WAIT_MS = 20_000
/** Tries of a whole transaction that failed for a lock (ADR 015). */
const TRANSACTION_ATTEMPTS = 3

// One Prisma client per process, over one better-sqlite3 connection for writes, on which
// statements take turns with transactions, and transactions take the write lock first; and, on a
// database file, a second connection for plain reads, which never wait for a transaction
// (one-connection.server.ts, ADR 029). An in-memory database is one connection's own, so there
// every query takes turns on the one.
const databaseUrl = getEnv().DATABASE_URL
const databaseFile = databaseFileOf(databaseUrl)
const connection = () => new PrismaBetterSQLite3({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS })
let readerDatabase: Database.Database | undefined
const readStatements = new Map<string, Database.Statement>()

/**
 * A statement prepared once on the read connection, for a read every page view makes (the
 * settings' version), which through Prisma would cost more than SQLite's work (ADR 028, 029). It
 * sees what was committed, like every read there. Null until the client has connected, and on an
 * in-memory database, which has no read connection: then ask Prisma.
 */
export function readStatement(sql: string): Database.Statement | null {
	if (!readerDatabase?.open) return null
	let statement = readStatements.get(sql)
	if (!statement) readStatements.set(sql, (statement = readerDatabase.prepare(sql)))
	return statement
}

const client = new PrismaClient({
	adapter: oneQueryAtATime(connection(), {
		lockWaitMs: MAX_WAIT_MS,
		lockWaits: lockWaitSignal(databaseFile),
		reader: databaseFile ? connection() : undefined,
		onReader: (database) => {
			readerDatabase = database
			readStatements.clear()
		},
	}),
	transactionOptions: { maxWait: MAX_WAIT_MS },
})

// A transaction's callback may call code that uses this shared client; such queries belong to
// the transaction and must not wait for it to end. A transaction that failed because another
// process held the database too long was rolled back, so it runs again from the start.
const transaction = client.$transaction.bind(client)
const runTransaction = (...args: Parameters<typeof transaction>) =>
	inTransactionScope(() => transaction(...args) as Promise<unknown>)
export const prisma = Object.assign(client, {
	$transaction: ((...args: Parameters<typeof transaction>) =>
		// A batch ([query, query]) cannot be sent twice; its BEGIN waits for the lock all the same.
		typeof args[0] === 'function'
			? retry(() => runTransaction(...args), {
					retryable: (error) => isLockError(error) || isTransactionStartTimeout(error),
					attempts: TRANSACTION_ATTEMPTS,
					firstPauseMs: 20,
					maxPauseMs: 100,
				})
			: runTransaction(...args)) as typeof transaction,
})

let pragmas: Promise<void> | undefined

/**
 * WAL lets readers carry on while one writer writes; with it, synchronous=NORMAL is still safe
 * against corruption and much faster. Run once per process before serving.
 */
export function ensurePragmas() {
	pragmas ??= (async () => {
		await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
		await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
	})()
	return pragmas
}

import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import Database from 'better-sqlite3'
import { yieldingEvery } from './event-loop.ts'
import { isLockError, retry, type LockWaitSignal } from './write-lock.server.ts'

// The server writes to SQLite through one better-sqlite3 connection, on which transactions take
// turns. A query outside a transaction would run at once on that same connection, so while one
// request's transaction is open another request's query would run inside it: it would read
// changes that may never be committed, and its own write would be rolled back with the other
// request's refused change. Here every write outside a transaction waits until no transaction is
// open, as a second connection would wait for SQLite's lock.
//
// Reads go to a second connection that may only read (ADR 029). WAL lets it read beside the
// writer: each SELECT sees what was committed when it started, never a transaction still open,
// and never waits for one, so a CSV import writing for seconds does not hold up every page. A
// read after a write that has been awaited (a redirect after a save) sees it, as the write had
// committed. A statement is sent there only if it is a plain SELECT (or WITH ... SELECT); the
// connection refuses writes (query_only), so one sent there by mistake fails loudly.
//
// Code running inside a transaction's callback may still use the shared client (the service
// settings, the staff list): such a query runs at once, inside the transaction, instead of
// waiting for the transaction it belongs to, and reads what the transaction wrote.
// `inTransactionScope` marks that code; db.server.ts wraps prisma.$transaction with it.
//
// Other server processes may use the same database file (ADR 015). A transaction here begins
// with BEGIN IMMEDIATE, so it holds SQLite's write lock from its first statement to its last:
// the adapter's own BEGIN is deferred, and a deferred transaction that has read cannot start
// writing once another process has committed (SQLITE_BUSY_SNAPSHOT) nor wait for the lock. When
// another process holds the lock, BEGIN IMMEDIATE and statements outside a transaction are tried
// again after a short pause (write-lock.server.ts), giving the connection back meanwhile so this
// process's reads carry on.
//
// A transaction may also run statements of its own on the connection it holds
// (`transactionStatement`): the rows a household, its funnel row and its emails are written as.
// Prisma compiles every query it is given and passes its values through JSON, which cost an
// enquiry more than SQLite's own work (ADR 028); a statement prepared once and run at once does
// not. Such a statement runs only while its transaction holds the connection.

type Factory = PrismaBetterSQLite3
type Adapter = Awaited<ReturnType<Factory['connect']>>
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>
type Query = Parameters<Adapter['queryRaw']>[0]

export type OneConnectionOptions = {
	/** How long BEGIN IMMEDIATE, or a statement outside a transaction, waits for another process's write lock. */
	lockWaitMs: number
	/** Whether another process on the database is waiting for the lock (write-lock.server.ts). */
	lockWaits: LockWaitSignal
	/** A second connection to the same file for plain reads outside transactions; without it, they take turns too. */
	reader?: Factory
	/** Told the reader's better-sqlite3 connection once it is open, for statements of its own (db.server.ts). */
	onReader?: (database: Database.Database) => void
}

// Pauses between tries for the write lock: short, as most transactions hold it for a few ms.
const FIRST_LOCK_PAUSE_MS = 2
const MAX_LOCK_PAUSE_MS = 25
// SQLite does not queue the processes that wait for its lock, so a busy process that begins its
// next transaction as soon as it commits the last could keep another out for as long as its own
// queue lasts. While another process is waiting, it leaves a window after holding the lock, a
// quarter as long (at most a little more than the longest pause, so a waiting process tries at
// least once in it), before its next transaction; a short transaction leaves a short one. A
// process alone on the database leaves none: the window cost a busy server a fifth of its writes.
const YIELD_SHARE = 0.25
const MAX_YIELD_MS = MAX_LOCK_PAUSE_MS + 5

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] })

// A plain read: SELECT, or WITH ... SELECT, naming no statement that writes. Prisma's reads are
// SELECTs; its writes are INSERT, UPDATE and DELETE (with RETURNING, through queryRaw too).
const READ = /^\s*(SELECT|WITH)\b/i
const WRITES = /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i
export const isPlainRead = (sql: string) => READ.test(sql) && !WRITES.test(sql)

/** A transaction's scope; `connection` while its transaction holds it (from BEGIN to its end). */
type Scope = { open: boolean; connection?: SharedConnection }

const transactionScope = new AsyncLocalStorage<Scope>()

/**
 * Runs a transaction so that the shared client's queries from inside it run in it. Work it
 * starts and leaves running (a timer, a worker woken up) takes turns again once it has ended.
 */
export function inTransactionScope<T>(transaction: () => Promise<T>): Promise<T> {
	const scope: Scope = { open: true }
	return transactionScope.run(scope, async () => {
		try {
			return await transaction()
		} finally {
			scope.open = false
		}
	})
}

/**
 * A statement prepared (once) on the connection that the transaction this code runs in holds, to
 * run in that transaction. Throws outside a transaction's callback, and once its transaction has
 * ended: a statement can never land in another request's transaction, nor outside one.
 */
export function transactionStatement(sql: string): Database.Statement {
	const connection = transactionScope.getStore()?.connection
	if (!connection) throw new Error('transactionStatement is for code inside prisma.$transaction, while it runs')
	return connection.prepared(sql)
}

/** A first-come, first-served turn on the connection. */
class Turns {
	#last: Promise<void> = Promise.resolve()

	/** Resolves when it is this caller's turn, with the function that ends it. */
	take(): Promise<() => void> {
		let end!: () => void
		const ended = new Promise<void>((resolve) => (end = resolve))
		const previous = this.#last
		this.#last = previous.then(() => ended)
		return previous.then(() => end)
	}
}

export function oneQueryAtATime(factory: Factory, options: OneConnectionOptions): Factory {
	const connect = factory.connect.bind(factory)
	return Object.assign(Object.create(factory) as Factory, {
		connect: async () => {
			// The writer first: it opens the file in WAL mode before the reader joins it.
			const writer = await connect()
			return guard(writer, options.reader ? await readOnly(options.reader, options.onReader) : null, options)
		},
	})
}

/** The reader's connection, which refuses any write. */
async function readOnly(factory: Factory, onReader: OneConnectionOptions['onReader']): Promise<Adapter> {
	const adapter = await factory.connect()
	await adapter.executeScript('PRAGMA query_only = ON')
	onReader?.(databaseOf(adapter))
	return adapter
}

function guard(adapter: Adapter, reader: Adapter | null, options: OneConnectionOptions): Adapter {
	const connection = new SharedConnection(adapter, options)
	return {
		provider: adapter.provider,
		adapterName: adapter.adapterName,
		// A statement refused for a lock changed nothing, so it may run again; a script may have
		// committed some of its statements before one was refused, so it runs once.
		queryRaw: (query) =>
			reader && isPlainRead(query.sql) && !insideTransaction()
				? connection.untilUnlocked(() => reader.queryRaw(query))
				: connection.outsideTransaction(() => adapter.queryRaw(query), { mayRunAgain: true }),
		executeRaw: (query) => connection.outsideTransaction(() => adapter.executeRaw(query), { mayRunAgain: true }),
		executeScript: (script) =>
			connection.outsideTransaction(() => adapter.executeScript(script), { mayRunAgain: false }),
		startTransaction: (isolationLevel) => connection.startTransaction(isolationLevel),
		getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
		dispose: async () => {
			await reader?.dispose()
			await adapter.dispose()
		},
	}
}

/** Whether this code runs inside a transaction's callback (whose reads must see its own writes). */
export function insideTransaction(): boolean {
	return transactionScope.getStore()?.open === true
}

/** The connection's turn queue: statements and transactions take turns on it. */
class SharedConnection {
	readonly #turns = new Turns()
	readonly #database: Database.Database
	readonly #statements = new Map<string, Database.Statement>()
	// Times here are from the monotonic clock: a wall clock moved (by NTP, or a test stating an
	// instant) must not make a wait of months.
	#nextBeginAt = 0

	constructor(
		readonly adapter: Adapter,
		readonly options: OneConnectionOptions
	) {
		this.#database = databaseOf(adapter)
	}

	/** A statement on this connection, prepared the first time its SQL is seen (the SQL is the code's, never a request's). */
	prepared(sql: string): Database.Statement {
		if (!this.#database.inTransaction) throw new Error('No transaction is open on the connection')
		let statement = this.#statements.get(sql)
		if (!statement) {
			statement = this.#database.prepare(sql)
			this.#statements.set(sql, statement)
		}
		return statement
	}

	/** Runs `run` in a turn of its own; resolves with its value and the function that ends the turn. */
	async inTurn<T>(run: () => Promise<T>): Promise<{ value: T; end: () => void }> {
		const end = await this.#turns.take()
		try {
			return { value: await run(), end }
		} catch (error) {
			end()
			throw error
		}
	}

	/** Runs `run` again after a pause, with the turn given back meanwhile, while another process holds the lock. */
	untilUnlocked<T>(run: () => Promise<T>): Promise<T> {
		return retry(run, {
			retryable: (error) => {
				if (!isLockError(error)) return false
				this.options.lockWaits.waiting()
				return true
			},
			withinMs: this.options.lockWaitMs,
			firstPauseMs: FIRST_LOCK_PAUSE_MS,
			maxPauseMs: MAX_LOCK_PAUSE_MS,
		})
	}

	/** A statement outside a transaction: in a turn of its own (or at once, inside a transaction's scope). */
	async outsideTransaction<T>(run: () => Promise<T>, { mayRunAgain }: { mayRunAgain: boolean }): Promise<T> {
		if (insideTransaction()) return run()
		const once = async () => {
			const { value, end } = await this.inTurn(run)
			end()
			return value
		}
		return mayRunAgain ? this.untilUnlocked(once) : once()
	}

	async startTransaction(isolationLevel?: Parameters<Adapter['startTransaction']>[0]): Promise<Transaction> {
		// SQLite's transactions are serializable; the adapter refuses any other level.
		if (isolationLevel && isolationLevel !== 'SERIALIZABLE') return this.adapter.startTransaction(isolationLevel)
		const { end } = await this.untilUnlocked(() => this.#begin())
		// Prisma starts the transaction from the callback's scope: its own statements may now run.
		const scope = transactionScope.getStore()
		if (scope) scope.connection = this
		return transactionOn(this.adapter, this.#finisher(end, scope))
	}

	/** BEGIN IMMEDIATE in a turn of its own, once the window left after this process's last transaction has passed. */
	async #begin(): Promise<{ end: () => void }> {
		for (;;) {
			const wait = this.#nextBeginAt - performance.now()
			if (wait > 0) await sleep(wait)
			const { value: began, end } = await this.inTurn(async () => {
				// A transaction queued behind the last one gets its turn as that one ends.
				if (performance.now() < this.#nextBeginAt) return false
				await this.adapter.executeRaw(statement('BEGIN IMMEDIATE'))
				return true
			})
			if (began) return { end }
			end()
		}
	}

	/**
	 * Ends a transaction's turn, once however often it is called; while another process waits for
	 * the lock, it first sets the window to leave before this process's next transaction.
	 */
	#finisher(end: () => void, scope: Scope | undefined): () => Promise<void> {
		const began = performance.now()
		let ended = false
		return async () => {
			if (ended) return
			ended = true
			if (scope?.connection === this) scope.connection = undefined
			if (this.options.lockWaits.someoneWaiting()) {
				const held = performance.now() - began
				this.#nextBeginAt = performance.now() + Math.min(held * YIELD_SHARE, MAX_YIELD_MS)
			}
			end()
		}
	}
}

/**
 * Lets the event loop serve others before a transaction's next statement once the transaction has
 * run this long since it last did (event-loop.ts): a CSV import's write held up every request,
 * static files too, for its whole length (29 s for 10,000 rows on a loaded machine). Reads do not
 * wait for the transaction, so they are served meanwhile (ADR 029).
 */
const TRANSACTION_YIELDS_AFTER_MS = 20

/** The transaction Prisma is given: its statements run at once (it holds the turn); ending it ends the turn. */
function transactionOn(adapter: Adapter, finish: () => Promise<void>): Transaction {
	const letOthersIn = yieldingEvery(TRANSACTION_YIELDS_AFTER_MS)
	return {
		provider: adapter.provider,
		adapterName: adapter.adapterName,
		// Prisma sends COMMIT and ROLLBACK through executeRaw, then calls commit() or rollback().
		options: { usePhantomQuery: false },
		queryRaw: async (query) => {
			await letOthersIn()
			return adapter.queryRaw(query)
		},
		executeRaw: async (query) => {
			await letOthersIn()
			try {
				return await adapter.executeRaw(query)
			} catch (error) {
				// When COMMIT fails (a deferred constraint), SQLite keeps the transaction open and
				// Prisma calls neither commit() nor rollback(): end it here, or the connection
				// would stay in this transaction for good.
				if (/^(COMMIT|ROLLBACK)$/.test(query.sql)) {
					await adapter.executeRaw(statement('ROLLBACK')).catch(() => undefined)
					await finish()
				}
				throw error
			}
		},
		commit: finish,
		rollback: finish,
	}
}

/**
 * The better-sqlite3 connection under the adapter: its `client`, which the adapter's types do not
 * declare. Checked when the connection opens, so an adapter that changes it fails at once.
 */
function databaseOf(adapter: Adapter): Database.Database {
	const client = (adapter as unknown as { client?: unknown }).client
	if (!(client instanceof Database)) {
		throw new Error(
			'@prisma/adapter-better-sqlite3 no longer keeps its connection as `client` (one-connection.server.ts)'
		)
	}
	return client
}

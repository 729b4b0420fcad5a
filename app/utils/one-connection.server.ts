import { AsyncLocalStorage } from 'node:async_hooks'
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

// The server talks to SQLite through one better-sqlite3 connection. Prisma's adapter makes
// transactions take turns, but a query outside a transaction runs at once on that same connection,
// so while one request's transaction is open another request's query would run inside it: it would
// read changes that may never be committed, and its own write would be rolled back with the other
// request's refused change. Here every query outside a transaction waits until no transaction is
// open, as a second connection would wait for SQLite's lock.
//
// Code running inside a transaction's callback may still use the shared client (the service
// settings, the staff list): such a query runs at once, inside the transaction, instead of
// waiting for the transaction it belongs to. `inTransactionScope` marks that code; db.server.ts
// wraps prisma.$transaction with it.

type Factory = PrismaBetterSQLite3
type Adapter = Awaited<ReturnType<Factory['connect']>>
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>

const transactionScope = new AsyncLocalStorage<{ open: boolean }>()

/**
 * Runs a transaction so that the shared client's queries from inside it run in it. Work it
 * starts and leaves running (a timer, a worker woken up) takes turns again once it has ended.
 */
export function inTransactionScope<T>(transaction: () => Promise<T>): Promise<T> {
	const scope = { open: true }
	return transactionScope.run(scope, async () => {
		try {
			return await transaction()
		} finally {
			scope.open = false
		}
	})
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

export function oneQueryAtATime(factory: Factory): Factory {
	const connect = factory.connect.bind(factory)
	return Object.assign(Object.create(factory) as Factory, {
		connect: async () => guard(await connect()),
	})
}

function guard(adapter: Adapter): Adapter {
	const turns = new Turns()
	const outsideTransaction = async <T>(run: () => Promise<T>): Promise<T> => {
		if (transactionScope.getStore()?.open) return run()
		const end = await turns.take()
		try {
			return await run()
		} finally {
			end()
		}
	}
	const startTransaction = async (
		isolationLevel?: Parameters<Adapter['startTransaction']>[0]
	): Promise<Transaction> => {
		const end = await turns.take()
		let transaction: Transaction
		try {
			transaction = await adapter.startTransaction(isolationLevel)
		} catch (error) {
			end()
			throw error
		}
		const finish = (close: () => Promise<void>) => async () => {
			try {
				await close()
			} finally {
				end()
			}
		}
		return {
			provider: transaction.provider,
			adapterName: transaction.adapterName,
			options: transaction.options,
			queryRaw: (query) => transaction.queryRaw(query),
			executeRaw: (query) => transaction.executeRaw(query),
			commit: finish(() => transaction.commit()),
			rollback: finish(() => transaction.rollback()),
		}
	}
	return {
		provider: adapter.provider,
		adapterName: adapter.adapterName,
		queryRaw: (query) => outsideTransaction(() => adapter.queryRaw(query)),
		executeRaw: (query) => outsideTransaction(() => adapter.executeRaw(query)),
		executeScript: (script) => outsideTransaction(() => adapter.executeScript(script)),
		startTransaction,
		getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
		dispose: () => adapter.dispose(),
	}
}

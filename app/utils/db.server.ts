import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { inTransactionScope, oneQueryAtATime } from './one-connection.server.ts'

// One Prisma client per process, over one better-sqlite3 connection on which queries take turns
// with transactions (one-connection.server.ts). busy_timeout makes a second process wait for the
// write lock instead of failing.
const client = new PrismaClient({
	adapter: oneQueryAtATime(new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 5000 })),
	// A transaction waits its turn behind the one before it; a CSV import holds its turn for a few
	// seconds, and a change made meanwhile should wait for it rather than fail after Prisma's 2 s.
	transactionOptions: { maxWait: 20_000 },
})

// A transaction's callback may call code that uses this shared client; such queries belong to
// the transaction and must not wait for it to end.
const transaction = client.$transaction.bind(client)
export const prisma = Object.assign(client, {
	$transaction: ((...args: Parameters<typeof transaction>) =>
		inTransactionScope(() => transaction(...args) as Promise<unknown>)) as typeof transaction,
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

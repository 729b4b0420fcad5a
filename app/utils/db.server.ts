import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'

// One Prisma client per process, over one better-sqlite3 connection. busy_timeout makes a second
// process wait for the write lock instead of failing.
export const prisma = new PrismaClient({
	adapter: new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 5000 }),
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

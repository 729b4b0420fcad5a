import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'

// One Prisma client per process. WAL lets readers carry on while one writer writes; busy_timeout
// makes a second process wait for the write lock instead of failing.
function createClient() {
	const adapter = new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 5000 })
	return new PrismaClient({ adapter })
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pragmasSet?: Promise<void> }

export const prisma = (globalForPrisma.prisma ??= createClient())

export function ensurePragmas() {
	globalForPrisma.pragmasSet ??= (async () => {
		await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
		await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
		await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON')
	})()
	return globalForPrisma.pragmasSet
}

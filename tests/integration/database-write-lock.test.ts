import { execFile } from 'node:child_process'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import Database from 'better-sqlite3'
import { afterEach, expect, test } from 'vitest'

// Several server processes may share the database file (ADR 015). Here a second connection to the
// test's file plays the other process: it takes SQLite's write lock as another server's
// transaction would. (tests/e2e/several-servers.spec.ts runs two real servers.)

const { prisma } = await import('~/utils/db.server.ts')
const { Prisma, PrismaClient } = await import('~/generated/prisma/client.ts')
const { isLockError } = await import('~/utils/write-lock.server.ts')

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)
const FILE = process.env.DATABASE_URL!.replace(/^file:/, '')
const opened: Database.Database[] = []

/** Another process's connection; it does not wait for a lock (busy timeout 0). */
function otherProcess() {
	const db = new Database(FILE, { timeout: 0 })
	opened.push(db)
	return db
}

afterEach(() => {
	for (const db of opened.splice(0)) {
		if (db.inTransaction) db.exec('ROLLBACK')
		db.close()
	}
})

/** The longest the event loop was held up while `during` ran, in ms. */
async function longestStall(during: () => Promise<void>) {
	const delay = monitorEventLoopDelay({ resolution: 5 })
	delay.enable()
	try {
		await during()
	} finally {
		delay.disable()
	}
	return delay.max / 1e6
}

const codes = async (...wanted: string[]) =>
	(
		await prisma.referralCode.findMany({
			where: { code: { in: wanted } },
			select: { code: true },
			orderBy: { code: 'asc' },
		})
	).map((row) => row.code)

test('a transaction holds the write lock from its first statement, so no other process commits between its reads and its writes', async () => {
	const other = otherProcess()
	await prisma.$transaction(async (tx) => {
		await tx.referralCode.count()
		// A deferred transaction would hold no write lock yet; the other process's write would
		// commit, and this transaction's write would then fail with SQLITE_BUSY_SNAPSHOT.
		expect(() => other.prepare("INSERT INTO ReferralCode (id, code) VALUES ('other', 'OTHER')").run()).toThrow(
			expect.objectContaining({ code: 'SQLITE_BUSY' })
		)
		await tx.referralCode.create({ data: { code: 'FIRST-STATEMENT' } })
	})
	expect(await codes('FIRST-STATEMENT', 'OTHER')).toEqual(['FIRST-STATEMENT'])
})

test('while another process holds the write lock, a transaction and a write wait for it without holding up the event loop, and reads carry on', async () => {
	const other = otherProcess()
	other.exec("BEGIN IMMEDIATE; INSERT INTO ReferralCode (id, code) VALUES ('held', 'HELD')")
	let transaction: Promise<unknown> | undefined
	let write: Promise<unknown> | undefined
	const stall = await longestStall(async () => {
		transaction = prisma.$transaction((tx) => tx.referralCode.create({ data: { code: 'WAITED-IN-TRANSACTION' } }))
		write = prisma.referralCode.create({ data: { code: 'WAITED-ALONE' } }).then(() => 'written')
		// This process's pages still read while its writes wait.
		const readStarted = Date.now()
		expect(await prisma.referralCode.count({ where: { code: 'HELD' } })).toBe(0)
		expect(Date.now() - readStarted).toBeLessThan(250)
		await sleep(500)
	})
	expect(stall).toBeLessThan(250)
	other.exec('COMMIT')
	await transaction
	expect(await write).toBe('written')
	expect(await codes('HELD', 'WAITED-ALONE', 'WAITED-IN-TRANSACTION')).toEqual([
		'HELD',
		'WAITED-ALONE',
		'WAITED-IN-TRANSACTION',
	])
})

test('two processes writing transaction after transaction take turns at the lock', { timeout: 40_000 }, async () => {
	// Both begin together, once started; each of their transactions holds the lock for 150 ms.
	const startAt = Date.now() + 5_000
	const writer = (label: string) =>
		run(
			path.join(ROOT, 'node_modules/.bin/tsx'),
			['tests/support/writer-child.ts', label, '8', '150', String(startAt)],
			{
				cwd: ROOT,
				env: process.env,
			}
		)
	await Promise.all([writer('A'), writer('B')])

	const order = (
		await prisma.$queryRaw<{ code: string }[]>`SELECT code FROM ReferralCode WHERE code GLOB '[AB]-*' ORDER BY rowid`
	).map((row) => row.code[0])
	expect(order).toHaveLength(16)
	// While both were writing (from the second one's first transaction to the end of the first
	// to finish), neither kept the lock for more than a few transactions in a row. SQLite does not
	// queue waiting processes: without the window a writer leaves after its transaction, the
	// first would have written all eight before the second wrote any.
	const both = order.slice(
		Math.max(order.indexOf('A'), order.indexOf('B')),
		Math.min(order.lastIndexOf('A'), order.lastIndexOf('B')) + 1
	)
	const runs = both.join('').match(/A+|B+/g) ?? []
	expect(Math.max(...runs.map((sameProcess) => sameProcess.length))).toBeLessThanOrEqual(3)
})

test('a transaction that could not start within its maxWait for another process’s lock is tried again', async () => {
	const other = otherProcess()
	other.exec('BEGIN IMMEDIATE')
	setTimeout(() => other.exec('COMMIT'), 400)
	let runs = 0
	const written = await prisma.$transaction(
		async (tx) => {
			runs++
			return tx.referralCode.create({ data: { code: 'STARTED-LATE' }, select: { code: true } })
		},
		{ maxWait: 100 }
	)
	expect(written).toEqual({ code: 'STARTED-LATE' })
	expect(runs).toBe(1)
})

// The error Prisma gave the enquiry form before transactions took the write lock first.
const busySnapshot = () =>
	new Prisma.PrismaClientKnownRequestError('database is locked', {
		code: 'SQLITE_BUSY_SNAPSHOT',
		clientVersion: Prisma.prismaVersion.client,
	})

test('a transaction refused for a lock runs again from the start, keeping only the last run’s writes', async () => {
	let runs = 0
	const result = await prisma.$transaction(async (tx) => {
		runs++
		await tx.referralCode.create({ data: { code: `RUN-${runs}` } })
		if (runs < 3) throw busySnapshot()
		return 'done'
	})
	expect(result).toBe('done')
	expect(runs).toBe(3)
	expect(await codes('RUN-1', 'RUN-2', 'RUN-3')).toEqual(['RUN-3'])
})

test('a transaction is tried at most three times, and one that fails for another reason only once', async () => {
	let lockedRuns = 0
	await expect(
		prisma.$transaction(async () => {
			lockedRuns++
			throw busySnapshot()
		})
	).rejects.toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' })
	expect(lockedRuns).toBe(3)

	let refusedRuns = 0
	await expect(
		prisma.$transaction(async () => {
			refusedRuns++
			throw new Error('refused')
		})
	).rejects.toThrow('refused')
	expect(refusedRuns).toBe(1)
})

test('a transaction whose COMMIT fails is rolled back and gives the connection back', async () => {
	await expect(
		prisma.$transaction(async (tx) => {
			await tx.referralCode.create({ data: { code: 'NEVER-COMMITTED' } })
			// Checked at COMMIT, which fails and leaves SQLite's transaction open.
			await tx.$executeRawUnsafe('PRAGMA defer_foreign_keys = ON')
			await tx.$executeRawUnsafe(
				"INSERT INTO Applicant (id, householdId, firstName, lastName, email, emailNormalized, phone) VALUES ('orphan', 'no-such-household', 'A', 'B', 'a@example.com', 'a@example.com', '0')"
			)
		})
	).rejects.toThrow(/ForeignKey/)
	// The next query and transaction get the connection, and nothing of the failed one was kept.
	await prisma.$transaction((tx) => tx.referralCode.create({ data: { code: 'AFTER-FAILED-COMMIT' } }))
	expect(await codes('AFTER-FAILED-COMMIT', 'NEVER-COMMITTED')).toEqual(['AFTER-FAILED-COMMIT'])
})

test('the errors a lock causes are told apart from others', async () => {
	// Prisma's own errors for a lock, from a client without this project's waiting.
	const plain = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${FILE}`, timeout: 0 }) })
	const other = otherProcess()
	try {
		other.exec('BEGIN IMMEDIATE')
		const busy = await plain.referralCode.create({ data: { code: 'BUSY' } }).catch((error: unknown) => error)
		const busyRaw = await plain
			.$executeRawUnsafe("INSERT INTO ReferralCode (id, code) VALUES ('raw', 'RAW')")
			.catch((error: unknown) => error)
		other.exec('COMMIT')
		const snapshot = await plain
			.$transaction(async (tx) => {
				await tx.referralCode.count()
				other.exec("INSERT INTO ReferralCode (id, code) VALUES ('between', 'BETWEEN')")
				await tx.referralCode.create({ data: { code: 'SNAPSHOT' } })
			})
			.catch((error: unknown) => error)
		const duplicate = await plain.referralCode.create({ data: { code: 'BETWEEN' } }).catch((error: unknown) => error)

		expect([busy, busyRaw, snapshot].map(isLockError)).toEqual([true, true, true])
		expect(snapshot).toMatchObject({ code: 'SQLITE_BUSY_SNAPSHOT' })
		expect(duplicate).toMatchObject({ code: 'P2002' })
		expect(isLockError(duplicate)).toBe(false)
	} finally {
		await plain.$disconnect()
	}
})

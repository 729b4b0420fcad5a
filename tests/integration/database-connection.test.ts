import { expect, test } from 'vitest'

// The server writes through one SQLite connection. While one request's transaction is open,
// another request's writes must wait for it, not run inside it: otherwise a transaction that is
// rolled back (a refused change, a crash) takes the other request's write with it. Reads go to a
// second connection (ADR 029): they never wait for a transaction and never see one that has not
// committed, and they see every write that has.

const { prisma } = await import('~/utils/db.server.ts')
const { getServiceConfig } = await import('~/models/service-settings.server.ts')
const { isPlainRead } = await import('~/utils/one-connection.server.ts')

function deferred() {
	let resolve!: () => void
	const promise = new Promise<void>((done) => (resolve = done))
	return { promise, resolve }
}

test('a write made while another request’s transaction is open survives that transaction’s rollback', async () => {
	const inside = deferred()
	const letGo = deferred()
	const rolledBack = prisma
		.$transaction(async (tx) => {
			await tx.referralCode.create({ data: { code: 'ROLLED-BACK' } })
			inside.resolve()
			await letGo.promise
			throw new Error('refused')
		})
		.catch((error: Error) => error.message)
	await inside.promise
	// Another request writes, and reads, while the transaction is still open (a Prisma query runs
	// only once something waits for it, hence the .then).
	const otherWrite = prisma.referralCode.create({ data: { code: 'KEPT' } }).then(() => 'written')
	const otherRead = prisma.referralCode.count({ where: { code: 'ROLLED-BACK' } }).then((count) => count)
	await new Promise((resolve) => setTimeout(resolve, 100))
	letGo.resolve()
	expect(await rolledBack).toBe('refused')
	await otherWrite
	// It never saw the uncommitted row, and its own row was not rolled back.
	expect(await otherRead).toBe(0)
	expect(
		await prisma.referralCode.findMany({ where: { code: { in: ['KEPT', 'ROLLED-BACK'] } }, select: { code: true } })
	).toEqual([{ code: 'KEPT' }])
})

test('code running inside a transaction can still use the shared client without waiting for itself', async () => {
	const started = Date.now()
	const config = await prisma.$transaction(async (tx) => {
		await tx.referralCode.create({ data: { code: 'INSIDE' } })
		// The service settings are read through the shared client, as the stage rules do.
		return getServiceConfig()
	})
	expect(config.serviceName).toBe('Foster with Northdale')
	expect(await prisma.referralCode.count({ where: { code: 'INSIDE' } })).toBe(1)
	expect(Date.now() - started).toBeLessThan(2_000)
})

// A transaction's own statements (transactionStatement: the rows a household, its funnel row and
// its emails are written as) run on the connection it holds, in it, and nowhere else.
const { transactionStatement } = await import('~/utils/one-connection.server.ts')

const insertCode = `INSERT INTO "ReferralCode" ("id", "code", "active", "createdAt") VALUES (?, ?, 1, '2026-12-07T09:00:00.000+00:00')`
const codes = (...names: string[]) =>
	prisma.referralCode.findMany({ where: { code: { in: names } }, select: { code: true }, orderBy: { code: 'asc' } })

test('a transaction’s own statements are committed with it, and rolled back with it', async () => {
	await prisma.$transaction(async (tx) => {
		transactionStatement(insertCode).run('own-committed', 'OWN-COMMITTED')
		// Prisma's queries in the same transaction see them.
		expect(await tx.referralCode.count({ where: { code: 'OWN-COMMITTED' } })).toBe(1)
	})
	const refused = await prisma
		.$transaction(async () => {
			transactionStatement(insertCode).run('own-rolled-back', 'OWN-ROLLED-BACK')
			throw new Error('refused')
		})
		.catch((error: Error) => error.message)
	expect(refused).toBe('refused')
	expect(await codes('OWN-COMMITTED', 'OWN-ROLLED-BACK')).toEqual([{ code: 'OWN-COMMITTED' }])
})

test('a transaction’s own statements cannot run outside it, nor once it has ended', async () => {
	expect(() => transactionStatement(insertCode)).toThrow(/inside prisma.\$transaction/)
	// A callback still running after its transaction ran out of time must not write into the
	// transaction that has the connection next.
	const late = deferred()
	let lateError: unknown
	const timedOut = prisma
		.$transaction(
			async () => {
				await new Promise((resolve) => setTimeout(resolve, 300))
				try {
					transactionStatement(insertCode).run('own-late', 'OWN-LATE')
				} catch (error) {
					lateError = error
				} finally {
					late.resolve()
				}
			},
			{ timeout: 100 }
		)
		.then(
			() => 'committed',
			() => 'failed'
		)
	const next = prisma.$transaction(async (tx) => {
		await tx.referralCode.create({ data: { code: 'OWN-NEXT' } })
		await late.promise
	})
	expect(await timedOut).toBe('failed')
	expect(String(lateError)).toMatch(/inside prisma.\$transaction, while it runs/)
	await next
	expect(await codes('OWN-LATE', 'OWN-NEXT')).toEqual([{ code: 'OWN-NEXT' }])
})

test('a read does not wait for a long transaction, and sees what was committed before it', async () => {
	await prisma.referralCode.create({ data: { code: 'COMMITTED-BEFORE' } })
	const inside = deferred()
	const letGo = deferred()
	// A long write, as a CSV import's is: its rows are not committed until it ends.
	const importing = prisma.$transaction(async (tx) => {
		await tx.referralCode.create({ data: { code: 'IMPORTING' } })
		inside.resolve()
		await letGo.promise
	})
	await inside.promise
	const started = performance.now()
	const seen = await prisma.referralCode.findMany({
		where: { code: { in: ['COMMITTED-BEFORE', 'IMPORTING'] } },
		select: { code: true },
	})
	const waited = performance.now() - started
	letGo.resolve()
	await importing
	expect(seen).toEqual([{ code: 'COMMITTED-BEFORE' }])
	// It did not queue behind the transaction (which ends only after this read).
	expect(waited).toBeLessThan(1_000)
	// Once the transaction has committed, the next read sees its rows.
	expect(await prisma.referralCode.count({ where: { code: 'IMPORTING' } })).toBe(1)
})

test('a write followed by a read (a save, then the page it redirects to) reads the write', async () => {
	for (let i = 0; i < 20; i++) {
		const { id } = await prisma.referralCode.create({ data: { code: `SAVED-${i}` } })
		expect((await prisma.referralCode.findUnique({ where: { id } }))?.code).toBe(`SAVED-${i}`)
		await prisma.referralCode.update({ where: { id }, data: { code: `RENAMED-${i}` } })
		expect((await prisma.referralCode.findUnique({ where: { id } }))?.code).toBe(`RENAMED-${i}`)
	}
})

test('only plain reads go to the reading connection', () => {
	expect(isPlainRead('SELECT `main`.`Household`.`id` FROM `main`.`Household` WHERE 1=1')).toBe(true)
	expect(isPlainRead('  WITH RECURSIVE "walk"("days") AS (SELECT 1) SELECT * FROM "walk"')).toBe(true)
	// Prisma's writes with RETURNING come through queryRaw too.
	expect(isPlainRead('INSERT INTO `main`.`ReferralCode` (`id`) VALUES (?) RETURNING `id`')).toBe(false)
	expect(isPlainRead('UPDATE `main`.`StaffSession` SET `lastSeenAt` = ? RETURNING `id`')).toBe(false)
	expect(isPlainRead('WITH "gone" AS (SELECT 1) DELETE FROM "RateLimitWindow" RETURNING "key"')).toBe(false)
	expect(isPlainRead('PRAGMA journal_mode = WAL')).toBe(false)
	// A column whose name starts like a keyword is still a read.
	expect(isPlainRead('SELECT `main`.`FunnelFact`.`updatedAt` FROM `main`.`FunnelFact`')).toBe(true)
})

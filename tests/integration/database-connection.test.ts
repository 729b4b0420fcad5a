import { expect, test } from 'vitest'

// The server has one SQLite connection. While one request's transaction is open, another
// request's queries must wait for it, not run inside it: otherwise a transaction that is rolled
// back (a refused change, a crash) takes the other request's write with it, and the other request
// reads changes that were never committed.

const { prisma } = await import('~/utils/db.server.ts')
const { getServiceConfig } = await import('~/models/service-settings.server.ts')

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

import { Prisma, type PrismaClient } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'

// Claiming due rows with a lease: the one way every leased worker (the email outbox, Stripe
// payments, the CSV imports; ADR 024) takes work from its table. A plain read comes first: in WAL
// mode it never waits for or blocks a writer, so an idle poll does not take SQLite's write lock.
// Then one UPDATE ... RETURNING leases up to `limit` due rows until now + leaseMs: SQLite runs a
// statement under its single write lock, so two workers (in this process or another) can never
// claim the same row. A lease that runs out (the worker died mid-job) makes the row due again.
//
// Dates are compared as text: Prisma's SQLite adapter stores every DateTime, and binds every Date
// parameter, as an ISO 8601 string in UTC ("2026-11-23T10:00:00.000+00:00"), which sorts in time
// order.

/** The tables a leased worker works through; each has status, nextAttemptAt, lockedUntil and attempts. */
export type LeasedTable = 'OutboxMessage' | 'BonusPayment' | 'ImportJob'

export type LeaseClaim = {
	table: LeasedTable
	/** The status of a row waiting for a worker ('pending', 'queued', 'importing'). */
	waiting: string
	/** The columns to return of each row claimed. */
	columns: readonly string[]
	/** Whether the claim counts as an attempt (the imports': so a crash counts as one). */
	countsAttempt?: boolean
	now: Date
	leaseMs: number
	limit: number
}

const quoted = (name: string) => Prisma.raw(`"${name}"`)

/**
 * Leases up to `limit` rows that wait, are due and are not leased to a live worker, until
 * now + leaseMs; the rows come oldest due first, with the lease they hold.
 */
export async function claimDue<Row>(
	claim: LeaseClaim,
	db: Pick<PrismaClient, '$queryRaw'> = prisma
): Promise<{ rows: Row[]; lockedUntil: Date }> {
	const { now, limit } = claim
	const table = quoted(claim.table)
	const due = Prisma.sql`"status" = ${claim.waiting} AND "nextAttemptAt" <= ${now}
		AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`
	const lockedUntil = new Date(now.getTime() + claim.leaseMs)
	if ((await db.$queryRaw<unknown[]>`SELECT "id" FROM ${table} WHERE ${due} LIMIT 1`).length === 0)
		return { rows: [], lockedUntil }

	const attempts = claim.countsAttempt ? Prisma.sql`, "attempts" = "attempts" + 1` : Prisma.empty
	const returning = Prisma.join([...claim.columns, 'nextAttemptAt'].map(quoted), ', ')
	const rows = await db.$queryRaw<(Row & { nextAttemptAt: Date | string })[]>`
		UPDATE ${table} SET "lockedUntil" = ${lockedUntil}${attempts}
		WHERE "id" IN (
			SELECT "id" FROM ${table} WHERE ${due}
			ORDER BY "nextAttemptAt", "createdAt"
			LIMIT ${limit}
		)
		RETURNING ${returning}`
	// RETURNING gives the rows in no promised order.
	const sorted = rows.sort((a, b) => new Date(a.nextAttemptAt).getTime() - new Date(b.nextAttemptAt).getTime())
	return { rows: sorted.map(({ nextAttemptAt: _, ...row }) => row as Row), lockedUntil }
}

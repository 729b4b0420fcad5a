import { FUNNEL_FACT_COLUMNS, funnelFacts, type FirstEnquiry, type FunnelFactFields } from '~/domain/funnel-facts.ts'
import { StageHistoryError, type RecordedStageEvent } from '~/domain/stage-machine.ts'
import type { Prisma, PrismaClient } from '~/generated/prisma/client.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { transactionStatement } from '~/utils/one-connection.server.ts'

// The funnel's one row per household (FunnelFact), derived by the pure app/domain/funnel-facts.ts
// from the household's history and attributes, and rewritten in the same transaction as anything
// that changes them: stage changes, owners and referrals (all through changeHousehold), new
// enquiries, merges of possible matches, imports and the demo data. Reads and writes go in chunks,
// a few queries per chunk whatever its size, so refreshing thousands of households costs little
// more than one.

/** Households read and written per round: well under SQLite's limit of bound parameters. */
const CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
	const result: T[][] = []
	for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
	return result
}

/** What every computation needs once: the service's closure days (working days exclude them). */
export async function funnelFactContext(db: Prisma.TransactionClient) {
	const closures = await db.serviceClosure.findMany({ select: { date: true } })
	return { closures: new Set(closures.map((closure) => closure.date)) }
}
export type FunnelFactContext = Awaited<ReturnType<typeof funnelFactContext>>

type Computed = {
	facts: Map<string, FunnelFactFields>
	broken: { householdId: string; problem: string }[]
	references: Map<string, string>
}

type HouseholdRow = {
	id: string
	reference: string
	route: string
	postcode: string
	fosteringInterests: string
	ownerId: string | null
	channelKey: string | null
	utmSource: string | null
	utmMedium: string | null
	utmCampaign: string | null
	howHeard: string | null
	referred: number | bigint
}
type EventRow = RecordedStageEvent & { householdId: string; endedBy: string | null }

/**
 * The funnel rows of up to CHUNK households, from what is stored now: two reads (a change runs
 * this inside its transaction, so every query counts). The ids go as one JSON parameter.
 */
async function computeChunk(
	db: Prisma.TransactionClient,
	ids: string[],
	context: FunnelFactContext
): Promise<Computed> {
	const json = JSON.stringify(ids)
	// Each household with its first enquiry's attribution and whether a referral (not detached) brought it.
	const households = await db.$queryRawUnsafe<HouseholdRow[]>(
		`SELECT h."id", h."reference", h."route", h."postcode", h."fosteringInterests", h."ownerId",
			c."key" AS "channelKey", e."utmSource", e."utmMedium", e."utmCampaign", e."howHeard",
			EXISTS (SELECT 1 FROM "Referral" r WHERE r."householdId" = h."id" AND r."status" <> 'detached') AS "referred"
		FROM "Household" h
		LEFT JOIN "Enquiry" e ON e."id" = (
			SELECT "id" FROM "Enquiry" WHERE "householdId" = h."id" ORDER BY "receivedAt", "id" LIMIT 1)
		LEFT JOIN "Channel" c ON c."id" = e."channelId"
		WHERE h."id" IN (SELECT value FROM json_each(?))`,
		json
	)
	// Their events in the order they were recorded, each exit with its reason's key and who ends it.
	const events = await db.$queryRawUnsafe<EventRow[]>(
		`SELECT ev."householdId", ev."kind", ev."fromStage", ev."toStage", ev."businessDate", ev."reviewOn",
			ev."exitReasonId", x."key" AS "exitReasonKey", x."endedBy"
		FROM "StageEvent" ev LEFT JOIN "ExitReason" x ON x."id" = ev."exitReasonId"
		WHERE ev."householdId" IN (SELECT value FROM json_each(?))
		ORDER BY ev."householdId", ev."recordedAt", ev."id"`,
		json
	)
	const history = new Map<string, RecordedStageEvent[]>()
	const endedBy = new Map<string, string>()
	for (const { householdId, endedBy: ender, ...event } of events) {
		const list = history.get(householdId) ?? []
		list.push(event)
		history.set(householdId, list)
		if (event.exitReasonKey && ender) endedBy.set(event.exitReasonKey, ender)
	}

	const computed: Computed = { facts: new Map(), broken: [], references: new Map() }
	for (const household of households) {
		computed.references.set(household.id, household.reference)
		const firstEnquiry: FirstEnquiry | null =
			household.howHeard === null && household.channelKey === null
				? null
				: {
						channelKey: household.channelKey ?? 'unknown',
						utmSource: household.utmSource,
						utmMedium: household.utmMedium,
						utmCampaign: household.utmCampaign,
						howHeard: household.howHeard,
					}
		try {
			computed.facts.set(
				household.id,
				funnelFacts({
					route: household.route,
					events: history.get(household.id) ?? [],
					endedBy,
					firstEnquiry,
					interests: household.fosteringInterests,
					postcode: household.postcode,
					ownerId: household.ownerId,
					referred: Number(household.referred) === 1,
					closures: context.closures,
				})
			)
		} catch (error) {
			// A history the stage rules refuse (findStageDisagreements reports it): no row rather
			// than a wrong one, and the change that asked for the refresh still goes through.
			if (!(error instanceof StageHistoryError) && !(error instanceof RangeError)) throw error
			computed.broken.push({ householdId: household.id, problem: error.message })
		}
	}
	return computed
}

/**
 * Writes the funnel rows of these households from what is stored now, inside the transaction
 * that changed them (writeFunnelFacts runs on its connection). Returns how many rows were written.
 */
export async function refreshFunnelFacts(
	db: Prisma.TransactionClient,
	householdIds: readonly string[],
	context?: FunnelFactContext
): Promise<number> {
	if (householdIds.length === 0) return 0
	const shared = context ?? (await funnelFactContext(db))
	const updatedAt = now().toISOString().replace('Z', '+00:00')
	let written = 0
	for (const ids of chunks([...new Set(householdIds)], CHUNK)) {
		const { facts, broken } = await computeChunk(db, ids, shared)
		if (broken.length > 0)
			await db.funnelFact.deleteMany({ where: { householdId: { in: broken.map((row) => row.householdId) } } })
		written += writeFunnelFacts(
			[...facts].map(([householdId, fields]) => ({ householdId, ...fields })),
			updatedAt
		)
	}
	return written
}

const REPLACE_SQL = `INSERT OR REPLACE INTO "FunnelFact" (${[...FUNNEL_FACT_COLUMNS, 'updatedAt']
	.map((column) => `"${column}"`)
	.join(', ')}) VALUES (${[...FUNNEL_FACT_COLUMNS, 'updatedAt'].map(() => '?').join(', ')})`

/**
 * Writes ready-made rows (the writer and the import compute theirs without reading back), in the
 * transaction this runs in, with one statement prepared on its connection (row-inserts.server.ts).
 */
export function writeFunnelFacts(
	rows: readonly (FunnelFactFields & { householdId: string })[],
	updatedAt = now().toISOString().replace('Z', '+00:00')
): number {
	const statement = transactionStatement(REPLACE_SQL)
	for (const row of rows) {
		statement.run(
			...FUNNEL_FACT_COLUMNS.map((column) => {
				const value = row[column]
				return typeof value === 'boolean' ? Number(value) : (value ?? null)
			}),
			updatedAt
		)
	}
	return rows.length
}

/**
 * Rewrites many households' rows. Inside a caller's transaction (the demo data) all at once;
 * otherwise each chunk in its own transaction, so a change saved meanwhile is never overwritten
 * by a row computed before it, and the database is not locked for the whole run.
 */
async function refreshMany(db: Prisma.TransactionClient | PrismaClient, householdIds: readonly string[]) {
	if (!('$transaction' in db)) return refreshFunnelFacts(db, householdIds)
	const context = await funnelFactContext(db)
	let written = 0
	for (const ids of chunks(householdIds, CHUNK)) {
		written += await db.$transaction((tx) => refreshFunnelFacts(tx, ids, context))
	}
	return written
}

/** Every household's funnel row, rewritten: after something that moves them all (closure days, demo data). */
export async function refreshAllFunnelFacts(db: Prisma.TransactionClient | PrismaClient = prisma): Promise<number> {
	const ids = await db.household.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
	return refreshMany(
		db,
		ids.map((row) => row.id)
	)
}

/**
 * After a closure day is added or removed: rewrites only the rows whose time in stages spans that
 * day (enquired by then, and still in progress or finished on or after it). The others cannot
 * change, and a service with a long history has far more of them.
 */
export async function refreshFunnelFactsAround(date: string, db: Prisma.TransactionClient | PrismaClient = prisma) {
	const rows = await db.funnelFact.findMany({
		where: {
			enquiredOn: { lte: date },
			OR: [{ status: { in: ['open', 'on_hold'] } }, { exitedOn: { gte: date } }, { approvedOn: { gte: date } }],
		},
		select: { householdId: true },
	})
	return refreshMany(
		db,
		rows.map((row) => row.householdId)
	)
}

/**
 * After the upgrade that added the funnel rows (the table starts empty), writes the row of every
 * household that has none. `npm start` runs it on every start; once every household has its row
 * it finds none and does nothing.
 */
export async function fillFunnelFactsAfterUpgrade(
	db: Prisma.TransactionClient | PrismaClient = prisma
): Promise<number> {
	const missing = await db.household.findMany({ where: { funnelFact: null }, select: { id: true } })
	return refreshMany(
		db,
		missing.map((row) => row.id)
	)
}

/**
 * The check that the funnel rows never disagree with the histories they come from: recomputes
 * every household's row and lists each stored one that differs (or is missing), field by field.
 */
export async function findFunnelFactDisagreements(db: Prisma.TransactionClient = prisma) {
	const context = await funnelFactContext(db)
	const ids = (await db.household.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id)
	const problems: { reference: string; problems: string[] }[] = []
	for (const chunk of chunks(ids, CHUNK)) {
		const [{ facts, broken, references }, stored] = await Promise.all([
			computeChunk(db, chunk, context),
			db.funnelFact.findMany({ where: { householdId: { in: chunk } } }),
		])
		const storedById = new Map(stored.map((row) => [row.householdId, row]))
		for (const { householdId, problem } of broken)
			problems.push({ reference: references.get(householdId)!, problems: [`history: ${problem}`] })
		for (const [householdId, expected] of facts) {
			const row = storedById.get(householdId)
			const reference = references.get(householdId)!
			if (!row) {
				problems.push({ reference, problems: ['has no funnel row'] })
				continue
			}
			const differences = (Object.keys(expected) as (keyof FunnelFactFields)[])
				.filter((field) => row[field] !== expected[field])
				.map(
					(field) => `${field} is ${JSON.stringify(row[field])} but the history says ${JSON.stringify(expected[field])}`
				)
			if (differences.length > 0) problems.push({ reference, problems: differences })
		}
	}
	return problems
}

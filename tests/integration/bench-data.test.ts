import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { HouseholdIntake, IntakeEnquiry, IntakeEvent } from '~/domain/household-intake.ts'
import { BenchRefusal, generateBenchData, openForBulkLoad } from '../../prisma/bench-data.ts'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const { createHouseholds } = await import('~/models/household-writer.server.ts')

const file = process.env.DATABASE_URL!.replace(/^file:/, '')

describe('seed:bench', () => {
	it('makes households whose rows agree with their replayed stage events, with the events asked for', async () => {
		const db = openForBulkLoad(file)
		try {
			const summary = generateBenchData(db, { households: 200, eventsPerHousehold: 20, openShare: 0.8, seed: 7 })
			expect(summary.households).toBe(200)
			expect(summary.events).toBe(4000)
			expect(summary.stageEvents + summary.contactAttempts + summary.notes).toBe(4000)
			expect(summary.closed).toBeGreaterThan(0)
			expect(summary.onHold + summary.open).toBe(200 - summary.closed)
		} finally {
			db.close()
		}
		expect(await findStageDisagreements()).toEqual([])
		// Their nearest deadlines are what the app itself would write today.
		expect(await prisma.household.count({ where: { nextClockDeadline: { not: null } } })).toBeGreaterThan(50)
		expect(await refreshAllClocks()).toBe(0)
		expect(await prisma.household.count()).toBe(200)
		expect(await prisma.stageEvent.count()).toBeGreaterThan(200)
		// Every household is found by its own name, as the pipeline's search expects.
		const sample = await prisma.household.findFirstOrThrow({ include: { applicants: true } })
		expect(sample.searchText).toContain(sample.applicants[0]!.lastName.toLowerCase())
		expect(sample.displayName).toContain(sample.applicants[0]!.firstName)
	})

	it('refuses a database that already has households unless told to append or reset', async () => {
		const db = openForBulkLoad(file)
		try {
			expect(() => generateBenchData(db, { households: 10 })).toThrow(BenchRefusal)
			generateBenchData(db, { households: 10, append: true, seed: 7 })
			expect(await prisma.household.count()).toBe(210)
			generateBenchData(db, { households: 5, reset: true, seed: 3 })
			expect(await prisma.household.count()).toBe(5)
		} finally {
			db.close()
		}
		expect(await findStageDisagreements()).toEqual([])
	})

	it('writes every household its FunnelFact, and a big load gets back every index it set aside', async () => {
		const db = openForBulkLoad(file)
		const indexes = () =>
			db.prepare(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' ORDER BY "name"`).pluck().all()
		const before = indexes()
		try {
			// deferIndexesFrom: as a load of a million does, on a few hundred.
			generateBenchData(db, {
				households: 300,
				eventsPerHousehold: 6,
				years: 3,
				seed: 11,
				reset: true,
				deferIndexesFrom: 100,
			})
			expect(indexes()).toEqual(before)
		} finally {
			db.close()
		}
		const households = await prisma.household.findMany({ include: { funnelFact: true } })
		expect(households).toHaveLength(300)
		for (const household of households) {
			const fact = household.funnelFact!
			expect(fact.route).toBe(household.route)
			expect(fact.currentStage).toBe(household.stage)
			expect(fact.status).toBe(household.stage === 'approved' ? 'approved' : household.status)
			expect(fact.enquiredOn).toBe(household.firstEnquiryAt.toISOString().slice(0, 10))
			expect(fact.exitStage !== null && fact.endedBy !== null && fact.exitReasonKey !== null).toBe(
				household.status === 'closed'
			)
		}
		const facts = households.map((household) => household.funnelFact!)
		// Enquiries spread over the years asked for, most of the older ones finished.
		expect(new Set(facts.map((fact) => fact.enquiredOn.slice(0, 4))).size).toBeGreaterThanOrEqual(3)
		const reached = (
			[
				'enquiredOn',
				'initialContactOn',
				'initialVisitOn',
				'applicationOn',
				'stage1On',
				'panelOn',
				'approvedOn',
			] as const
		).map((column) => facts.filter((fact) => fact[column] !== null).length)
		// In a cohort, counts never rise from one stage to the next.
		expect(reached).toEqual([...reached].sort((a, b) => b - a))
		expect(reached.at(-1)).toBeGreaterThan(0)
		const by = (status: string) => facts.filter((fact) => fact.status === status).length
		expect(by('approved') + by('closed') + by('open') + by('on_hold')).toBe(300)
		expect(facts.some((fact) => fact.utmCampaign !== null)).toBe(true)
		// The rows written in the generator's pass are the ones the app would work out from the database.
		const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
		expect(await findFunnelFactDisagreements()).toEqual([])
	})
})

describe('the bulk path', () => {
	it('stores exactly the rows the household writer stores for the same households', async () => {
		// The bench's households, loaded in bulk into a database of their own...
		const other = path.join(TMP_DIR, `bench-compare-${crypto.randomUUID()}.db`)
		createMigratedDatabase(other)
		const bulk = openForBulkLoad(other)
		try {
			generateBenchData(bulk, { households: 60, eventsPerHousehold: 4, years: 2, seed: 99 })
			// ...and the same households (their people, enquiries and histories, nothing worked out
			// from them) written into this one through the household writer, on the same day.
			for (const table of [
				'FunnelFact',
				'StageEvent',
				'ContactAttempt',
				'HouseholdNote',
				'OwnerChange',
				'Applicant',
				'Enquiry',
			])
				await prisma.$executeRawUnsafe(`DELETE FROM "${table}"`)
			await prisma.household.deleteMany()
			for (const staff of bulk.prepare('SELECT * FROM "StaffUser" WHERE "email" LIKE \'bench.%\'').all() as object[])
				await prisma.$executeRawUnsafe(
					`INSERT INTO "StaffUser" (${Object.keys(staff).map((column) => `"${column}"`)}) VALUES (${Object.keys(staff).map(() => '?')})`,
					...Object.values(staff)
				)
			await prisma.$transaction((tx) => createHouseholds(tx, intakesFrom(bulk)))

			// Every row the writer wrote, column by column, is the one the bulk path stored, as SQLite holds it.
			const writer = openForBulkLoad(file)
			try {
				for (const [table, key] of TABLES) {
					const query = `SELECT * FROM "${table}" ${table === 'AuditEntry' ? 'WHERE "householdId" IS NOT NULL' : ''}`
					const written = writer.prepare(query).all() as Record<string, unknown>[]
					const stored = bulk.prepare(query).all() as Record<string, unknown>[]
					expect(written.length, table).toBe(stored.length)
					expect(differences(table, key, written, stored)).toEqual([])
				}
			} finally {
				writer.close()
			}
			expect(await prisma.household.count()).toBe(60)
		} finally {
			bulk.close()
			for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${other}${suffix}`, { force: true })
		}
	})
})

const TABLES = [
	['Household', 'id'],
	['Applicant', 'id'],
	['Enquiry', 'id'],
	['StageEvent', 'id'],
	['OwnerChange', 'id'],
	['AuditEntry', 'id'],
	['FunnelFact', 'householdId'],
] as const

/** Each column of a row that differs between the two, by the row's key; a funnel row's updatedAt is when it was written. */
function differences(
	table: string,
	key: string,
	written: Record<string, unknown>[],
	stored: Record<string, unknown>[]
) {
	const storedByKey = new Map(stored.map((row) => [row[key], row]))
	return written.flatMap((row) => {
		const other = storedByKey.get(row[key])
		if (!other) return [`${table} ${row[key]}: not stored by the bulk path`]
		return Object.keys(row)
			.filter((column) => !(table === 'FunnelFact' && column === 'updatedAt'))
			.filter((column) => row[column] !== other[column])
			.map((column) => `${table} ${row[key]}: ${column} written ${row[column]}, stored ${other[column]}`)
	})
}

/**
 * The households stored in a bench database as the intakes they were made from: their people,
 * enquiries and histories as stored, and none of what the intake step works out from them.
 */
function intakesFrom(db: Database.Database): HouseholdIntake[] {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SELECT * rows as SQLite gives them; the comparison with the writer's rows checks every field
	type Row = Record<string, any>
	const all = (sql: string) => db.prepare(sql).all() as Row[]
	const date = (value: string) => new Date(value)
	const grouped = (rows: Row[]) => {
		const map = new Map<string, Row[]>()
		for (const row of rows) map.set(row.householdId, [...(map.get(row.householdId) ?? []), row])
		return map
	}
	const people = grouped(all('SELECT * FROM "Applicant" ORDER BY "isPrimary" DESC, "id"'))
	const enquiries = grouped(all('SELECT * FROM "Enquiry" ORDER BY "receivedAt"'))
	const events = grouped(
		all(
			`SELECT e.*, x."key" AS "exitReasonKey" FROM "StageEvent" e LEFT JOIN "ExitReason" x ON x."id" = e."exitReasonId"
			ORDER BY e."recordedAt", e."id"`
		)
	)
	return all('SELECT * FROM "Household" ORDER BY "id"').map((household) => ({
		id: household.id,
		reference: household.reference,
		route: household.route,
		people: people
			.get(household.id)!
			.map(({ id, firstName, lastName, email, phone }) => ({ id, firstName, lastName, email, phone })),
		postcode: household.postcode,
		spareBedroom: household.spareBedroom,
		householdMembers: household.householdMembers,
		fosteringInterests: household.fosteringInterests,
		channelId: household.channelId,
		ownerId: household.ownerId,
		ownerGivenBy: null,
		enquiries: enquiries.get(household.id)!.map(({ householdId: _household, ...enquiry }) => ({
			...(enquiry as IntakeEnquiry),
			receivedAt: date(enquiry.receivedAt),
			isKinship: enquiry.isKinship === 1,
			consentGiven: enquiry.consentGiven === 1,
		})),
		events: events.get(household.id)!.map(({ householdId: _household, ...event }) => ({
			...(event as IntakeEvent),
			recordedAt: date(event.recordedAt),
		})),
		createdAt: date(household.createdAt),
	}))
}

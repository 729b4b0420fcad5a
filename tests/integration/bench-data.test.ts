import { describe, expect, it } from 'vitest'
import { BenchRefusal, generateBenchData, openForBulkLoad } from '../../prisma/bench-data.ts'

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { refreshAllClocks } = await import('~/models/response-clocks.server.ts')

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

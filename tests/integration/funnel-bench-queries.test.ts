import { describe, expect, it } from 'vitest'
import { generateBenchData, openForBulkLoad } from '../../prisma/bench-data.ts'
import { FUNNEL_VIEWS } from '../bench/funnel-queries.ts'

const file = process.env.DATABASE_URL!.replace(/^file:/, '')
const range = { from: '2025-01-01', to: '2026-11-23' }

// The funnel bench's SQL must keep running against the schema as it changes, and give the numbers
// the facts hold, or its timings mean nothing.
describe('the funnel bench queries', () => {
	it('run on the schema, count what the facts hold, and read only the cohort indexes in cohort mode', () => {
		const db = openForBulkLoad(file)
		try {
			generateBenchData(db, { households: 400, eventsPerHousehold: 6, years: 3, seed: 5, today: '2026-11-23' })
			const facts = db.prepare('SELECT * FROM "FunnelFact"').all() as Record<string, string | null>[]
			const inCohort = facts.filter(
				(fact) => fact.route === 'mainstream' && fact.enquiredOn! >= range.from && fact.enquiredOn! <= range.to
			)
			const [cohortCounts, cohortExits, cohortTimes] = FUNNEL_VIEWS.cohort.map((query) => db.prepare(query.sql))
			const counts = cohortCounts!.all(range) as Record<string, number | string>[]
			const mainstream = counts.find((row) => row.route === 'mainstream')!
			expect(mainstream.enquired).toBe(inCohort.length)
			expect(mainstream.reached_application).toBe(inCohort.filter((fact) => fact.applicationOn !== null).length)
			expect(mainstream.left).toBe(inCohort.filter((fact) => fact.status === 'closed').length)
			const exits = cohortExits!.all(range) as { route: string; n: number }[]
			expect(exits.filter((row) => row.route === 'mainstream').reduce((sum, row) => sum + row.n, 0)).toBe(
				mainstream.left
			)
			const times = cohortTimes!.all(range) as { stage: string; route: string; n: number }[]
			expect(
				times
					.filter((row) => row.stage === 'enquiry' && row.route === 'mainstream')
					.reduce((sum, row) => sum + row.n, 0)
			).toBe(inCohort.filter((fact) => fact.enquiryDays !== null).length)
			for (const query of Object.values(FUNNEL_VIEWS).flat())
				expect(() => db.prepare(query.sql).all(range)).not.toThrow()

			db.exec('ANALYZE')
			for (const query of FUNNEL_VIEWS.cohort.slice(0, 3)) {
				const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(range) as { detail: string }[]).map(
					(step) => step.detail
				)
				const reads = plan.filter((detail) => /^(SEARCH|SCAN) /.test(detail))
				expect(reads.length, query.name).toBeGreaterThan(0)
				for (const detail of reads) expect(detail, query.name).toMatch(/USING COVERING INDEX FunnelFact_cohort/)
			}
		} finally {
			db.close()
		}
	})
})

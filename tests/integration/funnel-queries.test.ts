import { beforeAll, describe, expect, it } from 'vitest'
import { generateBenchData, openForBulkLoad } from '../../prisma/bench-data.ts'
import {
	BREAKDOWNS,
	funnelRows,
	histogramMedian,
	type FunnelMode,
	type FunnelQuery,
	type StageCounts,
	type StageRow,
} from '~/domain/funnel.ts'
import { STAGE_DATE_COLUMN, STAGE_DAYS_COLUMN } from '~/domain/funnel-facts.ts'
import { STAGE_KEYS, stageNames } from '~/domain/stages.ts'

// The funnel's SQL (app/models/funnel.server.ts) is shaped to be fast at a million households:
// these check, on seed:bench data, that its figures are the facts counted one by one, and that
// it reads indexes only, sorting nothing where it is meant not to (docs/decisions/013).

const { prisma } = await import('~/utils/db.server.ts')
const { funnelStatements, loadFunnel } = await import('~/models/funnel.server.ts')
const { getServiceConfig } = await import('~/models/service-settings.server.ts')

const file = process.env.DATABASE_URL!.replace(/^file:/, '')
const period = { from: '2025-06-15', to: '2026-10-20' }
type Fact = Record<string, string | number | null>
let facts: Fact[]

const query = (mode: FunnelMode, channel: string | null, breakdown: FunnelQuery['breakdown'] = 'channel') =>
	({ mode, period, channel, breakdown, compare: 'previous' }) satisfies FunnelQuery

beforeAll(() => {
	const db = openForBulkLoad(file)
	try {
		generateBenchData(db, { households: 600, eventsPerHousehold: 6, years: 3, seed: 7, today: '2026-11-23' })
		facts = db.prepare('SELECT * FROM "FunnelFact"').all() as Fact[]
	} finally {
		db.close()
	}
})

/** The stage counts of one route, worked out from every household's row in turn. */
function expectedCounts(mode: FunnelMode, route: string, channel: string | null): StageCounts[] {
	const inDates = (date: string | number | null | undefined) =>
		typeof date === 'string' && date >= period.from && date <= period.to
	const ours = facts.filter((fact) => fact.route === route && (channel === null || fact.channelKey === channel))
	const cohort = ours.filter((fact) => inDates(fact.enquiredOn))
	return STAGE_KEYS.map((stage) => {
		const on = STAGE_DATE_COLUMN[stage]
		const counted = mode === 'period' ? ours.filter((fact) => inDates(fact[on])) : cohort.filter((fact) => fact[on])
		const leavers =
			mode === 'period'
				? ours.filter((fact) => fact.status === 'closed' && inDates(fact.exitedOn))
				: cohort.filter((fact) => fact.status === 'closed')
		const days = stage === 'approved' ? null : STAGE_DAYS_COLUMN[stage]
		const histogram = new Map<number, number>()
		for (const fact of mode === 'period' ? counted : cohort)
			if (days && fact[days] !== null) histogram.set(Number(fact[days]), (histogram.get(Number(fact[days])) ?? 0) + 1)
		const left = new Map<string, StageCounts['left'][number]>()
		for (const fact of leavers.filter((leaver) => leaver.exitStage === stage)) {
			const key = `${fact.endedBy} ${fact.exitReasonKey}`
			const row = left.get(key) ?? {
				endedBy: String(fact.endedBy ?? ''),
				reasonKey: fact.exitReasonKey as string | null,
				count: 0,
			}
			left.set(key, { ...row, count: row.count + 1 })
		}
		return {
			stage,
			count: counted.length,
			stillIn: counted.filter(
				(fact) => ['open', 'on_hold'].includes(String(fact.status)) && fact.currentStage === stage
			).length,
			left: [...left.values()],
			histogram: [...histogram.entries()],
		}
	})
}

describe('the funnel queries', () => {
	it.each([
		['period', null],
		['period', 'search'],
		['cohort', null],
		['cohort', 'event'],
	] as const)('give the figures the facts give one by one (%s mode, channel %s)', async (mode, channel) => {
		const config = await getServiceConfig()
		const reasons = await prisma.exitReason.findMany({ select: { key: true, label: true } })
		const options = {
			names: stageNames(config.stageNames),
			targets: config.targets,
			reasonLabels: new Map(reasons.map((reason) => [reason.key, reason.label])),
		}
		const funnel = await loadFunnel(query(mode, channel), config)
		for (const route of ['mainstream', 'kinship'] as const) {
			const expected = funnelRows(expectedCounts(mode, route, channel), options)
			// Reasons with the same count and label (two called "Health") may come in either order.
			const inOrder = (rows: StageRow[]) =>
				rows.map((row) => ({
					...row,
					reasons: [...row.reasons].sort((a, b) => String(a.key).localeCompare(String(b.key))),
				}))
			expect(inOrder(funnel[route].rows), route).toEqual(inOrder(expected))
		}
		// Not a vacuous comparison: the dates hold households that took time over their stages.
		const enquiry = expectedCounts(mode, 'mainstream', channel)[0]!
		expect(enquiry.count).toBeGreaterThan(10)
		expect(histogramMedian(enquiry.histogram)).not.toBeNull()
	})

	it('read only indexes, never the table, and sort no households where they count by stage, days or month', () => {
		const db = openForBulkLoad(file)
		try {
			const check = () => {
				for (const mode of ['period', 'cohort'] as const)
					for (const channel of [null, 'search'])
						for (const breakdown of BREAKDOWNS)
							for (const { name, sql } of funnelStatements(query(mode, channel, breakdown))) {
								const plan = (
									db.prepare(`EXPLAIN QUERY PLAN ${sql.sql}`).all(...sql.values) as { detail: string }[]
								).map((step) => step.detail)
								const reads = plan.filter((detail) => /^(SEARCH|SCAN) (FunnelFact|f)\b/.test(detail))
								expect(reads.length, name).toBeGreaterThan(0)
								for (const detail of reads) expect(detail, name).toMatch(/USING COVERING INDEX/)
								if (!/left|breakdown/.test(name))
									expect(
										plan.filter((detail) => detail.includes('TEMP B-TREE')),
										name
									).toEqual([])
							}
			}
			// A service's database may have no planner statistics, or have them (PRAGMA optimize).
			check()
			db.exec('ANALYZE')
			check()
		} finally {
			db.close()
		}
	})
})

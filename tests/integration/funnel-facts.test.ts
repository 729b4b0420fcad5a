import { describe, expect, test } from 'vitest'
import { londonDate } from '~/domain/working-days.ts'
import { createHousehold, runRoute, signedInAs, staffRequest } from '../support/staff.ts'

// The funnel rows (FunnelFact) over the two years of demo data `npm start` loads: each agrees with
// the history it comes from, and together they keep the funnel's invariants. Then that the rows
// follow what staff do, and that an upgraded database gets them once.

const { prisma } = await import('~/utils/db.server.ts')
const { seedDemoData } = await import('../../prisma/seed.ts')
const { fillFunnelFactsAfterUpgrade, findFunnelFactDisagreements, refreshAllFunnelFacts } =
	await import('~/models/funnel-facts.server.ts')
const { addClosure, removeClosure } = await import('~/models/response-time-settings.server.ts')
const moveRoute = await import('~/routes/staff+/_households+/households.$id.move.tsx')
const closeRoute = await import('~/routes/staff+/_households+/households.$id.close.tsx')

const STAGE_DATES = [
	'enquiredOn',
	'initialContactOn',
	'initialVisitOn',
	'applicationOn',
	'stage1On',
	'stage2On',
	'panelOn',
	'approvedOn',
] as const

type CohortRow = {
	route: string
	month: string
	enquiries: number
	left: number
	approved: number
	inProgress: number
} & Record<(typeof STAGE_DATES)[number], number>

/** Per route and enquiry month: how many reached each stage, left, were approved or are still in progress. */
async function cohorts(): Promise<CohortRow[]> {
	const rows = await prisma.$queryRawUnsafe<Record<string, bigint | number | string>[]>(
		`SELECT route, enquiredMonth AS month, COUNT(*) AS enquiries,
			${STAGE_DATES.map((column) => `SUM(CASE WHEN "${column}" IS NOT NULL THEN 1 ELSE 0 END) AS "${column}"`).join(', ')},
			SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS "left",
			SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END) AS approved,
			SUM(CASE WHEN status IN ('open', 'on_hold') THEN 1 ELSE 0 END) AS "inProgress"
		FROM "FunnelFact" GROUP BY route, enquiredMonth ORDER BY route, enquiredMonth`
	)
	return rows.map(
		(row) =>
			Object.fromEntries(
				Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])
			) as CohortRow
	)
}

describe('the demo data', { timeout: 120_000 }, () => {
	test('every household has a funnel row that agrees with its history', async () => {
		await seedDemoData(prisma, { today: new Date('2026-11-23T10:30:00Z') })
		const households = await prisma.household.count()
		expect(households).toBeGreaterThan(1000)
		expect(await prisma.funnelFact.count()).toBe(households)
		expect(await findFunnelFactDisagreements()).toEqual([])

		// The demo has what the rules are about: holds, parallel stages, households that left and came back.
		expect(
			await prisma.funnelFact.count({
				where: { status: 'closed', exitReasonKey: { not: null }, endedBy: { not: null } },
			})
		).toBeGreaterThan(100)
		expect(
			await prisma.funnelFact.count({
				where: { status: 'approved', approvedOn: { not: null }, panelDays: { not: null } },
			})
		).toBeGreaterThan(20)
		expect(await prisma.funnelFact.count({ where: { route: 'kinship' } })).toBeGreaterThan(0)
		const referred = await prisma.referral.groupBy({ by: ['householdId'], where: { status: { not: 'detached' } } })
		expect(await prisma.funnelFact.count({ where: { referred: true } })).toBe(referred.length)
	})

	test('in every cohort, counts never rise from one stage to the next', async () => {
		const rows = await cohorts()
		expect(rows.length).toBeGreaterThan(20)
		for (const row of rows) {
			const reached = STAGE_DATES.map((column) => row[column])
			expect(reached[0], `${row.route} ${row.month}`).toBe(row.enquiries)
			for (let stage = 1; stage < reached.length; stage++) {
				expect(reached[stage], `${row.route} ${row.month}: ${STAGE_DATES[stage]}`).toBeLessThanOrEqual(
					reached[stage - 1]!
				)
			}
		}
	})

	test('in every cohort, approved + left + still in progress = enquiries', async () => {
		for (const row of await cohorts()) {
			expect(row.approved + row.left + row.inProgress, `${row.route} ${row.month}`).toBe(row.enquiries)
			expect(row.approved, `${row.route} ${row.month}`).toBe(row.approvedOn)
		}
	})

	test('each row is consistent: stages in date order, an exit only when closed, no negative days', async () => {
		const facts = await prisma.funnelFact.findMany()
		for (const fact of facts) {
			const dates = STAGE_DATES.map((column) => fact[column]).filter((date) => date !== null)
			expect(dates, fact.householdId).toEqual([...dates].sort())
			expect(fact.exitStage !== null, fact.householdId).toBe(fact.status === 'closed')
			expect(fact.exitedOn === null || fact.exitedOn >= fact.enquiredOn).toBe(true)
			expect(fact.enquiredMonth).toBe(fact.enquiredOn.slice(0, 7))
			for (const days of [
				fact.enquiryDays,
				fact.initialContactDays,
				fact.stage1Days,
				fact.stage2Days,
				fact.panelDays,
			]) {
				expect(days === null || days >= 0).toBe(true)
			}
		}
	})

	test('refreshing every household rewrites the same rows, quickly', async () => {
		const households = await prisma.household.count()
		const started = performance.now()
		expect(await refreshAllFunnelFacts()).toBe(households)
		const ms = performance.now() - started
		console.info(`Refreshed the funnel rows of ${households} demo households in ${Math.round(ms)} ms`)
		// About a quarter of a second for the demo’s thousand households; the bound catches one grown many times slower.
		expect(ms).toBeLessThan(15_000)
		expect(await findFunnelFactDisagreements()).toEqual([])
	})

	test('the check names a household whose row has drifted from its history', async () => {
		const fact = await prisma.funnelFact.findFirstOrThrow({
			where: { status: 'open', initialContactOn: { not: null } },
		})
		const household = await prisma.household.findUniqueOrThrow({ where: { id: fact.householdId } })
		await prisma.funnelFact.update({
			where: { householdId: fact.householdId },
			data: { initialContactOn: '2001-01-01' },
		})
		expect(await findFunnelFactDisagreements()).toEqual([
			{
				reference: household.reference,
				problems: [`initialContactOn is "2001-01-01" but the history says "${fact.initialContactOn}"`],
			},
		])
		await prisma.funnelFact.delete({ where: { householdId: fact.householdId } })
		expect(await findFunnelFactDisagreements()).toEqual([
			{ reference: household.reference, problems: ['has no funnel row'] },
		])
	})

	test('after the upgrade, the households without a row get theirs once', async () => {
		const some = await prisma.funnelFact.findMany({ take: 40, select: { householdId: true } })
		await prisma.funnelFact.deleteMany({ where: { householdId: { in: some.map((row) => row.householdId) } } })
		// The 40 just deleted, and the one the previous test deleted.
		expect(await fillFunnelFactsAfterUpgrade()).toBe(41)
		expect(await fillFunnelFactsAfterUpgrade()).toBe(0)
		expect(await findFunnelFactDisagreements()).toEqual([])
	})
})

describe('the rows follow what staff do', () => {
	test('a move, a close and a closure day change the household’s row at once', async () => {
		const officer = await signedInAs('officer', 'Ada Officer')
		const enquiredOn = '2026-11-02'
		const { id } = await createHousehold({ stage: 'initial_contact', enquiredOn })
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: id } })).toMatchObject({
			status: 'open',
			currentStage: 'initial_contact',
			enquiredOn,
			initialContactOn: '2026-11-03',
			initialVisitOn: null,
			enquiryDays: 1,
			channelKey: 'search',
			postcodeDistrict: 'LS1',
		})

		const today = londonDate(new Date())
		const version = async () => String((await prisma.household.findUniqueOrThrow({ where: { id } })).version)
		const moved = await runRoute(
			moveRoute.action,
			staffRequest(`/staff/households/${id}/move`, officer, {
				version: await version(),
				toStage: 'initial_visit',
				'businessDate-day': String(Number(today.slice(8, 10))),
				'businessDate-month': String(Number(today.slice(5, 7))),
				'businessDate-year': today.slice(0, 4),
				backdateReason: '',
			}),
			{ id }
		)
		expect(moved.location).toBe(`/staff/households/${id}?done=moved`)
		const afterMove = await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: id } })
		expect(afterMove).toMatchObject({ currentStage: 'initial_visit', initialVisitOn: today })
		expect(afterMove.initialContactDays).toBeGreaterThanOrEqual(0)

		const closed = await runRoute(
			closeRoute.action,
			staffRequest(`/staff/households/${id}/close`, officer, {
				version: await version(),
				endedBy: 'household',
				exitReasonKey: 'circumstances_changed',
				'businessDate-day': String(Number(today.slice(8, 10))),
				'businessDate-month': String(Number(today.slice(5, 7))),
				'businessDate-year': today.slice(0, 4),
				backdateReason: '',
			}),
			{ id }
		)
		expect(closed.status).toBe(303)
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: id } })).toMatchObject({
			status: 'closed',
			exitStage: 'initial_visit',
			exitReasonKey: 'circumstances_changed',
			endedBy: 'household',
			exitedOn: today,
			initialVisitDays: 0,
		})

		// A closure day on 3 November: the day it reached Initial contact no longer counts.
		const manager = await signedInAs('manager', 'Mo Manager')
		await addClosure({ date: '2026-11-03', label: 'Office move' }, manager.staff.id)
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: id } })).toMatchObject({ enquiryDays: 0 })
		// Only the rows spanning that day are rewritten, and no demo household's row is left behind.
		expect(await findFunnelFactDisagreements()).toEqual([])
		await removeClosure('2026-11-03')
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: id } })).toMatchObject({ enquiryDays: 1 })
		expect(await findFunnelFactDisagreements()).toEqual([])
	})
})

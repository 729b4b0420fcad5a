import { nextClockFields, responseClocks, type ClockContext, type ClockTargets } from '~/domain/response-clocks.ts'
import type { RecordedStageEvent } from '~/domain/stage-machine.ts'
import { londonDate, type CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { stageHistory } from './stage-history.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { cachedSetting } from './settings-cache.server.ts'

// The response-time clocks of households, from their stage events (app/domain/response-clocks.ts),
// with the service's targets as they were when each clock started and its closure days. Each
// household row keeps a copy of its nearest deadline (Household.nextClock*), refreshed in the same
// transaction as any change to its events, so the board and lists flag and sort in SQL.

/**
 * The targets' history (each change applies from the London day it was made) and the closure
 * days, kept by each process until either changes (settings-cache.server.ts, ADR 029).
 */
const clockSettings = cachedSetting('clock settings', async () => {
	const [settings, closures] = await Promise.all([
		prisma.targetSetting.findMany({ orderBy: { effectiveFrom: 'asc' } }),
		prisma.serviceClosure.findMany({ select: { date: true } }),
	])
	return {
		history: settings.map((setting) => ({
			from: londonDate(setting.effectiveFrom),
			targets: JSON.parse(setting.targets) as ClockTargets,
		})),
		closures: closures.map((closure) => closure.date),
	}
})

/** The targets history, closure days and today: what every clock computation needs. */
export async function clockContext(): Promise<ClockContext> {
	const [config, { history, closures }] = await Promise.all([getServiceConfig(), clockSettings()])
	const targetsOn = (date: CalendarDate): ClockTargets => {
		let found: ClockTargets | undefined
		for (const entry of history) if (entry.from <= date) found = entry.targets
		return found ?? history[0]?.targets ?? config.targets
	}
	return {
		today: today(),
		targetsOn,
		closures,
		atRiskShare: config.clocks.atRiskPercent / 100,
	}
}

/** The household's clocks today, oldest first. */
export async function householdClocks(householdId: string, db: Prisma.TransactionClient = prisma) {
	const [events, context] = await Promise.all([stageHistory(db, householdId), clockContext()])
	return responseClocks(events, context)
}

/** The household row's copy of its nearest deadline (Household.nextClock*), from its events. */
export function clockFields(events: readonly RecordedStageEvent[], context: ClockContext) {
	return nextClockFields(responseClocks(events, context))
}

/** Writes the household row's copy of its nearest deadline; call inside the change's transaction. */
export async function refreshHouseholdClocks(
	tx: Prisma.TransactionClient,
	householdId: string,
	context?: ClockContext
) {
	const fields = clockFields(await stageHistory(tx, householdId), context ?? (await clockContext()))
	await tx.household.update({ where: { id: householdId }, data: fields, select: { id: true } })
}

/**
 * Refreshes every household still in the pipeline, after something that moves many deadlines at
 * once (closure days changed, demo or imported data loaded). One read of their events, then one
 * update per household whose copy changed.
 */
export async function refreshAllClocks(db: Prisma.TransactionClient = prisma): Promise<number> {
	const context = await clockContext()
	const households = await db.household.findMany({
		where: { status: { not: 'closed' } },
		select: { id: true, nextClockKey: true, nextClockAtRiskOn: true, nextClockDeadline: true },
	})
	const byHousehold = await eventsByHousehold(db, { household: { status: { not: 'closed' } } })
	let changed = 0
	for (const household of households) {
		const fields = clockFields(byHousehold.get(household.id) ?? [], context)
		if (
			fields.nextClockKey === household.nextClockKey &&
			fields.nextClockAtRiskOn === household.nextClockAtRiskOn &&
			fields.nextClockDeadline === household.nextClockDeadline
		) {
			continue
		}
		await db.household.update({ where: { id: household.id }, data: fields, select: { id: true } })
		changed++
	}
	return changed
}

/** The stage events of many households in one read, each household's in recorded order. */
export async function eventsByHousehold(
	db: Prisma.TransactionClient,
	where: Prisma.StageEventWhereInput
): Promise<Map<string, RecordedStageEvent[]>> {
	const events = await db.stageEvent.findMany({
		where,
		orderBy: [{ householdId: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
		select: { householdId: true, kind: true, fromStage: true, toStage: true, businessDate: true, reviewOn: true },
	})
	const byHousehold = new Map<string, RecordedStageEvent[]>()
	for (const event of events) {
		const list = byHousehold.get(event.householdId) ?? []
		list.push(event)
		byHousehold.set(event.householdId, list)
	}
	return byHousehold
}

/**
 * After the upgrade that added the households' deadline copies (their columns start empty), fills
 * them once: when no household has one yet but some are still in the pipeline. `npm start` runs it
 * on every start; once any household has a deadline it does nothing.
 */
export async function fillClocksAfterUpgrade(db: Prisma.TransactionClient = prisma): Promise<number> {
	const started = await db.household.count({ where: { nextClockKey: { not: null } } })
	if (started > 0) return 0
	if ((await db.household.count({ where: { status: { not: 'closed' } } })) === 0) return 0
	return refreshAllClocks(db)
}

import type { ClockTargets } from '~/domain/response-clocks.ts'
import { sameTargets, type ClockSettings } from '~/domain/response-time-settings.ts'
import { londonDate, type CalendarDate } from '~/domain/working-days.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { refreshFunnelFactsAround } from './funnel-facts.server.ts'
import { refreshAllClocks } from './response-clocks.server.ts'
import { getServiceConfig, saveServiceConfig } from './service-settings.server.ts'

// The response-time settings managers keep: the targets (with their history, so a clock keeps
// the target in force on the day it started), the at-risk point and reminder switches, and the
// service's closure days. Anything that can move a deadline refreshes every household's copy of
// its nearest deadline (Household.nextClock*), so the board's flags stay right.

export const HISTORY_PAGE_SIZE = 10
export const CLOSURES_PAGE_SIZE = 25

/** The targets' history, newest first, a page at a time, with who made each change. */
export async function targetHistory(requestedPage = 1) {
	const total = await prisma.targetSetting.count()
	const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))
	const page = Math.min(Math.max(1, requestedPage), pages)
	const rows = await prisma.targetSetting.findMany({
		orderBy: [{ effectiveFrom: 'desc' }, { createdAt: 'desc' }],
		skip: (page - 1) * HISTORY_PAGE_SIZE,
		take: HISTORY_PAGE_SIZE,
	})
	const ids = rows.map((row) => row.createdById).filter((id): id is string => id !== null)
	const people = await prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
	const names = new Map(people.map((person) => [person.id, person.name]))
	return {
		page,
		pages,
		entries: rows.map((row) => ({
			id: row.id,
			// The first row holds the targets from before the first change (effective from 1970).
			original: row.effectiveFrom.getTime() === 0,
			effectiveFrom: row.effectiveFrom.toISOString(),
			// A change applies to clocks started from its London day on (clockContext's targetsOn).
			appliesFrom: londonDate(row.effectiveFrom),
			changedBy: row.createdById ? (names.get(row.createdById) ?? 'A former member of staff') : null,
			targets: JSON.parse(row.targets) as ClockTargets,
		})),
	}
}

/**
 * Saves new targets from now on. The history gets a row for the change and, before the first
 * change, one holding the targets until now, so clocks already running keep them. Returns false
 * when nothing changed.
 */
export async function saveClockTargets(targets: ClockTargets, actorId: string): Promise<boolean> {
	const config = await getServiceConfig()
	if (sameTargets(config.targets, targets)) return false
	await prisma.$transaction(async (tx) => {
		if ((await tx.targetSetting.count()) === 0) {
			await tx.targetSetting.create({ data: { effectiveFrom: new Date(0), targets: JSON.stringify(config.targets) } })
		}
		await tx.targetSetting.create({
			data: { effectiveFrom: now(), targets: JSON.stringify(targets), createdById: actorId },
		})
		await saveServiceConfig({ ...config, targets }, tx)
	})
	// Clocks started today take the new targets, and with them their deadlines.
	await refreshAllClocks()
	return true
}

export async function saveClockSettings(clocks: ClockSettings) {
	const config = await getServiceConfig()
	await saveServiceConfig({ ...config, clocks })
	// The at-risk point moves every running clock's at-risk day.
	if (clocks.atRiskPercent !== config.clocks.atRiskPercent) await refreshAllClocks()
}

export async function closureDates(): Promise<Set<CalendarDate>> {
	const rows = await prisma.serviceClosure.findMany({ select: { date: true } })
	return new Set(rows.map((row) => row.date))
}

/** The closure days, latest first (the coming ones at the top), a page at a time. */
export async function listClosures(requestedPage = 1) {
	const total = await prisma.serviceClosure.count()
	const pages = Math.max(1, Math.ceil(total / CLOSURES_PAGE_SIZE))
	const page = Math.min(Math.max(1, requestedPage), pages)
	const closures = await prisma.serviceClosure.findMany({
		orderBy: { date: 'desc' },
		skip: (page - 1) * CLOSURES_PAGE_SIZE,
		take: CLOSURES_PAGE_SIZE,
		select: { date: true, label: true },
	})
	return { closures, total, page, pages }
}

/** Adds a closure day; false when the day is one already (two managers adding it at once). */
export async function addClosure(input: { date: CalendarDate; label: string }, actorId: string): Promise<boolean> {
	try {
		await prisma.serviceClosure.create({ data: { ...input, createdById: actorId } })
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false
		throw error
	}
	await refreshAllClocks()
	// Time in stage is counted in working days: a closure day changes it.
	await refreshFunnelFactsAround(input.date)
	return true
}

export async function removeClosure(date: CalendarDate): Promise<boolean> {
	const { count } = await prisma.serviceClosure.deleteMany({ where: { date } })
	if (count > 0) {
		await refreshAllClocks()
		await refreshFunnelFactsAround(date)
	}
	return count > 0
}

import crypto from 'node:crypto'
import { DIGEST_ROLES, digestDue, digestItems, reminderDue, type ReminderLevel } from '~/domain/reminders.ts'
import { CLOCK_LABELS, responseClocks, type Clock, type ClockKey } from '~/domain/response-clocks.ts'
import { formatLongDate, londonDate, type CalendarDate } from '~/domain/working-days.ts'
import { Prisma, type PrismaClient } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { renderClockReminder, type ClockReminderItem } from '../../emails/clock-reminder.ts'
import { renderMorningDigest } from '../../emails/morning-digest.ts'
import { clockContext, eventsByHousehold } from './response-clocks.server.ts'
import { enqueueEmail } from './outbox.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'

// What the scheduler does each run (app/integrations/scheduler.server.ts), with the rules of what
// is due in app/domain/reminders.ts. Exactly once: every reminder first inserts its row
// (ClockReminder, unique per household, clock, the day the clock started and level; DailyDigest,
// unique per person and day) with ON CONFLICT DO NOTHING ... RETURNING, and enqueues its email in
// the same transaction only for the rows it inserted. Two schedulers racing both try; SQLite lets
// one write at a time, so the second finds the rows there and sends nothing.
//
// Dates are compared as text: Prisma's SQLite adapter stores and binds every DateTime as an ISO
// 8601 string in UTC, which sorts in time order (see app/models/outbox.server.ts).

/** A database the scheduler can use: the process's client, or a second connection in tests. */
export type SchedulerDb = Pick<PrismaClient, '$transaction' | '$queryRaw' | '$executeRaw'> & Prisma.TransactionClient

const LEASE_NAME = 'scheduler'

/**
 * Takes or renews the scheduler's lease until now + leaseMs, in one statement: it succeeds when
 * nobody holds it, its holder's time has run out, or `holder` holds it already.
 */
export async function takeSchedulerLease(
	db: SchedulerDb,
	input: { holder: string; now: Date; leaseMs: number }
): Promise<boolean> {
	const expiresAt = new Date(input.now.getTime() + input.leaseMs)
	const rows = await db.$queryRaw<{ holder: string }[]>`
		INSERT INTO "SchedulerLease" ("name", "holder", "expiresAt") VALUES (${LEASE_NAME}, ${input.holder}, ${expiresAt})
		ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
		WHERE "SchedulerLease"."expiresAt" < ${input.now} OR "SchedulerLease"."holder" = excluded."holder"
		RETURNING "holder"`
	return rows.length === 1
}

/** Gives the lease up (the process is stopping), so another server can take over at once. */
export async function releaseSchedulerLease(db: SchedulerDb, holder: string) {
	await db.$executeRaw`
		UPDATE "SchedulerLease" SET "expiresAt" = ${new Date(0)} WHERE "name" = ${LEASE_NAME} AND "holder" = ${holder}`
}

type Candidate = {
	id: string
	reference: string
	displayName: string
	ownerId: string | null
	nextClockKey: string
	nextClockDeadline: string
}

type Due = { household: Candidate; clock: Clock; level: ReminderLevel }

const householdUrl = (id: string) => siteUrl(`/staff/households/${id}`)

function reminderItem(due: Due): ClockReminderItem {
	return {
		displayName: due.household.displayName,
		reference: due.household.reference,
		due: CLOCK_LABELS[due.clock.key],
		deadline: formatLongDate(due.clock.deadline!),
		url: householdUrl(due.household.id),
	}
}

/**
 * At-risk reminders to owners and overdue escalations to managers, for households whose nearest
 * clock is at risk or overdue at `now`. One email per recipient per run lists every household
 * newly at that point. Returns how many clocks were reminded about at each level.
 */
export async function sendClockReminders(
	db: SchedulerDb,
	input: { now: Date }
): Promise<{ atRisk: number; overdue: number }> {
	const config = await getServiceConfig()
	const switches = config.clocks
	if (!switches.remindAtRisk && !switches.escalateOverdue) return { atRisk: 0, overdue: 0 }
	const today = londonDate(input.now)

	// The row copies narrow it down in SQL: open households whose nearest clock is at risk or
	// overdue, leaving out those reminded at this level since their last stage change (the same
	// clock, then, so the unique row would refuse it anyway; this only keeps each run cheap).
	const level = Prisma.sql`CASE WHEN h."nextClockDeadline" < ${today} THEN 'overdue' ELSE 'at_risk' END`
	const kinds = [
		switches.remindAtRisk ? Prisma.sql`(h."nextClockDeadline" >= ${today} AND h."ownerId" IS NOT NULL)` : null,
		switches.escalateOverdue ? Prisma.sql`h."nextClockDeadline" < ${today}` : null,
	].filter((kind): kind is Prisma.Sql => kind !== null)
	const candidates = await db.$queryRaw<Candidate[]>`
		SELECT h."id", h."reference", h."displayName", h."ownerId", h."nextClockKey", h."nextClockDeadline"
		FROM "Household" h
		WHERE h."status" = 'open' AND h."nextClockKey" IS NOT NULL AND h."nextClockAtRiskOn" <= ${today}
			AND (${Prisma.join(kinds, ' OR ')})
			AND NOT EXISTS (
				SELECT 1 FROM "ClockReminder" r
				WHERE r."householdId" = h."id" AND r."clockKey" = h."nextClockKey" AND r."level" = ${level}
					AND r."sentAt" >= (SELECT MAX(e."recordedAt") FROM "StageEvent" e WHERE e."householdId" = h."id")
			)`
	if (candidates.length === 0) return { atRisk: 0, overdue: 0 }

	// The clocks themselves, from the events, for the day each clock started (the unique key).
	const context = { ...(await clockContext()), today }
	const events = await eventsByHousehold(db, { householdId: { in: candidates.map((candidate) => candidate.id) } })
	const due: Due[] = []
	for (const household of candidates) {
		const clocks = responseClocks(events.get(household.id) ?? [], context)
		const reminder = reminderDue(clocks, switches, household.ownerId !== null)
		if (reminder) due.push({ household, ...reminder })
	}

	let atRisk = 0
	const atRiskByOwner = new Map<string, Due[]>()
	for (const item of due.filter((one) => one.level === 'at_risk')) {
		const list = atRiskByOwner.get(item.household.ownerId!) ?? []
		list.push(item)
		atRiskByOwner.set(item.household.ownerId!, list)
	}
	const owners = await db.staffUser.findMany({
		where: { id: { in: [...atRiskByOwner.keys()] }, disabledAt: null },
		select: { id: true, name: true, email: true },
	})
	for (const owner of owners) {
		atRisk += await remindOnce(db, atRiskByOwner.get(owner.id)!, 'at_risk', input.now, (sent) => [
			{
				to: owner.email,
				...renderClockReminder({
					level: 'at_risk',
					recipientName: owner.name,
					items: sent.map((one) => reminderItem(one)),
					serviceName: config.serviceName,
				}),
			},
		])
	}

	let overdue = 0
	const overdueItems = due.filter((one) => one.level === 'overdue')
	if (overdueItems.length > 0) {
		const managers = await db.staffUser.findMany({
			where: { role: 'manager', disabledAt: null },
			select: { name: true, email: true },
			orderBy: { email: 'asc' },
		})
		// With no manager to tell, nothing is recorded, so the first manager added hears of it.
		if (managers.length > 0) {
			overdue = await remindOnce(db, overdueItems, 'overdue', input.now, (sent) =>
				managers.map((manager) => ({
					to: manager.email,
					...renderClockReminder({
						level: 'overdue',
						recipientName: manager.name,
						items: sent.map((one) => reminderItem(one)),
						serviceName: config.serviceName,
					}),
				}))
			)
		}
	}
	return { atRisk, overdue }
}

/**
 * Records the reminders and enqueues their emails in one transaction. Only the rows this call
 * inserted are in the emails: a clock another scheduler reminded about first is left out.
 */
async function remindOnce(
	db: SchedulerDb,
	items: Due[],
	level: ReminderLevel,
	now: Date,
	emails: (sent: Due[]) => { to: string; subject: string; html: string; text: string }[]
): Promise<number> {
	return db.$transaction(async (tx) => {
		// The insert comes first, so the transaction takes SQLite's write lock before it reads.
		const values = items.map(
			(item) =>
				Prisma.sql`(${crypto.randomUUID()}, ${item.household.id}, ${item.clock.key}, ${
					item.clock.startedOn
				}, ${level}, ${now})`
		)
		const inserted = await tx.$queryRaw<{ householdId: string; clockKey: ClockKey; clockStartedOn: CalendarDate }[]>`
			INSERT INTO "ClockReminder" ("id", "householdId", "clockKey", "clockStartedOn", "level", "sentAt")
			VALUES ${Prisma.join(values)}
			ON CONFLICT DO NOTHING
			RETURNING "householdId", "clockKey", "clockStartedOn"`
		const mine = new Set(inserted.map((row) => `${row.householdId} ${row.clockKey} ${row.clockStartedOn}`))
		const sent = items.filter((item) => mine.has(`${item.household.id} ${item.clock.key} ${item.clock.startedOn}`))
		if (sent.length === 0) return 0
		for (const email of emails(sent)) {
			await enqueueEmail(tx, {
				template: level === 'at_risk' ? 'clock-at-risk' : 'clock-overdue',
				...email,
				// The household's timeline shows the email when it is about one household.
				householdId: sent.length === 1 ? sent[0]!.household.id : null,
			})
		}
		return sent.length
	})
}

/**
 * The morning digest: from 08:00 London on a working day, once per member of staff per day, to
 * each one who owns households whose deadlines fall today or have passed. Returns how many went.
 */
export async function sendMorningDigests(db: SchedulerDb, input: { now: Date }): Promise<number> {
	const config = await getServiceConfig()
	const context = await clockContext()
	if (!digestDue(input.now, context.closures, config.clocks)) return 0
	const today = londonDate(input.now)
	const sentToday = await db.dailyDigest.findMany({ where: { date: today }, select: { userId: true } })
	const households = await db.household.findMany({
		where: {
			status: 'open',
			nextClockDeadline: { lte: today },
			ownerId: { notIn: sentToday.map((digest) => digest.userId) },
			owner: { disabledAt: null, role: { in: [...DIGEST_ROLES] } },
		},
		select: {
			id: true,
			displayName: true,
			reference: true,
			nextClockKey: true,
			nextClockDeadline: true,
			owner: { select: { id: true, name: true, email: true } },
		},
	})
	const byOwner = new Map<string, typeof households>()
	for (const household of households) {
		const list = byOwner.get(household.owner!.id) ?? []
		list.push(household)
		byOwner.set(household.owner!.id, list)
	}

	let sent = 0
	for (const list of byOwner.values()) {
		const owner = list[0]!.owner!
		const items = digestItems(list, today)
		if (items.length === 0) continue
		const email = renderMorningDigest({
			recipientName: owner.name,
			date: formatLongDate(today),
			entries: items.map((item) => ({
				displayName: item.displayName,
				reference: item.reference,
				due: CLOCK_LABELS[item.clockKey],
				deadline: formatLongDate(item.deadline),
				overdue: item.overdue,
				url: householdUrl(item.householdId),
			})),
			serviceName: config.serviceName,
		})
		sent += await db.$transaction(async (tx) => {
			const inserted = await tx.$queryRaw<{ userId: string }[]>`
				INSERT INTO "DailyDigest" ("userId", "date", "sentAt") VALUES (${owner.id}, ${today}, ${input.now})
				ON CONFLICT DO NOTHING
				RETURNING "userId"`
			if (inserted.length === 0) return 0
			await enqueueEmail(tx, { template: 'morning-digest', to: owner.email, ...email })
			return 1
		})
	}
	return sent
}

/** The process's own database, for the scheduler in the server. */
export const schedulerDb: SchedulerDb = prisma

import crypto from 'node:crypto'
import {
	releaseSchedulerLease,
	schedulerDb,
	sendClockReminders,
	sendMorningDigests,
	takeSchedulerLease,
	type SchedulerDb,
} from '~/models/clock-reminders.server.ts'
import { earnDuePlacementMilestones } from '~/models/bonus-milestones.server.ts'
import { deleteExpiredQuarantine } from '~/models/quarantine.server.ts'
import { londonDate } from '~/domain/working-days.ts'
import { now as clockNow } from '~/utils/clock.server.ts'
import { wakeOutbox } from './outbox-worker.server.ts'

// The scheduler inside the server: every minute it sends the response-time reminders, the
// escalations and the morning digest that are due (app/models/clock-reminders.server.ts), earns the
// referral bonuses of placements that have lasted long enough, and deletes the enquiries the spam
// trap held back that nobody released within 30 days (docs/decisions/016). Every
// server process starts one, and they share the work through a lease in the database: only the
// process holding it runs, renewing it each minute; when that process stops (or dies), another
// takes over once the lease has run out. Reminders are exactly-once by their own unique rows, so
// even two schedulers running at once (a lease taken over mid-run) cannot send one twice.

export const SCHEDULER_INTERVAL_MS = 60_000
/** Long enough to outlast a run and a missed beat, short enough for a quick takeover. */
export const SCHEDULER_LEASE_MS = 120_000

export type SchedulerRun = {
	atRisk: number
	overdue: number
	digests: number
	placementBonuses: number
	heldBackDeleted: number
}

/**
 * One run: takes (or renews) the lease as `holder` and, holding it, sends what is due at `now`.
 * Returns null when another process holds the lease.
 */
export async function runScheduler(input: {
	now: Date
	holder: string
	db?: SchedulerDb
	leaseMs?: number
}): Promise<SchedulerRun | null> {
	const db = input.db ?? schedulerDb
	const leased = await takeSchedulerLease(db, {
		holder: input.holder,
		now: input.now,
		leaseMs: input.leaseMs ?? SCHEDULER_LEASE_MS,
	})
	if (!leased) return null
	const reminders = await sendClockReminders(db, { now: input.now })
	const digests = await sendMorningDigests(db, { now: input.now })
	// Placement bonuses are earned by time passing (a placement reaching its qualifying weeks).
	const placementBonuses = await earnDuePlacementMilestones(londonDate(input.now))
	// Personal data kept no longer than it is needed: nobody released these in time.
	const heldBackDeleted = await deleteExpiredQuarantine(input.now)
	return { ...reminders, digests, placementBonuses, heldBackDeleted }
}

export type Scheduler = { stop(): Promise<void> }

export function startScheduler(
	options: {
		intervalMs?: number
		now?: () => Date
		logger?: Pick<Console, 'error'>
	} = {}
): Scheduler {
	const intervalMs = options.intervalMs ?? SCHEDULER_INTERVAL_MS
	const now = options.now ?? clockNow
	const logger = options.logger ?? console
	// A fresh id per process: a restarted server waits for its old lease to run out like any other.
	const holder = crypto.randomUUID()
	let stopped = false
	let timer: NodeJS.Timeout | undefined
	let inFlight: Promise<void> | undefined

	function schedule(delayMs: number) {
		if (stopped) return
		timer = setTimeout(run, delayMs)
		timer.unref()
	}

	function run() {
		inFlight = runScheduler({ now: now(), holder })
			.then((result) => {
				if (result && result.atRisk + result.overdue + result.digests > 0) wakeOutbox()
			})
			// Usually the database was busy; the next run tries again, and nothing was half sent.
			.catch((error: unknown) => logger.error('Scheduler: run failed, trying again next minute', error))
			.finally(() => {
				inFlight = undefined
				schedule(intervalMs)
			})
	}

	// A first run soon after start-up, not at once: the server has other things to do first.
	schedule(Math.min(5_000, intervalMs))
	return {
		async stop() {
			stopped = true
			clearTimeout(timer)
			await inFlight
			await releaseSchedulerLease(schedulerDb, holder).catch(() => undefined)
		},
	}
}

import { nearestRunningClock, type Clock, type ClockKey } from './response-clocks.ts'
import type { StaffRole } from './staff.ts'
import { isWorkingDay, londonDate, londonInstant, type CalendarDate, type Closures } from './working-days.ts'

// What the scheduler (app/integrations/scheduler.server.ts) should send, and when, with no
// database or clock of its own:
// - an at-risk reminder to the owner when a household's nearest clock goes at risk;
// - an escalation to the managers when it goes overdue;
// - a morning digest, from 08:00 London time on working days, to each member of staff whose
//   households have deadlines today or overdue.
// Each reminder goes once per clock (household, clock, the day it started) and level; the
// database's unique rows make sure of that, this module only says what is due.

export type ReminderLevel = 'at_risk' | 'overdue'

/** Which kinds the service has switched on (ServiceConfig.clocks). */
export type ReminderSwitches = { remindAtRisk: boolean; escalateOverdue: boolean; morningDigest: boolean }

export const REMINDER_KINDS: readonly { key: keyof ReminderSwitches; label: string; hint: string }[] = [
	{
		key: 'remindAtRisk',
		label: 'Remind the owner when a deadline is at risk',
		hint: 'One email to the household’s owner when its nearest deadline goes at risk.',
	},
	{
		key: 'escalateOverdue',
		label: 'Tell the managers when a deadline is missed',
		hint: 'One email to every manager when a household’s nearest deadline has passed.',
	},
	{
		key: 'morningDigest',
		label: 'Send a morning digest',
		hint: 'At 8am on working days, each member of staff gets a list of their households due today or overdue.',
	},
]

/** Who owns households and so gets a morning digest (read-only staff and administrators do not). */
export const DIGEST_ROLES: readonly StaffRole[] = ['manager', 'officer', 'social_worker']

/** London wall-clock time from which the morning digest goes. */
export const DIGEST_TIME = '08:00'

/**
 * The reminder a household's clocks call for today: its nearest running clock, when at risk (and
 * someone owns the household to remind) or overdue, and that kind is switched on.
 */
export function reminderDue(
	clocks: readonly Clock[],
	switches: ReminderSwitches,
	hasOwner: boolean
): { clock: Clock; level: ReminderLevel } | null {
	const clock = nearestRunningClock(clocks)
	if (!clock) return null
	if (clock.status === 'at_risk' && switches.remindAtRisk && hasOwner) return { clock, level: 'at_risk' }
	if (clock.status === 'overdue' && switches.escalateOverdue) return { clock, level: 'overdue' }
	return null
}

/** Whether the morning digest is due at this instant: 08:00 London or later, on a working day. */
export function digestDue(now: Date, closures: Closures | undefined, switches: ReminderSwitches): boolean {
	if (!switches.morningDigest) return false
	const day = londonDate(now)
	return isWorkingDay(day, closures) && now.getTime() >= londonInstant(day, DIGEST_TIME).getTime()
}

export type DigestHousehold = {
	id: string
	displayName: string
	reference: string
	nextClockKey: string | null
	nextClockDeadline: CalendarDate | null
}

export type DigestItem = {
	householdId: string
	displayName: string
	reference: string
	clockKey: ClockKey
	deadline: CalendarDate
	overdue: boolean
}

/** The households in a digest: deadlines today or past, the longest overdue first. */
export function digestItems(households: readonly DigestHousehold[], today: CalendarDate): DigestItem[] {
	return households
		.filter(
			(household) => household.nextClockKey && household.nextClockDeadline && household.nextClockDeadline <= today
		)
		.map((household) => ({
			householdId: household.id,
			displayName: household.displayName,
			reference: household.reference,
			clockKey: household.nextClockKey as ClockKey,
			deadline: household.nextClockDeadline!,
			overdue: household.nextClockDeadline! < today,
		}))
		.sort((a, b) =>
			a.deadline !== b.deadline ? (a.deadline < b.deadline ? -1 : 1) : a.reference < b.reference ? -1 : 1
		)
}

import { isPersonalContact } from '~/domain/household-forms.ts'
import {
	CLOCK_KEYS,
	CLOCK_LABELS,
	STATUTORY_PANEL_MONTHS,
	responseClocks,
	type ClockKey,
	type ClockTargets,
} from '~/domain/response-clocks.ts'
import {
	BREACHES_PAGE_SIZE,
	breachesOf,
	byGroup,
	byWeek,
	startedIn,
	summarise,
	toReportClock,
	weeklySentence,
	type BreachRow,
	type ClockReport,
	type Group,
	type ReportClock,
	type ReportQuery,
	type Summary,
} from '~/domain/response-report.ts'
import type { RecordedStageEvent } from '~/domain/stage-machine.ts'
import { workingHoursBetween } from '~/domain/working-hours.ts'
import { londonBounds } from '~/domain/report-period.ts'
import { londonDate, londonInstant, type CalendarDate } from '~/domain/working-days.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { clockContext } from './response-clocks.server.ts'

// The response-time report (/staff/reports/response-times): every clock started in the period,
// worked out from the households' stage events (no clock is stored), then summed up by the pure
// rules in app/domain/response-report.ts.
//
// Which households: those of the route with a stage event dated in the period. A clock starts
// only with an event (entering a stage, the last Stage 1 check), so no clock started in the period
// is missed; each household's whole history is read, so holds and restarts before the period are
// counted as the household record counts them.
//
// First contact in working hours: from the enquiry received on the day the clock started (the
// earliest that day; else 12:00 London on that day, e.g. an imported household) to the first
// answered call or visit on the day Initial contact was recorded (else 12:00 London that day).
//
// The officer a first contact counts against: the member of staff who recorded Initial contact;
// for a contact still awaited, or one recorded without a name (an import), the household's owner.

export type ResponseReport = {
	firstContact: {
		overall: Summary
		weeks: Group[]
		channels: Group[]
		/** Null for staff who may not see people's names. */
		officers: Group[] | null
		sentence: string
	}
	clocks: ClockReport[]
	/** Null for staff who may not see households. */
	breaches: { total: number; page: number; pages: number; rows: BreachRow[] } | null
}

const SELECTED_EVENTS = {
	kind: true,
	fromStage: true,
	toStage: true,
	businessDate: true,
	reviewOn: true,
	actorId: true,
	householdId: true,
} as const

type LoadedEvent = RecordedStageEvent & { householdId: string; actorId: string | null }

function groupByHousehold<T extends { householdId: string }>(rows: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>()
	for (const row of rows) {
		const list = map.get(row.householdId)
		if (list) list.push(row)
		else map.set(row.householdId, [row])
	}
	return map
}

function targetWords(key: ClockKey, targets: ClockTargets): string {
	const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`
	switch (key) {
		case 'first_contact':
			return days(targets.firstContactWorkingDays)
		case 'initial_visit':
			return days(targets.initialVisitWorkingDays)
		case 'stage_1_decision':
			return days(targets.stage1DecisionWorkingDays)
		case 'application_to_panel':
			return `${targets.applicationToPanelMonths} months (the law: ${STATUTORY_PANEL_MONTHS} months)`
		case 'panel_to_decision':
			return days(targets.panelToDecisionWorkingDays)
	}
}

/** Every clock started in the period on the route, as the report counts them. */
export async function reportClocks(query: Pick<ReportQuery, 'period' | 'route'>) {
	const { period, route } = query
	const households = { route, stageEvents: { some: { businessDate: { gte: period.from, lte: period.to } } } }
	const { gte: earliest, lt: latest } = londonBounds(period)
	const [context, rows, events, enquiries, contacts] = await Promise.all([
		clockContext(),
		prisma.household.findMany({
			where: households,
			select: { id: true, reference: true, displayName: true, ownerId: true, channelId: true },
		}),
		prisma.stageEvent.findMany({
			where: { household: households },
			orderBy: [{ householdId: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
			select: SELECTED_EVENTS,
		}),
		// Only enquiries and contacts that can start or end a clock started in the period.
		prisma.enquiry.findMany({
			where: { household: households, receivedAt: { gte: earliest, lt: latest } },
			select: { householdId: true, receivedAt: true },
		}),
		prisma.contactAttempt.findMany({
			where: {
				household: households,
				method: { in: ['call', 'visit'] },
				outcome: 'answered',
				occurredAt: { gte: earliest },
			},
			select: { householdId: true, occurredAt: true, method: true, outcome: true },
		}),
	])
	// One set of closure days for every clock, not a new one per deadline.
	const closures = new Set(context.closures ?? [])
	const shared = { ...context, closures }
	const eventsOf = groupByHousehold<LoadedEvent>(events)
	const enquiriesOf = groupByHousehold(enquiries)
	const contactsOf = groupByHousehold(contacts.filter((contact) => isPersonalContact(contact.method, contact.outcome)))

	const clocks: ReportClock[] = []
	for (const household of rows) {
		const history = eventsOf.get(household.id) ?? []
		for (const clock of responseClocks(history, shared)) {
			if (!startedIn(clock, period)) continue
			let officerId = household.ownerId
			let workingHours: number | null = null
			if (clock.key === 'first_contact' && clock.endedOn && (clock.status === 'met' || clock.status === 'missed')) {
				const recordedBy = history.findLast(
					(event) =>
						(event.kind === 'entered' || event.kind === 'reopen') &&
						event.toStage === 'initial_contact' &&
						event.businessDate === clock.endedOn
				)?.actorId
				officerId = recordedBy ?? household.ownerId
				const start = earliestOn(enquiriesOf.get(household.id), (row) => row.receivedAt, clock.startedOn)
				const end = earliestOn(contactsOf.get(household.id), (row) => row.occurredAt, clock.endedOn, start)
				workingHours = workingHoursBetween(start, end, closures)
			}
			clocks.push(
				toReportClock(
					clock,
					{ householdId: household.id, officerId, channelId: household.channelId, workingHours },
					context.today
				)
			)
		}
	}
	return { clocks, households: new Map(rows.map((row) => [row.id, row])), context }
}

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

const noons = new Map<CalendarDate, Date>()
/** 12:00 London on a day: when a contact or enquiry has no time recorded. Remembered (see opensAt). */
function londonNoon(day: CalendarDate): Date {
	let noon = noons.get(day)
	if (!noon) {
		if (noons.size >= 10_000) noons.clear()
		noon = londonInstant(day, '12:00')
		noons.set(day, noon)
	}
	return noon
}

/** The earliest instant on a London day (not before `notBefore`), or 12:00 London that day. */
function earliestOn<T>(
	rows: readonly T[] | undefined,
	instantOf: (row: T) => Date,
	day: CalendarDate,
	notBefore?: Date
): Date {
	// A London day lies within an hour of the UTC day: compare numbers first, so the (slow)
	// time zone conversion runs only for the few rows near the day.
	const utcMidnight = Date.parse(`${day}T00:00:00Z`)
	let earliest: Date | null = null
	for (const row of rows ?? []) {
		const instant = instantOf(row)
		const ms = instant.getTime()
		if (ms < utcMidnight - HOUR_MS || ms >= utcMidnight + DAY_MS) continue
		if (londonDate(instant) !== day || (notBefore && instant < notBefore)) continue
		if (!earliest || instant < earliest) earliest = instant
	}
	return earliest ?? londonNoon(day)
}

/**
 * The report for a period and route. `personal`: whether the reader may see people (the breach
 * list of households, and figures by named officer); read-only staff get the aggregates only.
 * `breachesPage`: which page of breaches, or 'all' (the CSV).
 */
export async function loadResponseReport(
	query: Pick<ReportQuery, 'period' | 'route'>,
	options: { personal: boolean; breachesPage: number | 'all' }
): Promise<ResponseReport> {
	const { clocks, households, context } = await reportClocks(query)
	const [channels, staff] = await Promise.all([
		prisma.channel.findMany({ select: { id: true, label: true } }),
		options.personal ? prisma.staffUser.findMany({ select: { id: true, name: true } }) : [],
	])
	const firstContacts = clocks.filter((clock) => clock.key === 'first_contact')
	const overall = summarise(firstContacts)
	const weeks = byWeek(firstContacts, query.period)
	const targets = context.targetsOn(query.period.to)

	let breaches: ResponseReport['breaches'] = null
	if (options.personal) {
		const all = breachesOf(clocks)
		const pages = Math.max(1, Math.ceil(all.length / BREACHES_PAGE_SIZE))
		const page = options.breachesPage === 'all' ? 1 : Math.min(options.breachesPage, pages)
		const shown =
			options.breachesPage === 'all' ? all : all.slice((page - 1) * BREACHES_PAGE_SIZE, page * BREACHES_PAGE_SIZE)
		breaches = {
			total: all.length,
			page,
			pages: options.breachesPage === 'all' ? 1 : pages,
			rows: shown.map((clock) => {
				const household = households.get(clock.householdId)!
				return {
					householdId: clock.householdId,
					reference: household.reference,
					name: household.displayName || household.reference,
					clock: CLOCK_LABELS[clock.key],
					status: clock.status as 'missed' | 'overdue',
					startedOn: clock.startedOn,
					deadline: clock.deadline!,
					endedOn: clock.endedOn,
					daysLate: clock.daysLate!,
				}
			}),
		}
	}

	return {
		firstContact: {
			overall,
			weeks,
			channels: byGroup(
				firstContacts,
				(clock) => clock.channelId,
				new Map(channels.map((c) => [c.id, c.label])),
				'Not known'
			),
			officers: options.personal
				? byGroup(firstContacts, (clock) => clock.officerId, new Map(staff.map((s) => [s.id, s.name])), 'Nobody')
				: null,
			sentence: weeklySentence(weeks, overall),
		},
		clocks: CLOCK_KEYS.map((key) => {
			const ofKey = clocks.filter((clock) => clock.key === key)
			return {
				key,
				label: CLOCK_LABELS[key],
				target: targetWords(key, targets),
				unit: key === 'application_to_panel' ? 'days' : 'working_days',
				summary: summarise(ofKey),
			}
		}),
		breaches,
	}
}

/** The breaches CSV holds households' names: each one exported is in its audit log. */
export async function recordBreachesExport(actorId: string, householdIds: readonly string[]) {
	await recordAudit(
		prisma,
		[...new Set(householdIds)].map((householdId) => ({
			actorId,
			householdId,
			action: 'exported' as const,
			detail: 'Exported in the response-time breaches (CSV)',
		}))
	)
}

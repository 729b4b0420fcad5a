import { beforeAll, describe, expect, test } from 'vitest'
import { calendarDaysBetween } from '~/domain/working-days.ts'
import { createHousehold, createStaff, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The response-time report against a real database: households enquiring at known dates and
// times in a fortnight of January 2026, whose shares, medians and breaches are worked out by hand
// below. Targets are the defaults (first contact 1 working day, initial visit 10).

const { prisma } = await import('~/utils/db.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const report = await import('~/routes/staff+/_reports+/reports.response-times.tsx')
const csv = await import('~/routes/staff+/_reports+/reports.response-times[.]csv.ts')

/** The parts of the report's groups and breaches these tests read. */
type Group = { key: string; label: string; summary: { within: number; counted: number } }
type Breach = { name: string; clock: string; status: string; deadline: string; daysLate: number }

const PERIOD = 'from-day=5&from-month=1&from-year=2026&to-day=18&to-month=1&to-year=2026'
const path = (extra = '') => `/staff/reports/response-times?${PERIOD}${extra}`

let manager: SignedIn
let olu: Awaited<ReturnType<typeof createStaff>>
let pat: Awaited<ReturnType<typeof createStaff>>
const ids: Record<string, string> = {}

async function event(householdId: string, toStage: string, businessDate: string, actorId?: string, kind = 'entered') {
	await prisma.stageEvent.create({
		data: { householdId, kind, toStage, businessDate, actorId, recordedAt: new Date(`${businessDate}T16:00:00Z`) },
	})
}

async function answeredCall(householdId: string, occurredAt: string, actorId: string) {
	await prisma.contactAttempt.create({
		data: { householdId, method: 'call', outcome: 'answered', occurredAt: new Date(occurredAt), actorId },
	})
}

beforeAll(async () => {
	manager = await signedInAs('manager', 'Mina Manager')
	olu = await createStaff('officer', 'Olu Officer')
	pat = await createStaff('officer', 'Pat Person')
	const add = async (key: string, options: Parameters<typeof createHousehold>[0]) => {
		ids[key] = (await createHousehold(options)).id
	}
	// Every enquiry arrives at 10:00 London (createHousehold), January is GMT.
	// A: Monday 5th, answered 14:00 the same day, recorded by Olu. Met: 0 working days, 4 hours.
	await add('A', { firstName: 'Ada', lastName: 'Able', enquiredOn: '2026-01-05', channel: 'search' })
	await answeredCall(ids.A!, '2026-01-05T14:00:00Z', olu.id)
	await event(ids.A!, 'initial_contact', '2026-01-05', olu.id)
	// ...and the initial visit a week later: 5 working days (6, 7, 8, 9, 12 January), met.
	await event(ids.A!, 'initial_visit', '2026-01-12', olu.id)
	// B: Tuesday 6th, contact recorded Wednesday 7th by Pat with no call time, so midday:
	// 7 hours Tuesday + 3 Wednesday = 10 hours, 1 working day. Met. Its initial visit never happens.
	await add('B', { firstName: 'Bea', lastName: 'Bright', enquiredOn: '2026-01-06', channel: 'search', ownerId: pat.id })
	await event(ids.B!, 'initial_contact', '2026-01-07', pat.id)
	// C: Friday 9th, answered Tuesday 13th at 09:30 by Olu: deadline Monday 12th, missed by 1 day.
	// 7 hours Friday + 8 Monday + 0.5 Tuesday = 15.5 hours, 2 working days.
	await add('C', { firstName: 'Cal', lastName: 'Cross', enquiredOn: '2026-01-09', channel: 'radio' })
	await answeredCall(ids.C!, '2026-01-13T09:30:00Z', olu.id)
	await event(ids.C!, 'initial_contact', '2026-01-13', olu.id)
	// D: Monday 12th, never contacted: running past its deadline (Tuesday 13th). Owner Pat.
	await add('D', { firstName: 'Dee', lastName: 'Delay', enquiredOn: '2026-01-12', channel: 'radio', ownerId: pat.id })
	// E: Wednesday 14th, withdrew the same day: stopped, not counted.
	await add('E', { firstName: 'Eve', lastName: 'Exit', enquiredOn: '2026-01-14', channel: 'search' })
	await event(ids.E!, 'enquiry', '2026-01-14', undefined, 'exit')
	// Kinship, met within the period: only in the kinship report.
	await add('K', { firstName: 'Kit', lastName: 'Kin', enquiredOn: '2026-01-07', route: 'kinship' })
	await event(ids.K!, 'initial_contact', '2026-01-07', olu.id)
	// After the period.
	await add('late', { firstName: 'Lou', lastName: 'Later', enquiredOn: '2026-01-20' })
	// Approved within the period: only its panel-to-decision clock (panel 7th, approved 8th, 1
	// working day) started in it; its earlier clocks started before 5 January.
	await add('P', { firstName: 'Pia', lastName: 'Panel', enquiredOn: '2026-01-01', stage: 'approved' })
})

describe('the report', () => {
	test('enquiry to first contact: share within target, median and 90th percentile in hours and days', async () => {
		const answer = await runRoute(report.loader, staffRequest(path(), manager))
		expect(answer.status).toBe(200)
		expect(answer.data.query.period).toEqual({ from: '2026-01-05', to: '2026-01-18' })
		const { overall, weeks, channels, officers } = answer.data.report.firstContact
		// Started A, B, C, D, E; counted A, B (met), C (missed), D (overdue); E stopped.
		expect(overall).toEqual({
			started: 5,
			counted: 4,
			within: 2,
			share: 0.5,
			running: 0,
			stopped: 1,
			median: 1, // 0, 1, 2
			p90: 2,
			medianHours: 10, // 4, 10, 15.5
			p90Hours: 15.5,
		})
		expect(weeks.map((week: Group) => [week.key, week.summary.within, week.summary.counted])).toEqual([
			['2026-01-05', 2, 3],
			['2026-01-12', 0, 1],
		])
		expect(channels.map((group: Group) => [group.label, group.summary.within, group.summary.counted])).toEqual([
			['Radio', 0, 2],
			['Search engine', 2, 2],
		])
		// Who recorded the contact; for D (still awaited) its owner; E had no owner.
		expect(officers.map((group: Group) => [group.label, group.summary.within, group.summary.counted])).toEqual([
			['Olu Officer', 1, 2],
			['Pat Person', 1, 2],
			['Nobody', 0, 0],
		])
	})

	test('every other clock, and the breaches with their households, the latest first', async () => {
		const answer = await runRoute(report.loader, staffRequest(path(), manager))
		const clocks = Object.fromEntries(answer.data.report.clocks.map((clock: { key: string }) => [clock.key, clock]))
		// Initial visit: A met in 5 working days; B and C still waiting past 10 working days.
		expect(clocks.initial_visit.summary).toMatchObject({ started: 3, counted: 3, within: 1, median: 5 })
		expect(clocks.panel_to_decision.summary).toMatchObject({ started: 1, within: 1, share: 1, median: 1 })
		expect(clocks.application_to_panel).toMatchObject({ target: '6 months (the law: 8 months)', unit: 'days' })
		expect(clocks.application_to_panel.summary.started).toBe(0)

		const breaches = answer.data.report.breaches
		expect(breaches.total).toBe(4)
		const late = (deadline: string) => calendarDaysBetween(deadline, today())
		expect(breaches.rows.map((row: Breach) => [row.name, row.clock, row.status, row.deadline, row.daysLate])).toEqual([
			['Dee Delay', 'Enquiry to first personal contact', 'overdue', '2026-01-13', late('2026-01-13')],
			['Bea Bright', 'First contact to initial visit', 'overdue', '2026-01-21', late('2026-01-21')],
			['Cal Cross', 'First contact to initial visit', 'overdue', '2026-01-27', late('2026-01-27')],
			['Cal Cross', 'Enquiry to first personal contact', 'missed', '2026-01-12', 1],
		])
	})

	test('kinship households are reported on their own, never mixed in', async () => {
		const answer = await runRoute(report.loader, staffRequest(path('&route=kinship'), manager))
		expect(answer.data.report.firstContact.overall).toMatchObject({ started: 1, counted: 1, within: 1, share: 1 })
		// Its initial visit is still waiting, long past its target.
		expect(answer.data.report.breaches.rows.map((row: Breach) => [row.name, row.clock])).toEqual([
			['Kit Kin', 'First contact to initial visit'],
		])
	})

	test('without dates the report covers the last 13 full weeks', async () => {
		const answer = await runRoute(report.loader, staffRequest('/staff/reports/response-times', manager))
		expect(answer.status).toBe(200)
		expect(answer.data.report.firstContact.weeks).toHaveLength(13)
		expect(answer.data.query.period.to < today()).toBe(true)
	})

	test('a period that is not a real date gives GOV.UK errors and no figures', async () => {
		const answer = await runRoute(
			report.loader,
			staffRequest(
				'/staff/reports/response-times?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026',
				manager
			)
		)
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([{ field: 'from', message: 'The start of the period must be a real date' }])
		expect(answer.data.report).toBeNull()
	})
})

describe('who sees what', () => {
	test('read-only staff and administrators see the aggregates, not households or named officers', async () => {
		for (const role of ['read_only', 'administrator'] as const) {
			const answer = await runRoute(report.loader, staffRequest(path(), await signedInAs(role)))
			expect(answer.status).toBe(200)
			expect(answer.data.report.firstContact.overall.share).toBe(0.5)
			expect(answer.data.report.breaches).toBeNull()
			expect(answer.data.report.firstContact.officers).toBeNull()
			expect(JSON.stringify(answer.data)).not.toContain('Dee Delay')
			expect(JSON.stringify(answer.data)).not.toContain('Olu Officer')
		}
	})

	test('someone signed out is sent to sign in', async () => {
		const answer = await runRoute(report.loader, staffRequest(path(), null))
		expect(answer.status).toBe(302)
		expect(answer.location).toMatch(/^\/staff\/login\?redirectTo=/)
	})
})

describe('the CSV downloads', () => {
	test('the weekly figures, for anyone who may see the report', async () => {
		const answer = await runRoute(csv.loader, staffRequest(path('&table=weekly'), await signedInAs('read_only')))
		expect(answer.status).toBe(200)
		expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		const lines = answer.data
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n')
		expect(lines[0]).toMatch(/^Week starting,Enquiries,With an outcome,Within target,Share within target/)
		expect(lines.slice(1)).toEqual(['2026-01-05,3,3,2,67%,10,15.5,1,2', '2026-01-12,2,1,0,0%,,,,'])
	})

	test('the breaches: households by name, written to each household’s audit log; refused to read-only staff', async () => {
		const answer = await runRoute(csv.loader, staffRequest(path('&table=breaches'), manager))
		expect(answer.status).toBe(200)
		const lines = answer.data.trim().split('\r\n')
		expect(lines).toHaveLength(5)
		expect(lines[4]).toMatch(
			/^Cal Cross,HH-.*,Enquiry to first personal contact,Missed,2026-01-09,2026-01-12,2026-01-13,1$/
		)
		const audit = await prisma.auditEntry.findMany({ where: { actorId: manager.staff.id, action: 'exported' } })
		expect(new Set(audit.map((entry) => entry.householdId))).toEqual(new Set([ids.B, ids.C, ids.D]))

		const refused = await runRoute(csv.loader, staffRequest(path('&table=breaches'), await signedInAs('read_only')))
		expect(refused.status).toBe(403)
	})

	test('every other table of the page: by channel and every clock for anyone, by officer only for staff who see people', async () => {
		const lines = (answer: { data: string }) =>
			answer.data
				.replace(/^\uFEFF/, '')
				.trim()
				.split('\r\n')
		const readOnly = await signedInAs('read_only')
		const channels = await runRoute(csv.loader, staffRequest(path('&table=channels'), readOnly))
		expect(channels.headers.get('Content-Disposition')).toBe(
			'attachment; filename="response-times-channels-mainstream-2026-01-05-to-2026-01-18.csv"'
		)
		// Radio: C (missed, 15.5 hours) and D (running past its deadline); search: A, B (met) and E (stopped).
		expect(lines(channels).slice(1)).toEqual(['Radio,2,2,0,0%,15.5,15.5,2,2', 'Search engine,3,2,2,100%,7,10,0.5,1'])
		const clocks = await runRoute(csv.loader, staffRequest(path('&table=clocks'), readOnly))
		expect(lines(clocks)[0]).toBe('Clock,Target,Started,With an outcome,Share within target,Median,90th percentile')
		// A and B met, C missed, D running past its deadline: 2 of 4; times of A, B and C (0, 1 and 2 working days).
		expect(lines(clocks)[1]).toBe(
			'Enquiry to first personal contact,1 working day,5,4,50%,1 working day,2 working days'
		)
		expect((await runRoute(csv.loader, staffRequest(path('&table=officers'), readOnly))).status).toBe(403)
		const officers = await runRoute(csv.loader, staffRequest(path('&table=officers'), manager))
		// E, which left before anyone contacted it and has no owner, is under Nobody, last.
		expect(
			lines(officers)
				.slice(1)
				.map((line) => line.split(',')[0])
		).toEqual(['Olu Officer', 'Pat Person', 'Nobody'])
		expect((await runRoute(csv.loader, staffRequest(path('&table=names'), manager))).status).toBe(404)
	})
})

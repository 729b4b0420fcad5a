import { beforeAll, describe, expect, test } from 'vitest'
import { parseCsv } from '~/domain/csv.ts'
import { staffNavigation } from '~/domain/staff.ts'
import {
	householdWithFact as household,
	runRoute,
	signedInAs,
	staffRequest,
	type RouteAnswer,
	type SignedIn,
} from '../support/staff.ts'

// The funnel page against a real database: FunnelFact rows written directly (householdWithFact),
// so every figure below is worked out by hand from the eight households described in beforeAll.

const funnelPage = await import('~/routes/staff+/_reports+/funnel.tsx')
const funnelCsv = await import('~/routes/staff+/_reports+/funnel[.]csv.ts')

const Q1 = 'from-day=1&from-month=1&from-year=2026&to-day=31&to-month=3&to-year=2026'
let manager: SignedIn

beforeAll(async () => {
	manager = await signedInAs('manager', 'Mina Manager')
	// H1: approved in June, having enquired on 5 January.
	await household(
		{
			enquiredOn: '2026-01-05',
			initialContactOn: '2026-01-06',
			initialVisitOn: '2026-01-20',
			applicationOn: '2026-02-10',
			stage1On: '2026-02-12',
			stage2On: '2026-03-01',
			panelOn: '2026-06-01',
			approvedOn: '2026-06-05',
			status: 'approved',
			currentStage: 'approved',
			enquiryDays: 1,
			initialContactDays: 10,
			initialVisitDays: 15,
			applicationDays: 2,
			stage1Days: 40,
			stage2Days: 60,
			panelDays: 3,
			interests: '["long_term","teenagers"]',
		},
		{ name: 'Secretname' }
	)
	// H2: applied on 15 March, still at application.
	await household({
		enquiredOn: '2026-01-10',
		initialContactOn: '2026-01-12',
		initialVisitOn: '2026-02-02',
		applicationOn: '2026-03-15',
		currentStage: 'application',
		interests: '["teenagers"]',
		enquiryDays: 1,
		initialContactDays: 14,
		initialVisitDays: 30,
	})
	// H3: withdrew from initial contact on 20 February ("maybe later").
	await household({
		enquiredOn: '2026-02-01',
		initialContactOn: '2026-02-03',
		status: 'closed',
		currentStage: 'initial_contact',
		exitStage: 'initial_contact',
		exitReasonKey: 'timing',
		endedBy: 'household',
		exitedOn: '2026-02-20',
		enquiryDays: 1,
		initialContactDays: 12,
	})
	// H4: the service closed it at enquiry (outside its area) after 3 working days.
	await household({
		enquiredOn: '2026-02-15',
		status: 'closed',
		exitStage: 'enquiry',
		exitReasonKey: 'outside_area',
		endedBy: 'service',
		exitedOn: '2026-02-20',
		enquiryDays: 3,
	})
	// H5: enquired on 20 March, not contacted yet.
	await household({ enquiredOn: '2026-03-20' })
	// H6: came by radio; on hold at initial contact.
	await household({
		enquiredOn: '2026-03-01',
		channelKey: 'radio',
		initialContactOn: '2026-03-02',
		status: 'on_hold',
		currentStage: 'initial_contact',
		enquiryDays: 1,
	})
	// H7: enquired in December (outside the cohort), moved on in the quarter, at application now.
	await household({
		enquiredOn: '2025-12-20',
		initialContactOn: '2026-01-05',
		initialVisitOn: '2026-01-15',
		applicationOn: '2026-02-01',
		currentStage: 'application',
		enquiryDays: 10,
		initialContactDays: 8,
		initialVisitDays: 12,
	})
	// K1: a kinship household at initial contact: never in the mainstream figures.
	await household(
		{ enquiredOn: '2026-01-08', initialContactOn: '2026-01-09', currentStage: 'initial_contact', enquiryDays: 1 },
		{ route: 'kinship' }
	)
})

async function page(query: string, as: SignedIn | null = manager) {
	return runRoute(funnelPage.loader, staffRequest(`/staff/funnel?${query}`, as))
}

/** The parts of the page's stage rows and breakdown rows these tests read. */
type StageRow = { stage: string; count: number; stillIn: number; left: number }
type BreakdownRow = { label: string; enquiries: number; applications: number; approvals: number }

const row = (answer: RouteAnswer, stage: string) =>
	answer.data.funnel.mainstream.rows.find((r: StageRow) => r.stage === stage)

describe('cohort mode: the households that enquired in the first quarter, followed through', () => {
	test('how far they got, where they are now and where they left', async () => {
		const answer = await page(`mode=cohort&${Q1}`)
		expect(answer.status).toBe(200)
		const counts = answer.data.funnel.mainstream.rows.map((r: StageRow) => [r.stage, r.count])
		expect(counts).toEqual([
			['enquiry', 6],
			['initial_contact', 4],
			['initial_visit', 2],
			['application', 2],
			['stage_1', 1],
			['stage_2', 1],
			['panel', 1],
			['approved', 1],
		])
		// Approved + left + still in progress = the enquiries.
		expect(answer.data.funnel.mainstream.outcome).toEqual({ enquiries: 6, approved: 1, inProgress: 3, left: 2 })
		expect(row(answer, 'enquiry')).toMatchObject({
			stillIn: 1,
			left: 1,
			leftBy: { household: 0, service: 1, not_approved: 0 },
		})
		expect(row(answer, 'initial_contact')).toMatchObject({ stillIn: 1, left: 1, fromPrevious: 4 / 6 })
		expect(row(answer, 'initial_contact').reasons).toEqual([
			{ key: 'timing', label: 'Timing not right ("maybe later")', endedBy: 'household', count: 1 },
		])
		expect(row(answer, 'application')).toMatchObject({ stillIn: 1, fromPrevious: 1, fromEnquiry: 2 / 6 })
	})

	test('time in stage against its target', async () => {
		const answer = await page(`mode=cohort&${Q1}`)
		// Enquiry: 1, 1, 1, 1, 3 working days → median 1, 90th percentile the 5th (3); 4 of 5 within 1 day.
		expect(row(answer, 'enquiry')).toMatchObject({
			timed: 5,
			medianDays: 1,
			p90Days: 3,
			targetDays: 1,
			withinTarget: 0.8,
		})
		// Initial contact: 10, 12, 14 against 10 working days.
		expect(row(answer, 'initial_contact')).toMatchObject({ timed: 3, medianDays: 12, p90Days: 14, targetDays: 10 })
		expect(row(answer, 'initial_contact').withinTarget).toBeCloseTo(1 / 3)
	})

	test('kinship households are counted apart', async () => {
		const answer = await page(`mode=cohort&${Q1}`)
		expect(answer.data.funnel.kinship.outcome).toEqual({ enquiries: 1, approved: 0, inProgress: 1, left: 0 })
		expect(answer.data.funnel.kinship.rows[1]).toMatchObject({ stage: 'initial_contact', count: 1, stillIn: 1 })
	})

	test('filtered by channel', async () => {
		const answer = await page(`mode=cohort&${Q1}&channel=radio`)
		expect(answer.data.funnel.mainstream.outcome).toEqual({ enquiries: 1, approved: 0, inProgress: 1, left: 0 })
		expect(row(answer, 'initial_contact')).toMatchObject({ count: 1, stillIn: 1 })
	})
})

describe('period mode: the households that entered each stage in the first quarter', () => {
	test('counts each stage by the date it was entered, whenever the household enquired', async () => {
		const answer = await page(`mode=period&${Q1}`)
		const counts = answer.data.funnel.mainstream.rows.map((r: StageRow) => r.count)
		// H7 enquired in December but reached initial contact, initial visit and application in the quarter;
		// H1's panel and approval were in June.
		expect(counts).toEqual([6, 5, 3, 3, 1, 1, 0, 0])
		expect(answer.data.funnel.mainstream.outcome).toBeNull()
		expect(row(answer, 'application')).toMatchObject({ stillIn: 2, fromPrevious: 1 })
		expect(row(answer, 'initial_contact').fromPrevious).toBeCloseTo(5 / 6)
		// Left within the dates: H4 from enquiry (service), H3 from initial contact (household).
		expect(row(answer, 'enquiry').leftBy).toEqual({ household: 0, service: 1, not_approved: 0 })
		expect(row(answer, 'initial_contact').leftBy).toEqual({ household: 1, service: 0, not_approved: 0 })
	})

	test('months of enquiries, applications and approvals', async () => {
		const answer = await page(`mode=period&${Q1}`)
		expect(answer.data.funnel.months).toEqual([
			{ month: '2026-01', enquiries: 2, applications: 0, approvals: 0 },
			{ month: '2026-02', enquiries: 2, applications: 2, approvals: 0 },
			{ month: '2026-03', enquiries: 2, applications: 1, approvals: 0 },
		])
	})

	test('a period that takes in the summer counts the approval', async () => {
		const answer = await page('mode=period&from-day=1&from-month=1&from-year=2026&to-day=30&to-month=6&to-year=2026')
		expect(row(answer, 'approved').count).toBe(1)
		expect(row(answer, 'panel')).toMatchObject({ count: 1, timed: 1, medianDays: 3, targetDays: 7, withinTarget: 1 })
	})
})

test('period and cohort agree when every household enquired and moved within the dates', async () => {
	// December 2025 to June 2026 holds every enquiry and every stage date of the eight households.
	const dates = 'from-day=1&from-month=12&from-year=2025&to-day=30&to-month=6&to-year=2026'
	const period = await page(`mode=period&${dates}`)
	const cohort = await page(`mode=cohort&${dates}`)
	for (const route of ['mainstream', 'kinship']) {
		const counts = (answer: typeof period) =>
			answer.data.funnel[route].rows.map((r: StageRow) => [r.count, r.stillIn, r.left])
		expect(counts(period)).toEqual(counts(cohort))
	}
	expect(period.data.funnel.mainstream.rows.map((r: StageRow) => r.count)).toEqual([7, 5, 3, 3, 1, 1, 1, 1])
	// In a cohort, counts never rise from one stage to the next.
	const reached = cohort.data.funnel.mainstream.rows.map((r: StageRow) => r.count)
	reached.slice(1).forEach((count: number, index: number) => expect(count).toBeLessThanOrEqual(reached[index]))
})

describe('breakdowns', () => {
	test('by channel: which channels bring households that apply and are approved', async () => {
		const cohort = await page(`mode=cohort&${Q1}&by=channel`)
		expect(
			cohort.data.funnel.breakdown.map((r: BreakdownRow) => [r.label, r.enquiries, r.applications, r.approvals])
		).toEqual([
			['Search engine', 5, 2, 1],
			['Radio', 1, 0, 0],
		])
		// Period: H7 applied in the quarter though it enquired in December.
		const period = await page(`mode=period&${Q1}`)
		expect(
			period.data.funnel.breakdown.map((r: BreakdownRow) => [r.label, r.enquiries, r.applications, r.approvals])
		).toEqual([
			['Search engine', 5, 3, 0],
			['Radio', 1, 0, 0],
		])
	})

	test('referred or not, and by officer only for staff who work with households', async () => {
		const referred = await page(`mode=cohort&${Q1}&by=referred`)
		expect(referred.data.funnel.breakdown.map((r: BreakdownRow) => [r.label, r.enquiries])).toEqual([
			['Not referred', 6],
		])
		const readOnly = await signedInAs('read_only', 'Rob Reader')
		const refused = await page(`mode=cohort&${Q1}&by=officer`, readOnly)
		expect(refused.status).toBe(400)
		expect(refused.data.errors).toEqual([{ field: 'by', message: 'Select what to break the figures down by' }])
		expect((await page(`mode=cohort&${Q1}&by=officer`)).data.funnel.breakdown).toEqual([
			expect.objectContaining({ label: 'Not recorded', enquiries: 6 }),
		])
	})

	test('by fostering interest: a household counts under each interest it gave', async () => {
		const answer = await page(`mode=cohort&${Q1}&by=interest`)
		// H1 (long-term and teenagers, approved), H2 (teenagers, applied); H3 to H6 gave none.
		expect(
			answer.data.funnel.breakdown.map((r: BreakdownRow) => [r.label, r.enquiries, r.applications, r.approvals])
		).toEqual([
			['Teenagers', 2, 2, 1],
			['Long-term fostering', 1, 1, 1],
			['Not recorded', 4, 0, 0],
		])
	})

	test('downloads like the page', async () => {
		const answer = await runRoute(
			funnelCsv.loader,
			staffRequest(`/staff/funnel.csv?table=breakdown&mode=cohort&${Q1}&by=channel`, manager)
		)
		const parsed = parseCsv(answer.data)
		expect(parsed.ok && parsed.records.map((record) => record.fields)).toEqual([
			[
				'Channel',
				'Enquiries',
				'Applications',
				'Approvals',
				'Enquiry to application',
				'Application to approval',
				'Enquiry to approval',
			],
			['Search engine', '5', '2', '1', '40%', '50%', '20%'],
			['Radio', '1', '0', '0', '0%', '', '0%'],
		])
	})
})

describe('comparing', () => {
	test('with the period before: H7 enquired in December', async () => {
		const answer = await page(`mode=period&${Q1}&compare=previous`)
		expect(answer.data.funnel.comparison.period).toEqual({ from: '2025-10-03', to: '2025-12-31' })
		expect(answer.data.funnel.comparison.rows.map((r: StageRow) => r.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0])
		const csv = await runRoute(
			funnelCsv.loader,
			staffRequest(`/staff/funnel.csv?table=stages&mode=period&${Q1}&compare=previous`, manager)
		)
		const parsed = parseCsv(csv.data)
		const records = parsed.ok ? parsed.records.map((record) => record.fields) : []
		expect(records[0]!.slice(-2)).toEqual(['3 Oct 2025 to 31 Dec 2025', 'Change'])
		expect(records[1]).toEqual(['Enquiry', '6', '', '', '1', '1', '1', '5'])
		expect(records[7]).toEqual(['Panel', '0', '0%', '0%', '0', '0', '0', '0'])
	})

	test('with the same dates a year earlier', async () => {
		const answer = await page(`mode=cohort&${Q1}&compare=last_year`)
		expect(answer.data.funnel.comparison.period).toEqual({ from: '2025-01-01', to: '2025-03-31' })
		expect(answer.data.funnel.comparison.rows[0].count).toBe(0)
	})
})

describe('the page', () => {
	test('no dates is the last 12 months in period mode', async () => {
		const answer = await page('')
		expect(answer.status).toBe(200)
		expect(answer.data.query.mode).toBe('period')
		const { today } = await import('~/utils/clock.server.ts')
		const { lastTwelveMonths } = await import('~/domain/report-period.ts')
		expect(answer.data.query.period).toEqual(lastTwelveMonths(today()))
		// Twelve months to the day: from the day after today's date a year ago, not from 1 January.
		const { addCalendarDays } = await import('~/domain/working-days.ts')
		const yearAgo = `${Number(today().slice(0, 4)) - 1}${today().slice(4).replace('-02-29', '-02-28')}`
		expect(answer.data.query.period.from).toBe(addCalendarDays(yearAgo, 1))
	})

	test('wrong choices are explained and answered 400', async () => {
		const answer = await page(
			'mode=cohort&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=2026&channel=telepathy'
		)
		expect(answer.status).toBe(400)
		expect(answer.data.errors.map((error: { field: string }) => error.field)).toEqual(['from', 'channel'])
		expect(answer.data.funnel).toBeNull()
	})

	test('read-only staff see it (first in their menu), and it names nobody', async () => {
		expect(staffNavigation('read_only')[0]).toEqual({ to: '/staff/funnel', label: 'Funnel' })
		const readOnly = await signedInAs('read_only', 'Rita Reader')
		const answer = await page(`mode=cohort&${Q1}`, readOnly)
		expect(answer.status).toBe(200)
		expect(JSON.stringify(answer.data)).not.toContain('Secretname')
	})

	test('signed-out visitors are sent to sign in', async () => {
		const answer = await page(`mode=cohort&${Q1}`, null)
		expect(answer.status).toBe(302)
		expect(answer.location).toMatch(/^\/staff\/login/)
		const csv = await runRoute(funnelCsv.loader, staffRequest(`/staff/funnel.csv?table=stages&${Q1}`, null))
		expect(csv.status).toBe(302)
	})
})

describe('CSV downloads', () => {
	async function download(query: string) {
		const answer = await runRoute(funnelCsv.loader, staffRequest(`/staff/funnel.csv?${query}`, manager))
		const parsed = parseCsv(answer.data)
		return { ...answer, rows: parsed.ok ? parsed.records.map((record) => record.fields) : [] }
	}

	test('the stage table, with the page’s numbers', async () => {
		const answer = await download(`table=stages&mode=cohort&${Q1}`)
		expect(answer.status).toBe(200)
		expect(answer.headers.get('Content-Disposition')).toBe(
			'attachment; filename="funnel-stages-cohort-2026-01-01-to-2026-03-31.csv"'
		)
		expect(answer.rows[0]).toEqual([
			'Stage',
			'Reached the stage',
			'From the previous stage',
			'From enquiry',
			'Still in it',
			'Left from it',
		])
		expect(answer.rows[1]).toEqual(['Enquiry', '6', '', '', '1', '1'])
		expect(answer.rows[2]).toEqual(['Initial contact', '4', '66.7%', '66.7%', '1', '1'])
		expect(answer.rows[8]).toEqual(['Approved', '1', '100%', '16.7%', '', '0'])
	})

	test('every table downloads, filtered like the page', async () => {
		const exits = await download(`table=exits&mode=period&${Q1}`)
		expect(exits.rows[1]).toEqual(['Enquiry', '0', '1', '0', '1', "Outside the service's area (1)"])
		const time = await download(`table=time&mode=cohort&${Q1}`)
		expect(time.rows[1]).toEqual(['Enquiry', '5', '1', '3', '1', '80%'])
		// Months as a spreadsheet reads them, as in every report's CSV (the page says 'Jan 2026').
		const months = await download(`table=months&mode=period&${Q1}`)
		expect(months.rows.slice(1)).toEqual([
			['2026-01', '2', '0', '0'],
			['2026-02', '2', '2', '0'],
			['2026-03', '2', '1', '0'],
		])
		const national = await download(`table=national&mode=cohort&${Q1}`)
		expect(national.rows[1]).toEqual(['Enquiry to application', '33.3%', '6.4%', '2022 to 2023', 'At or above England'])
		const kinship = await download(`table=kinship&mode=cohort&${Q1}&channel=search`)
		expect(kinship.rows[1]).toEqual(['Enquiry', '1', '', '', '0', '0'])
		const radio = await download(`table=stages&mode=cohort&${Q1}&channel=radio`)
		expect(radio.rows[1]).toEqual(['Enquiry', '1', '', '', '0', '0'])
		expect(radio.headers.get('Content-Disposition')).toContain('funnel-stages-cohort-radio-')
	})

	test('an unknown table or wrong dates are refused', async () => {
		expect((await download(`table=households&${Q1}`)).status).toBe(404)
		expect((await download('table=stages&from-day=40&from-month=1&from-year=2026')).status).toBe(400)
	})
})

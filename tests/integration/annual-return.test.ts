import { beforeAll, describe, expect, test } from 'vitest'
import { parseCsv } from '~/domain/csv.ts'
import { householdWithFact, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The annual return against a real database, for the year 1 April 2025 to 31 March 2026
// (?year=2026): FunnelFact rows fixed by hand, so every figure is worked out from the households
// described in beforeAll.

const returnPage = await import('~/routes/staff+/_reports+/reports.annual-return.tsx')
const returnCsv = await import('~/routes/staff+/_reports+/reports.annual-return[.]csv.ts')

let manager: SignedIn

beforeAll(async () => {
	manager = await signedInAs('manager', 'Mina Manager')
	// M1: enquired the year before, applied on 10 April and approved on 20 November (224 days).
	await householdWithFact(
		{
			enquiredOn: '2025-03-20',
			initialContactOn: '2025-03-21',
			initialVisitOn: '2025-03-28',
			applicationOn: '2025-04-10',
			stage1On: '2025-04-11',
			stage2On: '2025-05-01',
			panelOn: '2025-11-10',
			approvedOn: '2025-11-20',
			status: 'approved',
			currentStage: 'approved',
		},
		{ name: 'Secretname' }
	)
	// M2: applied in June, withdrew at Stage 1 in September: the assessment was not as expected (AW2).
	await householdWithFact({
		enquiredOn: '2025-05-01',
		applicationOn: '2025-06-01',
		stage1On: '2025-06-02',
		status: 'closed',
		currentStage: 'stage_1',
		exitStage: 'stage_1',
		endedBy: 'household',
		exitReasonKey: 'assessment_process',
		exitedOn: '2025-09-15',
	})
	// M3: withdrew before applying ("maybe later"): not a withdrawal before panel.
	await householdWithFact({
		enquiredOn: '2025-06-01',
		initialContactOn: '2025-06-02',
		status: 'closed',
		currentStage: 'initial_contact',
		exitStage: 'initial_contact',
		endedBy: 'household',
		exitReasonKey: 'timing',
		exitedOn: '2025-07-01',
	})
	// M4: enquired in February, not contacted yet.
	await householdWithFact({ enquiredOn: '2026-02-01' })
	// M5: applied the year before, withdrew from Stage 2 on 2 April with no reason recorded (AW0).
	await householdWithFact({
		enquiredOn: '2025-01-10',
		applicationOn: '2025-02-01',
		stage1On: '2025-02-02',
		stage2On: '2025-03-01',
		status: 'closed',
		currentStage: 'stage_2',
		exitStage: 'stage_2',
		endedBy: 'household',
		exitedOn: '2025-04-02',
	})
	// M6: enquired after the year ended.
	await householdWithFact({ enquiredOn: '2026-04-05' })
	// K1: a kinship household approved in the year: counted apart.
	await householdWithFact(
		{
			enquiredOn: '2025-08-01',
			applicationOn: '2025-09-01',
			approvedOn: '2026-01-10',
			status: 'approved',
			currentStage: 'approved',
		},
		{ route: 'kinship' }
	)
})

const page = (query: string, as: SignedIn | null = manager) =>
	runRoute(returnPage.loader, staffRequest(`/staff/reports/annual-return?${query}`, as))

describe('the annual return for 2025 to 2026', () => {
	test('counts the year’s mainstream enquiries, applications, approvals and withdrawals before panel', async () => {
		const answer = await page('year=2026')
		expect(answer.status).toBe(200)
		expect(answer.data.year).toMatchObject({ year: 2026, label: '2025 to 2026', partial: false })
		expect(answer.data.figures.mainstream).toEqual({
			enquiries: 3,
			applications: 2,
			approvals: 1,
			withdrawnBeforePanel: 2,
			endedByServiceAfterApplying: 0,
			notApproved: 0,
			withdrewBeforeApplying: 1,
		})
		expect(
			answer.data.figures.withdrawals.map((row: { code: string; count: number }) => [row.code, row.count])
		).toEqual([
			['AW1', 0],
			['AW2', 1],
			['AW3', 0],
			['AW4', 0],
			['AW5', 0],
			['AW0', 1],
		])
		expect(answer.data.figures.uncoded).toBe(1)
		expect(answer.data.figures.times).toEqual({
			approved: 1,
			timed: 1,
			medianDays: 224,
			withinSixMonths: 0,
			withinEightMonths: 1,
			overEightMonths: 0,
		})
		expect(answer.data.figures.kinship).toEqual({ enquiries: 1, applications: 1, approvals: 1 })
	})

	test('the CSV holds the page’s numbers', async () => {
		const answer = await runRoute(returnCsv.loader, staffRequest('/staff/reports/annual-return.csv?year=2026', manager))
		expect(answer.headers.get('Content-Disposition')).toBe(
			'attachment; filename="annual-return-2025-04-01-to-2026-03-31.csv"'
		)
		const parsed = parseCsv(answer.data)
		// The mainstream figures by name (the kinship table repeats some names).
		const records = parsed.ok ? parsed.records.map((record) => record.fields) : []
		const figures = new Map(records.filter((row) => !row[0]!.startsWith('Kinship')).map((row) => [row[1], row[2]]))
		expect(records.find((row) => row[0]!.startsWith('Kinship') && row[1] === 'Households approved')?.[2]).toBe('1')
		expect(figures.get('Initial enquiries')).toBe('3')
		expect(figures.get('Applications received')).toBe('2')
		expect(figures.get('Applications withdrawn by the household before panel')).toBe('2')
		expect(figures.get('AW2 The assessment process was not as the applicant expected')).toBe('1')
		expect(figures.get('AW0 Other or unknown reason')).toBe('1')
		expect(figures.get('Median calendar days from application to approval')).toBe('224')
	})

	test('with no year asked for it is the last whole year, and a year off the list is explained', async () => {
		const answer = await page('')
		expect(answer.status).toBe(200)
		expect(answer.data.years[0].partial).toBe(true)
		expect(answer.data.year).toEqual(expect.objectContaining({ partial: false, year: answer.data.years[1].year }))
		// The list starts at the year of the first enquiry on record (M5, January 2025).
		expect(answer.data.years.at(-1).year).toBe(2025)
		const wrong = await page('year=1999')
		expect(wrong.status).toBe(400)
		expect(wrong.data.error).toBe('Select a year from the list')
		expect(wrong.data.figures).toBeNull()
		const csv = await runRoute(returnCsv.loader, staffRequest('/staff/reports/annual-return.csv?year=1999', manager))
		expect(csv.status).toBe(400)
	})

	test('read-only staff see the figures and nobody’s name; signed-out visitors are sent to sign in', async () => {
		const readOnly = await signedInAs('read_only', 'Rob Reader')
		const answer = await page('year=2026', readOnly)
		expect(answer.status).toBe(200)
		expect(JSON.stringify(answer.data)).not.toContain('Secretname')
		const signedOut = await page('year=2026', null)
		expect(signedOut.status).toBe(302)
		expect(signedOut.location).toMatch(/^\/staff\/login\?/)
	})
})

import { readFile } from 'node:fs/promises'
import { parseCsv } from '../../app/domain/csv.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { openE2eDatabase, signInAs } from './staff.ts'

// The funnel: a manager opens it, switches between period and cohort, picks the dates, filters by
// channel, and downloads a table whose numbers match the page. The households are made by the
// household writer; their funnel facts are then stated straight into the database (the app keeps
// them in step with stage events), as the figures tests do, so every figure follows from the facts
// each test states; in 2021 so no other test's households fall in the dates.

async function householdWithFacts(fact: Record<string, string | number | null>) {
	const household = await createE2eHousehold({ firstName: 'Funnel', lastName: 'Family' })
	const values = {
		route: 'mainstream',
		enquiredMonth: String(fact.enquiredOn).slice(0, 7),
		channelKey: 'search',
		postcodeDistrict: 'LS1',
		status: 'open',
		currentStage: 'enquiry',
		...fact,
	}
	const columns = Object.keys(values)
	const db = openE2eDatabase()
	try {
		db.prepare(
			`INSERT OR REPLACE INTO FunnelFact (householdId, updatedAt, ${columns.map((c) => `"${c}"`).join(', ')})
			VALUES (?, ?, ${columns.map(() => '?').join(', ')})`
		).run(household.id, new Date().toISOString(), ...Object.values(values))
	} finally {
		db.close()
	}
}

function fillDates(
	page: import('@playwright/test').Page,
	from: [string, string, string],
	to: [string, string, string]
) {
	return (async () => {
		for (const [name, parts] of [
			['From', from],
			['To', to],
		] as const) {
			const group = page.getByRole('group', { name })
			await group.getByLabel('Day').fill(parts[0])
			await group.getByLabel('Month').fill(parts[1])
			await group.getByLabel('Year').fill(parts[2])
		}
	})()
}

test('a manager reads the funnel in both modes, filters by channel and downloads a table', async ({
	page,
	context,
	baseURL,
}) => {
	// Enquired in December 2020, applied in March 2021: in the 2021 period, not in the 2021 cohort.
	await householdWithFacts({
		enquiredOn: '2020-12-10',
		initialContactOn: '2021-01-04',
		initialVisitOn: '2021-02-01',
		applicationOn: '2021-03-01',
		currentStage: 'application',
	})
	// Enquired in 2021 by radio, withdrew from initial contact.
	await householdWithFacts({
		enquiredOn: '2021-02-10',
		channelKey: 'radio',
		initialContactOn: '2021-02-11',
		status: 'closed',
		currentStage: 'initial_contact',
		exitStage: 'initial_contact',
		exitReasonKey: 'timing',
		endedBy: 'household',
		exitedOn: '2021-03-01',
		enquiryDays: 1,
		initialContactDays: 12,
	})
	// Enquired in 2021 by search, still waiting for a first contact.
	await householdWithFacts({ enquiredOn: '2021-05-10' })
	await signInAs(context, baseURL!, 'manager', 'Mo Manager')

	await page.goto('/staff')
	await page.getByRole('link', { name: 'Funnel' }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Funnel')

	await fillDates(page, ['1', '1', '2021'], ['31', '12', '2021'])
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveURL(/mode=period.*from-year=2021/)
	await expect(page.getByRole('status').first()).toContainText(
		'Period: households that entered each stage from 1 January 2021 to 31 December 2021'
	)
	const stages = page.getByRole('table', { name: 'Households that entered each stage in the dates' })
	await expect(stages.getByRole('row', { name: /^Enquiry / })).toContainText('2')
	await expect(stages.getByRole('row', { name: /^Application / })).toContainText('1')
	await expect(page.getByRole('img', { name: 'Households entering each stage' })).toBeVisible()
	await expect(page.locator('figcaption').first()).toHaveText(
		/^In these dates 2 households enquired, 1 applied and 0 were approved\./
	)
	await expectNoAxeViolations(page)

	// Cohort: only the two households that enquired in 2021, followed through.
	await page.getByLabel('Cohort: households that enquired in the dates, followed through').check()
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveURL(/mode=cohort/)
	await expect(page.locator('figcaption').first()).toHaveText(
		/^Of 2 households that enquired, 0 \(0%\) applied and 0 \(0%\) were approved; 1 is still in progress and 1 left\./
	)
	const cohort = page.getByRole('table', { name: 'Households that enquired in the dates: how far they got' })
	await expect(cohort.getByRole('row', { name: /^Initial contact / })).toContainText('50%')

	// Only the radio household.
	await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Radio' })
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveURL(/channel=radio/)
	await expect(page.getByRole('status').first()).toContainText('channel: Radio')
	const exits = page.getByRole('table', { name: 'Households of the cohort that left, by the stage they left from' })
	await expect(exits.getByRole('row', { name: /^Initial contact / })).toContainText('Timing not right')
	const byChannel = page.getByRole('table', { name: /how many applied and were approved, by channel$/ })
	await expect(byChannel.getByRole('row', { name: /^Radio / })).toContainText('1')

	// The downloaded table says what the page says.
	const pageRows = await cohort
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()))
		)
	const downloading = page.waitForEvent('download')
	await page
		.getByRole('link', {
			name: /^Download this table \(CSV\) – Households that enquired in the dates: how far they got$/,
		})
		.click()
	const download = await downloading
	expect(download.suggestedFilename()).toBe('funnel-stages-cohort-radio-2021-01-01-to-2021-12-31.csv')
	const parsed = parseCsv(await readFile((await download.path())!, 'utf8'))
	if (!parsed.ok) throw new Error(parsed.error)
	const csvRows = parsed.records.slice(1).map((record) => record.fields.map((field) => field || '–'))
	expect(csvRows).toEqual(pageRows)
	expect(csvRows[0]).toEqual(['Enquiry', '1', '–', '–', '0', '0'])
	expect(csvRows[1]).toEqual(['Initial contact', '1', '100%', '100%', '0', '1'])
	await expectNoAxeViolations(page)
})

test('the choices work without JavaScript and explain a mistake', async ({ noJsPage: page, baseURL }) => {
	await signInAs(page.context(), baseURL!, 'read_only', 'Rae Reader')
	await page.goto('/staff/funnel')
	await fillDates(page, ['1', '6', '2021'], ['1', '5', '2021'])
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveTitle(/^Error: Funnel/)
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The end of the dates must be the same as or after the start'
	)
	await page.getByRole('group', { name: 'To' }).getByLabel('Year').fill('2022')
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveTitle(/^Funnel/)
	await expect(page.getByRole('status').first()).toContainText('from 1 June 2021 to 1 May 2022')
})

test('a manager reads the annual return for a year to 31 March and downloads it', async ({ page, baseURL }) => {
	// 2019 to 2020, a year no other test's households fall in: one approval after 228 days, and one
	// household that applied and withdrew at Stage 1 worried about allegations (AW5).
	await householdWithFacts({
		enquiredOn: '2019-05-01',
		applicationOn: '2019-06-01',
		stage1On: '2019-06-02',
		panelOn: '2020-01-10',
		approvedOn: '2020-01-15',
		status: 'approved',
		currentStage: 'approved',
	})
	await householdWithFacts({
		enquiredOn: '2019-07-01',
		applicationOn: '2019-08-01',
		stage1On: '2019-08-02',
		status: 'closed',
		currentStage: 'stage_1',
		exitStage: 'stage_1',
		endedBy: 'household',
		exitReasonKey: 'allegations',
		exitedOn: '2019-10-01',
	})
	await signInAs(page.context(), baseURL!, 'manager', 'Ama Annual')
	await page.goto('/staff/funnel')
	await page.getByRole('link', { name: 'annual return', exact: true }).click()
	await expect(page).toHaveTitle(/^Annual return/)
	await page.getByLabel('Year', { exact: true }).selectOption({ label: '2019 to 2020' })
	await page.getByRole('button', { name: 'Show figures' }).click()
	await expect(page).toHaveURL(/year=2020/)
	await expect(page.getByRole('status')).toHaveText(
		'2 initial enquiries, 2 applications and 1 approval; 1 application was withdrawn before panel.'
	)
	await expect(
		page.getByRole('img', { name: /^Applications withdrawn before panel, by Ofsted withdrawal code/ })
	).toBeVisible()
	await expect(page.locator('figcaption')).toHaveText(
		'1 application was withdrawn before panel; the most under AW5 (the applicant was concerned about the risk of allegations): 1.'
	)
	const withdrawals = page.getByRole('table', { name: /by Ofsted withdrawal code$/ })
	await expect(withdrawals.getByRole('row', { name: /^AW5 / })).toContainText('Worried about allegations (1)')
	const times = page.getByRole('table', { name: /^Time from application to approval/ })
	await expect(times.getByRole('row', { name: /^Median calendar days/ })).toContainText('228')
	await expectNoAxeViolations(page)

	const recruitment = page.getByRole('table', { name: 'Mainstream recruitment, 1 April 2019 to 31 March 2020' })
	const pageRows = await recruitment
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()))
		)
	const downloading = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download the annual return for 2019 to 2020 (CSV)' }).click()
	const download = await downloading
	expect(download.suggestedFilename()).toBe('annual-return-2019-04-01-to-2020-03-31.csv')
	const parsed = parseCsv(await readFile((await download.path())!, 'utf8'))
	if (!parsed.ok) throw new Error(parsed.error)
	const csvRows = parsed.records
		.map((record) => record.fields)
		.filter((fields) => fields[0] === 'Mainstream recruitment, 1 April 2019 to 31 March 2020')
		.map((fields) => fields.slice(1))
	expect(csvRows).toEqual(pageRows)
	expect(csvRows[0]).toEqual(['Initial enquiries', '2'])
})

import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { signInAs } from './staff.ts'

// The response-time report: a manager picks a fortnight and reads the weekly share within target
// from the chart and its table; the period form works without JavaScript and explains mistakes.

/** A household that enquired on `enquiredOn` at 10:00 (GMT in January) and was first contacted on `contactedOn`. */
function householdContacted(name: string, enquiredOn: string, contactedOn: string) {
	const [firstName, lastName] = name.split(' ') as [string, string]
	return createE2eHousehold({
		firstName,
		lastName,
		stage: 'initial_contact',
		receivedAt: new Date(`${enquiredOn}T10:00:00.000Z`),
		movedOn: () => contactedOn,
		recordedAt: (index) => new Date(index === 0 ? `${enquiredOn}T10:00:00.000Z` : `${contactedOn}T12:00:00.000Z`),
	})
}

test('a manager chooses a period and reads the weekly share within target', async ({ page, context, baseURL }) => {
	// Week of 6 January 2025: one met (same day), one missed (Tuesday to Friday). Week of 13 January: one met.
	await householdContacted('Ada Prompt', '2025-01-06', '2025-01-06')
	const late = await householdContacted('Ben Slow', '2025-01-07', '2025-01-10')
	await householdContacted('Cat Quick', '2025-01-13', '2025-01-14')
	await signInAs(context, baseURL!, 'manager', 'Maya Manager')

	await page.goto('/staff')
	await page.getByRole('link', { name: 'Response times' }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response times')

	const from = page.getByRole('group', { name: 'From' })
	await from.getByLabel('Day').fill('6')
	await from.getByLabel('Month').fill('1')
	await from.getByLabel('Year').fill('2025')
	const to = page.getByRole('group', { name: 'To' })
	await to.getByLabel('Day').fill('19')
	await to.getByLabel('Month').fill('1')
	await to.getByLabel('Year').fill('2025')
	await page.getByRole('button', { name: 'Show report' }).click()
	await expect(page).toHaveURL(/from-day=6&from-month=1&from-year=2025/)
	await expect(page.getByRole('status').first()).toHaveText('6 January 2025 to 19 January 2025, mainstream households')

	await expect(page.getByRole('img', { name: 'Share of enquiries contacted within target, by week' })).toBeVisible()
	await expect(page.locator('figcaption')).toHaveText(/^67% of enquiries were contacted within target \(2 of 3\)/)
	const weekly = page.getByRole('table', { name: 'Enquiry to first personal contact, by week' })
	await expect(weekly.getByRole('row', { name: /6 Jan 2025/ })).toContainText('50%')
	await expect(weekly.getByRole('row', { name: /13 Jan 2025/ })).toContainText('100%')

	// Ben Slow's first contact was missed (and, like the others, the initial visit never happened).
	const missed = page.getByRole('row', { name: /Ben Slow .* Enquiry to first personal contact/ })
	await expect(missed).toContainText('Missed')
	await expect(missed.getByRole('link', { name: late.reference })).toHaveAttribute(
		'href',
		`/staff/households/${late.id}`
	)
	await expectNoAxeViolations(page)
})

test('the period form works without JavaScript and explains a wrong period', async ({ noJsPage: page, baseURL }) => {
	await signInAs(page.context(), baseURL!, 'officer', 'Noel Nojs')
	await page.goto('/staff/reports/response-times')
	const from = page.getByRole('group', { name: 'From' })
	await from.getByLabel('Day').fill('1')
	await from.getByLabel('Month').fill('3')
	await from.getByLabel('Year').fill('2025')
	const to = page.getByRole('group', { name: 'To' })
	await to.getByLabel('Day').fill('1')
	await to.getByLabel('Month').fill('2')
	await to.getByLabel('Year').fill('2025')
	await page.getByRole('button', { name: 'Show report' }).click()
	await expect(page).toHaveTitle(/^Error: Response times/)
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The end of the period must be the same as or after the start'
	)

	await page.getByRole('group', { name: 'To' }).getByLabel('Month').fill('4')
	await page.getByRole('button', { name: 'Show report' }).click()
	await expect(page).toHaveTitle(/^Response times/)
	await expect(page.getByText('1 March 2025 to 1 April 2025, mainstream households')).toBeVisible()
	await expect(page.getByRole('img', { name: 'Share of enquiries contacted within target, by week' })).toBeVisible()
})

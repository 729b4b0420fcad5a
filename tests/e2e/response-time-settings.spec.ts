import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { signInAs } from './staff.ts'

// A manager keeps the response-time settings: a target changed (and put back, as other tests
// share this database) with its history, and a closure day added and removed. The closure day is
// years away so no other test's deadlines move.

// The refused form answers 400, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 400/] })

test('a manager changes a response-time target and adds a closure day', async ({ page, context, baseURL }) => {
	await signInAs(context, baseURL!, 'manager', 'Mina Manager')
	await page.goto('/staff/settings')
	await page.getByRole('link', { name: 'Response-time targets' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response-time targets')
	await expect(page.getByText('A change applies to clocks started from today')).toBeVisible()
	await expectNoAxeViolations(page)

	const panelToDecision = page.getByLabel('Panel to decision')
	await panelToDecision.fill('0')
	await page.getByRole('button', { name: 'Save targets' }).click()
	await expect(page).toHaveTitle(/^Error: Response-time targets/)
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The target for panel to decision must be 1 working day or more'
	)
	await expectNoAxeViolations(page)

	await panelToDecision.fill('8')
	await page.getByRole('button', { name: 'Save targets' }).click()
	await expect(page.getByRole('alert')).toContainText('Targets saved. They apply to clocks started from today.')
	await expect(panelToDecision).toHaveValue('8')
	const latest = page.locator('table tbody tr').first()
	await expect(latest).toContainText('Mina Manager')
	await expect(latest).toContainText('Panel to decision: 8 working days')
	await expect(page.locator('table tbody tr').last()).toContainText('Panel to decision: 7 working days')
	await panelToDecision.fill('7')
	await page.getByRole('button', { name: 'Save targets' }).click()
	await expect(page.getByRole('alert')).toContainText('Targets saved')

	await page.getByRole('link', { name: 'Add or remove closure days' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Closure days')
	await expectNoAxeViolations(page)
	await page.getByLabel('Day', { exact: true }).fill('29')
	await page.getByLabel('Month', { exact: true }).fill('12')
	await page.getByLabel('Year', { exact: true }).fill('2031')
	await page.getByLabel('Why the service is closed').fill('Closed between Christmas and New Year')
	await page.getByRole('button', { name: 'Add closure day' }).click()
	await expect(page.getByRole('alert')).toContainText('Monday 29 December 2031 added as a closure day.')
	const row = page.getByRole('row', { name: /Monday 29 December 2031/ })
	await expect(row).toContainText('Closed between Christmas and New Year')
	await expectNoAxeViolations(page)

	await row.getByRole('button', { name: 'Remove Monday 29 December 2031' }).click()
	await expect(page.getByRole('alert')).toContainText('Monday 29 December 2031 is a working day again.')
	await expect(page.getByRole('row', { name: /Monday 29 December 2031/ })).toHaveCount(0)
})

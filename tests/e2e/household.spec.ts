import { createE2eHousehold } from './households.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { signInAs } from './staff.ts'

// The household record in a real browser: an officer takes a household from enquiry to approved,
// another is closed and reopened, a read-only user is kept out, and a stale save is refused.

const STALE = 'Someone else changed this household while you were looking at it'

test('an officer logs an answered call and takes a household from enquiry to approved', async ({
	page,
	context,
	baseURL,
}) => {
	await signInAs(context, baseURL!, 'officer', 'Ada Officer')
	const household = await createE2eHousehold({ firstName: 'Priya', lastName: 'Shah' })
	await page.goto(`/staff/households/${household.id}`)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Priya Shah')
	await expect(page.getByTestId('current-stage')).toHaveText('Enquiry')
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'Log a contact attempt' }).click()
	await page.getByLabel('Phone call').check()
	await page.getByLabel('Answered').check()
	await page.getByLabel('Time (optional)').fill('9:30am')
	await page.getByRole('button', { name: 'Save contact attempt' }).click()
	await expect(page.getByRole('alert')).toContainText('Contact attempt logged and moved to Initial contact')
	await expect(page.getByTestId('current-stage')).toHaveText('Initial contact')
	await expect(page.getByTestId('timeline')).toContainText('Phone call: answered')

	for (const stage of ['Initial visit', 'Application', 'Stage 1', 'Stage 2', 'Panel', 'Approved']) {
		await page.getByRole('link', { name: 'Move to a stage' }).click()
		// An officer is offered the next stage only, already chosen.
		await expect(page.getByLabel(stage, { exact: true })).toBeChecked()
		await page.getByRole('button', { name: 'Save stage' }).click()
		await expect(page.getByRole('alert')).toContainText('Stage changed')
		await expect(page.getByTestId('current-stage')).toHaveText(stage)
		await expect(page.getByTestId('timeline').getByRole('heading', { name: `Moved to ${stage}` })).toBeVisible()
	}
	await expect(page.getByRole('link', { name: 'Close' })).toHaveCount(0)
	await expectNoAxeViolations(page)
})

test.describe('refusals and error pages (the browser logs their 4xx answers)', () => {
	test.use({ allowedConsoleErrors: [/status of 40[039]/] })

	test('an officer closes a household without JavaScript; a manager reopens it', async ({
		noJsPage,
		browser,
		baseURL,
	}) => {
		const household = await createE2eHousehold({ firstName: 'Tom', lastName: 'Reed', stage: 'initial_visit' })
		await signInAs(noJsPage.context(), baseURL!, 'officer', 'Olu Officer')
		await noJsPage.goto(`/staff/households/${household.id}/close`)
		await noJsPage.getByRole('button', { name: 'Close the household' }).click()
		await expect(noJsPage).toHaveTitle(/^Error: Close the household/)
		await expect(noJsPage.locator('.govuk-error-summary')).toContainText('Select why the household left')
		await noJsPage.getByLabel('Counselled out after initial visit').check()
		await noJsPage.getByRole('button', { name: 'Close the household' }).click()
		await expect(noJsPage.getByRole('alert')).toContainText('Household closed')
		await expect(noJsPage.getByTestId('status')).toHaveText('Closed')
		await expect(noJsPage.getByTestId('timeline')).toContainText('Ended by the service')
		await expect(noJsPage.getByRole('link', { name: 'Reopen' })).toHaveCount(0)

		const managerContext = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' })
		const manager = await managerContext.newPage()
		await signInAs(managerContext, baseURL!, 'manager', 'Max Manager')
		await manager.goto(`/staff/households/${household.id}`)
		await manager.getByRole('link', { name: 'Reopen' }).click()
		await expectNoAxeViolations(manager)
		await manager.getByRole('button', { name: 'Reopen' }).click()
		await expect(manager.getByRole('alert')).toContainText('Household reopened')
		await expect(manager.getByTestId('status')).toHaveText('Open')
		await expect(manager.getByTestId('current-stage')).toHaveText('Initial visit')
		await manager.getByRole('link', { name: 'Audit log' }).click()
		await expect(manager.getByTestId('audit-log')).toContainText('Olu Officer')
		await expectNoAxeViolations(manager)
		await managerContext.close()
	})

	test('a read-only user cannot open a household record', async ({ page, context, baseURL }) => {
		const household = await createE2eHousehold()
		await signInAs(context, baseURL!, 'read_only')
		const response = await page.goto(`/staff/households/${household.id}`)
		expect(response?.status()).toBe(403)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot do this')
		await expect(page.locator('body')).not.toContainText(household.name)
	})

	test('a second save from an older version is refused with a clear message', async ({
		page,
		context,
		browser,
		baseURL,
	}) => {
		const household = await createE2eHousehold({ stage: 'initial_contact' })
		await signInAs(context, baseURL!, 'officer', 'First Officer')
		await page.goto(`/staff/households/${household.id}/move`)

		const otherContext = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' })
		const other = await otherContext.newPage()
		await signInAs(otherContext, baseURL!, 'officer', 'Second Officer')
		await other.goto(`/staff/households/${household.id}/note`)
		await other.getByLabel('Note').fill('Rang to say they are keen')
		await other.getByRole('button', { name: 'Save note' }).click()
		await expect(other.getByRole('alert')).toContainText('Note added')
		await otherContext.close()

		const version = page.locator('input[name="version"]')
		const seen = await version.inputValue()
		await page.getByRole('button', { name: 'Save stage' }).click()
		await expect(page.locator('.govuk-error-summary')).toContainText(STALE)
		await expect(page).toHaveTitle(/^Error: /)
		// The page reloads the record, so the form now carries the colleague's version...
		await expect(version).not.toHaveValue(seen)
		// ...and saving again works, with the note still there.
		await page.getByRole('button', { name: 'Save stage' }).click()
		await expect(page.getByTestId('current-stage')).toHaveText('Initial visit')
		await expect(page.getByTestId('timeline')).toContainText('Rang to say they are keen')
	})

	test('every action page is accessible', async ({ page, context, baseURL }) => {
		// Ten pages, each checked by axe: slow on a busy two-core machine.
		test.slow()
		const household = await createE2eHousehold({ stage: 'stage_2' })
		await signInAs(context, baseURL!, 'manager')
		for (const action of ['contact', 'move', 'stage-1-complete', 'hold', 'owner', 'note', 'task', 'close']) {
			await page.goto(`/staff/households/${household.id}/${action}`)
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
			await expectNoAxeViolations(page)
		}
		// The close page's error state: reasons grouped under who ended it, with the message.
		await page.getByRole('button', { name: 'Close the household' }).click()
		await expect(page.locator('.govuk-error-summary')).toContainText('Select why the household left')
		await expectNoAxeViolations(page)

		await page.goto(`/staff/households/${household.id}/hold`)
		await page.getByLabel('Year').first().fill('2030')
		await page.getByLabel('Day').first().fill('1')
		await page.getByLabel('Month').first().fill('1')
		await page.getByRole('button', { name: 'Put on hold' }).click()
		await expect(page.getByTestId('status')).toHaveText('On hold')
		await page.getByRole('link', { name: 'Resume' }).click()
		await expectNoAxeViolations(page)
	})
})

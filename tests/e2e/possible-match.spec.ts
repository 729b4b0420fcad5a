import { fillEnquiry } from './enquiry-form.ts'
import { createE2eHousehold } from './households.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { signInAs } from './staff.ts'

// Possible matches and held-back enquiries in a real browser (docs/decisions/016): someone enquires
// with the email address of a household the service already knows; an officer finds the possible
// match from the pipeline, compares the two households and confirms they are the same, and the new
// enquiry becomes part of the known household. And an enquiry caught by the spam trap is released.

// One after the other: each writes to the database from this process (a household, a session)
// while the server records an enquiry, and SQLite refuses a write transaction whose snapshot
// another process changed under it (SQLITE_BUSY_SNAPSHOT).
test.describe.configure({ mode: 'serial' })

test('an officer confirms a possible match from the pipeline, and the two records become one household', async ({
	page,
	browser,
	baseURL,
}) => {
	const known = await createE2eHousehold({ firstName: 'Morgan', lastName: 'Matchley', stage: 'initial_contact' })

	// The family enquires again, through the public form, with the address we already have.
	const visitor = await browser.newContext()
	const form = await visitor.newPage()
	await form.goto('/enquire')
	await fillEnquiry(form, known.email, 'Morgan')
	await form.getByLabel('Last name').fill('Matchley')
	await form.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(form.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	const reference = (await form.locator('.govuk-panel__body strong').innerText()).trim()
	await visitor.close()

	await signInAs(page.context(), baseURL!, 'officer', 'Maya Officer')
	// The known household is untouched and says a new enquiry may be theirs.
	await page.goto(`/staff/households/${known.id}`)
	await expect(page.getByTestId('current-stage')).toHaveText('Initial contact')
	await expect(page.getByTestId('possible-match-notice')).toContainText('A new enquiry may be from this household')

	await page.goto('/staff/pipeline')
	await page.getByTestId('open-matches').getByRole('link', { name: /Check/ }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Possible matches' })).toBeVisible()
	await expectNoAxeViolations(page)
	await page
		.getByTestId('possible-matches')
		.getByRole('row')
		.filter({ hasText: known.reference })
		.getByRole('link')
		.click()

	await expect(page.getByRole('heading', { level: 1, name: 'Possible match' })).toBeVisible()
	const comparison = page.getByTestId('match-comparison')
	await expect(comparison).toContainText(known.reference)
	await expect(comparison).toContainText(reference)
	await expect(comparison.getByRole('row', { name: /Email/ })).toContainText('Same')
	await expectNoAxeViolations(page)
	await page.getByLabel('Yes, these are the same household').check()
	// Keeping the known household's contact details is the default.
	await expect(page.getByLabel(`The known household’s (${known.reference})`)).toBeChecked()
	await page.getByLabel('Why? (optional)').fill('Spoke to Morgan: they enquired again')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Save decision' }).click()

	await expect(page).toHaveURL(new RegExp(`/staff/households/${known.id}\\?done=match-confirmed$`))
	await expect(page.getByRole('alert')).toContainText('Possible match confirmed')
	await expect(page.getByTestId('current-stage')).toHaveText('Initial contact')
	await expect(page.getByLabel(`Enquiry ${reference}`)).toBeVisible()
	await expect(page.getByTestId('timeline').getByRole('heading', { name: 'Enquired again' })).toBeVisible()
	await expect(page.getByTestId('possible-match-notice')).toHaveCount(0)
	await expectNoAxeViolations(page)
})

test('an enquiry caught by the spam trap is held back, and an officer releases it into the pipeline', async ({
	page,
	browser,
	baseURL,
}) => {
	const email = `held.back.${crypto.randomUUID().slice(0, 8)}@example.com`
	const visitor = await browser.newContext()
	const form = await visitor.newPage()
	await form.goto('/enquire')
	await fillEnquiry(form, email, 'Hana')
	// What a misbehaving autofill (or a bot) would do: the box is off-screen and out of the tab order.
	const trap = form.locator('input[name="extra_comments"]')
	await expect(trap).toHaveAttribute('autocomplete', 'off')
	await expect(trap).toHaveAttribute('tabindex', '-1')
	await trap.fill('Hana', { force: true })
	await form.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(form.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	const reference = (await form.locator('.govuk-panel__body strong').innerText()).trim()
	await visitor.close()

	await signInAs(page.context(), baseURL!, 'officer', 'Rhys Officer')
	await page.goto('/staff')
	await page.getByRole('link', { name: 'Held-back enquiries' }).first().click()
	const row = page.getByTestId('held-back').getByRole('row').filter({ hasText: reference })
	await expect(row).toContainText(email)
	await expectNoAxeViolations(page)
	await row.getByRole('button', { name: /^Release/ }).click()
	await expect(page.getByRole('alert')).toContainText(`Enquiry ${reference} released`)
	await page.getByRole('link', { name: 'Open the household' }).click()
	await expect(page.getByTestId('current-stage')).toHaveText('Enquiry')
	await expect(page.getByLabel(`Enquiry ${reference}`)).toBeVisible()
})

import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { fillEnquiry } from './enquiry-form.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'

// The enquiry journey in a real browser, against the production build on its own database
// (tests/support/e2e-server.ts): with JavaScript and without, with mistakes and without.

const TMP = path.resolve(import.meta.dirname, '..', '.tmp')
const E2E_DB = path.join(TMP, 'e2e.db')
const MAILBOX = path.join(TMP, 'e2e-mailbox')

function enquiriesFor(email: string) {
	const db = new Database(E2E_DB, { readonly: true, fileMustExist: true })
	try {
		return db
			.prepare('SELECT reference, utmSource, utmMedium, landingPage, firstName FROM Enquiry WHERE email = ?')
			.all(email) as {
			reference: string
			utmSource: string | null
			utmMedium: string | null
			landingPage: string | null
			firstName: string
		}[]
	} finally {
		db.close()
	}
}

function uniqueEmail(label: string) {
	return `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`
}

test('with JavaScript on, an enquiry is confirmed with a reference and acknowledged by email within seconds', async ({
	page,
}) => {
	const email = uniqueEmail('js')
	await page.goto('/enquire')
	await expect(page).toHaveTitle(/^Enquire about fostering – /)
	await expectNoAxeViolations(page)
	await fillEnquiry(page, email)
	await page.getByRole('button', { name: 'Send enquiry' }).click()

	await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	const reference = await page.locator('.govuk-panel__body strong').textContent()
	expect(reference).toMatch(/^ENQ-[0-9A-Z]{6}$/)
	await expect(page.getByText('What happens next')).toBeVisible()
	await expect(page.getByText(/call you within 1 working day/)).toBeVisible()
	await expectNoAxeViolations(page)
	expect(enquiriesFor(email)).toMatchObject([{ reference, firstName: 'Oluwaseun' }])

	// The outbox worker delivers the acknowledgement to the local mailbox.
	await expect
		.poll(
			() =>
				fs.existsSync(MAILBOX) &&
				fs.readdirSync(MAILBOX).some((file) => fs.readFileSync(path.join(MAILBOX, file), 'utf8').includes(reference!)),
			{ timeout: 10_000 }
		)
		.toBe(true)
})

// A refused form comes back with status 400, which the browser reports in its console.
const FORM_REFUSED = [/status of 400 \(Bad Request\)/]

test.describe('with JavaScript on', () => {
	test.use({ allowedConsoleErrors: FORM_REFUSED })

	test('follow-up questions appear with their answer, “not sure” clears the other interests, errors take the focus', async ({
		page,
	}) => {
		// The page is not hydrated (ADR 026): the public site's own script marks the body and does
		// what React did for the form's components.
		await page.goto('/enquire')
		await expect(page.locator('body')).toHaveClass(/\bjs-enabled\b.*\bgovuk-frontend-supported\b/)
		const where = page.getByLabel('Where did you hear about us?')
		await expect(where).toBeHidden()
		await page.getByLabel('Somewhere else').check()
		await expect(where).toBeVisible()
		await page.getByLabel('Searching online').check()
		await expect(where).toBeHidden()
		const knownChild = page.getByRole('group', { name: 'Do you want to care for a child you already know?' })
		await knownChild.getByLabel('Yes').check()
		await expect(page.getByLabel(/Tell us about the child/)).toBeVisible()

		await page.getByLabel('Teenagers').check()
		await page.getByLabel('I’m not sure yet').check()
		await expect(page.getByLabel('Teenagers')).not.toBeChecked()
		await page.getByLabel('Teenagers').check()
		await expect(page.getByLabel('I’m not sure yet')).not.toBeChecked()

		await page.getByRole('button', { name: 'Send enquiry' }).click()
		await expect(page).toHaveTitle(/^Error: Enquire about fostering/)
		await expect(page.locator('.govuk-error-summary')).toBeFocused()
		await expectNoAxeViolations(page)
	})
})

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false, allowedConsoleErrors: FORM_REFUSED })

	test('the same journey works, and a mistake is shown in a GOV.UK error summary with the answers kept', async ({
		page,
	}) => {
		const email = uniqueEmail('nojs')
		await page.goto('/enquire')
		await fillEnquiry(page, email)
		await page.getByLabel('Phone number').fill('12345')
		await page.getByRole('button', { name: 'Send enquiry' }).click()

		await expect(page).toHaveTitle(/^Error: Enquire about fostering/)
		const summary = page.locator('.govuk-error-summary')
		await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
		await expect(summary.getByRole('link')).toHaveText([
			'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
		])
		await expect(page.locator('#phone-error')).toContainText('Enter a telephone number')
		await expect(page.getByLabel('First name')).toHaveValue('Oluwaseun')
		await expect(page.getByLabel('Teenagers')).toBeChecked()

		await page.getByLabel('Phone number').fill('+44 7700 900456')
		await page.getByRole('button', { name: 'Send enquiry' }).click()
		await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
		expect(enquiriesFor(email)).toHaveLength(1)
		const reference = await page.locator('.govuk-panel__body strong').textContent()

		// Back shows the form again, not the browser's "Confirm form resubmission" page; sent again
		// from there, it is the same enquiry.
		await page.goBack()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enquire about fostering')
		await expect(page.getByLabel('First name')).toHaveValue('Oluwaseun')
		await page.getByLabel('Phone number').fill('+44 7700 900456')
		await page.getByRole('button', { name: 'Send enquiry' }).click()
		await expect(page.locator('.govuk-panel__body strong')).toHaveText(reference!)
		expect(enquiriesFor(email)).toHaveLength(1)
	})

	test('submitting the same form twice (Back, then Send again) creates one enquiry', async ({ page }) => {
		const email = uniqueEmail('resend')
		await page.goto('/enquire')
		await fillEnquiry(page, email)
		await page.getByRole('button', { name: 'Send enquiry' }).click()
		await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
		const first = await page.locator('.govuk-panel__body strong').textContent()
		await page.goBack()
		await page.getByRole('button', { name: 'Send enquiry' }).click()
		await expect(page.locator('.govuk-panel__body strong')).toHaveText(first!)
		expect(enquiriesFor(email)).toHaveLength(1)
	})
})

test.describe('mistakes', () => {
	test.use({ allowedConsoleErrors: FORM_REFUSED })

	test('an empty form lists every problem; the summary links move to the question', async ({ page }) => {
		await page.goto('/enquire')
		await page.getByRole('button', { name: 'Send enquiry' }).click()
		const summary = page.locator('.govuk-error-summary')
		await expect(summary).toBeFocused()
		await expect(page).toHaveTitle(/^Error: /)
		await expect(summary.getByRole('link')).toHaveCount(12)
		await summary.getByRole('link', { name: 'Enter your postcode' }).click()
		await expect(page.getByLabel('Postcode')).toBeFocused()
		await expectNoAxeViolations(page)
	})
})

test('a double click on Send creates one enquiry', async ({ page }) => {
	const email = uniqueEmail('double')
	await page.goto('/enquire')
	await fillEnquiry(page, email)
	await page.getByRole('button', { name: 'Send enquiry' }).dblclick()
	await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	expect(enquiriesFor(email)).toHaveLength(1)
})

test('a visitor from a tracked link keeps its attribution all the way to the enquiry', async ({ page }) => {
	const email = uniqueEmail('utm')
	await page.goto('/can-i-foster?utm_source=facebook&utm_medium=paid_social&utm_campaign=teens')
	await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Enquire' }).click()
	await expect(page).toHaveURL(/\/enquire\?.*utm_source=facebook/)
	await fillEnquiry(page, email)
	await page.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	expect(enquiriesFor(email)).toMatchObject([
		{ utmSource: 'facebook', utmMedium: 'paid_social', landingPage: '/can-i-foster' },
	])
})

test('on a phone the form fits the screen and can be sent @mobile', async ({ page }) => {
	const email = uniqueEmail('phone')
	await page.goto('/enquire')
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	expect(overflow).toBeLessThanOrEqual(0)
	await fillEnquiry(page, email, 'Zofia')
	await page.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
})

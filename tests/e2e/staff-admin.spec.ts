import crypto from 'node:crypto'
import type { Browser } from '@playwright/test'
import { hashPassword } from '../../app/utils/password.server.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { linkEmailedTo } from './mailbox.ts'
import { openE2eDatabase, signInAs } from './staff.ts'

// Administering staff accounts, password links, settings and the mailbox in a real browser against
// the production build. Emails are read from the e2e mailbox directory the outbox worker writes.

// Refused forms answer 400 or 409 and an used link 410, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 4(00|09|10)/] })

async function signedOutPage(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London' })
	return context.newPage()
}

test('an administrator adds a user, who sets a password from the emailed link and signs in', async ({
	page,
	context,
	baseURL,
	browser,
}) => {
	await signInAs(context, baseURL!, 'administrator', 'Ada Administrator')
	await page.goto('/staff/users')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users')
	await expect(page.getByRole('link', { name: 'Ada Administrator' })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByRole('button', { name: 'Add a user' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a user')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Add user and send the link' }).click()
	await expect(page).toHaveTitle(/^Error: Add a user/)
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter their full name')
	await expectNoAxeViolations(page)

	const email = `nia.${crypto.randomUUID().slice(0, 8)}@northdale.example`
	await page.getByLabel('Full name').fill('Nia Newcomer')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Recruitment officer').check()
	await page.getByRole('button', { name: 'Add user and send the link' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nia Newcomer')
	await expect(page.locator('.govuk-notification-banner')).toContainText(
		'We have emailed them a link to set their password'
	)
	await expect(page.locator('.govuk-summary-list')).toContainText('No password yet')
	await expectNoAxeViolations(page)

	// Nia, in her own browser, follows the link from the email.
	const link = await linkEmailedTo(email, /\/staff\/reset-password\/[A-Za-z0-9_-]{43}/)
	const nia = await signedOutPage(browser, baseURL!)
	await nia.goto(link)
	await expect(nia.getByRole('heading', { level: 1 })).toHaveText('Choose a password')
	await expectNoAxeViolations(nia)
	await nia.getByLabel('New password', { exact: true }).fill('short')
	await nia.getByLabel('Confirm new password').fill('short')
	await nia.getByRole('button', { name: 'Save password' }).click()
	await expect(nia.locator('.govuk-error-summary')).toContainText('Password must be 12 characters or more')
	await expectNoAxeViolations(nia)
	await nia.getByLabel('New password', { exact: true }).fill('kettle marmalade lighthouse')
	await nia.getByLabel('Confirm new password').fill('kettle marmalade lighthouse')
	await nia.getByRole('button', { name: 'Save password' }).click()

	await expect(nia).toHaveURL(/\/staff\/login\?passwordSet$/)
	await expect(nia.locator('.govuk-notification-banner')).toContainText('Your password has been saved')
	await nia.getByLabel('Email address').fill(email)
	await nia.getByLabel('Password').fill('kettle marmalade lighthouse')
	await nia.getByRole('button', { name: 'Sign in' }).click()
	await expect(nia.getByRole('heading', { level: 1 })).toHaveText('Staff home')
	await expect(nia.locator('.govuk-summary-list')).toContainText('Recruitment officer')
	await nia.context().close()

	await page.reload()
	await expect(page.locator('.govuk-summary-list')).toContainText('Active')
})

test('someone who forgot their password gets a link from the sign-in page; it works once', async ({
	page,
	browser,
	baseURL,
}) => {
	const email = `fergus.${crypto.randomUUID().slice(0, 8)}@northdale.example`
	const db = openE2eDatabase()
	try {
		db.prepare('INSERT INTO StaffUser (id, email, name, role, createdAt, passwordHash) VALUES (?, ?, ?, ?, ?, ?)').run(
			crypto.randomUUID(),
			email,
			'Fergus Forgetful',
			'manager',
			new Date().toISOString(),
			await hashPassword('an old forgotten password')
		)
	} finally {
		db.close()
	}

	await page.goto('/staff/login')
	await page.getByRole('link', { name: 'Forgotten your password?' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password')
	await expectNoAxeViolations(page)
	await page.getByLabel('Email address').fill(email)
	await page.getByRole('button', { name: 'Send the link' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
	await expect(page.getByText('If there is an account for that address, we have sent a link')).toBeVisible()
	await expectNoAxeViolations(page)

	const link = await linkEmailedTo(email, /\/staff\/reset-password\/[A-Za-z0-9_-]{43}/)
	await page.goto(link)
	await page.getByLabel('New password', { exact: true }).fill('a new and memorable phrase')
	await page.getByLabel('Confirm new password').fill('a new and memorable phrase')
	await page.getByRole('button', { name: 'Save password' }).click()
	await expect(page).toHaveURL(/\/staff\/login\?passwordSet$/)

	// The same link again, as if from the email a second time.
	const again = await signedOutPage(browser, baseURL!)
	await again.goto(link)
	await expect(again.getByRole('heading', { level: 1 })).toHaveText('This link has expired or has already been used')
	await expectNoAxeViolations(again)
	await again.getByRole('link', { name: 'Ask for a new link' }).click()
	await expect(again).toHaveURL(/\/staff\/forgot-password$/)
	await again.context().close()
})

test('a manager renames a stage, adds an exit reason, retires it, and looks at the channels', async ({
	page,
	context,
	baseURL,
}) => {
	await signInAs(context, baseURL!, 'manager', 'Mo Manager')
	await page.goto('/staff/settings')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'Stage names' }).click()
	await expectNoAxeViolations(page)
	await page.getByLabel('Initial visit').fill('Home visit')
	await page.getByRole('button', { name: 'Save stage names' }).click()
	await expect(page.locator('.govuk-notification-banner')).toContainText('Stage names saved')
	await expect(page.getByLabel('Initial visit')).toHaveValue('Home visit')
	// Put it back, so other tests see the standard names.
	await page.getByLabel('Initial visit').fill('')
	await page.getByRole('button', { name: 'Save stage names' }).click()
	await expect(page.locator('.govuk-notification-banner')).toContainText('Stage names saved')

	await page.goto('/staff/settings/exit-reasons')
	await expect(page.getByRole('table', { name: 'The household withdrew' })).toContainText('Housing or no spare room')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Add an exit reason' }).click()
	const label = `Moved abroad ${crypto.randomUUID().slice(0, 4)}`
	await page.getByLabel('Reason', { exact: true }).fill(label)
	await page.getByLabel('The household withdrew').check()
	await page.getByRole('button', { name: 'Add exit reason' }).click()
	await expect(page.locator('.govuk-error-summary')).toContainText('Select the Ofsted withdrawal code for this reason')
	await expectNoAxeViolations(page)
	await page.getByLabel('Ofsted withdrawal code').selectOption('AW3')
	await page.getByRole('button', { name: 'Add exit reason' }).click()
	await expect(page.locator('.govuk-notification-banner')).toContainText('Exit reason added')
	const row = page.getByRole('row').filter({ hasText: label })
	await expect(row).toContainText('AW3')
	await expect(row).toContainText('In use')

	await row.getByRole('link', { name: /Change/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(label)
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Retire this reason' }).click()
	await expect(page.locator('.govuk-notification-banner')).toContainText('Exit reason retired')
	await expect(page.getByRole('row').filter({ hasText: label })).toContainText('Retired')

	await page.goto('/staff/settings/channels')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Add a channel' }).click()
	await expectNoAxeViolations(page)
	await page.goto('/staff/settings/channels')
	await page
		.getByRole('row')
		.filter({ hasText: 'Search engine' })
		.getByRole('link', { name: /Change/ })
		.click()
	await expect(page.getByText('so it cannot be retired')).toBeVisible()
	await expectNoAxeViolations(page)
})

test('the mailbox lists what was sent; a manager sends a refused email again', async ({ page, context, baseURL }) => {
	const id = crypto.randomUUID()
	const to = `refused.${id.slice(0, 8)}@example.com`
	const db = openE2eDatabase()
	try {
		const now = new Date().toISOString()
		db.prepare(
			`INSERT INTO OutboxMessage (id, template, toAddress, subject, html, text, status, attempts, nextAttemptAt, lastError, createdAt)
			 VALUES (?, 'enquiry-acknowledgement', ?, 'We have your fostering enquiry (ENQ-E2E001)', '<p>Dear Sam,</p>', ?, 'dead', 3, ?, '550 5.1.1 No such user', ?)`
		).run(id, to, 'Dear Sam,\n\nThank you for your enquiry.', now, now)
	} finally {
		db.close()
	}
	await signInAs(context, baseURL!, 'manager', 'Mo Manager')
	await page.goto('/staff/mailbox')
	const row = page.getByRole('row').filter({ hasText: to })
	await expect(row).toContainText('Not sent')
	await expect(row).toContainText('550 5.1.1 No such user')
	await expectNoAxeViolations(page)

	await row.getByRole('link', { name: 'We have your fostering enquiry (ENQ-E2E001)' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your fostering enquiry (ENQ-E2E001)')
	await expect(page.getByText('Thank you for your enquiry.')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Try sending again' }).click()
	await expect(page.locator('.govuk-notification-banner')).toContainText('The email will be sent again')
	// The worker sends it to the e2e mailbox within a moment.
	await expect
		.poll(async () => {
			await page.reload()
			return page.locator('.govuk-summary-list').textContent()
		})
		.toContain('Sent')
	await expect(page.getByRole('button', { name: 'Try sending again' })).toHaveCount(0)
})

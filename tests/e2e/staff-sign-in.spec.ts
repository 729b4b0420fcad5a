import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { hashPassword } from '../../app/utils/password.server.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'

// Staff signing in and out in a real browser, against the production build. The e2e database
// has no demo data, so each test makes its own staff member directly in it.

const E2E_DB = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e.db')
const PASSWORD = 'e2e-staff-password-2026'

// A refused sign-in answers 400, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 400/] })

async function createStaffMember(name: string, role: string) {
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${crypto.randomUUID().slice(0, 8)}@northdale.example`
	const db = new Database(E2E_DB, { fileMustExist: true })
	try {
		db.prepare('INSERT INTO StaffUser (id, email, name, role, createdAt, passwordHash) VALUES (?, ?, ?, ?, ?, ?)').run(
			crypto.randomUUID(),
			email,
			name,
			role,
			new Date().toISOString(),
			await hashPassword(PASSWORD)
		)
	} finally {
		db.close()
	}
	return email
}

test('a signed-out visit to the staff area asks for sign-in on an accessible page that search engines skip', async ({
	page,
}) => {
	await page.goto('/staff')
	await expect(page).toHaveURL(/\/staff\/login\?redirectTo=%2Fstaff$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the staff area')
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow')
	await expectNoAxeViolations(page)
})

test('a recruitment officer signs in after a mistake, sees their name and role, and signs out', async ({
	page,
	context,
}) => {
	const email = await createStaffMember('Amira Hussain', 'officer')
	await page.goto('/staff/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill('not-my-password')
	await page.getByRole('button', { name: 'Sign in' }).click()

	await expect(page).toHaveTitle(/^Error: Sign in/)
	const summary = page.locator('.govuk-error-summary')
	await expect(summary).toContainText('There is a problem')
	await expect(summary).toContainText('Enter a correct email address and password')
	await expect(page.getByLabel('Email address')).toHaveValue(email)
	await expectNoAxeViolations(page)

	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/staff$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff home')
	await expect(page.locator('.govuk-summary-list')).toContainText('Amira Hussain')
	await expect(page.locator('.govuk-summary-list')).toContainText('Recruitment officer')
	await expectNoAxeViolations(page)

	// The one session cookie: not readable by scripts, https only, host-only.
	const cookies = await context.cookies()
	expect(cookies.map((cookie) => [cookie.name, cookie.httpOnly, cookie.secure, cookie.sameSite, cookie.path])).toEqual([
		['__Host-staff', true, true, 'Lax', '/'],
	])

	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/staff\/login\?signedOut/)
	await expect(page.getByText('You have signed out')).toBeVisible()
	expect(await context.cookies()).toEqual([])
	await page.goto('/staff')
	await expect(page).toHaveURL(/\/staff\/login\?redirectTo=%2Fstaff$/)
})

test('signing in works without JavaScript and returns to the page asked for', async ({ noJsPage: page }) => {
	const email = await createStaffMember('Tom Ashworth', 'read_only')
	await page.goto('/staff/login?redirectTo=%2Fstaff')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address')
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter your password')

	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/staff$/)
	await expect(page.locator('.govuk-summary-list')).toContainText('Tom Ashworth')
	await expect(page.locator('.govuk-summary-list')).toContainText('Read-only')
})

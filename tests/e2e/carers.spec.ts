import crypto from 'node:crypto'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { openE2eDatabase, signInAs } from './staff.ts'

// Carers in the staff area: an officer adds a carer (with the form's errors first), sees their
// referral code on the record, records a placement, and checks a CSV import's preview before
// importing it in the background. Axe on every page.

/** A carer with a referral code, written straight into the e2e database. */
function createE2eCarer(name: string) {
	const id = crypto.randomUUID()
	const code = `E2E${id
		.replace(/[^A-Z2-9]/gi, '')
		.toUpperCase()
		.slice(0, 5)}`
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 8)}@example.com`
	const db = openE2eDatabase()
	try {
		const at = new Date().toISOString()
		db.prepare(
			`INSERT INTO Carer (id, kind, name, email, emailNormalized, shortBreakOnly, status, createdAt, updatedAt)
			VALUES (?, 'foster_carer', ?, ?, ?, 0, 'active', ?, ?)`
		).run(id, name, email, email, at, at)
		db.prepare('INSERT INTO ReferralCode (id, code, active, createdAt, carerId) VALUES (?, ?, 1, ?, ?)').run(
			crypto.randomUUID(),
			code,
			at,
			id
		)
	} finally {
		db.close()
	}
	return { id, code, name, email }
}

// Refused forms answer 400, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 400/] })

test('an officer adds a carer, records a placement and imports carers from a spreadsheet', async ({
	page,
	context,
	baseURL,
}) => {
	// A long journey (a carer, a placement, two uploads and an import in the background), with axe on each page.
	test.slow()
	const tag = crypto.randomUUID().slice(0, 8)
	await signInAs(context, baseURL!, 'officer', 'Olu Officer')
	await page.goto('/staff/carers')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carers')
	await expectNoAxeViolations(page)

	await page.getByRole('button', { name: 'Add a carer' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a carer')
	await expectNoAxeViolations(page)
	await page.getByLabel('Email address').fill('not-an-email')
	await page.getByRole('button', { name: 'Add carer' }).click()
	await expect(page).toHaveTitle(/^Error: Add a carer/)
	const summary = page.locator('.govuk-error-summary')
	await expect(summary).toContainText('Enter the carer’s name')
	await expect(summary).toContainText('Enter an email address in the correct format')
	await expectNoAxeViolations(page)

	await page.getByLabel('Name', { exact: true }).fill(`Grace Carer ${tag}`)
	await page.getByLabel('Email address').fill(`grace.${tag}@example.com`)
	await page.getByLabel('Day').fill('14')
	await page.getByLabel('Month').fill('9')
	await page.getByLabel('Year').fill('2021')
	await page.getByRole('button', { name: 'Add carer' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Grace Carer ${tag}`)
	await expect(page.getByText('Carer added')).toBeVisible()
	const code = (await page.getByTestId('carer-code').locator('code').textContent())!
	expect(code).toMatch(/^[A-Z2-9]{8}$/)
	await expect(page.getByTestId('carer-code')).toContainText(`/r/${code}`)
	await expect(page.getByTestId('carer-details')).toContainText('14 September 2021')
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'Record a placement' }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a placement')
	await expectNoAxeViolations(page)
	const started = page.getByRole('group', { name: 'Date the placement started' })
	await started.getByLabel('Day').fill('3')
	await started.getByLabel('Month').fill('2')
	await started.getByLabel('Year').fill('2025')
	await page.getByLabel('Child’s reference (optional)').fill('CR-1001')
	await page.getByRole('button', { name: 'Record placement' }).click()
	await expect(page.getByText('Placement recorded')).toBeVisible()
	await expect(page.getByTestId('carer-placements')).toContainText('3 February 2025')
	await expect(page.getByTestId('carer-placements')).toContainText('CR-1001')

	// Search finds the carer by code.
	await page.goto(`/staff/carers?q=${code.toLowerCase()}`)
	await expect(page.getByTestId('carer-count')).toHaveText(`1 carer matching “${code.toLowerCase()}”`)
	await expect(page.getByRole('link', { name: `Grace Carer ${tag}` })).toBeVisible()

	// The import: a file with a duplicate is refused row by row, the corrected one imports.
	await page.goto('/staff/carers/import')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import carers from a spreadsheet')
	await expectNoAxeViolations(page)
	const header = 'name,email,phone,kind,approved_on,short_breaks_only'
	const rows = [`Ade Imported ${tag},ade.${tag}@example.com,,foster_carer,01/06/2020,no`]
	await page.getByLabel('Upload a CSV file').setInputFiles({
		name: 'carers.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([header, ...rows, `Grace again,GRACE.${tag}@example.com,,,,`].join('\r\n')),
	})
	await page.getByRole('button', { name: 'Check the file' }).click()
	await expect(page).toHaveTitle(/^Error: Check the carers to import/)
	await expect(page.locator('.govuk-error-summary')).toContainText('1 row has errors: nothing has been imported')
	await expect(page.getByTestId('import-errors')).toContainText(
		`A carer with this email address has already been added (Grace Carer ${tag})`
	)
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0)
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'upload it again' }).click()
	await page.getByLabel('Upload a CSV file').setInputFiles({
		name: 'carers.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from([header, ...rows, `Bea Imported ${tag},bea.${tag}@example.com,,,,yes`].join('\r\n')),
	})
	await page.getByRole('button', { name: 'Check the file' }).click()
	await expect(page).toHaveTitle(/^Check the carers to import/)
	await expect(page.getByTestId('import-preview')).toContainText(`Bea Imported ${tag}`)
	await expect(page.getByTestId('import-preview')).toContainText('1 June 2020')
	await expectNoAxeViolations(page)
	// The import runs in the background, as the households' does: the page shows it until it is done.
	await page.getByRole('button', { name: 'Import 2 carers' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carers imported', { timeout: 15_000 })
	await expect(page.locator('.govuk-panel__body')).toHaveText('2 carers from carers.csv')
	await expectNoAxeViolations(page)
	await page.goto(`/staff/carers?q=${tag}`)
	await expect(page.getByTestId('carer-count')).toHaveText(`3 carers matching “${tag}”`)
	await expectNoAxeViolations(page)
})

test('without JavaScript, a carers import shows its progress until it has finished, as the households’ does', async ({
	noJsPage,
	baseURL,
}) => {
	const tag = crypto.randomUUID().slice(0, 8)
	await signInAs(noJsPage.context(), baseURL!, 'officer')
	const rows = Array.from({ length: 40 }, (_, i) => `Nojs ${i} ${tag},nojs.${i}.${tag}@example.com,,,,`)
	await noJsPage.goto('/staff/carers/import')
	await noJsPage.getByLabel('Upload a CSV file').setInputFiles({
		name: 'no-js.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['name,email,phone,kind,approved_on,short_breaks_only', ...rows].join('\n')),
	})
	await noJsPage.getByRole('button', { name: 'Check the file' }).click()
	await noJsPage.getByRole('button', { name: 'Import 40 carers' }).click()
	// Either still importing (the page refreshes itself every 2 seconds) or already done.
	await expect(noJsPage.getByRole('heading', { level: 1 })).toHaveText(/Importing carers|Carers imported/)
	await expect(noJsPage.getByRole('heading', { level: 1 })).toHaveText('Carers imported', { timeout: 15_000 })
	await expect(noJsPage.locator('.govuk-panel__body')).toHaveText('40 carers from no-js.csv')
})

test('an officer attaches a referral to a household, which its record then shows', async ({
	page,
	context,
	baseURL,
}) => {
	const tag = crypto.randomUUID().slice(0, 8)
	const carer = createE2eCarer(`Rita Referrer ${tag}`)
	const household = await createE2eHousehold({ firstName: 'Fern', lastName: `Friend${tag.replace(/\d/g, '')}` })
	await signInAs(context, baseURL!, 'officer', 'Oscar Officer')
	await page.goto(`/staff/households/${household.id}`)
	await expect(page.getByRole('heading', { name: 'Referral', exact: true })).toBeVisible()
	await expect(page.getByText('No carer referred this household.')).toBeVisible()

	await page.getByRole('link', { name: 'Attach a referral' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attach a referral')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Attach referral' }).click()
	await expect(page).toHaveTitle(/^Error: Attach a referral/)
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the referral code or choose the carer')
	await expectNoAxeViolations(page)

	await page.getByLabel('Or choose the carer').selectOption({ label: `${carer.name} (${carer.email})` })
	await page.getByLabel('Why are you attaching this referral?').fill('They told us on the phone')
	await page.getByRole('button', { name: 'Attach referral' }).click()
	await expect(page.getByText('Referral attached: it counts for a bonus')).toBeVisible()
	const referrals = page.getByTestId('household-referrals')
	await expect(referrals).toContainText(carer.name)
	await expect(referrals).toContainText('Added by staff')
	await expect(referrals).toContainText('Counted')
	await expect(referrals).toContainText('Staff reason: They told us on the phone')
	await expectNoAxeViolations(page)
})

import crypto from 'node:crypto'
import { londonDate } from '../../app/domain/working-days.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { openE2eDatabase, signInAs } from './staff.ts'

// A manager works through an earned refer-a-friend bonus: approves it, records that payroll paid
// it, and the ledger shows it paid. The bonus scheme and referral report pages are checked too.

// The refused payment form answers 400, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 400/] })

/** A carer whose referred household was approved, with its approval bonus earned. */
async function earnedBonus(carerName: string) {
	const household = await createE2eHousehold({ firstName: 'Priya', lastName: 'Referred', stage: 'approved' })
	const suffix = crypto.randomUUID().slice(0, 8)
	const carerId = `carer-${suffix}`
	const referralId = `referral-${suffix}`
	const entryId = `entry-${suffix}`
	const at = new Date().toISOString()
	const today = londonDate(new Date())
	const db = openE2eDatabase()
	try {
		db.transaction(() => {
			db.prepare(
				`INSERT INTO Carer (id, kind, name, email, emailNormalized, shortBreakOnly, status, createdAt, updatedAt)
				VALUES (?, 'foster_carer', ?, ?, ?, 0, 'active', ?, ?)`
			).run(carerId, carerName, `${suffix}@example.com`, `${suffix}@example.com`, at, at)
			db.prepare(
				`INSERT INTO Referral (id, referrerId, householdId, via, referredOn, status, countedHouseholdId, schemeId, createdAt, updatedAt)
				VALUES (?, ?, ?, 'link', ?, 'counted', ?, 'initial-bonus-scheme', ?, ?)`
			).run(referralId, carerId, household.id, today, household.id, at, at)
			db.prepare(
				`INSERT INTO BonusEntry (id, referralId, milestone, payeeId, amountPence, status, earnedOn, createdAt, updatedAt)
				VALUES (?, ?, 'approved', ?, 25000, 'earned', ?, ?, ?)`
			).run(entryId, referralId, carerId, today, at, at)
		})()
	} finally {
		db.close()
	}
	return { entryId, today }
}

test('a manager approves an earned bonus and records a payroll payment', async ({ page, context, baseURL }) => {
	const { today } = await earnedBonus('Olu Referrer')
	await signInAs(context, baseURL!, 'manager', 'Mina Manager')
	await page.goto('/staff')
	await page.getByRole('link', { name: 'Bonuses' }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonuses')
	await expect(page.getByRole('radio', { name: /Earned, awaiting approval/ })).toBeChecked()
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: /Olu Referrer/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('£250 bonus for Olu Referrer')
	await expect(page.locator('.govuk-summary-list')).toContainText('Earned, awaiting approval')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Approve £250 bonus' }).click()
	await expect(page.getByRole('alert')).toContainText('Bonus approved for payment')
	await expect(page.getByText(/Approved by Mina Manager/)).toBeVisible()

	// Without a reference the payment is refused with GOV.UK messages.
	await page.getByRole('radio', { name: 'Payroll (with the carer’s allowance)' }).check()
	await page
		.getByRole('group', { name: 'Date it was paid' })
		.getByLabel('Day')
		.fill(String(Number(today.slice(8, 10))))
	await page
		.getByRole('group', { name: 'Date it was paid' })
		.getByLabel('Month')
		.fill(String(Number(today.slice(5, 7))))
	await page.getByRole('group', { name: 'Date it was paid' }).getByLabel('Year').fill(today.slice(0, 4))
	await page.getByRole('button', { name: 'Record payment' }).click()
	await expect(page).toHaveTitle(/^Error: £250 bonus for Olu Referrer/)
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the payment reference')
	await expectNoAxeViolations(page)

	await page.getByLabel('Payment reference').fill('PAYROLL-NOV-0042')
	await page.getByRole('button', { name: 'Record payment' }).click()
	await expect(page.getByRole('alert')).toContainText('Payment recorded')
	await expect(page.locator('.govuk-summary-list')).toContainText('Paid')
	await expect(
		page.getByText(/by payroll \(with the carer’s allowance\), reference PAYROLL-NOV-0042 \(recorded by Mina Manager\)/)
	).toBeVisible()
	// Paid is final: no more actions.
	for (const name of ['Approve £250 bonus', 'Record payment', 'Make bonus void']) {
		await expect(page.getByRole('button', { name })).toHaveCount(0)
	}

	await page.getByRole('link', { name: 'Back to bonuses' }).click()
	await page.getByRole('radio', { name: /^Paid/ }).check()
	await page.getByRole('button', { name: 'Show bonuses' }).click()
	await expect(page.getByRole('row', { name: /Olu Referrer/ })).toContainText('£250')
})

test('a manager sees the bonus scheme and the referral report', async ({ page, context, baseURL }) => {
	await signInAs(context, baseURL!, 'manager', 'Rhys Manager')
	await page.goto('/staff/settings')
	await page.getByRole('link', { name: 'Refer-a-friend bonus scheme' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refer-a-friend bonus scheme')
	await expect(page.getByText('When the referred household is approved: £250').first()).toBeVisible()
	await expectNoAxeViolations(page)
	// A start date in the past is refused.
	await page.getByRole('group', { name: 'Date the scheme starts' }).getByLabel('Day').fill('1')
	await page.getByRole('group', { name: 'Date the scheme starts' }).getByLabel('Month').fill('1')
	await page.getByRole('group', { name: 'Date the scheme starts' }).getByLabel('Year').fill('2020')
	await page.getByRole('button', { name: 'Save new scheme' }).click()
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The date the scheme starts must be today or in the future'
	)
	await expectNoAxeViolations(page)

	await page.goto('/staff/reports/referrals')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referral report')
	await expect(page.getByRole('table', { name: 'Households reaching each stage, referred and others' })).toBeVisible()
	await expectNoAxeViolations(page)
})

import { fillEnquiry } from './enquiry-form.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { emailsTo } from './mailbox.ts'
import { createCarer, signInLinkEmailedTo } from './referrers.ts'
import { openE2eDatabase, signInAs } from './staff.ts'

// Refer a friend from end to end, in a real browser against the production build, with the
// bonus paid through the fake Stripe the e2e server talks to with the real SDK: a carer signs in
// and shares their link, a friend enquires through it, staff take the friend to approval, a
// manager approves the bonus and pays it, and the carer sees "Bonus paid" and nothing else
// about the friend.

function householdOf(email: string): { id: string; reference: string } {
	const db = openE2eDatabase()
	try {
		return db
			.prepare(
				'SELECT h.id, h.reference FROM Household h JOIN Applicant a ON a.householdId = h.id WHERE a.emailNormalized = ?'
			)
			.get(email) as { id: string; reference: string }
	} finally {
		db.close()
	}
}

async function emailSubjectsTo(address: string) {
	return (await emailsTo(address)).map((message) => message.subject)
}

test('a friend enquires through a carer’s link, is approved, and the carer sees only that the bonus was paid', async ({
	page,
	browser,
	baseURL,
}) => {
	test.slow()
	const carer = createCarer('Grace Journey')

	// The carer signs in with an emailed link and sets up being paid through Stripe.
	await page.goto('/refer')
	await page.getByLabel('Email address').fill(carer.email)
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
	await page.goto(await signInLinkEmailedTo(carer.email))
	await page.getByRole('button', { name: 'Sign in' }).click()
	await page.getByRole('link', { name: 'Get paid by bank transfer (Stripe)' }).click()
	await page.getByRole('button', { name: 'Set up payments with Stripe' }).click()
	await expect(page.getByRole('heading', { name: 'You are set up to be paid' })).toBeVisible()
	await page.goto('/refer/home')
	const personalLink = await page.getByLabel('Your personal link').inputValue()

	// The friend follows the link on their own phone and enquires; the code comes with them.
	const friendContext = await browser.newContext()
	const friend = await friendContext.newPage()
	const friendEmail = `niamh.${crypto.randomUUID().slice(0, 8)}@example.com`
	await friend.goto(new URL(personalLink).pathname)
	await friend.getByRole('button', { name: 'Make an enquiry' }).first().click()
	await expect(friend.getByLabel('Referral code (optional)')).toHaveValue(carer.code)
	await fillEnquiry(friend, friendEmail, 'Niamh')
	await friend.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(friend.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()
	await friendContext.close()
	const household = householdOf(friendEmail)

	// An officer sees who referred the household and takes it through to approval.
	const officerContext = await browser.newContext()
	await signInAs(officerContext, baseURL!, 'officer', 'Ola Officer')
	const officer = await officerContext.newPage()
	await officer.goto(`/staff/households/${household.id}`)
	await expect(officer.getByTestId('household-referrals')).toContainText('Grace Journey')
	await expect(officer.getByTestId('household-referrals')).toContainText('Counted')
	await officer.getByRole('link', { name: 'Log a contact attempt' }).click()
	await officer.getByLabel('Phone call').check()
	await officer.getByLabel('Answered').check()
	await officer.getByRole('button', { name: 'Save contact attempt' }).click()
	for (const stage of ['Initial visit', 'Application', 'Stage 1', 'Stage 2', 'Panel', 'Approved']) {
		await officer.getByRole('link', { name: 'Move to a stage' }).click()
		await officer.getByRole('button', { name: 'Save stage' }).click()
		await expect(officer.getByTestId('current-stage')).toHaveText(stage)
	}
	await officerContext.close()
	await expect.poll(() => emailSubjectsTo(carer.email)).toContain('You have earned a £250 referral bonus')

	// The carer sees the friend has been approved; the bonus is not paid yet.
	await page.reload()
	const referrals = page.getByRole('table', { name: 'Your referrals' })
	await expect(referrals.getByRole('row').nth(1)).toContainText('Approved')

	// A manager approves the bonus and pays it through Stripe.
	const managerContext = await browser.newContext()
	await signInAs(managerContext, baseURL!, 'manager', 'Mo Manager')
	const manager = await managerContext.newPage()
	await manager.goto('/staff/bonuses')
	await manager.getByRole('link', { name: /Grace Journey/ }).click()
	await manager.getByRole('button', { name: 'Approve £250 bonus' }).click()
	await expect(manager.getByRole('alert')).toContainText('Bonus approved for payment')
	await manager.getByRole('button', { name: 'Pay with Stripe' }).click()
	await expect(async () => {
		await manager.reload()
		await expect(manager.locator('.govuk-summary-list')).toContainText('Paid')
	}).toPass({ timeout: 15_000 })
	await expectNoAxeViolations(manager)
	await managerContext.close()
	await expect.poll(() => emailSubjectsTo(carer.email)).toContain('Your £250 bonus has been paid')

	// The carer sees "Bonus paid" and £250, and nothing that identifies the friend.
	await page.reload()
	await expect(referrals.getByRole('row').nth(1)).toContainText('Bonus paid')
	await expect(referrals.getByRole('row').nth(1)).toContainText('£250')
	const shown = await page.locator('main').innerText()
	for (const secret of ['Niamh', 'Adeyemi', friendEmail, 'NE2', household.reference, '07700', 'Panel']) {
		expect(shown, `the portal shows "${secret}"`).not.toContain(secret)
	}
	await expectNoAxeViolations(page)
})

import crypto from 'node:crypto'
import { londonDate } from '../../app/domain/working-days.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { changeE2eHousehold, createE2eHousehold, e2eExitReasons } from './households.ts'
import { emailTo } from './mailbox.ts'
import { createCarer, signInLinkEmailedTo } from './referrers.ts'
import { createStaffMember, openE2eDatabase } from './staff.ts'

// Refer a friend in a real browser against the production build: a carer asks for a link, signs
// in with it from the local mailbox, shares their link, invites a friend, and sees how a referral
// is going without learning anything else about the friend.

// A refused form answers 400, and a used link 410; the browser logs both.
test.use({ allowedConsoleErrors: [/status of 4(00|10)/] })

/** A referral by this carer of a household that enquired, applied and then left the process. */
async function referralThatLeft(carerId: string) {
	const household = await createE2eHousehold({ firstName: 'Siobhán', lastName: 'Privatename', stage: 'stage_1' })
	const reason = (await e2eExitReasons()).find((option) => option.endedBy === 'household' && !option.retired)!
	await changeE2eHousehold(household.id, createStaffMember('manager'), {
		type: 'close',
		endedBy: reason.endedBy,
		exitReasonKey: reason.key,
		businessDate: londonDate(new Date()),
	})
	const db = openE2eDatabase()
	try {
		const scheme = db.prepare('SELECT id FROM BonusScheme LIMIT 1').get() as { id: string }
		db.prepare(
			`INSERT INTO Referral (id, referrerId, householdId, via, referredOn, status, countedHouseholdId, schemeId, createdAt, updatedAt)
			VALUES (?, ?, ?, 'link', '2026-01-10', 'counted', ?, ?, ?, ?)`
		).run(
			crypto.randomUUID(),
			carerId,
			household.id,
			household.id,
			scheme.id,
			new Date().toISOString(),
			new Date().toISOString()
		)
		return { household, exitReason: reason.label }
	} finally {
		db.close()
	}
}

test('a carer signs in with the emailed link, shares their link, invites a friend and sees only how far a referral got', async ({
	page,
}) => {
	const carer = createCarer('Grace Mensah')
	const { household, exitReason } = await referralThatLeft(carer.id)

	await page.goto('/refer')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refer a friend to foster')
	await expect(page.getByText('£250 when they are approved as foster carers')).toBeVisible()
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
	await expect(page).toHaveTitle(/^Error: Refer a friend to foster/)
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address')
	await expectNoAxeViolations(page)

	await page.getByLabel('Email address').fill(carer.email)
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
	await expectNoAxeViolations(page)

	const linkPath = await signInLinkEmailedTo(carer.email)
	await page.goto(linkPath)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to refer a friend')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Sign in' }).click()

	await expect(page).toHaveURL(/\/refer\/home$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refer a friend')
	await expect(page.getByLabel('Your personal link')).toHaveValue(new RegExp(`/r/${carer.code}$`))
	await expect(page.locator('#referral-code')).toHaveText(carer.code)
	const referrals = page.getByRole('table', { name: 'Your referrals' })
	await expect(referrals.getByRole('row')).toHaveCount(2)
	await expect(referrals.getByRole('row').nth(1)).toHaveText(
		/^Used your link or code\s*10 January 2026\s*Applied\s*Nothing yet$/
	)
	const main = await page.locator('main').innerText()
	for (const secret of ['Siobhán', 'Privatename', household.reference, exitReason, 'Stage 1', '07700']) {
		expect(main, `the portal shows "${secret}"`).not.toContain(secret)
	}
	await expect(page.getByRole('link', { name: 'Get paid by bank transfer (Stripe)' })).toHaveAttribute(
		'href',
		'/refer/payments'
	)
	await expectNoAxeViolations(page)

	// The link has been used: opening it again says so.
	await page.goto(linkPath)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired or has already been used')
	await page.goto('/refer/home')

	await page.getByRole('link', { name: 'Invite a friend' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite a friend')
	await expectNoAxeViolations(page)
	const friendEmail = `friend.${crypto.randomUUID().slice(0, 6)}@example.com`
	await page.getByLabel('Your friend’s first name').fill('Tomasz')
	await page.getByLabel('Your friend’s email address').fill(friendEmail)
	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page).toHaveTitle(/^Error: Invite a friend/)
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Confirm your friend is happy for us to contact them'
	)
	await expectNoAxeViolations(page)
	await page.getByLabel('My friend is happy for us to contact them').check()
	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page.getByText('We have emailed your friend an invitation')).toBeVisible()
	// Listed at once, by the name the carer typed.
	await expect(referrals.getByRole('row').nth(1)).toHaveText(
		/^Tomasz\s*\d+ \w+ \d{4}\s*Invited by email\s*Nothing yet$/
	)

	await emailTo(friendEmail, new RegExp(`/r/${carer.code}\\b`))

	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page.getByText('You have signed out')).toBeVisible()
	await page.goto('/refer/home')
	await expect(page).toHaveURL(/\/refer$/)
})

test('a friend following a personal link is told who invited them, and an enquiry made days later still carries the code', async ({
	page,
	baseURL,
}) => {
	const carer = createCarer('Carol Okafor')
	await page.goto(`/r/${carer.code.toLowerCase()}`)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carol invited you')
	await expect(page.locator('main')).not.toContainText('Okafor')
	await expectNoAxeViolations(page)
	const [cookie] = await page.context().cookies(baseURL)
	expect(cookie).toMatchObject({ name: 'referral', value: carer.code, httpOnly: true, sameSite: 'Lax', path: '/' })
	expect((cookie!.expires * 1000 - Date.now()) / 86_400_000).toBeCloseTo(30, 0)
	await page.getByRole('button', { name: 'Make an enquiry' }).first().click()
	await expect(page.getByLabel('Referral code (optional)')).toHaveValue(carer.code)

	// Days later the friend types the address: the home page is the same as everyone's, and the
	// enquiry form still has the code.
	await page.goto('/')
	await expect(page.locator('main')).not.toContainText('Carol')
	await page.getByRole('button', { name: 'Make an enquiry' }).first().click()
	await expect(page.getByLabel('Referral code (optional)')).toHaveValue(carer.code)
	await page.goto('/cookies')
	await expect(page.getByRole('table', { name: 'Cookie we set for visitors' })).toContainText('referral')

	// An unknown code lands on the home page, and sets no cookie.
	await page.context().clearCookies()
	await page.goto('/r/NOSUCHCODE')
	await expect(page).toHaveURL(/\/$/)
	expect(await page.context().cookies(baseURL)).toEqual([])
})

test('the portal fits a phone screen @mobile', async ({ page }) => {
	const carer = createCarer('Priya Shah')
	await page.goto('/refer')
	await page.getByLabel('Email address').fill(carer.email)
	await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
	await page.goto(await signInLinkEmailedTo(carer.email))
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByLabel('Your personal link')).toBeVisible()
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	)
	expect(overflow).toBeLessThanOrEqual(0)
	await expectNoAxeViolations(page)
})

import { E2E_STRIPE_URL } from '../playwright.config.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { signedInCarer } from './referrers.ts'
import { openE2eDatabase } from './staff.ts'

// A carer sets up being paid through Stripe from the refer-a-friend portal, against the fake
// Stripe the e2e server runs (its onboarding page finishes at once and sends the carer back).

test('a carer sets up Stripe from the portal and comes back ready to be paid', async ({ page, context, baseURL }) => {
	const carer = await signedInCarer(context, baseURL!)

	await page.goto('/refer/payments')
	await expect(page.getByRole('heading', { level: 1, name: 'Get paid by bank transfer' })).toBeVisible()
	await expect(page.getByText('we never see your bank details')).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByRole('button', { name: 'Set up payments with Stripe' }).click()
	await expect(page).toHaveURL(/\/refer\/payments$/)
	await expect(page.getByRole('heading', { name: 'You are set up to be paid' })).toBeVisible()
	await expectNoAxeViolations(page)

	const state = (await (await fetch(`${E2E_STRIPE_URL}/_fake/state`)).json()) as {
		accounts: { id: string; email: string; type: string }[]
	}
	const accounts = state.accounts.filter((account) => account.email === carer.email)
	expect(accounts).toEqual([expect.objectContaining({ type: 'express' })])
	const db = openE2eDatabase()
	try {
		const row = db.prepare('SELECT stripeAccountId, stripeAccountStatus FROM Carer WHERE id = ?').get(carer.id)
		expect(row).toEqual({ stripeAccountId: accounts[0]!.id, stripeAccountStatus: 'enabled' })
	} finally {
		db.close()
	}
})

test('a signed-out visitor is sent to sign in', async ({ page }) => {
	await page.goto('/refer/payments')
	await expect(page).toHaveURL(/\/refer$/)
})

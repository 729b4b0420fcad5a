// The bonus page with Stripe set up: a manager sends an approved bonus to Stripe, the page shows
// the payment, and the bonus cannot also be paid another way while Stripe pays it. The real
// `stripe` SDK talks to the fake Stripe on loopback.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FAKE_STRIPE_SECRET_KEY, FAKE_STRIPE_WEBHOOK_SECRET, startFakeStripe } from '../support/fake-stripe.ts'

// Stripe's settings must be in the environment before the app reads it.
const fake = await startFakeStripe()
process.env.STRIPE_SECRET_KEY = FAKE_STRIPE_SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = FAKE_STRIPE_WEBHOOK_SECRET
process.env.STRIPE_API_URL = fake.url

const { createHousehold, runRoute, signedInAs, staffRequest } = await import('../support/staff.ts')
const { prisma } = await import('~/utils/db.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const { stripeConfig } = await import('~/utils/env.server.ts')
const { createStripeGateway } = await import('~/integrations/stripe.server.ts')
const { startPaymentWorker } = await import('~/integrations/payment-worker.server.ts')
const entryPage = await import('~/routes/staff+/_carers+/bonuses.$id.tsx')
const list = await import('~/routes/staff+/_carers+/bonuses._index.tsx')

const gateway = createStripeGateway(stripeConfig()!)
const quiet = { warn: () => {}, error: () => {}, info: () => {} }
const worker = startPaymentWorker({ gateway, pollMs: 3_600_000, random: () => 0, logger: quiet })
let manager: Awaited<ReturnType<typeof signedInAs>>
let carers = 0

beforeAll(async () => {
	manager = await signedInAs('manager', 'Maya Manager')
})

afterAll(async () => {
	await worker.stop()
	await fake.close()
})

/** An approved £250 bonus for a carer whose Stripe account is ready, or not connected at all. */
async function approvedBonus(connected: boolean) {
	carers += 1
	const email = `stripe.carer.${carers}@example.com`
	const carer = await prisma.carer.create({ data: { name: `Carer ${carers}`, email, emailNormalized: email } })
	if (connected) {
		const account = await gateway.createExpressAccount({ email, carerId: carer.id })
		fake.setAccountReady(account.id)
		await prisma.carer.update({
			where: { id: carer.id },
			data: { stripeAccountId: account.id, stripeAccountStatus: 'enabled' },
		})
	}
	const household = await createHousehold({ stage: 'approved' })
	const referral = await prisma.referral.create({
		data: {
			referrerId: carer.id,
			householdId: household.id,
			via: 'code',
			referredOn: today(),
			status: 'counted',
			countedHouseholdId: household.id,
			schemeId: 'initial-bonus-scheme',
		},
	})
	return prisma.bonusEntry.create({
		data: {
			referralId: referral.id,
			milestone: 'approved',
			payeeId: carer.id,
			amountPence: 25_000,
			status: 'approved',
			earnedOn: today(),
		},
	})
}

const path = (id: string) => `/staff/bonuses/${id}`
const page = async (id: string) => (await runRoute(entryPage.loader, staffRequest(path(id), manager), { id })).data
const post = (id: string, form: Record<string, string>) =>
	runRoute(entryPage.action, staffRequest(path(id), manager, form), { id })

describe('paying a bonus through Stripe from its page', () => {
	test('sends it once; while Stripe pays it, no other payment can be recorded; paid when Stripe confirms', async () => {
		const entry = await approvedBonus(true)
		expect((await page(entry.id)).stripe).toMatchObject({ canPay: true, live: false, payments: [] })

		const sent = await post(entry.id, { intent: 'stripe' })
		expect(sent).toMatchObject({ status: 303, location: `${path(entry.id)}?done=stripe` })
		const queued = await page(entry.id)
		expect(queued.entry.status).toBe('approved')
		expect(queued.stripe).toMatchObject({ canPay: false, live: true, payments: [{ status: 'queued' }] })

		const twice = await post(entry.id, { intent: 'stripe' })
		expect(twice.status).toBe(409)
		const manual = await post(entry.id, {
			intent: 'pay',
			method: 'cheque',
			reference: 'CHQ 9',
			'paidOn-day': today().slice(8, 10),
			'paidOn-month': today().slice(5, 7),
			'paidOn-year': today().slice(0, 4),
		})
		expect(manual.status).toBe(409)

		await worker.drain()
		const paid = await page(entry.id)
		expect(paid.entry).toMatchObject({ status: 'paid', paymentMethod: 'stripe', paidRecordedBy: null })
		expect(paid.stripe.payments).toHaveLength(1)
		expect(paid.stripe.payments[0]).toMatchObject({ status: 'paid', stripeTransferId: expect.stringMatching(/^tr_/) })
		expect(fake.transfers.length).toBe(1)
	})

	test('a carer without a connected account cannot be paid through Stripe, and the page says why', async () => {
		const entry = await approvedBonus(false)
		const { stripe } = await page(entry.id)
		expect(stripe.canPay).toBe(false)
		expect(stripe.notice).toMatch(/has not finished connecting a Stripe account/)
		const refused = await post(entry.id, { intent: 'stripe' })
		expect(refused.status).toBe(409)
		expect(await prisma.bonusPayment.count({ where: { entryId: entry.id } })).toBe(0)
	})

	test('a payment Stripe refuses is flagged on the ledger, and the bonus can be paid again', async () => {
		const entry = await approvedBonus(true)
		fake.setMode({ insufficientFunds: true })
		try {
			expect((await post(entry.id, { intent: 'stripe' })).status).toBe(303)
			await worker.drain()
		} finally {
			fake.setMode({ insufficientFunds: false })
		}
		const refused = await page(entry.id)
		expect(refused.entry.status).toBe('approved')
		expect(refused.stripe).toMatchObject({ canPay: true, live: false, payments: [{ status: 'failed' }] })
		const { data } = await runRoute(list.loader, staffRequest('/staff/bonuses', manager))
		expect(data.attention).toEqual([
			expect.objectContaining({ entryId: entry.id, status: 'failed', amountPence: 25_000 }),
		])
	})
})

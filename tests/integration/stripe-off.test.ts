// Without STRIPE_SECRET_KEY the service never talks to Stripe: no payments through it, no webhook.
import { expect, test } from 'vitest'

delete process.env.STRIPE_SECRET_KEY
delete process.env.STRIPE_WEBHOOK_SECRET

const { createStaff, runRoute } = await import('../support/staff.ts')
const { stripeConfigured } = await import('~/integrations/stripe.server.ts')
const { queueStripePayment, PAYMENT_MESSAGES } = await import('~/models/bonus-payments.server.ts')
const webhook = await import('~/routes/webhooks.stripe.ts')

test('Stripe is off, so a bonus cannot be sent through it', async () => {
	expect(stripeConfigured()).toBe(false)
	const manager = await createStaff('manager')
	expect(await queueStripePayment({ entryId: 'any', actor: manager })).toEqual({
		ok: false,
		error: PAYMENT_MESSAGES.notConfigured,
	})
})

test('the webhook endpoint does not exist', async () => {
	const request = new Request('http://localhost/webhooks/stripe', { method: 'POST', body: '{}' })
	expect((await runRoute(webhook.action, request)).status).toBe(404)
})

// Without STRIPE_SECRET_KEY the service never talks to Stripe: no payments through it, no webhook.
import { expect, test } from 'vitest'

delete process.env.STRIPE_SECRET_KEY
delete process.env.STRIPE_WEBHOOK_SECRET

const { createStaff, runRoute } = await import('../support/staff.ts')
const { stripeConfigured } = await import('~/utils/env.server.ts')
const { queueStripePayment, PAYMENT_MESSAGES } = await import('~/models/bonus-payments.server.ts')
const webhook = await import('~/routes/_resources+/webhooks.stripe.ts')
const { prisma } = await import('~/utils/db.server.ts')
const { startPortalSession } = await import('~/services/portal-auth.server.ts')
const payments = await import('~/routes/refer+/payments.tsx')
const home = await import('~/routes/refer+/home.tsx')

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

test('a carer is told the service pays another way, and cannot start setting up Stripe', async () => {
	const email = 'no.stripe@example.com'
	const carer = await prisma.carer.create({ data: { name: 'Nora', email, emailNormalized: email } })
	const cookie = (await startPortalSession('carer', carer.id)).split(';')[0]!
	const { csrfToken } = await prisma.portalSession.findFirstOrThrow({ where: { subjectId: carer.id } })
	const page = await runRoute(
		payments.loader,
		new Request('http://localhost/refer/payments', { headers: { Cookie: cookie } })
	)
	expect(page.data).toMatchObject({ configured: false, status: null })
	// The portal's link says what the page tells (how the service pays), not "Stripe".
	const portal = await runRoute(
		home.loader,
		new Request('http://localhost/refer/home', { headers: { Cookie: cookie } })
	)
	expect(portal.data).toMatchObject({ paymentsLink: 'How we pay your bonuses' })
	const setUp = new Request('http://localhost/refer/payments', {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ csrf: csrfToken }).toString(),
	})
	expect((await runRoute(payments.action, setUp)).status).toBe(404)
})

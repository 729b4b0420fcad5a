// /refer/payments: a signed-in carer sets up their Stripe account, against the fake Stripe.
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { FAKE_STRIPE_SECRET_KEY, FAKE_STRIPE_WEBHOOK_SECRET, startFakeStripe } from '../support/fake-stripe.ts'

const fake = await startFakeStripe()
process.env.STRIPE_SECRET_KEY = FAKE_STRIPE_SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = FAKE_STRIPE_WEBHOOK_SECRET
process.env.STRIPE_API_URL = fake.url

const { runRoute } = await import('../support/staff.ts')
const { prisma } = await import('~/utils/db.server.ts')
const { startPortalSession } = await import('~/services/portal-auth.server.ts')
const route = await import('~/routes/refer+/payments.tsx')

let carers = 0

async function signedInCarer() {
	carers += 1
	const email = `payee.${carers}@example.com`
	const carer = await prisma.carer.create({ data: { name: `Payee ${carers}`, email, emailNormalized: email } })
	const cookie = (await startPortalSession('carer', carer.id)).split(';')[0]!
	const session = await prisma.portalSession.findFirstOrThrow({ where: { subjectId: carer.id } })
	return { carer, cookie, csrf: session.csrfToken }
}

function get(cookie: string | null) {
	return new Request('http://localhost/refer/payments', { headers: cookie ? { Cookie: cookie } : {} })
}

function post(cookie: string, csrf: string) {
	return new Request('http://localhost/refer/payments', {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ csrf }).toString(),
	})
}

beforeEach(() => fake.setMode({ down: false, delayMs: 0 }))
afterAll(() => fake.close())

describe('/refer/payments', () => {
	test('a signed-out visitor is sent to sign in', async () => {
		const answer = await runRoute(route.loader, get(null))
		expect(answer.status).toBe(303)
		expect(answer.location).toBe('/refer')
	})

	test('a carer not yet set up is offered Stripe; setting up sends them to Stripe and back, ready', async () => {
		const { carer, cookie, csrf } = await signedInCarer()
		expect((await runRoute(route.loader, get(cookie))).data).toMatchObject({ configured: true, status: null })

		const setUp = await runRoute(route.action, post(cookie, csrf))
		expect(setUp.status).toBe(303)
		const onboarding = new URL(setUp.location!)
		expect(onboarding.origin).toBe(fake.url)
		expect(onboarding.searchParams.get('return_url')).toBe('https://fostering.northdale.example/refer/payments')
		const saved = await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })
		expect(saved).toMatchObject({ stripeAccountId: expect.stringMatching(/^acct_/), stripeAccountStatus: 'pending' })

		// Left half-way: the page says so and offers to carry on, with the same account.
		expect((await runRoute(route.loader, get(cookie))).data).toMatchObject({ status: 'pending' })
		await runRoute(route.action, post(cookie, csrf))
		expect([...fake.accounts.values()].filter((account) => account.email === carer.email)).toHaveLength(1)

		// Finished at Stripe: back on the page, Stripe is asked and says the account is ready.
		await fetch(setUp.location!, { redirect: 'manual' })
		expect((await runRoute(route.loader, get(cookie))).data).toMatchObject({ status: 'enabled' })
		expect((await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountStatus).toBe('enabled')
	})

	test('a form without the session’s token is refused', async () => {
		const { carer, cookie } = await signedInCarer()
		expect((await runRoute(route.action, post(cookie, 'forged'))).status).toBe(403)
		expect([...fake.accounts.values()].filter((account) => account.email === carer.email)).toHaveLength(0)
	})

	test('Stripe unreachable: the carer is told to try again later, and nothing is saved', async () => {
		const { carer, cookie, csrf } = await signedInCarer()
		fake.setMode({ down: true })
		const answer = await runRoute(route.action, post(cookie, csrf))
		expect(answer.status).toBe(503)
		expect(answer.data).toEqual({ error: 'We could not reach Stripe. Try again in a few minutes.' })
		expect((await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountId).toBeNull()
	})
})

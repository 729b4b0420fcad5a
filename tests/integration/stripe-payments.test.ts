// Paying bonuses through Stripe, with the real `stripe` SDK talking to a fake Stripe on loopback:
// connecting a carer's account, paying an approved bonus once, Stripe down, a refused transfer,
// a retry after a time-out, and the webhook (signature and its time, malformed events, duplicates,
// events delivered out of order, reversals).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
	FAKE_STRIPE_SECRET_KEY,
	FAKE_STRIPE_WEBHOOK_SECRET,
	signedBody,
	signedWebhook,
	startFakeStripe,
} from '../support/fake-stripe.ts'

// Stripe's settings must be in the environment before the app reads it.
const fake = await startFakeStripe()
process.env.STRIPE_SECRET_KEY = FAKE_STRIPE_SECRET_KEY
process.env.STRIPE_WEBHOOK_SECRET = FAKE_STRIPE_WEBHOOK_SECRET
process.env.STRIPE_API_URL = fake.url

const { createHousehold, createStaff, runRoute } = await import('../support/staff.ts')
const { prisma } = await import('~/utils/db.server.ts')
const { stripeConfig } = await import('~/utils/env.server.ts')
const { createStripeGateway } = await import('~/integrations/stripe.server.ts')
const { startPaymentWorker } = await import('~/integrations/payment-worker.server.ts')
const { queueStripePayment, paymentsForEntry, paymentsNeedingAttention, PAYMENT_MESSAGES } =
	await import('~/models/bonus-payments.server.ts')
const { startStripeOnboarding, refreshStripeAccount, carerPaymentSetup } =
	await import('~/models/stripe-accounts.server.ts')
const webhook = await import('~/routes/_resources+/webhooks.stripe.ts')

const gateway = createStripeGateway(stripeConfig()!)
const manager = await createStaff('manager', 'Maya Manager')
const quiet = { warn: () => {}, error: () => {}, info: () => {} }
const workers: { stop(): Promise<void> }[] = []

/** A worker that runs only when a test asks (drain), with its clock under the test's control. */
function worker(options: { at?: () => Date; gateway?: typeof gateway } = {}) {
	const started = startPaymentWorker({
		gateway: options.gateway ?? gateway,
		pollMs: 3_600_000,
		now: options.at,
		random: () => 0,
		logger: quiet,
	})
	workers.push(started)
	return started
}

let carers = 0

/** A carer whose Stripe account is ready (or not), with an approved £250 bonus for a referral. */
async function approvedBonus(options: { ready?: boolean; status?: string } = {}) {
	carers += 1
	const email = `carer.${carers}.${Date.now()}@example.com`
	const carer = await prisma.carer.create({ data: { name: `Carer ${carers}`, email, emailNormalized: email } })
	if (options.ready !== false) {
		const account = await gateway.createExpressAccount({ email, carerId: carer.id })
		fake.setAccountReady(account.id)
		await prisma.carer.update({
			where: { id: carer.id },
			data: { stripeAccountId: account.id, stripeAccountStatus: 'enabled' },
		})
	}
	const household = await createHousehold({ stage: 'approved' })
	const scheme = await prisma.bonusScheme.findFirstOrThrow()
	const referral = await prisma.referral.create({
		data: {
			referrerId: carer.id,
			householdId: household.id,
			via: 'code',
			referredOn: '2026-01-05',
			status: 'counted',
			countedHouseholdId: household.id,
			schemeId: scheme.id,
		},
	})
	const entry = await prisma.bonusEntry.create({
		data: {
			referralId: referral.id,
			milestone: 'approved',
			payeeId: carer.id,
			amountPence: 25_000,
			status: options.status ?? 'approved',
			earnedOn: '2026-03-01',
		},
	})
	return { carer: await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } }), entry }
}

async function queued(entryId: string) {
	const outcome = await queueStripePayment({ entryId, actor: manager })
	if (!outcome.ok) throw new Error(outcome.error)
	return outcome.paymentId
}

const entryOf = (id: string) => prisma.bonusEntry.findUniqueOrThrow({ where: { id } })
const paymentOf = (id: string) => prisma.bonusPayment.findUniqueOrThrow({ where: { id } })
const transfersTo = (accountId: string | null) => fake.transfers.filter((t) => t.destination === accountId)

beforeEach(() => fake.setMode({ down: false, insufficientFunds: false, delayMs: 0 }))
afterEach(async () => {
	await Promise.all(workers.splice(0).map((started) => started.stop()))
})
afterAll(() => fake.close())

describe('connecting a carer’s Stripe account', () => {
	test('makes one Express account, sends the carer to onboarding and sees them come back ready', async () => {
		carers += 1
		const email = `connect.${Date.now()}@example.com`
		const carer = await prisma.carer.create({ data: { name: 'Connie Carer', email, emailNormalized: email } })
		expect(await carerPaymentSetup(carer.id)).toEqual({ connected: false, status: null })

		const urls = { returnUrl: 'http://localhost/refer/payments', refreshUrl: 'http://localhost/refer/payments' }
		const onboarding = await startStripeOnboarding(gateway, { carerId: carer.id, ...urls })
		const again = await startStripeOnboarding(gateway, { carerId: carer.id, ...urls })
		const saved = await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })
		expect(saved.stripeAccountId).toMatch(/^acct_/)
		expect(saved.stripeAccountStatus).toBe('pending')
		expect([...fake.accounts.values()].filter((account) => account.email === email)).toHaveLength(1)
		// Each visit gets a fresh link (they last minutes), for the same account.
		expect(again).toBe(onboarding)
		expect(
			fake.requests.filter((r) => r.path === '/v1/account_links' && r.params.account === saved.stripeAccountId)
		).toHaveLength(2)
		const created = fake.requests.find((r) => r.path === '/v1/accounts' && r.params.email === email)!
		expect(created.params).toMatchObject({
			type: 'express',
			country: 'GB',
			'capabilities[transfers][requested]': 'true',
		})

		// The carer finishes Stripe's forms and Stripe sends them back to the return address.
		const back = await fetch(onboarding!, { redirect: 'manual' })
		expect(back.status).toBe(302)
		expect(back.headers.get('Location')).toBe(urls.returnUrl)
		expect(await refreshStripeAccount(gateway, carer.id)).toBe('enabled')
		expect(await carerPaymentSetup(carer.id)).toEqual({ connected: true, status: 'enabled' })
	})
})

describe('paying an approved bonus', () => {
	test('one transfer, with the payment’s idempotency key; the payment and the bonus are paid and the carer emailed', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		await worker().drain()

		const transfers = transfersTo(carer.stripeAccountId)
		expect(transfers).toHaveLength(1)
		expect(transfers[0]).toMatchObject({ amount: 25_000, currency: 'gbp', metadata: { bonusEntryId: entry.id } })
		const request = fake.requests.find(
			(r) => r.path === '/v1/transfers' && r.params.destination === carer.stripeAccountId
		)
		expect(request?.idempotencyKey).toBe(`bonus-payment-${paymentId}`)

		expect(await paymentOf(paymentId)).toMatchObject({
			status: 'paid',
			stripeTransferId: transfers[0]!.id,
			liveEntryId: entry.id,
		})
		expect(await entryOf(entry.id)).toMatchObject({
			status: 'paid',
			paymentMethod: 'stripe',
			paymentReference: transfers[0]!.id,
		})
		const email = await prisma.outboxMessage.findFirst({
			where: { toAddress: carer.email, template: 'referral-bonus-paid' },
		})
		expect(email).not.toBeNull()
		const audit = await prisma.auditEntry.findFirst({
			where: { actorId: manager.id, detail: { contains: 'through Stripe' } },
		})
		expect(audit?.detail).toBe('Sent the £250 referral bonus (Approved as foster carers) to be paid through Stripe')
	})

	test('a bonus cannot be sent twice, nor before it is approved, nor to a carer without a ready account', async () => {
		const { entry } = await approvedBonus()
		await queued(entry.id)
		expect(await queueStripePayment({ entryId: entry.id, actor: manager })).toEqual({
			ok: false,
			error: PAYMENT_MESSAGES.alreadyLive,
		})

		const earned = await approvedBonus({ status: 'earned' })
		expect(await queueStripePayment({ entryId: earned.entry.id, actor: manager })).toEqual({
			ok: false,
			error: PAYMENT_MESSAGES.notApproved,
		})
		const unconnected = await approvedBonus({ ready: false })
		expect(await queueStripePayment({ entryId: unconnected.entry.id, actor: manager })).toEqual({
			ok: false,
			error: PAYMENT_MESSAGES.notConnected,
		})
	})

	test('a bonus made void while its payment waited is not sent', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		await prisma.bonusEntry.update({ where: { id: entry.id }, data: { status: 'void', voidReason: 'Duplicate' } })
		await worker().drain()

		expect(transfersTo(carer.stripeAccountId)).toHaveLength(0)
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'failed', liveEntryId: null })
	})
})

describe('when Stripe is unreachable or slow', () => {
	test('Stripe down: the payment waits and is retried later; nothing is paid until Stripe answers', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		let clock = new Date()
		const payments = worker({ at: () => clock })

		fake.setMode({ down: true })
		await payments.drain()
		const waiting = await paymentOf(paymentId)
		expect(waiting).toMatchObject({ status: 'queued', attempts: 1, stripeTransferId: null })
		expect(waiting.lastError).toContain('An unknown error occurred')
		expect(waiting.nextAttemptAt.getTime()).toBe(clock.getTime() + 15_000)
		expect((await entryOf(entry.id)).status).toBe('approved')

		// Not due yet: nothing is sent even with Stripe back.
		fake.setMode({ down: false })
		await payments.drain()
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(0)

		clock = new Date(clock.getTime() + 16_000)
		await payments.drain()
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(1)
		expect((await paymentOf(paymentId)).status).toBe('paid')
		expect((await entryOf(entry.id)).status).toBe('paid')
	})

	test('no connection at all (nothing listening) is retried the same way', async () => {
		const closed = http.createServer()
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
		const port = (closed.address() as AddressInfo).port
		await new Promise<void>((resolve) => closed.close(() => resolve()))
		const nowhere = createStripeGateway({
			...stripeConfig()!,
			api: { host: '127.0.0.1', port, protocol: 'http' },
		})

		const { entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		await worker({ gateway: nowhere }).drain()
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'queued', attempts: 1 })
		expect((await entryOf(entry.id)).status).toBe('approved')
	})

	test('a retry after a time-out does not create a second transfer', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		const impatient = createStripeGateway(stripeConfig()!, { timeoutMs: 200 })
		let clock = new Date()
		const payments = worker({ at: () => clock, gateway: impatient })

		// Stripe makes the transfer but its answer comes too late.
		fake.setMode({ delayMs: 600 })
		await payments.drain()
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(1)
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'queued', attempts: 1 })

		fake.setMode({ delayMs: 0 })
		clock = new Date(clock.getTime() + 60_000)
		await payments.drain()
		const transfers = transfersTo(carer.stripeAccountId)
		expect(transfers).toHaveLength(1)
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'paid', stripeTransferId: transfers[0]!.id })
	})

	test('the same idempotency key sent twice gets the first transfer back', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		const input = { paymentId, entryId: entry.id, amountPence: 25_000, destinationAccountId: carer.stripeAccountId! }
		const first = await gateway.createTransfer(input)
		const second = await gateway.createTransfer(input)
		expect(second.id).toBe(first.id)
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(1)
	})
})

describe('when Stripe refuses a transfer', () => {
	test('the payment fails with Stripe’s reason, the bonus stays approved and can be sent again', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		fake.setMode({ insufficientFunds: true })
		await worker().drain()

		const failed = await paymentOf(paymentId)
		expect(failed).toMatchObject({ status: 'failed', liveEntryId: null })
		expect(failed.lastError).toContain('insufficient available funds')
		expect((await entryOf(entry.id)).status).toBe('approved')
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(0)
		expect((await paymentsNeedingAttention()).map((payment) => payment.id)).toContain(paymentId)

		fake.setMode({ insufficientFunds: false })
		const retryId = await queued(entry.id)
		await worker().drain()
		expect((await paymentOf(retryId)).status).toBe('paid')
		expect((await paymentsForEntry(entry.id)).map((payment) => payment.status)).toEqual(['paid', 'failed'])
	})
})

describe('the Stripe webhook', () => {
	const url = 'http://localhost/webhooks/stripe'
	let events = 0
	const eventId = () => `evt_test_${++events}_${Date.now()}`

	test('refuses a bad signature and records nothing', async () => {
		const forged = signedWebhook(
			url,
			{ id: eventId(), type: 'account.updated', data: { object: {} } },
			{
				secret: 'whsec_wrong',
			}
		)
		expect((await runRoute(webhook.action, forged)).status).toBe(400)
		const unsigned = new Request(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{"id":"evt_x","type":"account.updated"}',
		})
		expect((await runRoute(webhook.action, unsigned)).status).toBe(400)
		// Stripe always sends JSON: anything else is refused before the signature is looked at.
		const notJson = new Request(url, { method: 'POST', body: '{"id":"evt_x","type":"account.updated"}' })
		expect((await runRoute(webhook.action, notJson)).status).toBe(415)
		expect(await prisma.stripeEvent.count({ where: { type: 'account.updated' } })).toBe(0)
	})

	test('account.updated keeps the carer’s account status; a duplicate delivery changes nothing', async () => {
		const { carer } = await approvedBonus()
		const id = eventId()
		const restricted = { id: carer.stripeAccountId, details_submitted: true, capabilities: { transfers: 'pending' } }
		const first = await runRoute(
			webhook.action,
			signedWebhook(url, { id, type: 'account.updated', data: { object: restricted } })
		)
		expect(first).toMatchObject({ status: 200, data: 'handled' })
		expect((await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountStatus).toBe('restricted')

		// Meanwhile the account was fixed; a late second delivery of the old event must not undo it.
		await prisma.carer.update({ where: { id: carer.id }, data: { stripeAccountStatus: 'enabled' } })
		const second = await runRoute(
			webhook.action,
			signedWebhook(url, { id, type: 'account.updated', data: { object: restricted } })
		)
		expect(second).toMatchObject({ status: 200, data: 'duplicate' })
		expect((await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountStatus).toBe('enabled')
	})

	const seconds = () => Math.floor(Date.now() / 1000)
	const statusOf = async (carerId: string) =>
		(await prisma.carer.findUniqueOrThrow({ where: { id: carerId } })).stripeAccountStatus
	const ACCOUNT_STATES = {
		pending: { details_submitted: false, capabilities: { transfers: 'inactive' } },
		restricted: { details_submitted: true, capabilities: { transfers: 'pending' } },
		enabled: { details_submitted: true, capabilities: { transfers: 'active' } },
	}
	function accountUpdated(accountId: string | null, state: keyof typeof ACCOUNT_STATES, created: number) {
		const id = eventId()
		const object = { id: accountId, object: 'account', ...ACCOUNT_STATES[state] }
		return { id, request: signedWebhook(url, { id, type: 'account.updated', created, data: { object } }) }
	}

	test('account.updated delivered late does not undo a newer one: it is recorded and changes nothing', async () => {
		const { carer } = await approvedBonus()
		const at = seconds()
		const newer = accountUpdated(carer.stripeAccountId, 'enabled', at)
		expect(await runRoute(webhook.action, newer.request)).toMatchObject({ status: 200, data: 'handled' })

		// Stripe retried an event from two minutes earlier, from while the carer was still onboarding.
		const older = accountUpdated(carer.stripeAccountId, 'pending', at - 120)
		expect(await runRoute(webhook.action, older.request)).toMatchObject({ status: 200, data: 'stale' })
		expect(await statusOf(carer.id)).toBe('enabled')
		expect(await prisma.stripeEvent.findUnique({ where: { id: older.id } })).toMatchObject({ type: 'account.updated' })
		expect((await prisma.carer.findUniqueOrThrow({ where: { id: carer.id } })).stripeAccountAsOf).toEqual(
			new Date(at * 1000)
		)

		// Two events of the same second (Stripe's times are whole seconds): the later arrival wins.
		const sameSecond = accountUpdated(carer.stripeAccountId, 'restricted', at)
		expect(await runRoute(webhook.action, sameSecond.request)).toMatchObject({ status: 200, data: 'handled' })
		expect(await statusOf(carer.id)).toBe('restricted')
	})

	test('an account.updated older than what the carer’s return from Stripe found changes nothing', async () => {
		const { carer } = await approvedBonus({ ready: false })
		const account = await gateway.createExpressAccount({ email: carer.email, carerId: carer.id })
		await prisma.carer.update({ where: { id: carer.id }, data: { stripeAccountId: account.id } })
		fake.setAccountReady(account.id)
		expect(await refreshStripeAccount(gateway, carer.id)).toBe('enabled')

		const older = accountUpdated(account.id, 'pending', seconds() - 60)
		expect(await runRoute(webhook.action, older.request)).toMatchObject({ status: 200, data: 'stale' })
		expect(await statusOf(carer.id)).toBe('enabled')
	})

	test('a correctly signed event that is not what Stripe sends is answered 400 in plain text; nothing is stored', async () => {
		const { carer } = await approvedBonus()
		const account = carer.stripeAccountId
		const ids: string[] = []
		const event = (fields: Record<string, unknown>) => {
			const id = eventId()
			ids.push(id)
			return JSON.stringify({ id, type: 'account.updated', created: seconds(), ...fields })
		}
		const pending = { id: account, details_submitted: false }
		const bodies = [
			event({}),
			event({ data: {} }),
			event({ data: { object: null } }),
			event({ data: { object: 'acct_1' } }),
			event({ data: { object: { id: 42, details_submitted: false } } }),
			event({ data: { object: { id: account, details_submitted: 'no' } } }),
			event({ data: { object: { id: account, capabilities: 'inactive' } } }),
			event({ type: 'transfer.reversed', data: { object: { id: 'tr_1', amount_reversed: '250' } } }),
			event({ type: 'transfer.created', data: { object: { amount: 25_000 } } }),
			event({ type: 'payout.paid', data: [] }),
			event({ created: 'yesterday', data: { object: pending } }),
			event({ created: undefined, data: { object: pending } }),
			event({ id: 42, data: { object: pending } }),
			event({ type: null, data: { object: pending } }),
			JSON.stringify({ type: 'account.updated', created: seconds(), data: { object: pending } }),
			JSON.stringify([{ id: 'evt_in_a_list' }]),
			'null',
			'not JSON at all',
		]
		for (const body of bodies) {
			const answer = await runRoute(webhook.action, signedBody(url, body))
			expect({ body, status: answer.status }).toEqual({ body, status: 400 })
			expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
			expect(answer.data).toMatch(/^[A-Z]/)
		}
		expect(await prisma.stripeEvent.count({ where: { id: { in: ids } } })).toBe(0)
		expect(await statusOf(carer.id)).toBe('enabled')
	})

	test('a signature dated beyond the tolerance, in the past or the future, is refused; a little clock skew is not', async () => {
		const event = () => ({ id: eventId(), type: 'payout.paid', data: { object: { id: 'po_2' } } })
		for (const timestamp of [seconds() + 310, seconds() + 3600, seconds() - 310]) {
			const late = event()
			const answer = await runRoute(webhook.action, signedWebhook(url, late, { timestamp }))
			expect({ timestamp, status: answer.status }).toEqual({ timestamp, status: 400 })
			expect(await prisma.stripeEvent.findUnique({ where: { id: late.id } })).toBeNull()
		}
		for (const timestamp of [seconds() + 60, seconds() - 60]) {
			const answer = await runRoute(webhook.action, signedWebhook(url, event(), { timestamp }))
			expect({ timestamp, status: answer.status }).toEqual({ timestamp, status: 200 })
		}
		// A header with two times is not Stripe's (the SDK would read the last and ignore the first).
		const twoTimes = signedWebhook(url, event())
		twoTimes.headers.set('Stripe-Signature', `t=${seconds() + 3600},${twoTimes.headers.get('Stripe-Signature')}`)
		expect((await runRoute(webhook.action, twoTimes)).status).toBe(400)
	})

	test('answers 2xx for events it does not use', async () => {
		const answer = await runRoute(
			webhook.action,
			signedWebhook(url, { id: eventId(), type: 'payout.paid', data: { object: { id: 'po_1' } } })
		)
		expect(answer).toMatchObject({ status: 200, data: 'ignored' })
	})

	test('transfer.created confirms a payment whose answer never reached the worker', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		const transfer = await gateway.createTransfer({
			paymentId,
			entryId: entry.id,
			amountPence: 25_000,
			destinationAccountId: carer.stripeAccountId!,
		})
		const event = {
			id: eventId(),
			type: 'transfer.created',
			data: { object: fake.transfers.find((t) => t.id === transfer.id) },
		}
		expect(await runRoute(webhook.action, signedWebhook(url, event))).toMatchObject({ status: 200, data: 'handled' })
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'paid', stripeTransferId: transfer.id })
		expect((await entryOf(entry.id)).status).toBe('paid')

		// The worker, coming round later, has nothing left to send.
		await worker().drain()
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(1)
	})

	test('transfer.reversed records the reversal on the payment for a manager; the paid bonus stays paid', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		await worker().drain()
		const transfer = transfersTo(carer.stripeAccountId)[0]!
		const reversed = { ...transfer, reversed: true, amount_reversed: 25_000 }
		const answer = await runRoute(
			webhook.action,
			signedWebhook(url, { id: eventId(), type: 'transfer.reversed', data: { object: reversed } })
		)
		expect(answer).toMatchObject({ status: 200, data: 'handled' })

		const payment = await paymentOf(paymentId)
		expect(payment).toMatchObject({ status: 'reversed', liveEntryId: null })
		expect(payment.lastError).toMatch(/^Stripe reversed £250 of this transfer on \d{4}-\d{2}-\d{2}$/)
		expect((await entryOf(entry.id)).status).toBe('paid')
		expect((await paymentsNeedingAttention()).map((one) => one.id)).toContain(paymentId)
	})
	test('transfer.reversed before transfer.created: the reversal stands, and the late created does not undo it', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		// The worker's request reached Stripe but its answer never came back; then Stripe reversed it.
		const transfer = await gateway.createTransfer({
			paymentId,
			entryId: entry.id,
			amountPence: 25_000,
			destinationAccountId: carer.stripeAccountId!,
		})
		const object = fake.transfers.find((t) => t.id === transfer.id)!
		const reversal = { ...object, reversed: true, amount_reversed: 25_000 }
		const reversed = await runRoute(
			webhook.action,
			signedWebhook(url, { id: eventId(), type: 'transfer.reversed', data: { object: reversal } })
		)
		expect(reversed).toMatchObject({ status: 200, data: 'handled' })
		expect(await paymentOf(paymentId)).toMatchObject({ status: 'reversed', stripeTransferId: transfer.id })

		const created = await runRoute(
			webhook.action,
			signedWebhook(url, { id: eventId(), type: 'transfer.created', data: { object } })
		)
		expect(created.status).toBe(200)
		await worker().drain()

		// The same as when the events come in order: the payment reversed, the bonus paid, a manager told.
		const payment = await paymentOf(paymentId)
		expect(payment).toMatchObject({ status: 'reversed', stripeTransferId: transfer.id, liveEntryId: null })
		expect(payment.lastError).toMatch(/^Stripe reversed £250 of this transfer on /)
		expect((await entryOf(entry.id)).status).toBe('paid')
		expect(transfersTo(carer.stripeAccountId)).toHaveLength(1)
		expect((await paymentsNeedingAttention()).map((one) => one.id)).toContain(paymentId)
	})

	test('reversals only add up: a partial reversal delivered after the full one changes nothing', async () => {
		const { carer, entry } = await approvedBonus()
		const paymentId = await queued(entry.id)
		await worker().drain()
		const transfer = transfersTo(carer.stripeAccountId)[0]!
		const reversal = (amount: number) =>
			signedWebhook(url, {
				id: eventId(),
				type: 'transfer.reversed',
				data: { object: { ...transfer, reversed: amount === transfer.amount, amount_reversed: amount } },
			})

		// Stripe reversed £100, then the rest; the event of the full reversal arrives first.
		expect(await runRoute(webhook.action, reversal(25_000))).toMatchObject({ status: 200, data: 'handled' })
		expect(await runRoute(webhook.action, reversal(10_000))).toMatchObject({ status: 200, data: 'stale' })

		const payment = await paymentOf(paymentId)
		expect(payment).toMatchObject({ status: 'reversed', liveEntryId: null })
		expect(payment.lastError).toMatch(/^Stripe reversed £250 of this transfer on /)
	})
})

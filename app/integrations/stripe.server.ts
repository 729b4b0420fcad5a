import Stripe from 'stripe'
import {
	accountStatus,
	transferIdempotencyKey,
	type StripeFailure,
	type StripeGateway,
} from '~/domain/stripe-payments.ts'
import { stripeConfig, type StripeConfig } from '~/utils/env.server.ts'

// The one place that talks to Stripe (ADR 011): Express accounts for carers, onboarding links,
// transfers of approved bonuses, and webhook signatures. Everything else in the app sees these
// few calls, so tests run the real SDK against a stand-in on loopback (tests/support/fake-stripe.ts).
//
// Stripe's times (a signature's `t`, an event's `created`) are its real clock in whole seconds, so
// they are compared with this machine's real clock, never the service clock of utils/clock.server.ts
// (which a training copy may start at another time).

/** How far a webhook signature's time may be from ours, either way: Stripe's default, 5 minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/** Why a webhook's body was refused: not signed by Stripe (or not recently), or signed but not JSON. */
export class WebhookRefused extends Error {
	constructor(
		readonly reason: 'signature' | 'malformed',
		message: string
	) {
		super(message)
	}
}

export type StripeGatewayOptions = {
	/** How long to wait for Stripe's answer; a time-out is retried like any other lack of answer. */
	timeoutMs?: number
}

export function createStripeGateway(config: StripeConfig, options: StripeGatewayOptions = {}): StripeGateway {
	const stripe = new Stripe(config.secretKey, {
		...config.api,
		timeout: options.timeoutMs ?? 30_000,
		// The payment worker retries with its own backoff and the same idempotency key; retries
		// inside the SDK would only hide an outage from it.
		maxNetworkRetries: 0,
		telemetry: false,
	})

	return {
		async createExpressAccount({ email, carerId }) {
			const asOf = stripeNow()
			const account = await stripe.accounts.create(
				{
					type: 'express',
					country: 'GB',
					email,
					capabilities: { transfers: { requested: true } },
					metadata: { carerId },
				},
				// Two clicks on "Set up" (or a retry) must not make two accounts for one carer.
				{ idempotencyKey: `carer-account-${carerId}` }
			)
			return { id: account.id, status: accountStatus(account), asOf }
		},

		async createOnboardingLink({ accountId, returnUrl, refreshUrl }) {
			const link = await stripe.accountLinks.create({
				account: accountId,
				type: 'account_onboarding',
				return_url: returnUrl,
				refresh_url: refreshUrl,
			})
			return link.url
		},

		async accountState(accountId) {
			const asOf = stripeNow()
			return { status: accountStatus(await stripe.accounts.retrieve(accountId)), asOf }
		},

		async findTransfer(paymentId) {
			const transfers = await stripe.transfers.list({ transfer_group: transferIdempotencyKey(paymentId), limit: 1 })
			const transfer = transfers.data[0]
			return transfer ? { id: transfer.id } : null
		},

		async createTransfer({ paymentId, entryId, amountPence, destinationAccountId }) {
			const key = transferIdempotencyKey(paymentId)
			const transfer = await stripe.transfers.create(
				{
					amount: amountPence,
					currency: 'gbp',
					destination: destinationAccountId,
					description: 'Refer a friend bonus',
					// Lets findTransfer see a transfer whose answer never reached us, even after
					// Stripe has forgotten the idempotency key (it keeps them for 24 hours).
					transfer_group: key,
					metadata: { bonusPaymentId: paymentId, bonusEntryId: entryId },
				},
				{ idempotencyKey: key }
			)
			return { id: transfer.id }
		},

		verifyWebhook(rawBody, signature) {
			if (!signature) throw new WebhookRefused('signature', 'No Stripe-Signature header')
			// The SDK refuses a signature older than the tolerance but not one dated in the future: a
			// request signed with a time far ahead could be replayed until that time, however long.
			const signedAt = signatureTime(signature)
			if (signedAt === null) throw new WebhookRefused('signature', 'The Stripe-Signature header has no single time')
			if (signedAt - Math.floor(Date.now() / 1000) > WEBHOOK_TOLERANCE_SECONDS) {
				throw new WebhookRefused('signature', 'The Stripe-Signature header is dated in the future')
			}
			for (const secret of config.webhookSecrets) {
				try {
					return stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS) as unknown
				} catch (error) {
					if (error instanceof Stripe.errors.StripeSignatureVerificationError) continue
					// The signature was good (the SDK checks it before parsing): what it signed is not JSON.
					throw new WebhookRefused('malformed', 'The body is not a JSON event')
				}
			}
			throw new WebhookRefused('signature', 'No signature in the Stripe-Signature header is good and recent')
		},
	}
}

/**
 * The `t` of a Stripe-Signature header ("t=1700000000,v1=...") in Unix seconds, or null unless it
 * has exactly one, in digits. The SDK takes the last of several; we take none.
 */
export function signatureTime(header: string): number | null {
	const times = header
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part.startsWith('t='))
		.map((part) => part.slice(2))
	if (times.length !== 1 || !/^\d{1,12}$/.test(times[0]!)) return null
	return Number(times[0])
}

/** Stripe's clock as we best know it: our real clock, in Stripe's whole seconds. */
function stripeNow(): Date {
	return new Date(Math.floor(Date.now() / 1000) * 1000)
}

let gateway: StripeGateway | null | undefined

/** This process's gateway to Stripe, or null when Stripe is not configured. */
export function stripeGateway(): StripeGateway | null {
	if (gateway === undefined) {
		const config = stripeConfig()
		gateway = config ? createStripeGateway(config) : null
	}
	return gateway
}

/** A failed call to Stripe, as the payment rules see it: its HTTP status (none if no answer) and why. */
export function describeStripeFailure(error: unknown): StripeFailure {
	if (error instanceof Stripe.errors.StripeError) {
		const reason = error.code ? `${error.code}: ${error.message}` : error.message
		return { statusCode: error.statusCode ?? null, message: reason }
	}
	return { statusCode: null, message: error instanceof Error ? error.message : String(error) }
}

import Stripe from 'stripe'
import {
	accountStatus,
	transferIdempotencyKey,
	type StripeAccountStatus,
	type StripeFailure,
} from '~/domain/stripe-payments.ts'
import { stripeConfig, type StripeConfig } from '~/utils/env.server.ts'

// The one place that talks to Stripe (ADR 011): Express accounts for carers, onboarding links,
// transfers of approved bonuses, and webhook signatures. Everything else in the app sees these
// few calls, so tests run the real SDK against a stand-in on loopback (tests/support/fake-stripe.ts).

export type StripeGateway = {
	createExpressAccount(input: { email: string; carerId: string }): Promise<{ id: string; status: StripeAccountStatus }>
	/** A single-use link to Stripe's onboarding for the account; it lasts minutes, so use it at once. */
	createOnboardingLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<string>
	accountStatus(accountId: string): Promise<StripeAccountStatus>
	/** The transfer an earlier attempt of this payment created, if Stripe has one. */
	findTransfer(paymentId: string): Promise<{ id: string } | null>
	createTransfer(input: {
		paymentId: string
		entryId: string
		amountPence: number
		destinationAccountId: string
	}): Promise<{ id: string }>
	/** The event in a webhook's raw body, if its Stripe-Signature header is good; throws if not. */
	verifyWebhook(rawBody: string, signature: string | null): Stripe.Event
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
			return { id: account.id, status: accountStatus(account) }
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

		async accountStatus(accountId) {
			return accountStatus(await stripe.accounts.retrieve(accountId))
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
			if (!signature) throw new Error('No Stripe-Signature header')
			let lastError: unknown = new Error('No webhook signing secret is configured')
			for (const secret of config.webhookSecrets) {
				try {
					return stripe.webhooks.constructEvent(rawBody, signature, secret)
				} catch (error) {
					lastError = error
				}
			}
			throw lastError
		},
	}
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

/** Whether bonuses can be paid through Stripe here. */
export function stripeConfigured(): boolean {
	return stripeConfig() !== null
}

/** A failed call to Stripe, as the payment rules see it: its HTTP status (none if no answer) and why. */
export function describeStripeFailure(error: unknown): StripeFailure {
	if (error instanceof Stripe.errors.StripeError) {
		const reason = error.code ? `${error.code}: ${error.message}` : error.message
		return { statusCode: error.statusCode ?? null, message: reason }
	}
	return { statusCode: null, message: error instanceof Error ? error.message : String(error) }
}

export type StripeEvent = Stripe.Event

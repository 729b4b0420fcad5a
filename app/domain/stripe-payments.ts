// Rules for paying bonuses through Stripe Connect (ADR 011), free of the SDK and the database:
// what a connected account's state means for us, which failures are worth trying again, and how
// long to wait before the next try.

import { backoffMs, type RetryPolicy } from './retry-policy.ts'

export const STRIPE_ACCOUNT_STATUSES = ['pending', 'enabled', 'restricted'] as const
export type StripeAccountStatus = (typeof STRIPE_ACCOUNT_STATUSES)[number]

export const STRIPE_ACCOUNT_STATUS_LABELS: Record<StripeAccountStatus, string> = {
	pending: 'Not finished setting up',
	enabled: 'Ready to receive payments',
	restricted: 'Stripe needs more information',
}

/** The parts of a Stripe account object that say whether it can receive transfers. */
export type AccountSnapshot = {
	details_submitted?: boolean | null
	capabilities?: { transfers?: string | null } | null
}

/**
 * pending: the carer has not finished Stripe's onboarding; enabled: transfers to the account will
 * be accepted; restricted: onboarding was finished but Stripe wants more before it pays out.
 */
export function accountStatus(account: AccountSnapshot): StripeAccountStatus {
	if (account.capabilities?.transfers === 'active') return 'enabled'
	return account.details_submitted ? 'restricted' : 'pending'
}

export function isStripeAccountStatus(value: string | null | undefined): value is StripeAccountStatus {
	return (STRIPE_ACCOUNT_STATUSES as readonly (string | null | undefined)[]).includes(value)
}

export const PAYMENT_STATUSES = ['queued', 'paid', 'failed', 'reversed'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
	queued: 'Being sent',
	paid: 'Paid',
	failed: 'Failed',
	reversed: 'Reversed by Stripe',
}

/** Why Stripe cannot pay a bonus, in a manager's words. */
export const STRIPE_PAYMENT_REFUSALS = {
	notApproved: 'Only a bonus approved for payment can be paid',
	alreadyLive: 'This bonus is already being paid through Stripe, or has been',
	noPayee: 'This bonus has no carer to pay',
	notConnected: 'The carer has not finished setting up their Stripe account, so Stripe cannot pay them yet',
} as const
export type StripePaymentRefusal = keyof typeof STRIPE_PAYMENT_REFUSALS

/**
 * Who Stripe can pay: a bonus approved for payment, not already being paid (or paid) through
 * Stripe, to a carer whose connected account Stripe will send transfers to. Null when it can; the
 * bonus's page offers "Pay with Stripe" only then, and queueing a payment refuses otherwise.
 */
export function stripePaymentRefusal(
	entry: {
		status: string
		/** The account's id, where it is known (an account Stripe calls enabled has one). */
		payee: { stripeAccountId?: string | null; stripeAccountStatus: string | null } | null
	},
	stripeLive: boolean
): StripePaymentRefusal | null {
	if (entry.status !== 'approved') return 'notApproved'
	if (stripeLive) return 'alreadyLive'
	if (!entry.payee) return 'noPayee'
	if (entry.payee.stripeAccountId === null || entry.payee.stripeAccountStatus !== 'enabled') return 'notConnected'
	return null
}

/** What a failed request to Stripe looked like: no status code means it never got an answer. */
export type StripeFailure = { statusCode?: number | null; message: string }

/**
 * Whether to try a failed transfer again. No answer (Stripe unreachable, a time-out), a 5xx, a
 * 429 (rate limit) or a 409 (the same idempotency key is still being handled) may succeed later,
 * and the idempotency key makes the retry safe. Any other 4xx is Stripe refusing this transfer
 * (insufficient balance, an account that cannot receive): retrying would only be refused again.
 */
export function isTransientFailure(failure: StripeFailure): boolean {
	const status = failure.statusCode
	if (status === undefined || status === null) return true
	return status >= 500 || status === 429 || status === 409
}

/**
 * Stripe's numbers for the workers' retry rule (app/domain/retry-policy.ts, ADR 024): from seconds
 * up to an hour, for as long as Stripe stays away; a definite refusal is not tried again.
 */
export const PAYMENT_RETRY: RetryPolicy = {
	delaysMs: [15_000, 60_000, 300_000, 900_000, 3_600_000],
	transientAttempts: null,
	permanentAttempts: 1,
}

/** The wait after `failedAttempts` transient failures (1 = the first), with jitter. */
export function paymentRetryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
	return backoffMs(PAYMENT_RETRY, failedAttempts, random)
}

/** The idempotency key of a payment's transfer: the same on every retry, so Stripe pays once. */
export function transferIdempotencyKey(paymentId: string): string {
	return `bonus-payment-${paymentId}`
}

/** An account's status as Stripe told us, and when it was so (whole seconds, as Stripe's times are). */
export type AccountState = { status: StripeAccountStatus; asOf: Date }

/**
 * What the app asks of Stripe: integrations/stripe.server.ts answers with the real SDK, and the
 * models take it as an argument, so they never reach for an integration themselves (ADR 022).
 */
export type StripeGateway = {
	createExpressAccount(input: { email: string; carerId: string }): Promise<{ id: string } & AccountState>
	/** A single-use link to Stripe's onboarding for the account; it lasts minutes, so use it at once. */
	createOnboardingLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<string>
	/** How the account stands now; asOf is when we asked. */
	accountState(accountId: string): Promise<AccountState>
	/** The transfer an earlier attempt of this payment created, if Stripe has one. */
	findTransfer(paymentId: string): Promise<{ id: string } | null>
	createTransfer(input: {
		paymentId: string
		entryId: string
		amountPence: number
		destinationAccountId: string
	}): Promise<{ id: string }>
	/**
	 * The JSON in a webhook's raw body, if its Stripe-Signature header is good and dated within the
	 * tolerance either way; throws WebhookRefused (integrations/stripe.server.ts) if not. Its shape is for the caller to check.
	 */
	verifyWebhook(rawBody: string, signature: string | null): unknown
}

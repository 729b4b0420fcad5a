import { describe, expect, test } from 'vitest'
import {
	accountStatus,
	isTransientFailure,
	paymentRetryDelayMs,
	STRIPE_PAYMENT_REFUSALS,
	stripePaymentRefusal,
	transferIdempotencyKey,
} from './stripe-payments.ts'

describe('accountStatus', () => {
	test('an account that has not finished onboarding is pending', () => {
		expect(accountStatus({ details_submitted: false, capabilities: { transfers: 'inactive' } })).toBe('pending')
		expect(accountStatus({})).toBe('pending')
	})

	test('an account whose transfers capability is active can be paid', () => {
		expect(accountStatus({ details_submitted: true, capabilities: { transfers: 'active' } })).toBe('enabled')
	})

	test('a finished account that Stripe will not yet pay is restricted', () => {
		expect(accountStatus({ details_submitted: true, capabilities: { transfers: 'pending' } })).toBe('restricted')
		expect(accountStatus({ details_submitted: true, capabilities: null })).toBe('restricted')
	})
})

describe('isTransientFailure', () => {
	test('no answer at all, a server error, a rate limit or a key still in use are tried again', () => {
		expect(isTransientFailure({ message: 'connect ECONNREFUSED' })).toBe(true)
		expect(isTransientFailure({ statusCode: 500, message: 'api_error' })).toBe(true)
		expect(isTransientFailure({ statusCode: 503, message: 'unavailable' })).toBe(true)
		expect(isTransientFailure({ statusCode: 429, message: 'rate limited' })).toBe(true)
		expect(isTransientFailure({ statusCode: 409, message: 'idempotency key in use' })).toBe(true)
	})

	test('a refusal (insufficient funds, a bad destination) is final', () => {
		expect(isTransientFailure({ statusCode: 400, message: 'balance_insufficient' })).toBe(false)
		expect(isTransientFailure({ statusCode: 403, message: 'permission' })).toBe(false)
		expect(isTransientFailure({ statusCode: 404, message: 'no such destination' })).toBe(false)
	})
})

describe('paymentRetryDelayMs', () => {
	test('backs off from 15 seconds to an hour and stays there', () => {
		const noJitter = () => 0
		expect(paymentRetryDelayMs(1, noJitter)).toBe(15_000)
		expect(paymentRetryDelayMs(2, noJitter)).toBe(60_000)
		expect(paymentRetryDelayMs(5, noJitter)).toBe(3_600_000)
		expect(paymentRetryDelayMs(50, noJitter)).toBe(3_600_000)
	})

	test('jitter only ever shortens the wait, by at most a fifth', () => {
		expect(paymentRetryDelayMs(1, () => 0.999)).toBeGreaterThan(12_000)
		expect(paymentRetryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(15_000)
	})
})

test('a payment keeps one idempotency key across retries', () => {
	expect(transferIdempotencyKey('pay_1')).toBe('bonus-payment-pay_1')
	expect(transferIdempotencyKey('pay_1')).toBe(transferIdempotencyKey('pay_1'))
})

describe('stripePaymentRefusal: who Stripe can pay', () => {
	const connected = { stripeAccountId: 'acct_1', stripeAccountStatus: 'enabled' }
	test.each<[string, Parameters<typeof stripePaymentRefusal>[0], boolean, string | null]>([
		['an approved bonus to a connected carer', { status: 'approved', payee: connected }, false, null],
		['a bonus not yet approved', { status: 'earned', payee: connected }, false, 'notApproved'],
		['a bonus already paid', { status: 'paid', payee: connected }, false, 'notApproved'],
		['one Stripe is paying already', { status: 'approved', payee: connected }, true, 'alreadyLive'],
		['a welcome bonus before the new carers are approved', { status: 'approved', payee: null }, false, 'noPayee'],
		[
			'a carer who has not finished Stripe’s onboarding',
			{ status: 'approved', payee: { stripeAccountId: 'acct_2', stripeAccountStatus: 'pending' } },
			false,
			'notConnected',
		],
		[
			'a carer with no account at all',
			{ status: 'approved', payee: { stripeAccountId: null, stripeAccountStatus: null } },
			false,
			'notConnected',
		],
		[
			'as the bonus page sees it, without the account id',
			{ status: 'approved', payee: { stripeAccountStatus: 'enabled' } },
			false,
			null,
		],
	])('%s', (_, entry, live, refusal) => {
		expect(stripePaymentRefusal(entry, live)).toBe(refusal)
	})

	test('each refusal has words for the manager', () => {
		expect(STRIPE_PAYMENT_REFUSALS.notConnected).toBe(
			'The carer has not finished setting up their Stripe account, so Stripe cannot pay them yet'
		)
	})
})

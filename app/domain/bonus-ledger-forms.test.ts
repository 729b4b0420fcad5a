import { describe, expect, test } from 'vitest'
import { ledgerTransition, LEDGER_STATUSES } from './bonus-ledger.ts'
import {
	ledgerActionsFor,
	parseLedgerFilter,
	readManualPaymentForm,
	readVoidForm,
	STRIPE_PAYMENT_LIVE_MESSAGE,
	stripeLiveRefusal,
} from './bonus-ledger-forms.ts'

const TODAY = '2026-11-24'
const paidOn = (day: string, month = '11', year = '2026') => ({ day, month, year })

describe('the ledger filter', () => {
	test('shows the bonuses awaiting approval unless another status is chosen', () => {
		expect(parseLedgerFilter(null)).toBe('earned')
		expect(parseLedgerFilter('nonsense')).toBe('earned')
		expect(parseLedgerFilter('paid')).toBe('paid')
		expect(parseLedgerFilter('all')).toBe('all')
	})
})

describe('making a bonus void', () => {
	test('needs a reason, kept without surrounding spaces', () => {
		expect(readVoidForm('  The household was referred twice  ')).toEqual({
			ok: true,
			reason: 'The household was referred twice',
		})
		expect(readVoidForm('   ')).toEqual({
			ok: false,
			errors: [{ field: 'reason', message: 'Enter why the bonus is void' }],
		})
		expect(readVoidForm('x'.repeat(501))).toEqual({
			ok: false,
			errors: [{ field: 'reason', message: 'The reason must be 500 characters or fewer' }],
		})
	})
})

describe('recording a payment made another way', () => {
	test('reads the method, the date paid and the reference', () => {
		expect(
			readManualPaymentForm({ method: 'payroll', paidOn: paidOn('24'), reference: ' PAY  2026/11 ' }, TODAY)
		).toEqual({ ok: true, value: { method: 'payroll', paidOn: '2026-11-24', reference: 'PAY 2026/11' } })
	})

	test('refuses Stripe as a manual method, a date in the future and a missing reference', () => {
		const result = readManualPaymentForm({ method: 'stripe', paidOn: paidOn('25'), reference: '' }, TODAY)
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'method', message: 'Select how the bonus was paid' },
				{ field: 'paidOn', message: 'The date it was paid must be today or in the past' },
				{ field: 'reference', message: 'Enter the payment reference' },
			],
		})
	})

	test('uses the GOV.UK date messages', () => {
		const result = readManualPaymentForm(
			{ method: 'cheque', paidOn: paidOn('', '11', ''), reference: 'CHQ 100234' },
			TODAY
		)
		expect(result).toEqual({
			ok: false,
			errors: [{ field: 'paidOn', message: 'The date it was paid must include a day and year' }],
		})
	})
})

describe('the actions a page offers', () => {
	test('are exactly the transitions the ledger allows', () => {
		for (const status of LEDGER_STATUSES) {
			const offered = ledgerActionsFor(status)
			expect(offered.approve).toBe(ledgerTransition(status, { kind: 'approve' }).ok)
			expect(offered.void).toBe(ledgerTransition(status, { kind: 'void', reason: 'x' }).ok)
			expect(offered.pay).toBe(
				ledgerTransition(status, { kind: 'pay', method: 'payroll', paidOn: TODAY, reference: 'x' }).ok
			)
		}
	})

	test('while Stripe is paying a bonus, only approving is left: no other payment, no void, and the server says why', () => {
		expect(ledgerActionsFor('approved', true)).toEqual({ approve: false, pay: false, void: false })
		expect(ledgerActionsFor('earned', true)).toEqual({ approve: true, pay: false, void: false })
		expect(stripeLiveRefusal('pay', true)).toBe(STRIPE_PAYMENT_LIVE_MESSAGE)
		expect(stripeLiveRefusal('void', true)).toBe(STRIPE_PAYMENT_LIVE_MESSAGE)
		expect(stripeLiveRefusal('approve', true)).toBeNull()
		expect(stripeLiveRefusal('pay', false)).toBeNull()
	})
})

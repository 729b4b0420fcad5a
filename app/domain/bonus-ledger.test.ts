import { describe, expect, test } from 'vitest'
import { ledgerTransition, type LedgerStatus } from './bonus-ledger.ts'

const earn = { kind: 'earn', on: '2026-11-23', amountPence: 25_000 } as const
const pay = { kind: 'pay', method: 'payroll', paidOn: '2026-11-30', reference: 'PAY-2026-11' } as const

describe('a bonus moves pending → earned → approved → paid', () => {
	test('one step at a time', () => {
		expect(ledgerTransition('pending', earn)).toEqual({ ok: true, status: 'earned' })
		expect(ledgerTransition('earned', { kind: 'approve' })).toEqual({ ok: true, status: 'approved' })
		expect(ledgerTransition('approved', pay)).toEqual({ ok: true, status: 'paid' })
	})

	test('and cannot skip the manager’s approval or be paid twice', () => {
		expect(ledgerTransition('earned', pay)).toEqual({
			ok: false,
			error: 'Only a bonus approved for payment can be paid',
		})
		expect(ledgerTransition('pending', { kind: 'approve' })).toMatchObject({ ok: false })
		expect(ledgerTransition('paid', pay)).toMatchObject({ ok: false })
		expect(ledgerTransition('earned', earn)).toEqual({ ok: false, error: 'Only a pending bonus can be earned' })
	})
})

describe('void', () => {
	test.each<LedgerStatus>(['pending', 'earned', 'approved'])('is allowed from %s, with a reason', (status) => {
		expect(ledgerTransition(status, { kind: 'void', reason: 'Referred by mistake' })).toEqual({
			ok: true,
			status: 'void',
		})
		expect(ledgerTransition(status, { kind: 'void', reason: '  ' })).toEqual({
			ok: false,
			error: 'Enter why the bonus is void',
		})
	})

	test.each<LedgerStatus>(['paid', 'void'])('is final: a %s bonus cannot be made void', (status) => {
		expect(ledgerTransition(status, { kind: 'void', reason: 'Mistake' })).toMatchObject({ ok: false })
	})
})

test('a manual payment needs its reference; a Stripe payment carries the transfer’s', () => {
	expect(ledgerTransition('approved', { ...pay, reference: '' })).toEqual({
		ok: false,
		error: 'Enter the payment reference',
	})
	expect(ledgerTransition('approved', { ...pay, method: 'stripe', reference: 'tr_123' })).toEqual({
		ok: true,
		status: 'paid',
	})
})

test('amounts are whole pence', () => {
	expect(ledgerTransition('pending', { ...earn, amountPence: 125.5 })).toMatchObject({ ok: false })
})

import type { CalendarDate } from './working-days.ts'

// The bonus ledger's rules: an entry per referral and milestone moves pending -> earned (the
// milestone is reached) -> approved (by a manager) -> paid, or to void with a reason from any state
// before paid. Paid and void are final: money paid is corrected by a new, separate record, never
// by rewriting the ledger.

export const LEDGER_STATUSES = ['pending', 'earned', 'approved', 'paid', 'void'] as const
export type LedgerStatus = (typeof LEDGER_STATUSES)[number]

export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
	pending: 'Pending',
	earned: 'Earned, awaiting approval',
	approved: 'Approved for payment',
	paid: 'Paid',
	void: 'Void',
}

export const MANUAL_PAYMENT_METHODS = [
	{ value: 'bank_transfer', label: 'Bank transfer' },
	{ value: 'payroll', label: 'Payroll (with the carer’s allowance)' },
	{ value: 'cheque', label: 'Cheque' },
	{ value: 'other', label: 'Another way' },
] as const
export type ManualPaymentMethod = (typeof MANUAL_PAYMENT_METHODS)[number]['value']
export type PaymentMethod = ManualPaymentMethod | 'stripe'

export type LedgerAction =
	| { kind: 'earn'; on: CalendarDate; amountPence: number }
	| { kind: 'approve' }
	| { kind: 'pay'; method: PaymentMethod; paidOn: CalendarDate; reference: string }
	| { kind: 'void'; reason: string }

export type LedgerOutcome = { ok: true; status: LedgerStatus } | { ok: false; error: string }

const FROM: Record<LedgerAction['kind'], readonly LedgerStatus[]> = {
	earn: ['pending'],
	approve: ['earned'],
	pay: ['approved'],
	void: ['pending', 'earned', 'approved'],
}

const TO: Record<LedgerAction['kind'], LedgerStatus> = {
	earn: 'earned',
	approve: 'approved',
	pay: 'paid',
	void: 'void',
}

const REFUSALS: Record<LedgerAction['kind'], string> = {
	earn: 'Only a pending bonus can be earned',
	approve: 'Only an earned bonus can be approved for payment',
	pay: 'Only a bonus approved for payment can be paid',
	void: 'A bonus that has been paid or is already void cannot be made void',
}

/** Where `action` takes an entry in `status`, or why it cannot. */
export function ledgerTransition(status: LedgerStatus, action: LedgerAction): LedgerOutcome {
	if (!FROM[action.kind].includes(status)) return { ok: false, error: REFUSALS[action.kind] }
	if (action.kind === 'void' && action.reason.trim() === '') return { ok: false, error: 'Enter why the bonus is void' }
	if (action.kind === 'earn' && (!Number.isInteger(action.amountPence) || action.amountPence < 0)) {
		return { ok: false, error: 'The amount must be a whole number of pence' }
	}
	if (action.kind === 'pay' && action.method !== 'stripe' && action.reference.trim() === '') {
		return { ok: false, error: 'Enter the payment reference' }
	}
	return { ok: true, status: TO[action.kind] }
}

export function isLedgerStatus(value: string): value is LedgerStatus {
	return (LEDGER_STATUSES as readonly string[]).includes(value)
}

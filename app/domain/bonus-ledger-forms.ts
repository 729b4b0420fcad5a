import { MANUAL_PAYMENT_METHODS, type LedgerStatus, type ManualPaymentMethod } from './bonus-ledger.ts'
import { readDateInput, type DateParts } from './date-input.ts'
import type { CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// The forms of the bonus ledger pages (/staff/bonuses): which entries to list, and what a manager
// types to make a bonus void or to record a payment made outside Stripe. Pure, so every GOV.UK
// message is unit-tested; the transitions themselves are app/domain/bonus-ledger.ts.

/** The ledger's filters, in the order a manager works through them: decisions waiting first. */
export const LEDGER_FILTERS = ['earned', 'approved', 'pending', 'paid', 'void', 'all'] as const
export type LedgerFilter = (typeof LEDGER_FILTERS)[number]

export const LEDGER_FILTER_LABELS: Record<LedgerFilter, string> = {
	earned: 'Earned, awaiting approval',
	approved: 'Approved, awaiting payment',
	pending: 'Pending (milestone not reached yet)',
	paid: 'Paid',
	void: 'Void',
	all: 'All bonuses',
}

/** The filter from the URL: none (or one not known) is the bonuses awaiting approval. */
export function parseLedgerFilter(value: string | null): LedgerFilter {
	return (LEDGER_FILTERS as readonly string[]).includes(value ?? '') ? (value as LedgerFilter) : 'earned'
}

export const VOID_REASON_MAX = 500
export const PAYMENT_REFERENCE_MAX = 100

export function readVoidForm(reason: string): { ok: true; reason: string } | { ok: false; errors: FieldError[] } {
	const text = reason.trim()
	if (text === '') return { ok: false, errors: [{ field: 'reason', message: 'Enter why the bonus is void' }] }
	if (text.length > VOID_REASON_MAX) {
		return {
			ok: false,
			errors: [{ field: 'reason', message: `The reason must be ${VOID_REASON_MAX} characters or fewer` }],
		}
	}
	return { ok: true, reason: text }
}

export type ManualPaymentValues = { method: string; paidOn: DateParts; reference: string }

export function readManualPaymentForm(
	form: ManualPaymentValues,
	today: CalendarDate
):
	| { ok: true; value: { method: ManualPaymentMethod; paidOn: CalendarDate; reference: string } }
	| { ok: false; errors: FieldError[] } {
	const errors: FieldError[] = []
	const method = MANUAL_PAYMENT_METHODS.find((option) => option.value === form.method)?.value
	if (!method) errors.push({ field: 'method', message: 'Select how the bonus was paid' })
	const date = readDateInput(form.paidOn, 'The date it was paid')
	if (!date.ok) errors.push({ field: 'paidOn', message: date.error })
	else if (date.date > today)
		errors.push({ field: 'paidOn', message: 'The date it was paid must be today or in the past' })
	const reference = form.reference.trim().replace(/\s+/g, ' ')
	if (reference === '') errors.push({ field: 'reference', message: 'Enter the payment reference' })
	else if (reference.length > PAYMENT_REFERENCE_MAX) {
		errors.push({
			field: 'reference',
			message: `The payment reference must be ${PAYMENT_REFERENCE_MAX} characters or fewer`,
		})
	}
	if (errors.length > 0 || !method || !date.ok) return { ok: false, errors }
	return { ok: true, value: { method, paidOn: date.date, reference } }
}

/** Why a manager cannot record a payment or make a bonus void while Stripe is paying it. */
export const STRIPE_PAYMENT_LIVE_MESSAGE =
	'This bonus is being paid through Stripe. Wait for Stripe to confirm or refuse the payment.'

/**
 * What a manager may do to an entry in this status (the buttons and forms the page shows), while a
 * Stripe payment of it is queued or paid (`stripeLive`) or not: the transfer may already be on its
 * way, so it cannot also be paid another way or made void. The server refuses the same
 * (`stripeLiveRefusal`, and the ledger's own transitions).
 */
export function ledgerActionsFor(
	status: LedgerStatus,
	stripeLive = false
): { approve: boolean; pay: boolean; void: boolean } {
	return {
		approve: status === 'earned',
		pay: status === 'approved' && !stripeLive,
		void: (status === 'pending' || status === 'earned' || status === 'approved') && !stripeLive,
	}
}

/** Why a change to an entry is refused because Stripe is paying it; null when that does not stop it. */
export function stripeLiveRefusal(kind: 'approve' | 'void' | 'pay', stripeLive: boolean): string | null {
	return kind !== 'approve' && stripeLive ? STRIPE_PAYMENT_LIVE_MESSAGE : null
}

import { formatPounds, MILESTONE_LABELS, type Milestone } from '~/domain/bonus-scheme.ts'
import { STRIPE_PAYMENT_REFUSALS, stripePaymentRefusal, type PaymentStatus } from '~/domain/stripe-payments.ts'
import { Prisma, type PrismaClient } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { now, today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { stripeConfigured } from '~/utils/env.server.ts'
import { recordAudit } from './audit.server.ts'
import { applyLedgerAction } from './bonus-ledger.server.ts'
import { claimDue } from './leases.server.ts'

// Bonuses paid through Stripe (ADR 011). A manager queues a payment of an approved bonus; the
// payment worker (app/integrations/payment-worker.server.ts) sends it as a Stripe transfer and,
// once Stripe has said yes, marks the payment and the ledger entry paid in one transaction.
//
// Exactly once: a payment's liveEntryId is its entry's id while it is queued or paid, and its
// unique index allows one such payment per entry; the transfer's idempotency key is the payment's
// id, so however often the worker retries, Stripe creates one transfer. A definite refusal ends
// the payment as failed and frees the entry for another try; nothing is marked paid on a guess.
//
// Claims work as in the email outbox: a lease (leases.server.ts), so two server processes never
// send the same payment at the same time.

export type PaymentsDb = Pick<PrismaClient, 'bonusPayment' | '$queryRaw'>

export type QueueOutcome = { ok: true; paymentId: string } | { ok: false; error: string }

export const PAYMENT_MESSAGES = {
	notConfigured: 'Payments through Stripe are not set up for this service',
	noSuchBonus: 'There is no such bonus',
	...STRIPE_PAYMENT_REFUSALS,
} as const

function describeEntry(entry: { milestone: string; amountPence: number }) {
	return `${formatPounds(entry.amountPence)} referral bonus (${
		MILESTONE_LABELS[entry.milestone as Milestone] ?? entry.milestone
	})`
}

/**
 * Queues a Stripe transfer of an approved bonus to its payee's connected account. The caller
 * wakes the payment worker (wakePayments) once this has returned, so it goes within seconds.
 */
export async function queueStripePayment(input: { entryId: string; actor: StaffIdentity }): Promise<QueueOutcome> {
	if (!stripeConfigured()) return { ok: false, error: PAYMENT_MESSAGES.notConfigured }
	try {
		return await prisma.$transaction(async (tx) => {
			const entry = await tx.bonusEntry.findUnique({
				where: { id: input.entryId },
				include: { payee: true, referral: { select: { householdId: true } } },
			})
			if (!entry) return { ok: false, error: PAYMENT_MESSAGES.noSuchBonus }
			// Who can be paid is the domain's rule, as the bonus's page shows it; the unique index on
			// liveEntryId stands behind the "already being paid" part when two managers click at once.
			const live = (await tx.bonusPayment.count({ where: { liveEntryId: entry.id } })) > 0
			const refusal = stripePaymentRefusal(entry, live)
			if (refusal) return { ok: false, error: PAYMENT_MESSAGES[refusal] }
			const payment = await tx.bonusPayment.create({
				data: {
					entryId: entry.id,
					liveEntryId: entry.id,
					amountPence: entry.amountPence,
					destinationAccountId: entry.payee!.stripeAccountId!,
					nextAttemptAt: now(),
					createdById: input.actor.id,
				},
			})
			await recordAudit(tx, {
				actorId: input.actor.id,
				householdId: entry.referral.householdId,
				action: 'changed',
				detail: `Sent the ${describeEntry(entry)} to be paid through Stripe`,
			})
			return { ok: true, paymentId: payment.id } as const
		})
	} catch (error) {
		// The unique index on liveEntryId: another payment of this entry is queued or paid.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
			return { ok: false, error: PAYMENT_MESSAGES.alreadyLive }
		}
		throw error
	}
}

/** An entry's Stripe payments, newest first: what was tried, what Stripe said, what is live. */
export async function paymentsForEntry(entryId: string) {
	const payments = await prisma.bonusPayment.findMany({
		where: { entryId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
	})
	return payments.map((payment) => ({
		id: payment.id,
		status: payment.status as PaymentStatus,
		amountPence: payment.amountPence,
		attempts: payment.attempts,
		nextAttemptAt: payment.status === 'queued' ? payment.nextAttemptAt : null,
		lastError: payment.lastError,
		stripeTransferId: payment.stripeTransferId,
		createdAt: payment.createdAt,
		settledAt: payment.settledAt,
	}))
}

/** Payments a manager should look at: refused by Stripe, or reversed after they were paid. */
export function paymentsNeedingAttention() {
	return prisma.bonusPayment.findMany({
		where: { OR: [{ status: { in: ['failed', 'reversed'] } }, { status: 'paid', lastError: { not: null } }] },
		orderBy: { createdAt: 'desc' },
		take: 50,
	})
}

export type ClaimedPayment = {
	id: string
	entryId: string
	amountPence: number
	destinationAccountId: string
	/** Attempts made before this one; it also identifies the claim. */
	attempts: number
}

type ClaimedRow = Omit<ClaimedPayment, 'attempts' | 'amountPence'> & {
	attempts: number | bigint
	amountPence: number | bigint
}

/** Claims up to `limit` queued payments that are due and not leased, until now + leaseMs. */
export async function claimDuePayments(input: {
	now: Date
	leaseMs: number
	limit: number
	db?: PaymentsDb
}): Promise<ClaimedPayment[]> {
	const { rows } = await claimDue<ClaimedRow>(
		{
			table: 'BonusPayment',
			waiting: 'queued',
			columns: ['id', 'entryId', 'amountPence', 'destinationAccountId', 'attempts'],
			now: input.now,
			leaseMs: input.leaseMs,
			limit: input.limit,
		},
		input.db
	)
	return rows.map(({ attempts, amountPence, ...row }) => ({
		...row,
		attempts: Number(attempts),
		amountPence: Number(amountPence),
	}))
}

/** The status of a payment's bonus now: the worker sends nothing for a bonus no longer approved. */
export async function entryStatusOf(entryId: string, db: Pick<PrismaClient, 'bonusEntry'> = prisma) {
	const entry = await db.bonusEntry.findUnique({ where: { id: entryId }, select: { status: true } })
	return entry?.status ?? null
}

export type SettleOutcome = 'paid' | 'already settled' | 'paid, ledger refused'

/**
 * Records that Stripe made the transfer: the payment is paid and its entry paid, in one
 * transaction. Not tied to a claim (if Stripe paid, it paid), and idempotent: the worker and a
 * transfer.created webhook may both report the same transfer.
 */
export function settlePayment(paymentId: string, transferId: string): Promise<SettleOutcome> {
	return prisma.$transaction((tx) => settlePaymentIn(tx, paymentId, transferId))
}

/** settlePayment inside the caller's transaction (the webhook's, which also records the event). */
export async function settlePaymentIn(
	tx: Prisma.TransactionClient,
	paymentId: string,
	transferId: string
): Promise<SettleOutcome> {
	const payment = await tx.bonusPayment.findUnique({ where: { id: paymentId } })
	if (!payment || payment.status !== 'queued') return 'already settled'
	const moved = await tx.bonusPayment.updateMany({
		where: { id: paymentId, status: 'queued' },
		data: {
			status: 'paid',
			stripeTransferId: transferId,
			settledAt: now(),
			lockedUntil: null,
			lastError: null,
			attempts: { increment: 1 },
		},
	})
	if (moved.count === 0) return 'already settled'
	const outcome = await applyLedgerAction(
		tx,
		payment.entryId,
		{ kind: 'pay', method: 'stripe', paidOn: today(), reference: transferId },
		null
	)
	if (outcome.ok) return 'paid'
	// The money went, so the payment stays paid; the note puts it in front of a manager.
	await tx.bonusPayment.update({
		where: { id: paymentId },
		data: {
			lastError: `Stripe paid this (transfer ${transferId}) but the bonus could not be marked paid: ${outcome.error}`,
		},
	})
	return 'paid, ledger refused'
}

/** What a transfer.created or transfer.reversed webhook says about a transfer. */
export type TransferReport = {
	id: string
	/** The payment that made it (the metadata the worker sent), if it says. */
	paymentId: string | null
	amountPence: number
	destinationAccountId: string | null
	/** How much Stripe has reversed so far, in all (Stripe's amount_reversed). */
	amountReversedPence: number
	fullyReversed: boolean
}

export type TransferOutcome = 'recorded' | 'stale' | 'unknown transfer'

/**
 * A transfer Stripe made: settles the queued payment it belongs to, if the amount and the
 * destination are the payment's. A payment already settled (paid, or reversed after a
 * transfer.reversed that came first) is left as it is: Stripe's events come in any order.
 */
export async function recordTransferMade(
	tx: Prisma.TransactionClient,
	transfer: TransferReport
): Promise<TransferOutcome> {
	const payment = transfer.paymentId ? await tx.bonusPayment.findUnique({ where: { id: transfer.paymentId } }) : null
	if (!payment || !isPaymentOf(payment, transfer)) return 'unknown transfer'
	return (await settlePaymentIn(tx, payment.id, transfer.id)) === 'already settled' ? 'stale' : 'recorded'
}

/**
 * Stripe reversed (some of) a transfer. The ledger is final once paid, so the entry stays paid;
 * the payment records the reversal, a full reversal frees the entry's live slot, and
 * paymentsNeedingAttention puts it in front of a manager to settle with the carer.
 *
 * Out of order: a reversal can arrive before we knew the transfer was made (its answer lost, its
 * transfer.created still on the way). A reversal proves the transfer was made, so it settles the
 * payment first, as transfer.created would, and a late transfer.created then finds it settled.
 * Stripe's amount_reversed only grows, so a reversal saying no more than the payment has already
 * recorded is an older event delivered late, and changes nothing.
 */
export async function recordTransferReversal(
	tx: Prisma.TransactionClient,
	transfer: TransferReport
): Promise<TransferOutcome> {
	let payment = await tx.bonusPayment.findUnique({ where: { stripeTransferId: transfer.id } })
	if (!payment && transfer.paymentId) {
		const made = await recordTransferMade(tx, transfer)
		if (made === 'recorded') payment = await tx.bonusPayment.findUnique({ where: { stripeTransferId: transfer.id } })
	}
	if (!payment) return 'unknown transfer'
	const fully = transfer.fullyReversed || transfer.amountReversedPence >= payment.amountPence
	const note = `Stripe reversed ${formatPounds(transfer.amountReversedPence)} of this transfer on ${today()}`
	const { count } = await tx.bonusPayment.updateMany({
		where: { id: payment.id, reversedPence: { lt: transfer.amountReversedPence } },
		data: {
			reversedPence: transfer.amountReversedPence,
			lastError: note,
			...(fully ? { status: 'reversed', liveEntryId: null } : {}),
		},
	})
	return count > 0 ? 'recorded' : 'stale'
}

function isPaymentOf(payment: { amountPence: number; destinationAccountId: string }, transfer: TransferReport) {
	return payment.amountPence === transfer.amountPence && payment.destinationAccountId === transfer.destinationAccountId
}

/** A failed attempt that may succeed later: try again at `nextAttemptAt`. */
export async function recordPaymentRetry(
	claim: ClaimedPayment,
	outcome: { error: string; nextAttemptAt: Date },
	db: Pick<PrismaClient, 'bonusPayment'> = prisma
) {
	await db.bonusPayment.updateMany({
		where: { id: claim.id, status: 'queued', attempts: claim.attempts },
		data: {
			attempts: { increment: 1 },
			lastError: outcome.error,
			nextAttemptAt: outcome.nextAttemptAt,
			lockedUntil: null,
		},
	})
}

/**
 * Stripe refused the payment (or the bonus is no longer approved): it ends as failed and frees
 * its entry, which stays approved, for a manager to try again or pay another way.
 */
export async function failPayment(
	claim: ClaimedPayment,
	error: string,
	db: Pick<PrismaClient, 'bonusPayment'> = prisma
) {
	await db.bonusPayment.updateMany({
		where: { id: claim.id, status: 'queued', attempts: claim.attempts },
		data: {
			status: 'failed',
			liveEntryId: null,
			attempts: { increment: 1 },
			lastError: error,
			settledAt: now(),
			lockedUntil: null,
		},
	})
}

/** Gives a claimed payment back unsent (the worker is stopping), so it can go at once elsewhere. */
export async function releasePaymentClaim(claim: ClaimedPayment, db: Pick<PrismaClient, 'bonusPayment'> = prisma) {
	await db.bonusPayment.updateMany({
		where: { id: claim.id, status: 'queued', attempts: claim.attempts },
		data: { lockedUntil: null },
	})
}

import { LEDGER_STATUS_LABELS, isLedgerStatus } from '~/domain/bonus-ledger.ts'
import { afterFailure } from '~/domain/retry-policy.ts'
import { isTransientFailure, PAYMENT_RETRY } from '~/domain/stripe-payments.ts'
import {
	claimDuePayments,
	entryStatusOf,
	failPayment,
	recordPaymentRetry,
	releasePaymentClaim,
	settlePayment,
	type ClaimedPayment,
	type PaymentsDb,
} from '~/models/bonus-payments.server.ts'
import { now as clockNow } from '~/utils/clock.server.ts'
import { wakeOutbox } from './outbox-worker.server.ts'
import { workerRegistry, type LeasedWorker, type WorkerOptions } from './leased-worker.server.ts'
import { describeStripeFailure } from './stripe.server.ts'
import type { StripeGateway } from '~/domain/stripe-payments.ts'

// Sends queued bonus payments to Stripe (ADR 011), like the outbox worker sends email: each server
// process runs one when Stripe is configured (background-jobs.server.ts), and leases keep two from
// sending the same payment at once. Stripe unreachable, a time-out, a 5xx or a 429: the payment
// stays queued and is retried with backoff under the same idempotency key, so Stripe pays once.
// A definite refusal: the payment fails and its bonus stays approved for a manager to deal with.
// Nothing is marked paid until Stripe has answered with a transfer.

export type PaymentWorkerOptions = WorkerOptions & {
	gateway: StripeGateway
	batchSize?: number
	db?: PaymentsDb
	logger?: Pick<Console, 'warn' | 'error' | 'info'>
}

export type PaymentWorker = LeasedWorker

const workers = workerRegistry()

/** Wakes this process's payment worker after a payment was queued (after the commit). */
export function wakePayments() {
	workers.wake()
}

export function startPaymentWorker(options: PaymentWorkerOptions): PaymentWorker {
	const now = options.now ?? clockNow
	const logger = options.logger ?? console
	const { gateway, db } = options

	async function sendOne(payment: ClaimedPayment) {
		const entryStatus = await entryStatusOf(payment.entryId)
		if (entryStatus !== 'approved') {
			const label = entryStatus && isLedgerStatus(entryStatus) ? LEDGER_STATUS_LABELS[entryStatus] : 'gone'
			await failPayment(payment, `Not sent: the bonus is no longer approved for payment (it is ${label.toLowerCase()})`)
			logger.warn(`Payments: payment ${payment.id} not sent, its bonus is no longer approved`)
			return
		}
		let transferId: string
		try {
			// An earlier attempt may have reached Stripe without its answer reaching us.
			const earlier = payment.attempts > 0 ? await gateway.findTransfer(payment.id) : null
			transferId = (earlier ?? (await gateway.createTransfer({ ...payment, paymentId: payment.id }))).id
		} catch (error) {
			const failure = describeStripeFailure(error)
			const failedAttempts = payment.attempts + 1
			const outcome = afterFailure(PAYMENT_RETRY, {
				failedAttempts,
				permanent: !isTransientFailure(failure),
				now: now(),
				random: options.random,
			})
			if (outcome.status === 'retry') {
				await recordPaymentRetry(payment, { error: failure.message, nextAttemptAt: outcome.nextAttemptAt })
				logger.warn(
					`Payments: payment ${
						payment.id
					} failed on attempt ${failedAttempts}, will retry at ${outcome.nextAttemptAt.toISOString()}: ${failure.message}`
				)
			} else {
				await failPayment(payment, `Stripe refused the payment: ${failure.message}`)
				logger.error(`Payments: Stripe refused payment ${payment.id}: ${failure.message}`)
			}
			return
		}
		try {
			const outcome = await settlePayment(payment.id, transferId)
			if (outcome === 'paid, ledger refused') {
				logger.error(`Payments: payment ${payment.id} was paid (${transferId}) but its bonus could not be marked paid`)
			}
			wakeOutbox()
		} catch (error) {
			// Stripe paid; the next attempt finds the transfer (findTransfer) and records it then.
			logger.error(
				`Payments: payment ${payment.id} was paid (${transferId}) but could not be recorded: ${String(error)}`
			)
		}
	}

	return workers.start({
		name: 'Payments',
		pollMs: options.pollMs,
		now,
		batchSize: options.batchSize ?? 5,
		// Must be well over the gateway's time-out.
		leaseMs: options.leaseMs ?? 120_000,
		claim: (input) => claimDuePayments({ ...input, db }),
		release: releasePaymentClaim,
		handle: sendOne,
		describeError: String,
		logger,
	})
}

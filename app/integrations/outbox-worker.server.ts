import { afterFailure } from '~/domain/email-retry.ts'
import { emailToSend } from '~/domain/email-secrets.ts'
import {
	abandonMessage,
	claimDueMessages,
	markSent,
	recordFailure,
	releaseClaim,
	type ClaimedMessage,
	type OutboxDb,
} from '~/models/outbox.server.ts'
import { workerRegistry, type LeasedWorker, type WorkerOptions } from './leased-worker.server.ts'
import { emailSender } from '~/domain/service-config.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { describeSendError, isPermanentSendError, type Mailer, type Sender } from './mailer.server.ts'

// Sends what the outbox holds. Each server process runs one worker (background-jobs.server.ts);
// leases keep them from sending the same message twice (see app/models/outbox.server.ts). A
// failed send stays pending and is retried with backoff; only a permanent rejection, repeated,
// ends as dead (app/domain/email-retry.ts). A password or sign-in link's token is put into the
// email only here, as it goes (ADR 017); one whose link has run out is not sent at all. Logs name
// messages by id and template, never by address (nor link), to keep personal data out of logs.

export type OutboxWorkerOptions = WorkerOptions & {
	mailer: Pick<Mailer, 'send'>
	/** Who every email comes from (MAIL_FROM); without it, the service's sender in its settings. */
	from?: Sender
	/** Messages claimed at a time. */
	batchSize?: number
	db?: OutboxDb
	logger?: Pick<Console, 'warn' | 'error'>
}

export type OutboxWorker = LeasedWorker

const workers = workerRegistry()

/**
 * Wakes this process's outbox worker, if it runs, so email enqueued by a transaction that has
 * just committed goes out within seconds. Call it after the commit, never inside the transaction.
 */
export function wakeOutbox() {
	workers.wake()
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
	const now = options.now ?? (() => new Date())
	const logger = options.logger ?? console
	const db = options.db

	async function sendOne(message: ClaimedMessage) {
		const outgoing = emailToSend(message, now())
		if (!outgoing.ok) {
			await abandonMessage(message, outgoing.reason, db)
			logger.warn(`Outbox: did not send message ${message.id} (${message.template}): ${outgoing.reason}`)
			return
		}
		try {
			// Read at each send (the settings are cached for seconds), so a changed sender applies at once.
			const from = options.from ?? emailSender(await getServiceConfig())
			await options.mailer.send({ to: message.toAddress, from, ...outgoing.email })
		} catch (sendError) {
			const failedAttempts = message.attempts + 1
			const error = describeSendError(sendError)
			const outcome = afterFailure({
				failedAttempts,
				permanent: isPermanentSendError(sendError),
				now: now(),
				random: options.random,
			})
			await recordFailure(message, { ...outcome, error }, db)
			// Mail servers often quote the recipient in their reply; the log gets it without.
			const logged = error.replace(/[^\s<>()@]+@[^\s<>()@]+/g, '[address]')
			if (outcome.status === 'dead') {
				logger.error(
					`Outbox: gave up on message ${message.id} (${message.template}) after ${failedAttempts} attempts; the mail server refused it: ${logged}`
				)
			} else {
				logger.warn(
					`Outbox: message ${message.id} (${message.template}) failed on attempt ${failedAttempts}, will retry at ${outcome.nextAttemptAt.toISOString()}: ${logged}`
				)
			}
			return
		}
		sentNotMarked.push(message)
	}

	// A batch's sent messages are marked in one statement when the batch ends: a commit per
	// message was most of the outbox's cost in a surge, when every enquiry sends two (ADR 028).
	// Should the process die before that, the batch's sent messages go again once their lease
	// runs out: better twice than never, as when a mark fails.
	const sentNotMarked: ClaimedMessage[] = []
	async function markBatchSent() {
		const sent = sentNotMarked.splice(0)
		try {
			await markSent(sent, now(), db)
		} catch (error) {
			const ids = sent.map((message) => message.id).join(', ')
			logger.error(`Outbox: messages ${ids} were sent but could not be marked sent: ${describeSendError(error)}`)
		}
	}

	return workers.start({
		name: 'Outbox',
		pollMs: options.pollMs,
		now,
		batchSize: options.batchSize ?? 10,
		// Must be well over the mailer's worst-case send time.
		leaseMs: options.leaseMs ?? 120_000,
		claim: (input) => claimDueMessages({ ...input, db }),
		release: (message) => releaseClaim(message, db),
		handle: sendOne,
		settle: markBatchSent,
		describeError: describeSendError,
		logger,
	})
}

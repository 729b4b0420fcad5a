import { getEnv, stripeConfig } from '~/utils/env.server.ts'
import { ensurePragmas, prisma } from '~/utils/db.server.ts'
import { databaseFileOf } from '~/utils/write-lock.server.ts'
import { startImportWorker } from './import-worker.server.ts'
import { createMailer } from './mailer.server.ts'
import { startOutboxWorker } from './outbox-worker.server.ts'
import { startPaymentWorker } from './payment-worker.server.ts'
import { startScheduler } from './scheduler.server.ts'
import { stripeGateway } from './stripe.server.ts'
import { startWalCheckpointer } from './wal-checkpointer.server.ts'

/** Imports are woken when confirmed; the poll only finds one another process handed back. */
const IMPORT_POLL_MS = 5_000

/**
 * Starts the work each server process does in the background (the email outbox worker, the CSV
 * import worker, the response-time scheduler and, when Stripe is configured, the bonus payment
 * worker, and the thread that copies SQLite's log back into the database file) and returns a
 * function that stops it. Called once per process by app/server.ts.
 */
export async function startBackgroundJobs(): Promise<() => Promise<void>> {
	await ensurePragmas()
	const env = getEnv()
	const file = databaseFileOf(env.DATABASE_URL)
	const checkpointer = file
		? await startWalCheckpointer({
				file,
				setThreshold: (pages) => prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${pages}`),
			})
		: null
	const mailer = createMailer({ smtpUrl: env.SMTP_URL, mailboxDir: env.MAILBOX_DIR })
	// Emails come from the service's sender in its settings, unless MAIL_FROM overrides it (ADR 032).
	const outbox = startOutboxWorker({ mailer, pollMs: env.OUTBOX_POLL_MS, from: env.MAIL_FROM })
	const imports = startImportWorker({ pollMs: IMPORT_POLL_MS })
	const scheduler = startScheduler()
	const gateway = stripeGateway()
	const payments = gateway ? startPaymentWorker({ gateway, pollMs: stripeConfig()!.pollMs }) : null
	return async () => {
		await payments?.stop()
		await scheduler.stop()
		// An import part-way through hands its job back for the next process to run.
		await imports.stop()
		await outbox.stop()
		mailer.close()
		await checkpointer?.stop()
	}
}

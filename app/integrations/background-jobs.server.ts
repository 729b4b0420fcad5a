import { getEnv } from '~/utils/env.server.ts'
import { ensurePragmas } from '~/utils/db.server.ts'
import { createMailer } from './mailer.server.ts'
import { startOutboxWorker } from './outbox-worker.server.ts'
import { startScheduler } from './scheduler.server.ts'

/**
 * Starts the work each server process does in the background (the email outbox worker and the
 * response-time scheduler) and returns a function that stops it. Called once per process by app/server.ts.
 */
export async function startBackgroundJobs(): Promise<() => Promise<void>> {
	await ensurePragmas()
	const env = getEnv()
	const mailer = createMailer({ smtpUrl: env.SMTP_URL, mailboxDir: env.MAILBOX_DIR, from: env.MAIL_FROM })
	const outbox = startOutboxWorker({ mailer, pollMs: env.OUTBOX_POLL_MS })
	const scheduler = startScheduler()
	return async () => {
		await scheduler.stop()
		await outbox.stop()
		mailer.close()
	}
}

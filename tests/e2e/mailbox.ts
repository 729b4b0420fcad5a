import path from 'node:path'
import { readMailbox, type MailboxMessage } from '../../app/integrations/mailer.server.ts'
import { openE2eDatabase } from './staff.ts'

// The emails the e2e server's outbox worker writes to its mailbox directory, and waiting for one.
// A wait that runs out says what the outbox holds for the address (not yet sent, retrying, given
// up, or nothing at all), so a slow worker and an email never written fail differently.

export const E2E_MAILBOX = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e-mailbox')

/** Every email sent so far to `address`, newest first. */
export async function emailsTo(address: string): Promise<MailboxMessage[]> {
	return (await readMailbox(E2E_MAILBOX)).filter((message) => message.to.includes(address))
}

/**
 * The newest email to `address` whose plain text matches `pattern`, waiting for the outbox to send
 * it. The page tells people an email can take a few minutes; on a loaded two-core machine the
 * worker can take seconds, so the wait is generous and the failure explains itself.
 */
export async function emailTo(address: string, pattern: RegExp, timeoutMs = 30_000): Promise<MailboxMessage> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const found = (await emailsTo(address)).find((message) => pattern.test(message.text ?? ''))
		if (found) return found
		if (Date.now() > deadline)
			throw new Error(`No email to ${address} matching ${pattern} after ${timeoutMs} ms. ${outboxFor(address)}`)
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
}

/** The path of the newest link matching `linkPath` (like /staff/reset-password/TOKEN) emailed to `address`. */
export async function linkEmailedTo(address: string, linkPath: RegExp): Promise<string> {
	const link = new RegExp(`https?://\\S+?${linkPath.source}`)
	const message = await emailTo(address, link)
	return new URL(link.exec(message.text ?? '')![0]).pathname
}

function outboxFor(address: string) {
	const db = openE2eDatabase()
	try {
		const rows = db
			.prepare(
				'SELECT template, status, attempts, nextAttemptAt, lockedUntil, lastError, createdAt, sentAt FROM OutboxMessage WHERE toAddress = ?'
			)
			.all(address)
		const waiting = db.prepare("SELECT COUNT(*) AS count FROM OutboxMessage WHERE status = 'pending'").get() as {
			count: number
		}
		return `The outbox holds for it: ${JSON.stringify(rows)}; messages pending for anyone: ${waiting.count}.`
	} finally {
		db.close()
	}
}

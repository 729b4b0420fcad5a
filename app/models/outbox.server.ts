import type { Prisma } from '~/generated/prisma/client.ts'
import type { RenderedEmail } from '../../emails/render.ts'

// The email outbox. A message is written in the same transaction as the change that causes it,
// so an enquiry and its emails are saved together or not at all; the worker in
// app/integrations/outbox-worker.server.ts sends them, retrying with backoff (ADR 003).

export type OutboxEmail = RenderedEmail & { template: string; to: string }

export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutboxEmail) {
	await tx.outboxMessage.create({
		data: {
			template: email.template,
			toAddress: email.to,
			subject: email.subject,
			html: email.html,
			text: email.text,
		},
	})
}

/** Outbox rows for several emails caused by one change, to write with createMany. */
export function outboxRows(emails: OutboxEmail[]) {
	return emails.map((email) => ({
		template: email.template,
		toAddress: email.to,
		subject: email.subject,
		html: email.html,
		text: email.text,
	}))
}

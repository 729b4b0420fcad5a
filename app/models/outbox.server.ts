import crypto from 'node:crypto'
import { carriesSecret, secretRuleBroken } from '~/domain/email-secrets.ts'
import { Prisma, type PrismaClient } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { claimDue } from './leases.server.ts'
import { insertRows } from './row-inserts.server.ts'
import type { RenderedEmail } from '../../emails/render.ts'

// The email outbox. A message is written in the same transaction as the change that causes it,
// so an enquiry and its emails are saved together or not at all; the worker in
// app/integrations/outbox-worker.server.ts sends them, retrying with backoff (ADR 003).
//
// Several server processes may run a worker each against the same SQLite file. A worker claims
// due messages by taking a lease (lockedUntil) as every leased worker does (leases.server.ts), so
// two workers can never claim the same message, and a lease that runs out (the worker died
// mid-send) makes the message due again. The lease time also identifies the claim, so a worker
// whose lease ran out cannot overwrite a later claim's outcome: a lease is compared as text, as
// leases.server.ts says why.
//
// A password or sign-in link's token is kept apart from the words (ADR 017, app/domain/email-secrets.ts):
// the worker puts it in as it sends, and the UPDATE that ends the message (sent or dead) removes it.

/**
 * householdId: the household the email is about, so it shows on the household's timeline.
 * secret: the token of the link a password or sign-in email carries (rendered with
 * SECRET_PLACEHOLDER in its place), and when the link stops working.
 */
export type OutboxEmail = RenderedEmail & {
	template: string
	to: string
	householdId?: string | null
	secret?: { token: string; expiresAt: Date }
}

/** The database the outbox uses: the process's client, or another connection (tests of two workers). */
export type OutboxDb = Pick<PrismaClient, 'outboxMessage' | '$queryRaw' | '$executeRaw'>

/** An email to the outbox, in the transaction `_tx` of the change that causes it. */
export async function enqueueEmail(_tx: Prisma.TransactionClient, email: OutboxEmail) {
	enqueueEmails([email])
}

/**
 * Emails caused by one change, written to the outbox in the transaction this runs in
 * (row-inserts.server.ts), due at once. Throws (and so rolls the change back) for an email that
 * would keep a live link in its words.
 */
export function enqueueEmails(emails: OutboxEmail[]) {
	// As Prisma's @default(now()) and @default(cuid()) would give them: the time it is, and an id of their own.
	const at = new Date()
	insertRows(
		'OutboxMessage',
		outboxRows(emails).map((row) => ({
			id: crypto.randomUUID(),
			...row,
			status: 'pending',
			attempts: 0,
			nextAttemptAt: at,
			createdAt: at,
		}))
	)
}

function outboxRows(emails: OutboxEmail[]) {
	return emails.map((email) => {
		const broken = secretRuleBroken({ ...email, secret: email.secret?.token })
		if (broken) throw new Error(broken)
		return {
			template: email.template,
			toAddress: email.to,
			subject: email.subject,
			html: email.html,
			text: email.text,
			secret: email.secret?.token ?? null,
			secretUntil: email.secret?.expiresAt ?? null,
			householdId: email.householdId ?? null,
		}
	})
}

export type ClaimedMessage = {
	id: string
	template: string
	toAddress: string
	subject: string
	html: string
	text: string
	/** The token that goes into the email's link as it is sent (ADR 017), and when the link stops working. */
	secret: string | null
	secretUntil: Date | null
	/** Attempts made before this one. */
	attempts: number
	/** The lease this claim holds; it also identifies the claim. */
	lockedUntil: Date
}

type ClaimedRow = Omit<ClaimedMessage, 'attempts' | 'lockedUntil' | 'secretUntil'> & {
	attempts: number | bigint
	secretUntil: Date | string | null
}

/**
 * Claims up to `limit` pending messages that are due and not leased to a live worker, leasing
 * them until now + leaseMs.
 */
export async function claimDueMessages(input: {
	now: Date
	leaseMs: number
	limit: number
	db?: OutboxDb
}): Promise<ClaimedMessage[]> {
	const { rows, lockedUntil } = await claimDue<ClaimedRow>(
		{
			table: 'OutboxMessage',
			waiting: 'pending',
			columns: ['id', 'template', 'toAddress', 'subject', 'html', 'text', 'secret', 'secretUntil', 'attempts'],
			now: input.now,
			leaseMs: input.leaseMs,
			limit: input.limit,
		},
		input.db
	)
	return rows.map(({ attempts, secretUntil, ...row }) => ({
		...row,
		secretUntil: secretUntil === null ? null : new Date(secretUntil),
		attempts: Number(attempts),
		lockedUntil,
	}))
}

/**
 * Records that the messages went, and forgets their links' tokens in the same statement. Not tied
 * to the claim: if it was sent, it was sent, even by a worker whose lease ran out.
 */
export async function markSent(claims: readonly ClaimedMessage[], now: Date, db: OutboxDb = prisma) {
	if (claims.length === 0) return
	await db.$executeRaw`
		UPDATE "OutboxMessage"
		SET "status" = 'sent', "sentAt" = ${now}, "attempts" = "attempts" + 1, "lockedUntil" = NULL, "secret" = NULL
		WHERE "id" IN (${Prisma.join(claims.map((claim) => claim.id))}) AND "status" = 'pending'`
}

/**
 * Records a failed attempt: the error, and either the next attempt time or 'dead' (which forgets
 * the link's token: nothing will send it now). Does nothing if the claim is no longer current (the
 * lease ran out and another worker took the message).
 */
export async function recordFailure(
	claim: ClaimedMessage,
	outcome: { status: 'pending' | 'dead'; nextAttemptAt: Date; error: string },
	db: OutboxDb = prisma
) {
	await db.$executeRaw`
		UPDATE "OutboxMessage"
		SET "status" = ${outcome.status}, "attempts" = "attempts" + 1, "lastError" = ${outcome.error},
			"nextAttemptAt" = ${outcome.nextAttemptAt}, "lockedUntil" = NULL,
			"secret" = CASE WHEN ${outcome.status} = 'dead' THEN NULL ELSE "secret" END
		WHERE "id" = ${claim.id} AND "status" = 'pending' AND "lockedUntil" = ${claim.lockedUntil}`
}

/**
 * Gives up on a message without trying to send it, and forgets its link's token: the link ran
 * out while the message waited (or its token is gone), so it would only arrive broken.
 */
export async function abandonMessage(claim: ClaimedMessage, reason: string, db: OutboxDb = prisma) {
	await db.$executeRaw`
		UPDATE "OutboxMessage"
		SET "status" = 'dead', "lastError" = ${reason}, "lockedUntil" = NULL, "secret" = NULL
		WHERE "id" = ${claim.id} AND "status" = 'pending' AND "lockedUntil" = ${claim.lockedUntil}`
}

/** Gives a claimed message back unsent (the worker is stopping), so another worker can send it now. */
export async function releaseClaim(claim: ClaimedMessage, db: OutboxDb = prisma) {
	await db.$executeRaw`
		UPDATE "OutboxMessage" SET "lockedUntil" = NULL
		WHERE "id" = ${claim.id} AND "status" = 'pending' AND "lockedUntil" = ${claim.lockedUntil}`
}

// The staff mailbox: what the service has sent, or tried to send.

export const MAILBOX_PAGE_SIZE = 25

/** Outbox messages, newest first, a page at a time (page 1 first); without their bodies. */
export async function listOutboxMessages(page = 1) {
	const [messages, total] = await Promise.all([
		prisma.outboxMessage.findMany({
			orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
			skip: (page - 1) * MAILBOX_PAGE_SIZE,
			take: MAILBOX_PAGE_SIZE,
			select: {
				id: true,
				template: true,
				toAddress: true,
				subject: true,
				status: true,
				attempts: true,
				lastError: true,
				createdAt: true,
				sentAt: true,
			},
		}),
		prisma.outboxMessage.count(),
	])
	return { messages, total, pages: Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE)) }
}

/** One message as staff may see it: never with its link's token (only the worker reads that). */
export function findOutboxMessage(id: string) {
	return prisma.outboxMessage.findUnique({ where: { id }, omit: { secret: true } })
}

/** One message for a member of staff to read; an email about a household goes in its audit log. */
export async function viewOutboxMessage(id: string, viewerId: string) {
	const message = await findOutboxMessage(id)
	if (message?.householdId) {
		await recordAudit(prisma, {
			actorId: viewerId,
			householdId: message.householdId,
			action: 'viewed',
			detail: `Viewed the email ‘${message.subject}’ in the mailbox`,
		})
	}
	return message
}

/**
 * Gives a message the worker gave up on a fresh start: pending, due now, with its attempts
 * counted from nought again (the retry schedule starts over). Only a dead message: one that is
 * pending or sent is left alone, and so is one that carried a link, whose token went when it died
 * (the person asks for a new link). The caller wakes the outbox.
 */
export async function retryDeadMessage(id: string, now: Date): Promise<boolean> {
	const message = await prisma.outboxMessage.findUnique({ where: { id }, select: { template: true } })
	if (!message || carriesSecret(message.template)) return false
	const { count } = await prisma.outboxMessage.updateMany({
		where: { id, status: 'dead' },
		data: { status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null },
	})
	return count > 0
}

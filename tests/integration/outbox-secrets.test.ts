// Live links in the outbox (ADR 017). A staff password link and a carer's sign-in link go through
// the real outbox worker to a real SMTP server and arrive working, but once sent (or given up on)
// no column of their OutboxMessage rows holds the token, and the staff mailbox never shows it,
// before or after sending, to anyone, the recipient included.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { renderCarerSignInLink } from '../../emails/carer-sign-in-link.ts'
import { renderPasswordLink } from '../../emails/password-link.ts'
import { sampleCarerSignInLink, samplePasswordLink } from '../../emails/samples.ts'
import { applyMigration, createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'
import { startSmtpSink, type RecipientPolicy } from '../support/smtp-sink.ts'

const { prisma } = await import('~/utils/db.server.ts')
const { issuePasswordLink, findPasswordLink } = await import('~/models/password-reset.server.ts')
const { requestCarerSignInLink } = await import('~/models/referral-portal.server.ts')
const { findSignInLink } = await import('~/models/sign-in-links.server.ts')
const { startOutboxWorker } = await import('~/integrations/outbox-worker.server.ts')
const { createMailer, parseEmail } = await import('~/integrations/mailer.server.ts')
const { emailToSend, textForStaff } = await import('~/domain/email-secrets.ts')
const list = await import('~/routes/staff+/_admin+/mailbox._index.tsx')
const one = await import('~/routes/staff+/_admin+/mailbox.$id.tsx')

const ORIGIN = 'https://fostering.northdale.example'
const RESET_LINK = /https:\/\/fostering\.northdale\.example\/staff\/reset-password\/([A-Za-z0-9_-]{43})/
const SIGN_IN_LINK = /https:\/\/fostering\.northdale\.example\/refer\/sign-in\/([A-Za-z0-9_-]{43})/
/** Any of our token-bearing links with something of a token's shape in it. */
const ANY_LINK = /\/(?:reset-password|sign-in)\/[A-Za-z0-9_-]{43}/

let manager: SignedIn
beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	manager = await signedInAs('manager', 'Maya Manager')
})

const cleanups: Array<() => unknown> = []
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** The real worker and mailer, sending to a real SMTP server; `clock` moves the worker's time on. */
async function sending(options: { refuse?: RecipientPolicy; clock?: () => Date } = {}) {
	const sink = await startSmtpSink({ refuseRecipients: options.refuse })
	const mailer = createMailer({
		smtpUrl: sink.url,
		mailboxDir: process.env.MAILBOX_DIR!,
		from: 'test@northdale.example',
	})
	const logger = { warn: () => {}, error: () => {} }
	const worker = startOutboxWorker({ mailer, pollMs: 20, now: options.clock, random: () => 0, logger })
	cleanups.push(
		() => sink.stop(),
		() => mailer.close(),
		() => worker.stop()
	)
	return sink
}

function until(assertion: () => unknown) {
	return vi.waitFor(assertion, { timeout: 10_000, interval: 20 })
}

let carers = 0
async function createCarer() {
	carers += 1
	const email = `carer.${carers}.${crypto.randomUUID().slice(0, 6)}@example.com`
	return prisma.carer.create({ data: { name: `Grace Carer${carers}`, email, emailNormalized: email } })
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/**
 * Every token anywhere in the outbox that would still open a door: any run of a token's
 * characters, in any column of any row, whose SHA-256 is a stored password or sign-in link.
 */
async function tokensInOutbox(): Promise<string[]> {
	const hashes = new Set([
		...(await prisma.passwordReset.findMany({ select: { id: true } })).map((link) => link.id),
		...(await prisma.signInLink.findMany({ select: { id: true } })).map((link) => link.id),
	])
	const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "OutboxMessage"')
	const found: string[] = []
	for (const row of rows) {
		for (const value of Object.values(row)) {
			const text = String(value)
			for (const hash of hashes) if (text.includes(hash)) found.push(`the hash ${hash}`)
			for (const run of text.match(/[A-Za-z0-9_-]{43,}/g) ?? []) {
				for (let at = 0; at + 43 <= run.length; at += 1) {
					const candidate = run.slice(at, at + 43)
					if (hashes.has(sha256(candidate))) found.push(candidate)
				}
			}
		}
	}
	return found
}

/** What the mailbox's list and each message's page give this member of staff, as text. */
async function mailboxAsSeenBy(who: SignedIn, ids: string[]) {
	const pages = [await runRoute(list.loader, staffRequest('/staff/mailbox', who))]
	for (const id of ids) pages.push(await runRoute(one.loader, staffRequest(`/staff/mailbox/${id}`, who), { id }))
	for (const page of pages) expect(page.status).toBe(200)
	return pages.map((page) => JSON.stringify(page.data)).join('\n')
}

const rowsTo = (address: string) => prisma.outboxMessage.findMany({ where: { toAddress: address } })

describe('a password link and a sign-in link in the outbox', () => {
	test('arrive working through the worker and SMTP; once sent no column holds either token', async () => {
		const recipient = await signedInAs('officer', 'Olu Officer')
		const carer = await createCarer()
		await issuePasswordLink({ userId: recipient.staff.id, kind: 'reset', now: new Date() })
		expect(await requestCarerSignInLink({ email: carer.email, now: new Date() })).toBe(true)
		const [reset] = await rowsTo(recipient.staff.email)
		const [signIn] = await rowsTo(carer.email)
		expect(reset).toMatchObject({ template: 'password-reset', status: 'pending' })
		expect(signIn).toMatchObject({ template: 'sign-in-carer', status: 'pending' })

		// Waiting to be sent: the mailbox shows the message with its link hidden, to the recipient too.
		for (const who of [manager, recipient]) {
			const seen = await mailboxAsSeenBy(who, [reset!.id, signIn!.id])
			expect(seen).not.toMatch(ANY_LINK)
			expect(seen).toContain('[sign-in link hidden]')
		}

		const sink = await sending()
		await until(async () => {
			expect((await rowsTo(recipient.staff.email))[0]!.status).toBe('sent')
			expect((await rowsTo(carer.email))[0]!.status).toBe('sent')
		})

		// The emails that arrived carry working links, in the text and the HTML.
		const delivered = (address: string) => parseEmail(sink.received.find((mail) => mail.to.includes(address))!.raw)
		const resetEmail = delivered(recipient.staff.email)
		const resetToken = RESET_LINK.exec(resetEmail.text ?? '')?.[1]
		expect(resetToken).toBeDefined()
		expect(resetEmail.html).toContain(`href="${ORIGIN}/staff/reset-password/${resetToken}"`)
		expect((await findPasswordLink(resetToken!, new Date())).state).toBe('usable')
		const signInEmail = delivered(carer.email)
		const signInToken = SIGN_IN_LINK.exec(signInEmail.text ?? '')?.[1]
		expect(signInToken).toBeDefined()
		expect(signInEmail.html).toContain(`href="${ORIGIN}/refer/sign-in/${signInToken}"`)
		expect((await findSignInLink(signInToken!, 'carer', new Date())).state).toBe('usable')

		// Nothing in any column of any outbox row: not the tokens, nor anything that hashes to a link.
		const everything = JSON.stringify(await prisma.$queryRawUnsafe('SELECT * FROM "OutboxMessage"'))
		for (const token of [resetToken!, signInToken!]) {
			expect(everything).not.toContain(token)
			expect(everything).not.toContain(sha256(token))
		}
		expect(await tokensInOutbox()).toEqual([])

		for (const who of [manager, recipient]) {
			const seen = await mailboxAsSeenBy(who, [reset!.id, signIn!.id])
			expect(seen).not.toContain(resetToken)
			expect(seen).not.toContain(signInToken)
			expect(seen).toContain('[sign-in link hidden]')
		}
	})

	test('one the mail server refuses for good is given up on with its token gone, and is not sent again as it was', async () => {
		const carer = await createCarer()
		expect(await requestCarerSignInLink({ email: carer.email, now: new Date() })).toBe(true)
		// Twenty seconds pass whenever the worker looks at the clock, so the retries come at once (and
		// well within a claim's lease, which the worker would otherwise hand back unsent).
		let offset = 0
		const clock = () => new Date(Date.now() + (offset += 20_000))
		await sending({
			clock,
			refuse: (address) => (address === carer.email ? { code: 550, message: 'No such user' } : undefined),
		})
		await until(async () => expect((await rowsTo(carer.email))[0]!.status).toBe('dead'))
		expect(await tokensInOutbox()).toEqual([])

		const [dead] = await rowsTo(carer.email)
		const page = await runRoute(one.loader, staffRequest(`/staff/mailbox/${dead!.id}`, manager), { id: dead!.id })
		expect(page.data.canRetry).toBe(false)
		expect(page.data.message.secret).toBe('gone')
		const answer = await runRoute(one.action, staffRequest(`/staff/mailbox/${dead!.id}`, manager, {}), { id: dead!.id })
		expect(answer.status).toBe(303)
		expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead!.id } })).status).toBe('dead')
	})

	test('one whose link runs out before it can be sent is not sent, and its token is dropped', async () => {
		const staff = await signedInAs('officer')
		// A one-hour reset link asked for two hours ago, while the mail server was down.
		await issuePasswordLink({ userId: staff.staff.id, kind: 'reset', now: new Date(Date.now() - 2 * 3_600_000) })
		const sink = await sending()
		await until(async () => expect((await rowsTo(staff.staff.email))[0]!.status).toBe('dead'))
		expect(sink.received.filter((mail) => mail.to.includes(staff.staff.email))).toEqual([])
		expect((await rowsTo(staff.staff.email))[0]!.lastError).toBe(
			'The link in this email ran out before it could be sent, so it was not sent'
		)
		expect(await tokensInOutbox()).toEqual([])
	})
})

describe('emails written before the outbox kept tokens apart', () => {
	const MIGRATION = '20261207000300_stripe_order_and_outbox_secrets'

	test('the migration takes the token out of every one; one still waiting keeps it apart and can be sent', () => {
		const file = path.join(TMP_DIR, `before-secrets-${crypto.randomUUID()}.db`)
		createMigratedDatabase(file, { before: MIGRATION })
		const db = new Database(file)
		try {
			const token = () => crypto.randomBytes(32).toString('base64url')
			const [sentReset, deadWelcome, waitingSignIn] = [token(), token(), token()]
			const written = '2026-12-01T09:30:00.000+00:00'
			const insert = db.prepare(
				`INSERT INTO "OutboxMessage" ("id", "template", "toAddress", "subject", "html", "text", "status", "createdAt")
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			)
			const row = (
				id: string,
				template: string,
				status: string,
				email: { subject: string; html: string; text: string }
			) => insert.run(id, template, `${id}@example.com`, email.subject, email.html, email.text, status, written)
			const reset = (secret: string, kind: 'reset' | 'welcome') =>
				renderPasswordLink({ ...samplePasswordLink, kind, url: `${ORIGIN}/staff/reset-password/${secret}` })
			row('sent-reset', 'password-reset', 'sent', reset(sentReset, 'reset'))
			row('dead-welcome', 'password-welcome', 'dead', reset(deadWelcome, 'welcome'))
			row(
				'waiting-sign-in',
				'sign-in-carer',
				'pending',
				renderCarerSignInLink({ ...sampleCarerSignInLink, url: `${ORIGIN}/refer/sign-in/${waitingSignIn}` })
			)
			const acknowledgement = { subject: 'We have your enquiry', html: '<p>Thank you</p>', text: 'Thank you' }
			row('other', 'enquiry-acknowledgement', 'sent', acknowledgement)

			applyMigration(db, MIGRATION)

			const rows = db.prepare('SELECT * FROM "OutboxMessage" ORDER BY "id"').all() as Record<string, unknown>[]
			const byId = new Map(rows.map((one) => [one.id as string, one]))
			const everything = JSON.stringify(rows)
			expect(everything).not.toContain(sentReset)
			expect(everything).not.toContain(deadWelcome)
			for (const id of ['sent-reset', 'dead-welcome']) {
				expect(byId.get(id)).toMatchObject({ secret: null, secretUntil: null })
				expect(byId.get(id)!.text).toContain(`${ORIGIN}/staff/reset-password/{{secret}}`)
				expect(byId.get(id)!.html).toContain(`href="${ORIGIN}/staff/reset-password/{{secret}}"`)
			}
			expect(textForStaff(byId.get('sent-reset') as { template: string; text: string })).toContain(
				'Reset your password:\n[sign-in link hidden]'
			)

			// The waiting one holds its token only apart from its words, until its link runs out.
			const waiting = byId.get('waiting-sign-in')!
			expect(waiting).toMatchObject({ secret: waitingSignIn, secretUntil: '2026-12-08T09:30:00.000+00:00' })
			expect(JSON.stringify({ ...waiting, secret: null })).not.toContain(waitingSignIn)
			const outgoing = emailToSend(
				{
					...(waiting as { template: string; subject: string; html: string; text: string; secret: string }),
					secretUntil: new Date(waiting.secretUntil as string),
				},
				new Date('2026-12-02T09:00:00Z')
			)
			expect(outgoing.ok && outgoing.email.text).toContain(`${ORIGIN}/refer/sign-in/${waitingSignIn}`)
			expect(byId.get('other')).toMatchObject({ ...acknowledgement, secret: null })
		} finally {
			db.close()
			for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
		}
	})
})

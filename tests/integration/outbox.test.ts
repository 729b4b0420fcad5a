// The email outbox end to end: real SQLite, real SMTP (tests/support/smtp-sink.ts), the real
// worker. Time for retries comes from an injected clock, so no test waits out a backoff.
import fs from 'node:fs'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { createMailer, parseEmail, readMailbox, type Mailer } from '~/integrations/mailer.server.ts'
import { startOutboxWorker, wakeOutbox, type OutboxWorkerOptions } from '~/integrations/outbox-worker.server.ts'
import { claimDueMessages, enqueueEmail, type OutboxEmail } from '~/models/outbox.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { renderEnquiryAcknowledgement } from '../../emails/enquiry-acknowledgement.ts'
import { sampleAcknowledgement } from '../../emails/samples.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts'

const FROM = 'Foster with Northdale <no-reply@northdale.example>'
const MAILBOX_DIR = process.env.MAILBOX_DIR!

const cleanups: Array<() => unknown> = []
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
beforeEach(async () => {
	await prisma.outboxMessage.deleteMany()
	fs.rmSync(MAILBOX_DIR, { recursive: true, force: true })
})

/** Real time plus whatever the test fast-forwards, so waits for a retry take no real time. */
function testClock() {
	let offset = 0
	return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms) }
}

function quietLogger() {
	const lines: string[] = []
	return { lines, warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) }
}

async function sink(): Promise<SmtpSink> {
	const server = await startSmtpSink()
	cleanups.push(() => server.stop())
	return server
}

function mailer(options: { smtpUrl?: string }): Mailer {
	const created = createMailer({ ...options, mailboxDir: MAILBOX_DIR, from: FROM })
	cleanups.push(() => created.close())
	return created
}

function worker(options: Partial<OutboxWorkerOptions> & Pick<OutboxWorkerOptions, 'mailer'>) {
	const started = startOutboxWorker({ pollMs: 10, logger: quietLogger(), ...options })
	cleanups.push(() => started.stop())
	return started
}

function until(assertion: () => unknown) {
	return vi.waitFor(assertion, { timeout: 5_000, interval: 10 })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function acknowledgement(firstName = 'Siobhán'): OutboxEmail {
	return {
		template: 'enquiry-acknowledgement',
		to: 'siobhan@example.org',
		...renderEnquiryAcknowledgement({ ...sampleAcknowledgement, firstName }),
	}
}

function plain(subject: string, to = 'someone@example.org'): OutboxEmail {
	return { template: 'test', to, subject, html: `<p>${subject}</p>`, text: subject }
}

async function enqueue(...emails: OutboxEmail[]) {
	await prisma.$transaction(async (tx) => {
		for (const email of emails) await enqueueEmail(tx, email)
	})
}

const subjects = (server: SmtpSink) => server.received.map((email) => parseEmail(email.raw).headers.get('subject'))

describe('the email outbox', () => {
	test('an email enqueued in a transaction goes out over SMTP as soon as the worker is woken', async () => {
		const smtp = await sink()
		// A poll interval of a minute: only wakeOutbox() can make this arrive within the test.
		worker({ mailer: mailer({ smtpUrl: smtp.url }), pollMs: 60_000 })

		await enqueue(acknowledgement())
		wakeOutbox()

		await until(() => expect(smtp.received).toHaveLength(1))
		const [delivered] = smtp.received
		expect(delivered!.to).toEqual(['siobhan@example.org'])
		// From the service's sender in its settings (its public address when it names no other).
		expect(delivered!.from).toBe('fostering@northdale.example')
		const email = parseEmail(delivered!.raw)
		expect(email.headers.get('subject')).toBe('We have your fostering enquiry (ENQ-7K3M9Q)')
		expect(email.headers.get('content-type')).toMatch(/^multipart\/alternative/)
		expect(email.text).toContain('Dear Siobhán,')
		expect(email.text).toContain('Your reference is ENQ-7K3M9Q.')
		expect(email.html).toContain('<html lang="en"')
		expect(email.html).toContain('Dear Siobhán,')

		await until(async () => {
			const row = await prisma.outboxMessage.findFirstOrThrow()
			expect(row).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null })
			expect(row.sentAt).toBeInstanceOf(Date)
		})
	})

	test('a transaction that rolls back sends nothing', async () => {
		const smtp = await sink()
		worker({ mailer: mailer({ smtpUrl: smtp.url }) })

		await expect(
			prisma.$transaction(async (tx) => {
				await enqueueEmail(tx, plain('From the enquiry that failed'))
				throw new Error('The enquiry could not be saved')
			})
		).rejects.toThrow('The enquiry could not be saved')
		await enqueue(plain('From the enquiry that was saved'))
		wakeOutbox()

		await until(() => expect(subjects(smtp)).toEqual(['From the enquiry that was saved']))
		expect(await prisma.outboxMessage.count()).toBe(1)
	})

	test('while the mail server is down the email waits, then goes exactly once when it is back', async () => {
		const smtp = await sink()
		const port = smtp.port
		const clock = testClock()
		worker({ mailer: mailer({ smtpUrl: smtp.url }), now: clock.now, random: () => 0 })
		await smtp.stop()

		const enqueuedAt = clock.now().getTime()
		await enqueue(acknowledgement())
		await until(async () => expect((await prisma.outboxMessage.findFirstOrThrow()).attempts).toBe(1))
		let row = await prisma.outboxMessage.findFirstOrThrow()
		expect(row.status).toBe('pending')
		expect(row.lastError).toMatch(/ECONNREFUSED/)
		// Ten seconds after the failed attempt.
		expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(enqueuedAt + 10_000)
		expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(clock.now().getTime() + 10_000)
		expect(row.lockedUntil).toBeNull()

		// Not retried before its time, however often the worker polls.
		await pause(100)
		expect((await prisma.outboxMessage.findFirstOrThrow()).attempts).toBe(1)

		// Still down at the next attempt: it waits longer.
		clock.advance(10_000)
		const retriedAt = clock.now().getTime()
		await until(async () => expect((await prisma.outboxMessage.findFirstOrThrow()).attempts).toBe(2))
		row = await prisma.outboxMessage.findFirstOrThrow()
		expect(row.status).toBe('pending')
		expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(retriedAt + 30_000)
		expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(clock.now().getTime() + 30_000)

		await smtp.start()
		expect(smtp.port).toBe(port)
		clock.advance(30_000)

		await until(async () => expect((await prisma.outboxMessage.findFirstOrThrow()).status).toBe('sent'))
		expect(smtp.received).toHaveLength(1)
		await pause(100)
		expect(smtp.received).toHaveLength(1)
		expect(await prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 3 })
	})

	test('two workers sharing the database send each email exactly once', async () => {
		const smtp = await sink()
		// A second connection to the same file, as a second server process would have.
		const other = new PrismaClient({
			adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL!, timeout: 5000 }),
		})
		cleanups.push(() => other.$disconnect())
		const sentBy = { first: 0, second: 0 }
		const counting = (name: keyof typeof sentBy): Mailer => {
			const inner = mailer({ smtpUrl: smtp.url })
			return {
				send: async (message) => {
					await inner.send(message)
					sentBy[name]++
				},
				close: inner.close,
			}
		}
		const expected = Array.from({ length: 20 }, (_, i) => `Message ${String(i + 1).padStart(2, '0')}`)
		await enqueue(...expected.map((subject) => plain(subject)))

		worker({ mailer: counting('first'), batchSize: 3, pollMs: 5 })
		worker({ mailer: counting('second'), batchSize: 3, pollMs: 5, db: other })

		await until(async () => expect(await prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(20))
		await pause(50)
		expect(subjects(smtp).sort()).toEqual(expected)
		expect(sentBy.first).toBeGreaterThan(0)
		expect(sentBy.second).toBeGreaterThan(0)
		expect(await prisma.outboxMessage.count({ where: { attempts: { not: 1 } } })).toBe(0)
	})

	test('an email the server refuses for good is dead after 3 attempts, logged, and others still go', async () => {
		const smtp = await sink()
		smtp.refuseRecipients((address) =>
			address === 'nobody@example.org' ? { code: 550, message: `5.1.1 <${address}>: No such mailbox here` } : undefined
		)
		const clock = testClock()
		const logger = quietLogger()
		worker({ mailer: mailer({ smtpUrl: smtp.url }), now: clock.now, random: () => 0, logger })

		await enqueue(plain('Refused', 'nobody@example.org'), plain('Accepted', 'someone@example.org'))
		const refused = () => prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: 'nobody@example.org' } })

		await until(async () => expect((await refused()).attempts).toBe(1))
		expect(await refused()).toMatchObject({ status: 'pending' })
		expect((await refused()).lastError).toContain('550 5.1.1 <nobody@example.org>: No such mailbox here')
		await until(() => expect(subjects(smtp)).toEqual(['Accepted']))

		clock.advance(10_000)
		await until(async () => expect((await refused()).attempts).toBe(2))
		expect((await refused()).status).toBe('pending')

		clock.advance(30_000)
		await until(async () => expect((await refused()).status).toBe('dead'))
		expect(await refused()).toMatchObject({ attempts: 3, lockedUntil: null })
		expect((await refused()).lastError).toContain('550')
		expect(logger.lines.some((line) => line.includes('gave up on message') && line.includes('550'))).toBe(true)
		expect(logger.lines.join('\n')).not.toContain('nobody@example.org')

		// Dead means never tried again.
		clock.advance(3_600_000)
		await pause(100)
		expect((await refused()).attempts).toBe(3)
		expect(subjects(smtp)).toEqual(['Accepted'])
	})

	test('a temporary refusal (4xx) is retried for as long as it lasts and never given up', async () => {
		const smtp = await sink()
		smtp.refuseRecipients(() => ({ code: 451, message: '4.3.0 Try again later' }))
		const clock = testClock()
		worker({ mailer: mailer({ smtpUrl: smtp.url }), now: clock.now, random: () => 0 })
		await enqueue(plain('Greylisted'))
		const row = () => prisma.outboxMessage.findFirstOrThrow()

		for (let attempt = 1; attempt <= 5; attempt++) {
			await until(async () => expect((await row()).attempts).toBe(attempt))
			expect((await row()).status).toBe('pending')
			expect((await row()).lastError).toContain('451')
			clock.advance(15 * 60_000)
		}
		smtp.refuseRecipients(undefined)
		await until(async () => expect((await row()).status).toBe('sent'))
		expect(subjects(smtp)).toEqual(['Greylisted'])
	})

	test('an email claimed by a worker that died is sent by another once the lease runs out', async () => {
		const smtp = await sink()
		const clock = testClock()
		await enqueue(plain('Claimed by a crashed worker'))
		// A worker claims it and dies before sending.
		expect(await claimDueMessages({ now: clock.now(), leaseMs: 120_000, limit: 10 })).toHaveLength(1)

		worker({ mailer: mailer({ smtpUrl: smtp.url }), now: clock.now })
		await pause(100)
		expect(smtp.received).toHaveLength(0)

		clock.advance(120_000)
		await until(() => expect(subjects(smtp)).toEqual(['Claimed by a crashed worker']))
		await until(async () => expect((await prisma.outboxMessage.findFirstOrThrow()).status).toBe('sent'))
	})

	test('stopping the worker waits for the email it is sending', async () => {
		let finishSend = () => {}
		const sending = vi.fn(() => new Promise<void>((resolve) => (finishSend = resolve)))
		const started = worker({ mailer: { send: sending } })
		await enqueue(plain('In flight at shutdown'))
		await until(() => expect(sending).toHaveBeenCalledTimes(1))

		let stopped = false
		const stopping = started.stop().then(() => (stopped = true))
		await pause(50)
		expect(stopped).toBe(false)
		finishSend()
		await stopping
		expect(await prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 1 })
	})

	test('a worker stopped part-way through a batch records what it sent and hands the rest back', async () => {
		let finishSecond = () => {}
		const sending = vi.fn(async () => {
			if (sending.mock.calls.length === 2) await new Promise<void>((resolve) => (finishSecond = resolve))
		})
		for (const subject of ['One', 'Two', 'Three']) await enqueue(plain(subject))
		const started = worker({ mailer: { send: sending }, batchSize: 3 })
		await until(() => expect(sending).toHaveBeenCalledTimes(2))

		const stopping = started.stop()
		finishSecond()
		await stopping
		const rows = await prisma.outboxMessage.findMany({ orderBy: { subject: 'asc' } })
		expect(rows.map((row) => [row.subject, row.status, row.attempts, row.lockedUntil])).toEqual([
			['One', 'sent', 1, null],
			['Three', 'pending', 0, null],
			['Two', 'sent', 1, null],
		])
	})

	test('without SMTP the email lands in the local mailbox as an .eml file, from MAIL_FROM when it is set', async () => {
		worker({ mailer: mailer({}), from: FROM })
		const before = Date.now()
		await enqueue(acknowledgement('李小龍'))
		wakeOutbox()

		await until(async () => expect(await readMailbox(MAILBOX_DIR)).toHaveLength(1))
		const [message] = await readMailbox(MAILBOX_DIR)
		expect(message!.fileName).toMatch(/^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{6}\.eml$/)
		expect(fs.existsSync(`${MAILBOX_DIR}/${message!.fileName}`)).toBe(true)
		expect(message!.to).toBe('siobhan@example.org')
		expect(message!.subject).toBe('We have your fostering enquiry (ENQ-7K3M9Q)')
		expect(message!.date!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
		expect(message!.text).toContain('Dear 李小龍,')
		expect(message!.html).toContain('Dear 李小龍,')
		expect(message!.raw).toMatch(/^From: Foster with Northdale <no-reply@northdale\.example>\r\n/)
		expect(message!.raw).toContain('MIME-Version: 1.0\r\n')
		await until(async () => expect((await prisma.outboxMessage.findFirstOrThrow()).status).toBe('sent'))
	})
})

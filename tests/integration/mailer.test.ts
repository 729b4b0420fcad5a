// The mailer on its own: the local mailbox that stands in for SMTP, and how SMTP failures are
// told apart (a refused recipient is permanent; an outage or a 4xx reply is not).
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createMailer, describeSendError, isPermanentSendError, readMailbox } from '~/integrations/mailer.server.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts'

const MAILBOX_DIR = path.join(process.env.MAILBOX_DIR!, 'mailer-test')
const FROM = 'Foster with Northdale <no-reply@northdale.example>'
const message = (subject: string, to = 'someone@example.org') => ({
	to,
	subject,
	html: `<p>${subject}</p>`,
	text: subject,
})

let sink: SmtpSink | undefined
afterEach(async () => {
	await sink?.stop()
	sink = undefined
	fs.rmSync(MAILBOX_DIR, { recursive: true, force: true })
})

async function sendError(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise
	} catch (error) {
		return error
	}
	throw new Error('Expected the send to fail')
}

describe('the local mailbox', () => {
	test('keeps each message as an .eml file, listed newest first', async () => {
		const mailer = createMailer({ mailboxDir: MAILBOX_DIR, from: FROM })
		await mailer.send(message('First'))
		await mailer.send(message('Second — Siobhán Ó Dálaigh, 李小龍'))
		await mailer.send(message('Third'))
		mailer.close()

		const files = fs.readdirSync(MAILBOX_DIR)
		expect(files).toHaveLength(3)
		expect(files.every((file) => file.endsWith('.eml'))).toBe(true)

		const messages = await readMailbox(MAILBOX_DIR)
		expect(messages.map((each) => each.subject)).toEqual(['Third', 'Second — Siobhán Ó Dálaigh, 李小龍', 'First'])
		expect(messages[1]!.text).toBe('Second — Siobhán Ó Dálaigh, 李小龍')
		expect(messages[1]!.html).toBe('<p>Second — Siobhán Ó Dálaigh, 李小龍</p>')
		expect(messages[0]!.to).toBe('someone@example.org')
		expect(messages[0]!.date).toBeInstanceOf(Date)
		expect((await readMailbox(MAILBOX_DIR, { limit: 2 })).map((each) => each.subject)).toEqual([
			'Third',
			'Second — Siobhán Ó Dálaigh, 李小龍',
		])
	})

	test('is empty before anything has been sent', async () => {
		expect(await readMailbox(path.join(MAILBOX_DIR, 'never-created'))).toEqual([])
	})
})

describe('SMTP failures', () => {
	test('a mail server that is down fails the send at once, as a transient error', async () => {
		sink = await startSmtpSink()
		const mailer = createMailer({ smtpUrl: sink.url, mailboxDir: MAILBOX_DIR, from: FROM })
		await sink.stop()
		const started = Date.now()
		const error = await sendError(mailer.send(message('Hello')))
		expect(Date.now() - started).toBeLessThan(5_000)
		expect(isPermanentSendError(error)).toBe(false)
		expect(describeSendError(error)).toMatch(/ECONNREFUSED/)
		mailer.close()
	})

	test('a recipient refused with 5xx is permanent; with 4xx it is not', async () => {
		sink = await startSmtpSink({
			refuseRecipients: (address) =>
				address.startsWith('gone@')
					? { code: 550, message: '5.1.1 No such mailbox' }
					: address.startsWith('busy@')
						? { code: 452, message: '4.2.2 Mailbox full, try later' }
						: undefined,
		})
		const mailer = createMailer({ smtpUrl: sink.url, mailboxDir: MAILBOX_DIR, from: FROM })

		const gone = await sendError(mailer.send(message('Hello', 'gone@example.org')))
		expect(isPermanentSendError(gone)).toBe(true)
		expect(describeSendError(gone)).toContain('550 5.1.1 No such mailbox')

		const busy = await sendError(mailer.send(message('Hello', 'busy@example.org')))
		expect(isPermanentSendError(busy)).toBe(false)
		expect(describeSendError(busy)).toContain('452')

		await mailer.send(message('Hello', 'here@example.org'))
		expect(sink.received.map((each) => each.to)).toEqual([['here@example.org']])
		mailer.close()
	})
})

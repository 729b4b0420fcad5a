import type { ActionFunctionArgs } from '@remix-run/node'
import { afterAll, expect, test } from 'vitest'
import { createMailer, parseEmail } from '~/integrations/mailer.server.ts'
import { startOutboxWorker } from '~/integrations/outbox-worker.server.ts'
import { action } from '~/routes/_enquiry+/enquire.tsx'
import { prisma } from '~/utils/db.server.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'

// An enquiry made while the mail server is down still succeeds, and its two emails go out once
// the server is back: real form action, real SQLite, real SMTP on loopback, the real worker.

const cleanups: Array<() => unknown> = []
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup()
})

async function submit(fields: [string, string][]) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	})
	try {
		await action({ request, context: { cspNonce: '', clientIp: '198.51.100.9' }, params: {} } as ActionFunctionArgs)
		throw new Error('expected a redirect')
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return thrown
	}
}

test('SMTP down: the enquiry is confirmed, its emails wait, and both are delivered when SMTP returns', async () => {
	const smtp = await startSmtpSink()
	cleanups.push(() => smtp.stop())
	await smtp.stop()

	let offset = 0
	const now = () => new Date(Date.now() + offset)
	// No sender given: the emails come from the service's own name and address in its settings.
	const mailer = createMailer({ smtpUrl: smtp.url, mailboxDir: process.env.MAILBOX_DIR! })
	cleanups.push(() => mailer.close())
	const worker = startOutboxWorker({ mailer, pollMs: 20, now, logger: { warn() {}, error() {} } })
	cleanups.push(() => worker.stop())

	const response = await submit(validEnquiryFields({ email: 'outage@example.com', firstName: 'Zofia' }))
	expect(response.status).toBe(303)
	const reference = new URL(response.headers.get('Location')!, 'http://localhost').searchParams.get('reference')!

	// The worker tries, fails, and keeps both messages for later.
	await expect
		.poll(async () => prisma.outboxMessage.findMany({ where: { subject: { contains: reference } } }), { timeout: 5000 })
		.toSatisfy(
			(messages: { attempts: number; status: string; lastError: string | null }[]) =>
				messages.length === 2 &&
				messages.every((message) => message.attempts >= 1 && message.status === 'pending' && message.lastError)
		)
	expect(smtp.received).toHaveLength(0)

	await smtp.start()
	offset += 60 * 60 * 1000 // past any backoff
	worker.wake()
	await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(2)

	const acknowledgement = smtp.received.find((email) => email.to.includes('outage@example.com'))!
	expect(parseEmail(acknowledgement.raw).text).toContain(reference)
	expect(parseEmail(acknowledgement.raw).text).toContain('Zofia')
	// From the service as its settings name it, never a made-up no-reply address on a fresh clone.
	expect(parseEmail(acknowledgement.raw).headers.get('from')).toBe(
		'Foster with Northdale <fostering@northdale.example>'
	)
	expect(parseEmail(acknowledgement.raw).text).toContain('Thank you for your enquiry about fostering with Northdale.')
	const alert = smtp.received.find((email) => email.to.includes('recruitment@northdale.example'))!
	expect(parseEmail(alert.raw).headers.get('subject')).toContain(reference)
	expect(await prisma.outboxMessage.count({ where: { subject: { contains: reference }, status: 'sent' } })).toBe(2)
})

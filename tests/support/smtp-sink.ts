// A real SMTP server for tests: it accepts mail on 127.0.0.1 (no TLS, no login needed) and keeps
// what it receives. stop() and start() take it down and bring it back on the same port, to
// simulate a mail server outage and its recovery.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = { from: string; to: string[]; raw: string }

/** Decides whether to refuse a recipient: return an SMTP reply (e.g. 550) to refuse it. */
export type RecipientPolicy = (address: string) => { code: number; message: string } | undefined

export type SmtpSink = {
	port: number
	/** An SMTP_URL for the mailer. */
	url: string
	received: ReceivedEmail[]
	/** Replaces the recipient policy (accept everyone when undefined). */
	refuseRecipients(policy: RecipientPolicy | undefined): void
	start(): Promise<void>
	stop(): Promise<void>
}

export async function startSmtpSink(options: { refuseRecipients?: RecipientPolicy } = {}): Promise<SmtpSink> {
	const received: ReceivedEmail[] = []
	let policy = options.refuseRecipients
	let server: SMTPServer | undefined
	let port = 0

	function createServer() {
		return new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			closeTimeout: 100,
			disableReverseLookup: true,
			onRcptTo(address, _session, callback) {
				const refusal = policy?.(address.address)
				if (!refusal) return callback()
				callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
			},
			onData(stream, session, callback) {
				const chunks: Buffer[] = []
				stream.on('data', (chunk: Buffer) => chunks.push(chunk))
				stream.on('end', () => {
					received.push({
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
						raw: Buffer.concat(chunks).toString('utf8'),
					})
					callback()
				})
			},
		})
	}

	async function start() {
		if (server) return
		const next = createServer()
		await new Promise<void>((resolve, reject) => {
			next.server.once('error', reject)
			next.listen(port, '127.0.0.1', () => {
				next.server.off('error', reject)
				resolve()
			})
		})
		port = (next.server.address() as AddressInfo).port
		server = next
	}

	async function stop() {
		const current = server
		server = undefined
		if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
	}

	await start()
	return {
		get port() {
			return port
		},
		get url() {
			return `smtp://127.0.0.1:${port}`
		},
		received,
		refuseRecipients(next) {
			policy = next
		},
		start,
		stop,
	}
}

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'

// Sends email for the outbox worker. With SMTP_URL it talks SMTP; without it, each message is
// written as a standard .eml file into the local mailbox directory, which staff and developers can
// open in any mail client, so nothing needs an external service to run (ADR 003). Only the
// outbox worker calls send(): requests enqueue email, they never send it.

export type Sender = string | { name: string; address: string }

/** `from` is the service's sender (ADR 032); without it, the mailer's own default. */
export type OutgoingEmail = { to: string; from?: Sender; subject: string; html: string; text: string }

export type Mailer = {
	send(message: OutgoingEmail): Promise<void>
	close(): void
}

export type MailerOptions = { smtpUrl?: string; mailboxDir: string; from?: Sender }

// Short enough that an SMTP outage fails an attempt in seconds (and the outbox retries later),
// long enough for a slow but working server.
const SMTP_TIMEOUT_MS = 10_000

export function createMailer(options: MailerOptions): Mailer {
	const defaults = { from: options.from }
	if (options.smtpUrl) {
		const transport = nodemailer.createTransport(
			{
				url: options.smtpUrl,
				connectionTimeout: SMTP_TIMEOUT_MS,
				greetingTimeout: SMTP_TIMEOUT_MS,
				socketTimeout: SMTP_TIMEOUT_MS,
				dnsTimeout: SMTP_TIMEOUT_MS,
			},
			defaults
		)
		return {
			async send(message) {
				await transport.sendMail(message)
			},
			close: () => transport.close(),
		}
	}

	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, defaults)
	const dir = options.mailboxDir
	return {
		async send(message) {
			const info = await transport.sendMail(message)
			await fs.mkdir(dir, { recursive: true })
			const name = mailboxFileName(new Date())
			// Written under a hidden temporary name and renamed, so a reader never sees half a file.
			const temporary = path.join(dir, `.${name}.tmp`)
			await fs.writeFile(temporary, info.message as Buffer, { flag: 'wx' })
			await fs.rename(temporary, path.join(dir, name))
		},
		close: () => transport.close(),
	}
}

let sequence = 0

/** "20261123T101530123Z-000042-9f3a1c.eml": sorts by time, unique across processes. */
function mailboxFileName(now: Date): string {
	const stamp = now.toISOString().replace(/[-:.]/g, '')
	sequence = (sequence + 1) % 1_000_000
	return `${stamp}-${String(sequence).padStart(6, '0')}-${crypto.randomBytes(3).toString('hex')}.eml`
}

/**
 * True when the server refused this message or recipient for good (an SMTP 5xx reply to the
 * envelope or the message), so retrying will not help. Everything else, including refused
 * connections, timeouts, 4xx replies and failed logins (a configuration problem staff can fix),
 * is transient and retried.
 */
export function isPermanentSendError(error: unknown): boolean {
	if (!(error instanceof Error)) return false
	const { code, responseCode, permanent } = error as Error & {
		code?: string
		responseCode?: number
		permanent?: boolean
	}
	if (code !== 'EENVELOPE' && code !== 'EMESSAGE') return false
	if (responseCode === undefined) return code === 'EENVELOPE' // an address nodemailer itself cannot use
	return permanent ?? (responseCode >= 500 && responseCode < 600 && responseCode !== 503)
}

/** A one-line description of a send failure, kept on the outbox message for staff. */
export function describeSendError(error: unknown): string {
	if (!(error instanceof Error)) return String(error).slice(0, 1000)
	const { code } = error as Error & { code?: string }
	const message = error.message.replace(/\s+/g, ' ').trim()
	return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 1000)
}

export type MailboxMessage = {
	fileName: string
	to: string
	subject: string
	date: Date | null
	text: string | undefined
	html: string | undefined
	raw: string
}

/** The messages in the local mailbox, newest first. */
export async function readMailbox(dir: string, options: { limit?: number } = {}): Promise<MailboxMessage[]> {
	let names: string[]
	try {
		names = await fs.readdir(dir)
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
		throw error
	}
	const newest = names
		.filter((name) => name.endsWith('.eml') && !name.startsWith('.'))
		.sort()
		.reverse()
		.slice(0, options.limit ?? Infinity)
	return Promise.all(
		newest.map(async (fileName) => {
			const raw = await fs.readFile(path.join(dir, fileName), 'utf8')
			const email = parseEmail(raw)
			const date = email.headers.get('date')
			return {
				fileName,
				to: email.headers.get('to') ?? '',
				subject: email.headers.get('subject') ?? '',
				date: date && !Number.isNaN(Date.parse(date)) ? new Date(date) : null,
				text: email.text,
				html: email.html,
				raw,
			}
		})
	)
}

export type ParsedEmail = { headers: Map<string, string>; text: string | undefined; html: string | undefined }

/**
 * Reads what a person would see in a MIME message: the decoded headers and the first plain text
 * and HTML parts. Enough for the messages nodemailer writes; not a general-purpose parser.
 */
export function parseEmail(raw: string): ParsedEmail {
	const split = /\r?\n\r?\n/.exec(raw)
	const head = split ? raw.slice(0, split.index) : raw
	const body = split ? raw.slice(split.index + split[0].length) : ''
	const headers = new Map<string, string>()
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':')
		if (colon <= 0) continue
		const name = line.slice(0, colon).trim().toLowerCase()
		if (!headers.has(name)) headers.set(name, decodeEncodedWords(line.slice(colon + 1).trim()))
	}

	const contentType = headers.get('content-type') ?? 'text/plain'
	const result: ParsedEmail = { headers, text: undefined, html: undefined }
	if (/^multipart\//i.test(contentType)) {
		const boundary = headerParameter(contentType, 'boundary')
		if (!boundary) return result
		const parts = body.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?$`, 'm')).slice(1, -1)
		for (const part of parts) {
			const inner = parseEmail(part.replace(/^\r?\n/, ''))
			result.text ??= inner.text
			result.html ??= inner.html
		}
		return result
	}
	const decoded = decodeBody(
		body,
		headers.get('content-transfer-encoding'),
		headerParameter(contentType, 'charset')
	).replace(/\r\n/g, '\n')
	if (/^text\/html/i.test(contentType)) result.html = decoded
	else if (/^text\/plain/i.test(contentType)) result.text = decoded
	return result
}

function headerParameter(value: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
	return match ? (match[1] ?? match[2]) : undefined
}

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function decodeBody(body: string, encoding = '7bit', charset = 'utf-8'): string {
	const trimmed = body.replace(/\r?\n$/, '')
	switch (encoding.toLowerCase()) {
		case 'base64':
			return decodeBytes(Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), charset)
		case 'quoted-printable':
			return decodeBytes(quotedPrintableBytes(trimmed.replace(/=\r?\n/g, '')), charset)
		default:
			return trimmed
	}
}

function quotedPrintableBytes(text: string): Buffer {
	const bytes: number[] = []
	for (let i = 0; i < text.length; i++) {
		const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : ''
		if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
			bytes.push(parseInt(hex, 16))
			i += 2
		} else {
			bytes.push(...Buffer.from(text[i]!, 'utf8'))
		}
	}
	return Buffer.from(bytes)
}

function decodeBytes(bytes: Buffer, charset: string): string {
	try {
		return new TextDecoder(charset).decode(bytes)
	} catch {
		return new TextDecoder('utf-8').decode(bytes)
	}
}

/** RFC 2047 "=?UTF-8?Q?...?=" and "=?UTF-8?B?...?=" words; the space between two of them goes. */
function decodeEncodedWords(value: string): string {
	return value
		.replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/g, '$1')
		.replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g, (_word, charset: string, encoding: string, text: string) => {
			const bytes =
				encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text.replace(/_/g, ' '))
			return decodeBytes(bytes, charset.replace(/\*.*$/, ''))
		})
}

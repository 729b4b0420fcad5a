import crypto from 'node:crypto'
import { allowedFormOrigins } from './site-url.server.ts'

// The one front door for request bodies: every action reads what was sent through readForm, and
// nothing else in the app touches a request's body (tests/integration/front-door.test.ts walks the
// routes to keep it so). Before anything is parsed it checks, in this order:
// - where the form came from: a browser's Sec-Fetch-Site and Origin must say our own site (a
//   client that sends neither, like curl, is not a browser a forged page could steer);
// - the content type: a form is url-encoded or multipart, an upload multipart, a machine body one
//   of the types its endpoint takes, each in UTF-8;
// - the size, counted while the bytes arrive (a chunked body has no Content-Length to trust);
// - the CSRF token of the signed-in session, where there is one.
// A refusal is thrown as a Response (400, 403, 413 or 415) that the error boundary shows as a
// GOV.UK page, or as plain text for a machine endpoint: never a 500.

/** Byte limits by the kind of form, so each route states which it is. */
export const BODY_LIMITS = {
	/** Sign-in, a link request, a button: a few short fields. */
	short: 8 * 1024,
	/** An ordinary form of a page or two of answers. */
	form: 64 * 1024,
	/** A spreadsheet uploaded to be imported. */
	upload: 5 * 1024 * 1024,
} as const

/** More fields than any of our forms has, by far; a body with more is not from our pages. */
const MAX_FIELDS = 2000

export const CSRF_FIELD = 'csrf'

type FormOptions = {
	/** url-encoded or multipart (a page's form); `upload`: multipart only (a form with a file). */
	kind: 'form' | 'upload'
	maxBytes: number
	/** The signed-in session (staff or portal), whose CSRF token the form must carry; omitted for public forms. */
	session?: { csrfToken: string }
}

type RawOptions = {
	/** A machine endpoint's body as text, unparsed (a webhook's signature covers its exact bytes). */
	kind: 'raw'
	maxBytes: number
	/** The media types the endpoint takes, like ['application/json']. */
	contentTypes: readonly string[]
	/** Only our own pages send it (the analytics relay); false for a webhook, which comes from elsewhere. */
	fromOurPages: boolean
}

export class BodyRefused extends Error {
	constructor(
		readonly status: 400 | 403 | 413 | 415,
		message: string
	) {
		super(message)
	}
}

const MESSAGES = {
	crossSite: 'This form was sent from another website. Go to the page on our site and try again.',
	contentType: 'This form was not sent in a way we can read. Go back to the page and send it again.',
	tooLarge: 'What you sent is too large. Go back, shorten your answers and try again.',
	unreadable: 'What you sent could not be read. Go back to the page and send it again.',
	csrf: 'This form has expired. Go back, reload the page and try again.',
} as const

export async function readForm(request: Request, options: FormOptions): Promise<FormData>
export async function readForm(request: Request, options: RawOptions): Promise<string>
export async function readForm(request: Request, options: FormOptions | RawOptions): Promise<FormData | string> {
	try {
		if (options.kind === 'raw') {
			if (options.fromOurPages) checkSameOrigin(request)
			const type = mediaType(request)
			if (!type || !options.contentTypes.includes(type.essence)) throw new BodyRefused(415, MESSAGES.contentType)
			return decodeUtf8(await readBytes(request, options.maxBytes))
		}
		checkSameOrigin(request)
		const form = await parseForm(request, options)
		if (options.session) checkCsrf(form, options.session.csrfToken)
		return form
	} catch (error) {
		if (!(error instanceof BodyRefused)) throw error
		throw new Response(error.message, {
			status: error.status,
			headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
		})
	}
}

/**
 * A browser names where a form came from: Sec-Fetch-Site (modern browsers) and Origin (on every
 * POST). Either one saying "another site" refuses the form, even with a valid CSRF token.
 */
function checkSameOrigin(request: Request) {
	const site = request.headers.get('Sec-Fetch-Site')
	if (site !== null && site !== 'same-origin') throw new BodyRefused(403, MESSAGES.crossSite)
	const origin = request.headers.get('Origin')
	if (origin !== null && !allowedFormOrigins().has(origin)) throw new BodyRefused(403, MESSAGES.crossSite)
}

function mediaType(request: Request) {
	const header = request.headers.get('Content-Type')
	if (!header) return null
	const [essence = '', ...parameters] = header.split(';').map((part) => part.trim())
	const params = new Map(
		parameters.map((parameter) => {
			const at = parameter.indexOf('=')
			return [
				parameter.slice(0, at).trim().toLowerCase(),
				parameter
					.slice(at + 1)
					.trim()
					.replace(/^"|"$/g, ''),
			]
		})
	)
	const charset = params.get('charset')?.toLowerCase()
	// Our pages are UTF-8 and browsers send forms in the page's encoding.
	if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
		throw new BodyRefused(415, MESSAGES.contentType)
	return { essence: essence.toLowerCase(), header, boundary: params.get('boundary') }
}

async function parseForm(request: Request, options: FormOptions): Promise<FormData> {
	const type = mediaType(request)
	const urlEncoded = type?.essence === 'application/x-www-form-urlencoded'
	const multipart = type?.essence === 'multipart/form-data' && Boolean(type.boundary)
	if (!multipart && !(urlEncoded && options.kind === 'form')) throw new BodyRefused(415, MESSAGES.contentType)

	const bytes = await readBytes(request, options.maxBytes)
	if (urlEncoded) return parseUrlEncoded(decodeUtf8(bytes))
	let form: FormData
	try {
		form = await new Response(bytes, { headers: { 'Content-Type': type!.header } }).formData()
	} catch {
		throw new BodyRefused(400, MESSAGES.unreadable)
	}
	let fields = 0
	for (const _ of form.keys()) if (++fields > MAX_FIELDS) throw new BodyRefused(413, MESSAGES.tooLarge)
	return form
}

/** Reads the body, stopping (413) as soon as it passes the limit, whatever Content-Length says. */
async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
	const declared = request.headers.get('Content-Length')
	if (declared !== null && Number(declared) > maxBytes) throw new BodyRefused(413, MESSAGES.tooLarge)
	if (!request.body) return new Uint8Array(0)
	const reader = request.body.getReader()
	const chunks: Uint8Array[] = []
	let total = 0
	for (;;) {
		let next: ReadableStreamReadResult<Uint8Array>
		try {
			next = await reader.read()
		} catch {
			throw new BodyRefused(400, MESSAGES.unreadable)
		}
		if (next.done) break
		total += next.value.byteLength
		if (total > maxBytes) {
			void reader.cancel().catch(() => {})
			throw new BodyRefused(413, MESSAGES.tooLarge)
		}
		chunks.push(next.value)
	}
	const body = new Uint8Array(total)
	let offset = 0
	for (const chunk of chunks) {
		body.set(chunk, offset)
		offset += chunk.byteLength
	}
	return body
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes)
	} catch {
		throw new BodyRefused(400, MESSAGES.unreadable)
	}
}

/** As URLSearchParams, but a malformed escape (%FF, a lone %) refuses the form instead of becoming U+FFFD. */
function parseUrlEncoded(text: string): FormData {
	const form = new FormData()
	if (text === '') return form
	const pairs = text.split('&')
	if (pairs.length > MAX_FIELDS) throw new BodyRefused(413, MESSAGES.tooLarge)
	for (const pair of pairs) {
		if (pair === '') continue
		const at = pair.indexOf('=')
		const name = decodeComponent(at === -1 ? pair : pair.slice(0, at))
		const value = at === -1 ? '' : decodeComponent(pair.slice(at + 1))
		form.append(name, value)
	}
	return form
}

function decodeComponent(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '))
	} catch {
		throw new BodyRefused(400, MESSAGES.unreadable)
	}
}

function checkCsrf(form: FormData, expected: string) {
	const sent = Buffer.from(String(form.get(CSRF_FIELD) ?? ''))
	const wanted = Buffer.from(expected)
	if (sent.length !== wanted.length || !crypto.timingSafeEqual(sent, wanted)) {
		throw new BodyRefused(403, MESSAGES.csrf)
	}
}

/**
 * readForm, or null when what was sent is over the limit, so a page with a file field can say so
 * beside the field instead of on an error page.
 */
export async function readFormUnlessTooLarge(request: Request, options: FormOptions): Promise<FormData | null> {
	try {
		return await readForm(request, options)
	} catch (error) {
		if (error instanceof Response && error.status === 413) return null
		throw error
	}
}

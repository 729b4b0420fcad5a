import { z } from 'zod'

// Forwards analytics events from the visitor's browser to Plausible (docs/decisions/005-analytics.md).
// The browser posts to our own /api/event; we check the event and pass it on with the visitor's
// user agent and address, which Plausible needs to count unique visitors (it keeps neither: it
// hashes them with a salt that changes daily). Analytics must never hurt the site, so nothing
// here throws: every failure becomes a status for the route to answer with.

export type PlausibleConfig = { domain: string; host: string }

/** Events are a few hundred bytes; anything much bigger is not from our tracker. */
export const MAX_EVENT_BYTES = 4096
export const FORWARD_TIMEOUT_MS = 3000

// Query parameters Plausible may see. Everything else is dropped from the page address: our links
// carry a foster carer's referral code (`ref`) and attribution hints that are ours, not Plausible's.
const FORWARDED_QUERY_PARAMS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term']

const MAX_PROPS = 5
const PropsSchema = z
	.record(z.string().trim().min(1).max(40), z.string().max(120))
	.refine((props) => Object.keys(props).length <= MAX_PROPS, `At most ${MAX_PROPS} properties`)

const EventName = z.string().trim().min(1).max(120)
const PageUrl = z.url({ protocol: /^https?$/ }).max(2000)
const Referrer = z.string().max(2000).nullable()

// plausible-tracker 0.3.9 sends the short names (n, u, d, r, w, h, and p: the props as a JSON
// string); Plausible's Events API documents the long ones (name, url, domain, referrer, props as
// an object). Either is accepted and forwarded as it came; unknown fields are dropped.
const EventSchema = z.object({
	n: EventName.optional(),
	name: EventName.optional(),
	u: PageUrl.optional(),
	url: PageUrl.optional(),
	d: z.string().optional(),
	domain: z.string().optional(),
	r: Referrer.optional(),
	referrer: Referrer.optional(),
	w: z.number().int().min(0).max(100_000).optional(),
	h: z.union([z.literal(0), z.literal(1)]).optional(),
	p: z
		.string()
		.max(1000)
		.refine((text) => PropsSchema.safeParse(parseJson(text)).success, 'Properties must be a few short strings')
		.optional(),
	props: PropsSchema.optional(),
})
export type PlausibleEvent = z.infer<typeof EventSchema>

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return undefined
	}
}

/** One of the two spellings of a field, never both. */
function exactlyOne(a: unknown, b: unknown) {
	return (a === undefined) !== (b === undefined)
}

/** Checks an event body; null when it is not a well-formed event for our site. */
export function parseEvent(text: string, siteDomain: string): PlausibleEvent | null {
	const parsed = EventSchema.safeParse(parseJson(text))
	if (!parsed.success) return null
	const event = parsed.data
	if (!exactlyOne(event.n, event.name) || !exactlyOne(event.u, event.url) || !exactlyOne(event.d, event.domain)) {
		return null
	}
	if (event.p !== undefined && event.props !== undefined) return null
	if (event.r !== undefined && event.referrer !== undefined) return null
	if ((event.d ?? event.domain) !== siteDomain) return null
	return event
}

/** The page address with only the query parameters Plausible may see, and no fragment. */
export function pageUrlForPlausible(address: string, hashMode: boolean): string {
	const url = new URL(address)
	const kept = new URLSearchParams()
	for (const [key, value] of url.searchParams) {
		if (FORWARDED_QUERY_PARAMS.includes(key)) kept.append(key, value)
	}
	url.search = kept.toString()
	if (!hashMode) url.hash = ''
	return url.toString()
}

/**
 * The page the visitor came from, as Plausible may see it: the site and path with UTM parameters,
 * never the rest of the query (our own pages' addresses carry enquiry references and referral
 * codes) nor a staff page at all (its address can carry a password link's token).
 */
export function referrerForPlausible(address: string): string | null {
	if (isStaffPage(address)) return null
	try {
		return pageUrlForPlausible(address, false)
	} catch {
		return null
	}
}

/**
 * Whether an address is one of the staff area's pages. They are not analysed, and their addresses
 * can carry a secret: a password link's token is in its path.
 */
export function isStaffPage(address: string | null | undefined): boolean {
	if (!address) return false
	try {
		const { pathname } = new URL(address)
		return pathname === '/staff' || pathname.startsWith('/staff/')
	} catch {
		return false
	}
}

export type RelayOutcome = { status: 202 | 400 | 404 | 502; message: string }

/** Global Privacy Control or Do Not Track: the visitor's browser asks not to be tracked. */
export function asksNotToBeTracked(headers: Headers): boolean {
	return headers.get('sec-gpc')?.trim() === '1' || headers.get('dnt')?.trim() === '1'
}

/**
 * Checks the browser's event (the body's text, read by the route through the front door) and
 * forwards it to Plausible. `config` is null when Plausible is not configured: nothing is sent.
 */
export async function relayEvent(
	received: { text: string; headers: Headers; clientIp: string },
	config: PlausibleConfig | null,
	timeoutMs = FORWARD_TIMEOUT_MS
): Promise<RelayOutcome> {
	if (!config) return { status: 404, message: 'Analytics are not enabled' }
	// Honoured quietly: the event is simply not passed on.
	if (asksNotToBeTracked(received.headers)) {
		return { status: 202, message: 'Not forwarded: your browser asks not to be tracked' }
	}
	const userAgent = received.headers.get('user-agent')
	// Without the visitor's user agent, fetch would send its own and every such event would look
	// like one visitor called "node".
	if (!userAgent) return { status: 400, message: 'Missing User-Agent' }
	const { clientIp } = received

	const event = parseEvent(received.text, config.domain)
	if (!event) return { status: 400, message: 'Not a valid event' }

	if (isStaffPage(event.u ?? event.url)) return { status: 202, message: 'Not forwarded: staff pages are not counted' }
	const forwarded: PlausibleEvent = { ...event }
	const hashMode = event.h === 1
	if (forwarded.r) forwarded.r = referrerForPlausible(forwarded.r)
	if (forwarded.referrer) forwarded.referrer = referrerForPlausible(forwarded.referrer)
	if (forwarded.u !== undefined) forwarded.u = pageUrlForPlausible(forwarded.u, hashMode)
	if (forwarded.url !== undefined) forwarded.url = pageUrlForPlausible(forwarded.url, hashMode)

	const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': userAgent }
	if (clientIp && clientIp !== 'unknown') headers['X-Forwarded-For'] = clientIp
	try {
		const response = await fetch(`${config.host.replace(/\/+$/, '')}/api/event`, {
			method: 'POST',
			headers,
			body: JSON.stringify(forwarded),
			signal: AbortSignal.timeout(timeoutMs),
			redirect: 'error',
		})
		// Drain the body so the connection can be reused.
		await response.arrayBuffer().catch(() => {})
		if (response.ok) return { status: 202, message: 'Accepted' }
		console.warn(`Plausible answered ${response.status} to an event`)
		return { status: 502, message: 'Analytics service refused the event' }
	} catch (error) {
		console.warn(`Plausible could not be reached: ${error instanceof Error ? error.message : String(error)}`)
		return { status: 502, message: 'Analytics service unavailable' }
	}
}

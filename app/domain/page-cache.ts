// Which requests for the public site's pages may be answered with a copy rendered earlier, under
// which key, and which rendered pages may be kept (ADR 026). The prose pages change only when the
// service's settings do; the one thing on them that comes from the request is the attribution
// their links carry (ADR 004), so that is part of the key. Pure: the server asks, the cache keeps.
import { carryOverQuery } from './attribution.ts'
import { INFORMATION_PAGES, POLICY_PAGES } from './public-site.ts'

/** The pages kept: home, the information pages and the policy pages (not the enquiry form). */
export const CACHED_PAGE_PATHS: ReadonlySet<string> = new Set([
	'/',
	...INFORMATION_PAGES.map((page) => page.path),
	...POLICY_PAGES.map((page) => page.path),
])

/**
 * How long a kept page is served before it is rendered again. A change saved in this process
 * empties the cache at once; this bounds how long a change made by another process (a second
 * server, a command-line script) takes to show, with the settings' own cache of as long.
 */
export const PAGE_CACHE_MAX_AGE_MS = 5_000

/** At most this many pages are kept (each path, once per attribution a visitor brings). */
export const PAGE_CACHE_MAX_ENTRIES = 256

/** A request as far as the cache cares. */
export type PageRequest = {
	method: string
	/** The request's address, on our own origin (the Referer is compared with it). */
	url: URL
	referer: string | null
	cookie: string | null
}

/** What a request that will render a page to keep carries to the renderer. */
export type PageTicket = {
	key: string
	/** The cache's generation when the request arrived: a page rendered across a change is not kept. */
	generation: number
}

/**
 * The key of a request that may be answered from the cache, or null: a GET of a kept page by a
 * visitor without one of our session cookies (those are for staff and carers, whose pages may
 * one day differ). The key is the path and the attribution the page's links will carry.
 */
export function pageCacheKey(request: PageRequest, sessionCookies: readonly string[]): string | null {
	if (request.method !== 'GET' || !CACHED_PAGE_PATHS.has(request.url.pathname)) return null
	if (cookieNames(request.cookie).some((name) => sessionCookies.includes(name))) return null
	const carry = carryOverQuery(request.url, request.referer)
	return carry ? `${request.url.pathname}?${carry}` : request.url.pathname
}

function cookieNames(header: string | null): string[] {
	if (!header) return []
	return header.split(';').map((pair) => pair.split('=', 1)[0]!.trim())
}

export type BodyEncoding = 'br' | 'gzip' | 'identity'

/** How a kept page is sent to a client with this Accept-Encoding: the one it prefers, brotli on a tie. */
export function chooseEncoding(acceptEncoding: string | null): BodyEncoding {
	const weights = new Map<string, number>()
	for (const part of (acceptEncoding ?? '').split(',')) {
		const [token = '', ...params] = part.toLowerCase().split(';')
		const name = token.trim()
		if (!name) continue
		const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
		weights.set(name, q === undefined ? 1 : Number(q))
	}
	const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
	const [br, gzip] = [weight('br'), weight('gzip')]
	if (br > 0 && br >= gzip) return 'br'
	return gzip > 0 ? 'gzip' : 'identity'
}

/** A page as rendered, for the decision whether to keep it. */
export type RenderedPage = {
	status: number
	headers: { get(name: string): string | null }
	html: string
	/** This response's CSP nonce. */
	nonce: string
}

/**
 * Whether a rendered page may be kept and sent to others: a whole HTML page (200) that sets no
 * cookie, does not forbid storing, and carries no nonce. A kept page goes out with a later
 * response's CSP, so an inline script with this response's nonce would be refused there.
 */
export function mayKeepPage(page: RenderedPage): boolean {
	const cacheControl = page.headers.get('cache-control') ?? ''
	return (
		page.status === 200 &&
		(page.headers.get('content-type') ?? '').startsWith('text/html') &&
		page.headers.get('set-cookie') === null &&
		!/\b(no-store|private)\b/i.test(cacheControl) &&
		(page.nonce === '' || !page.html.includes(page.nonce))
	)
}

// The cache of rendered public pages as the server's front and the renderer use it (ADR 026): the
// domain's rule, given our own address and our session cookies' names, decides whether a request
// may be answered from this process's cache; a page rendered for a ticket is kept if the rule allows.
import { chooseEncoding, mayKeepPage, pageCacheKey, type PageTicket } from '~/domain/page-cache.ts'
import { PORTAL_AUDIENCES } from '~/domain/sign-in-links.ts'
import { bodyIn, publicPageCache } from '~/utils/page-cache.server.ts'
import { siteOrigin } from '~/utils/site-url.server.ts'
import { staffCookieName } from './auth.server.ts'
import { portalCookieName } from './portal-auth.server.ts'

/** A request as Express has it: the path with its query, and the headers by lower-case name. */
export type IncomingRequest = {
	method: string
	path: string
	headers: Record<string, string | string[] | undefined>
}

/** A kept page to send: its headers (content type and encoding) and its body in that encoding. */
export type CachedResponse = { headers: [string, string][]; body: Buffer }

function header(request: IncomingRequest, name: string): string | null {
	const value = request.headers[name]
	return Array.isArray(value) ? value.join(', ') : (value ?? null)
}

/**
 * For a request the cache may answer: the kept page in the encoding the client prefers, or a ticket
 * to render it and keep it. Null for every other request.
 */
export function answerFromPageCache(
	request: IncomingRequest
): { send: CachedResponse } | { render: PageTicket } | null {
	// The address as Remix builds it: our own origin and the path as sent.
	const url = new URL(`${siteOrigin()}${request.path}`)
	const sessionCookies = [staffCookieName(), ...PORTAL_AUDIENCES.map(portalCookieName)]
	const key = pageCacheKey(
		{ method: request.method, url, referer: header(request, 'referer'), cookie: header(request, 'cookie') },
		sessionCookies
	)
	if (key === null) return null
	const found = publicPageCache.lookup(key)
	if ('render' in found) return found
	const encoding = chooseEncoding(header(request, 'accept-encoding'))
	const headers: [string, string][] = [
		...found.page.headers,
		['Vary', 'Accept-Encoding'],
		// Says where the page came from, for whoever looks at its timings.
		['Server-Timing', 'page-cache;desc="hit"'],
	]
	if (encoding !== 'identity') headers.push(['Content-Encoding', encoding])
	return { send: { headers, body: bodyIn(found.page, encoding) } }
}

/** Keeps a page rendered for a ticket, when the domain's rule allows (a whole page, no cookie, no nonce). */
export function keepRenderedPage(ticket: PageTicket, status: number, headers: Headers, html: Buffer, nonce: string) {
	if (!mayKeepPage({ status, headers, html: html.toString('utf8'), nonce })) return
	publicPageCache.keep(ticket, [...headers.entries()], html)
}

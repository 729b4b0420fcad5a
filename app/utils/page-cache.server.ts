// The in-memory cache of rendered public pages (ADR 026): each kept page with its headers and its
// body, compressed once in each encoding a client asks for, so a repeat visit costs neither Remix
// nor React nor the compressor. Which requests and pages may use it is the domain's rule (app/domain/page-cache.ts);
// app/server.ts answers from it, app/entry.server.tsx fills it, and a settings change empties it.
import zlib from 'node:zlib'
import {
	PAGE_CACHE_MAX_AGE_MS,
	PAGE_CACHE_MAX_ENTRIES,
	type BodyEncoding,
	type PageTicket,
} from '~/domain/page-cache.ts'

export type KeptPage = {
	/** The headers the page was rendered with (its content type), not the per-response security headers. */
	headers: [string, string][]
	/** The page as rendered, and compressed in each encoding once one visit has asked for it. */
	bodies: { identity: Buffer } & Partial<Record<BodyEncoding, Buffer>>
	storedAt: number
	/** When a request set off to render a fresh copy of this stale page, if one has. */
	refreshingSince: number | null
}

/** What the cache says to a request: here is the page, or render it (and offer it with the ticket). */
export type Lookup = { page: KeptPage } | { render: PageTicket }

// Brotli at quality 5 is within 10% of the smallest (11) at a twentieth of the time (about 1.5 ms
// for a 15 KB page, against 30).
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }

/**
 * The page's body in `encoding`, compressed the first time a visit asks for it: a page is kept
 * when it is first rendered, and one that no one visits again (a visitor's new campaign link)
 * should cost no more than it did before there was a cache.
 */
export function bodyIn(page: KeptPage, encoding: BodyEncoding): Buffer {
	const html = page.bodies.identity
	if (encoding === 'br') return (page.bodies.br ??= zlib.brotliCompressSync(html, BROTLI))
	if (encoding === 'gzip') return (page.bodies.gzip ??= zlib.gzipSync(html, { level: 9 }))
	return html
}

export function createPageCache(
	options: { maxAgeMs: number; maxEntries: number; now: () => number } = {
		maxAgeMs: PAGE_CACHE_MAX_AGE_MS,
		maxEntries: PAGE_CACHE_MAX_ENTRIES,
		now: Date.now,
	}
) {
	// A Map keeps insertion order: the first entry is the one used longest ago.
	const pages = new Map<string, KeptPage>()
	let generation = 0

	return {
		/**
		 * The page kept under `key`, or a ticket to render it. A stale page is rendered again by one
		 * request while the others are still sent the stale copy, so a busy page is not rendered by
		 * every request that arrives in the meantime.
		 */
		lookup(key: string): Lookup {
			const page = pages.get(key)
			const now = options.now()
			if (!page) return { render: { key, generation } }
			pages.delete(key)
			pages.set(key, page)
			if (now - page.storedAt < options.maxAgeMs) return { page }
			if (page.refreshingSince !== null && now - page.refreshingSince < options.maxAgeMs) return { page }
			page.refreshingSince = now
			return { render: { key, generation } }
		},

		/** Keeps a page rendered for `ticket`, unless the cache was emptied since the ticket was given. */
		keep(ticket: PageTicket, headers: [string, string][], html: Buffer) {
			if (ticket.generation !== generation) return
			const old = pages.get(ticket.key)
			// Pages rarely change: the same bytes again keep the same compressed copies.
			const bodies = old?.bodies.identity.equals(html) ? old.bodies : { identity: html }
			pages.delete(ticket.key)
			pages.set(ticket.key, { headers, bodies, storedAt: options.now(), refreshingSince: null })
			for (const oldest of pages.keys()) {
				if (pages.size <= options.maxEntries) break
				pages.delete(oldest)
			}
		},

		/** Forgets every page; pages being rendered from before are not kept. */
		clear() {
			pages.clear()
			generation += 1
		},

		get size() {
			return pages.size
		},
	}
}

export type PageCache = ReturnType<typeof createPageCache>

/** This process's cache of public pages. */
export const publicPageCache: PageCache = createPageCache()

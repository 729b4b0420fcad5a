// The cache of rendered public pages (ADR 026): fresh and stale pages, one refresh at a time, the
// settings change that empties it, its size limit, and bodies compressed once that decode to the page.
import zlib from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { bodyIn, createPageCache, type Lookup } from './page-cache.server.ts'

const HEADERS: [string, string][] = [['Content-Type', 'text/html; charset=utf-8']]
const html = (text: string) => Buffer.from(`<!DOCTYPE html><html><body><p>${text.repeat(50)}</p></body></html>`)

function cacheAt(start = 1_000_000, maxEntries = 3) {
	const clock = { now: start }
	const cache = createPageCache({ maxAgeMs: 5_000, maxEntries, now: () => clock.now })
	return { cache, clock }
}

/** Renders for a ticket, as the server does when the cache says to. */
function renderFor(cache: ReturnType<typeof createPageCache>, lookup: Lookup, body: Buffer) {
	if (!('render' in lookup)) throw new Error('expected a ticket to render')
	cache.keep(lookup.render, HEADERS, body)
}

describe('the page cache', () => {
	test('a kept page is served until it is stale, compressed once per encoding asked for, decoding to the page', () => {
		const { cache, clock } = cacheAt()
		renderFor(cache, cache.lookup('/faqs'), html('Questions'))
		const found = cache.lookup('/faqs')
		if (!('page' in found)) throw new Error('expected the kept page')
		expect(found.page.headers).toEqual(HEADERS)
		expect(bodyIn(found.page, 'identity')).toEqual(html('Questions'))
		// Compressed when a visit first asks for the encoding, then the same copy each time.
		expect(found.page.bodies.br).toBeUndefined()
		const br = bodyIn(found.page, 'br')
		expect(zlib.brotliDecompressSync(br)).toEqual(html('Questions'))
		expect(br.length).toBeLessThan(html('Questions').length / 5)
		expect(bodyIn(found.page, 'br')).toBe(br)
		expect(zlib.gunzipSync(bodyIn(found.page, 'gzip'))).toEqual(html('Questions'))

		clock.now += 4_999
		expect('page' in cache.lookup('/faqs')).toBe(true)
		expect('render' in cache.lookup('/other')).toBe(true)
	})

	test('a stale page is rendered again by one request; the others get the stale copy meanwhile', () => {
		const { cache, clock } = cacheAt()
		renderFor(cache, cache.lookup('/'), html('old'))
		clock.now += 5_000
		const first = cache.lookup('/')
		expect('render' in first).toBe(true)
		expect('page' in cache.lookup('/')).toBe(true)
		renderFor(cache, first, html('new'))
		const found = cache.lookup('/')
		expect('page' in found && found.page.bodies.identity.toString()).toContain('new')
	})

	test('a refresh that never arrives is tried again by another request after the maximum age', () => {
		const { cache, clock } = cacheAt()
		renderFor(cache, cache.lookup('/'), html('old'))
		clock.now += 5_000
		expect('render' in cache.lookup('/')).toBe(true)
		clock.now += 4_999
		expect('page' in cache.lookup('/')).toBe(true)
		clock.now += 1
		expect('render' in cache.lookup('/')).toBe(true)
	})

	test('the same page rendered again keeps its compressed bodies', () => {
		const { cache, clock } = cacheAt()
		renderFor(cache, cache.lookup('/'), html('same'))
		const before = cache.lookup('/')
		if ('page' in before) bodyIn(before.page, 'br')
		clock.now += 5_000
		renderFor(cache, cache.lookup('/'), html('same'))
		const after = cache.lookup('/')
		if (!('page' in before) || !('page' in after)) throw new Error('expected kept pages')
		expect(after.page.bodies.br).toBe(before.page.bodies.br)
		expect(after.page.storedAt).toBe(before.page.storedAt + 5_000)
	})

	test('clearing forgets every page, and a page rendered from before the change is not kept', () => {
		const { cache } = cacheAt()
		renderFor(cache, cache.lookup('/'), html('old'))
		const inFlight = cache.lookup('/faqs')
		cache.clear()
		expect(cache.size).toBe(0)
		renderFor(cache, inFlight, html('rendered with the old settings'))
		expect('render' in cache.lookup('/faqs')).toBe(true)
		expect('render' in cache.lookup('/')).toBe(true)
	})

	test('beyond its size the page used longest ago goes first', () => {
		const { cache } = cacheAt(0, 3)
		for (const key of ['/a', '/b', '/c']) renderFor(cache, cache.lookup(key), html(key))
		// Using /a makes /b the one used longest ago.
		expect('page' in cache.lookup('/a')).toBe(true)
		renderFor(cache, cache.lookup('/d'), html('/d'))
		expect(cache.size).toBe(3)
		expect('page' in cache.lookup('/a')).toBe(true)
		expect('page' in cache.lookup('/c')).toBe(true)
		expect('page' in cache.lookup('/d')).toBe(true)
		expect('render' in cache.lookup('/b')).toBe(true)
	})
})

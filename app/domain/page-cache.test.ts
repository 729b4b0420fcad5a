// The rules for the cache of rendered public pages (ADR 026): which requests it answers, under
// which key, which encoding it sends, and which rendered pages it may keep.
import { describe, expect, test } from 'vitest'
import { CACHED_PAGE_PATHS, chooseEncoding, mayKeepPage, pageCacheKey, type PageRequest } from './page-cache.ts'

const SESSION_COOKIES = ['__Host-staff', '__Host-portal-carer', '__Host-portal-applicant']

function request(address: string, overrides: Partial<PageRequest> = {}): PageRequest {
	return {
		method: 'GET',
		url: new URL(address, 'https://fostering.northdale.example'),
		referer: null,
		cookie: null,
		...overrides,
	}
}

describe('pageCacheKey', () => {
	test('the prose pages are kept, and nothing else', () => {
		expect([...CACHED_PAGE_PATHS].sort()).toEqual(
			[
				'/',
				'/accessibility',
				'/can-i-foster',
				'/cookies',
				'/faqs',
				'/privacy',
				'/support-and-allowances',
				'/what-fostering-involves',
			].sort()
		)
		for (const path of CACHED_PAGE_PATHS) expect(pageCacheKey(request(path), SESSION_COOKIES)).toBe(path)
		for (const path of [
			'/enquire',
			'/enquire/confirmation',
			'/refer',
			'/staff',
			'/faqs/',
			'/FAQS',
			'/nope',
			'/brand.css',
			// A carer's link names the carer ("Carol invited you"): never kept for another visitor.
			'/r/NORTH7K3',
		])
			expect(pageCacheKey(request(path), SESSION_COOKIES), path).toBeNull()
	})

	test('only GETs', () => {
		for (const method of ['HEAD', 'POST', 'PUT', 'DELETE'])
			expect(pageCacheKey(request('/faqs', { method }), SESSION_COOKIES)).toBeNull()
	})

	test('not for a visitor with one of our session cookies, whatever other cookies they have', () => {
		expect(pageCacheKey(request('/', { cookie: '__Host-staff=abc' }), SESSION_COOKIES)).toBeNull()
		expect(pageCacheKey(request('/', { cookie: '_ga=GA1.2; __Host-portal-carer=xyz' }), SESSION_COOKIES)).toBeNull()
		// A council's own analytics cookie on its parent domain is no session of ours.
		expect(pageCacheKey(request('/', { cookie: '_ga=GA1.2.3; theme=dark' }), SESSION_COOKIES)).toBe('/')
		// A cookie whose value, not name, looks like ours.
		expect(pageCacheKey(request('/', { cookie: 'note=__Host-staff' }), SESSION_COOKIES)).toBe('/')
	})

	test('a friend carrying the referral cookie gets the same kept pages as everyone (they show nothing of it)', () => {
		for (const path of CACHED_PAGE_PATHS) {
			expect(pageCacheKey(request(path, { cookie: 'referral=NORTH7K3' }), SESSION_COOKIES)).toBe(path)
		}
	})

	test('the key carries the attribution the page’s links will carry, and nothing else of the query', () => {
		expect(pageCacheKey(request('/can-i-foster?utm_source=radio&utm_campaign=winter'), SESSION_COOKIES)).toBe(
			'/can-i-foster?utm_source=radio&utm_campaign=winter&landing=%2Fcan-i-foster'
		)
		expect(pageCacheKey(request('/?ref=ab-12'), SESSION_COOKIES)).toBe('/?ref=ab-12&landing=%2F')
		// Parameters the page does not read share the plain page.
		expect(pageCacheKey(request('/faqs?fbclid=123&page=2'), SESSION_COOKIES)).toBe('/faqs')
	})

	test('a visitor from another site is keyed by that site; our own pages as referrer are not', () => {
		const fromSearch = request('/', { referer: 'https://www.google.com/search?q=fostering' })
		expect(pageCacheKey(fromSearch, SESSION_COOKIES)).toBe('/?site=www.google.com&landing=%2F')
		const fromUs = request('/faqs', { referer: 'https://fostering.northdale.example/can-i-foster' })
		expect(pageCacheKey(fromUs, SESSION_COOKIES)).toBe('/faqs')
	})
})

describe('chooseEncoding', () => {
	test('brotli, then gzip, then none, as the client accepts them', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
		expect(chooseEncoding('gzip, deflate')).toBe('gzip')
		expect(chooseEncoding('deflate')).toBe('identity')
		expect(chooseEncoding('')).toBe('identity')
		expect(chooseEncoding(null)).toBe('identity')
	})

	test('weights are read', () => {
		expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip')
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
		expect(chooseEncoding('gzip ; q=0, br;q=0')).toBe('identity')
		expect(chooseEncoding('*')).toBe('br')
		expect(chooseEncoding('*;q=0.1, br;q=0')).toBe('gzip')
		expect(chooseEncoding('GZIP')).toBe('gzip')
	})
})

describe('mayKeepPage', () => {
	const page = (overrides: { status?: number; headers?: Record<string, string>; html?: string } = {}) => ({
		status: overrides.status ?? 200,
		headers: new Headers(overrides.headers ?? { 'Content-Type': 'text/html; charset=utf-8' }),
		html: overrides.html ?? '<!DOCTYPE html><html><body><script src="/assets/public.js" defer></script></body></html>',
		nonce: 'n0nc3+/==',
	})

	test('a whole HTML page that sets no cookie and carries no nonce is kept', () => {
		expect(mayKeepPage(page())).toBe(true)
	})

	test('not an error, a redirect or something other than a page', () => {
		expect(mayKeepPage(page({ status: 404 }))).toBe(false)
		expect(mayKeepPage(page({ status: 500 }))).toBe(false)
		expect(mayKeepPage(page({ status: 302 }))).toBe(false)
		expect(mayKeepPage(page({ headers: { 'Content-Type': 'text/css' } }))).toBe(false)
	})

	test('not a page that sets a cookie or forbids storing', () => {
		const html = { 'Content-Type': 'text/html; charset=utf-8' }
		expect(mayKeepPage(page({ headers: { ...html, 'Set-Cookie': 'a=b' } }))).toBe(false)
		expect(mayKeepPage(page({ headers: { ...html, 'Cache-Control': 'no-store' } }))).toBe(false)
		expect(mayKeepPage(page({ headers: { ...html, 'Cache-Control': 'private, max-age=60' } }))).toBe(false)
		expect(mayKeepPage(page({ headers: { ...html, 'Cache-Control': 'public, max-age=60' } }))).toBe(true)
	})

	test('not a page with this response’s nonce in it: the next response’s CSP would refuse its scripts', () => {
		expect(mayKeepPage(page({ html: '<script nonce="n0nc3+/==">go()</script>' }))).toBe(false)
	})
})

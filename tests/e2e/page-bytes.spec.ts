// Every page of the production build, fetched as bytes: none may carry a NUL byte or a U+FFFD
// replacement character (issue 12, defect 13: React's Node renderer padded its 2 KB chunks with
// zero bytes before a "£"; ADR 020). The URLs come from the build's route manifest, so a new page is
// fetched without anyone remembering to add it (tests/e2e/every-page.ts); one that cannot be must be
// skipped with a reason.
// Every page of the public site is also opened in the browser, and the JavaScript it loads weighed
// (issue 14, ADR 026).
import zlib from 'node:zlib'
import { devices, type APIRequestContext, type Response } from '@playwright/test'
import { readRouteManifest } from '../support/route-manifest.ts'
import { createPageData, plannedFetches, routePatterns, SKIPPED, type Audience } from './every-page.ts'
import { expect, test } from './fixtures.ts'
import { createCarerSession } from './referrers.ts'
import { createStaffSession } from './staff.ts'

/** Where `needle` occurs in `bytes`, with the bytes around the first one shown. */
function findBytes(bytes: Buffer, needle: number[], what: string) {
	const at = bytes.indexOf(Buffer.from(needle))
	if (at === -1) return null
	const around = bytes.subarray(Math.max(0, at - 40), at + 40).toString('utf8')
	return `${what} at byte ${at}: ${JSON.stringify(around)}`
}

test('no page of the service has a NUL byte or a replacement character in it', async ({ playwright, baseURL }) => {
	test.setTimeout(180_000)
	const data = await createPageData()
	const { fetches, problems } = plannedFetches(data)

	// A browser's user agent, so pages stream as they do to people (crawlers get them whole).
	const userAgent = devices['Desktop Chrome'].userAgent
	const cookies: Record<Audience, string | null> = {
		public: null,
		carer: `__Host-portal-carer=${createCarerSession(data.carer.id)}`,
		manager: `__Host-staff=${createStaffSession(data.manager.id)}`,
		administrator: `__Host-staff=${createStaffSession(data.administrator.id)}`,
	}
	const clients = new Map<Audience, APIRequestContext>()
	for (const [audience, cookie] of Object.entries(cookies) as [Audience, string | null][]) {
		const extraHTTPHeaders: Record<string, string> = { 'user-agent': userAgent }
		if (cookie) extraHTTPHeaders.cookie = cookie
		clients.set(audience, await playwright.request.newContext({ baseURL, extraHTTPHeaders }))
	}

	const fetched = new Set<string>()
	// A few at a time: the e2e server shares two cores with the other worker.
	const queue = [...fetches]
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				const response = await clients.get(next.audience)!.get(next.url, { maxRedirects: 0 })
				const bytes = await response.body()
				const label = `${next.url} (${next.audience}, ${next.pattern})`
				if (response.status() !== next.status)
					problems.push(`${label}: status ${response.status()}, not ${next.status}`)
				const contentType = response.headers()['content-type'] ?? ''
				if (contentType.startsWith('text/html') && contentType !== 'text/html; charset=utf-8') {
					problems.push(`${label}: Content-Type ${contentType}`)
				}
				for (const found of [findBytes(bytes, [0x00], 'NUL'), findBytes(bytes, [0xef, 0xbf, 0xbd], 'U+FFFD')]) {
					if (found) problems.push(`${label}: ${found}`)
				}
				const text = bytes.toString('utf8')
				for (const expected of data.shown[next.url] ?? []) {
					if (!text.includes(expected))
						problems.push(`${label}: does not show ${JSON.stringify(expected.slice(0, 30))}`)
				}
				fetched.add(next.pattern)
			}
		})
	)
	for (const client of clients.values()) await client.dispose()

	// Every route was fetched at least once, or is skipped with a reason.
	const unaccounted = routePatterns().filter((pattern) => !fetched.has(pattern) && !(pattern in SKIPPED))
	expect(unaccounted, 'routes neither fetched nor skipped').toEqual([])
	expect(problems).toEqual([])
})

/** The most JavaScript, gzipped, that a page of the public site may load (issue 14). */
const PUBLIC_JS_BUDGET_BYTES = 60 * 1024

/** The public site: the information pages and the enquiry journey, which React does not hydrate (ADR 026). */
const PUBLIC_SITE_ROUTE = /^routes\/_(public|enquiry)\+\//

test.describe('the public site', () => {
	// The not-found page answers 404, which the browser reports.
	test.use({ allowedConsoleErrors: [/status of 404/] })

	test('no page of the public site loads more than 60 KB of JavaScript, gzipped', async ({ page }) => {
		test.setTimeout(120_000)
		const data = await createPageData()
		const publicPatterns = new Set(
			readRouteManifest()
				.filter((route) => PUBLIC_SITE_ROUTE.test(route.id))
				.map((route) => route.pattern)
		)
		const urls = plannedFetches(data)
			.fetches.filter((planned) => planned.audience === 'public' && publicPatterns.has(planned.pattern))
			.map((planned) => planned.url)
		expect(urls.length, 'public pages found in the manifest').toBeGreaterThan(10)

		// Every script the browser fetches, the ones a script adds included, as the server compresses it.
		let scripts: Response[] = []
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script') scripts.push(response)
		})
		const weights: { url: string; bytes: number; files: string[] }[] = []
		for (const url of urls) {
			// Only pages: a browser shows robots.txt or the sitemap with styles of its own, which the CSP refuses.
			const type = (await page.request.get(url, { maxRedirects: 0 })).headers()['content-type'] ?? ''
			if (!type.startsWith('text/html')) continue
			scripts = []
			await page.goto(url, { waitUntil: 'load' })
			let bytes = 0
			for (const script of scripts) bytes += zlib.gzipSync(await script.body()).length
			weights.push({ url, bytes, files: scripts.map((script) => new URL(script.url()).pathname) })
		}
		const overBudget = weights.filter((weight) => weight.bytes > PUBLIC_JS_BUDGET_BYTES)
		expect(overBudget, `pages over ${PUBLIC_JS_BUDGET_BYTES} bytes of gzipped JavaScript`).toEqual([])
		// The pages were weighed, not skipped: the public site's own script is on them.
		expect(weights.filter((weight) => weight.bytes > 0).length).toBeGreaterThan(10)
	})
})

// The cache of rendered public pages (ADR 026), against a production server of its own (so the
// settings it changes are seen by no other test): repeat visits are answered from the kept copy
// (its Server-Timing says so), each visitor's attribution stays in the links of the copy they get,
// the security headers are the same, and a settings change shows on the very next request.
import path from 'node:path'
import type { APIResponse } from '@playwright/test'
import { E2E_BASE_URL } from '../playwright.config.ts'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { expect, test } from './fixtures.ts'
import { createStaffMember, createStaffSession } from './staff.ts'

const DB = path.join(TMP_DIR, 'public-page-cache.db')
// Beside this run's e2e server, so parallel runs with their own ports do not meet.
const PORT = Number(new URL(E2E_BASE_URL).port) + 100
const HIT = 'page-cache;desc="hit"'

test.describe.configure({ mode: 'serial' })

let server: ServerProcess

test.beforeAll(async () => {
	createMigratedDatabase(DB)
	server = await startServerProcess({ port: PORT, databaseFile: DB })
})

test.afterAll(async () => {
	await server?.stop()
})

/** The query string of the page's link to the enquiry form ('' when it carries nothing). */
async function enquireLinkQuery(response: APIResponse) {
	const href = /href="(\/enquire[^"]*)"/.exec(await response.text())?.[1] ?? ''
	return new URL(href.replaceAll('&amp;', '&'), server.origin).search
}

test('repeat visits are answered from the kept page, and each visitor’s attribution stays in its links', async ({
	playwright,
}) => {
	const request = await playwright.request.newContext({ baseURL: server.origin })
	const get = (url: string, headers: Record<string, string> = {}) => request.get(url, { headers })

	// A plain visit is kept, then answered from the copy.
	const first = await get('/')
	expect(first.headers()['server-timing']).toBeUndefined()
	expect(await enquireLinkQuery(first)).toBe('')
	const again = await get('/')
	expect(again.headers()['server-timing']).toBe(HIT)
	expect(await again.text()).toBe(await first.text())

	// A visitor from a radio campaign is not given the plain page, the first time or from the copy.
	const campaign = '/?utm_source=bbc-radio-northdale&utm_campaign=winter'
	const carried = '?utm_source=bbc-radio-northdale&utm_campaign=winter&landing=%2F'
	expect(await enquireLinkQuery(await get(campaign))).toBe(carried)
	const campaignAgain = await get(campaign)
	expect(campaignAgain.headers()['server-timing']).toBe(HIT)
	expect(await enquireLinkQuery(campaignAgain)).toBe(carried)
	// ...nor the plain visitor theirs.
	expect(await enquireLinkQuery(await get('/'))).toBe('')

	// A visitor from a search engine carries the search engine, from the copy as well.
	const fromSearch = { referer: 'https://www.google.com/search?q=fostering+northdale' }
	await get('/faqs', fromSearch)
	const searchAgain = await get('/faqs', fromSearch)
	expect(searchAgain.headers()['server-timing']).toBe(HIT)
	expect(await enquireLinkQuery(searchAgain)).toBe('?site=www.google.com&landing=%2Ffaqs')
	await request.dispose()
})

test('a kept page has the same security headers, a fresh nonce, and the encoding the client asks for', async ({
	playwright,
}) => {
	const request = await playwright.request.newContext({ baseURL: server.origin })
	const headersOf = async (encoding: string) => {
		const response = await request.get('/can-i-foster', { headers: { 'accept-encoding': encoding } })
		return { headers: response.headers(), text: await response.text() }
	}
	const fresh = await headersOf('gzip, br')
	const kept = await headersOf('gzip, br')
	const keptGzip = await headersOf('gzip')
	const keptPlain = await headersOf('identity')
	expect(kept.headers['server-timing']).toBe(HIT)
	expect(kept.headers['content-encoding']).toBe('br')
	expect(keptGzip.headers['content-encoding']).toBe('gzip')
	expect(keptPlain.headers['content-encoding']).toBeUndefined()
	for (const copy of [kept, keptGzip, keptPlain]) expect(copy.text).toBe(fresh.text)

	const SECURITY = ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'permissions-policy']
	for (const name of [...SECURITY, 'cross-origin-opener-policy', 'strict-transport-security', 'content-type', 'vary'])
		expect(kept.headers[name], name).toBe(fresh.headers[name])
	const withoutNonce = (csp = '') => csp.replace(/'nonce-[^']+'/, "'nonce'")
	expect(withoutNonce(kept.headers['content-security-policy'])).toBe(
		withoutNonce(fresh.headers['content-security-policy'])
	)
	expect(kept.headers['content-security-policy']).not.toBe(fresh.headers['content-security-policy'])
	await request.dispose()
})

test('signed-in staff are never sent a kept page', async ({ playwright }) => {
	const manager = createStaffMember('manager', 'Cache Manager', DB)
	const cookie = `__Host-staff=${createStaffSession(manager.id, DB)}`
	const request = await playwright.request.newContext({ baseURL: server.origin })
	await request.get('/privacy')
	expect((await request.get('/privacy')).headers()['server-timing']).toBe(HIT)
	const staff = await request.get('/privacy', { headers: { cookie } })
	expect(staff.status()).toBe(200)
	expect(staff.headers()['server-timing']).toBeUndefined()
	await request.dispose()
})

test('a settings change shows on the very next request', async ({ browser, playwright }) => {
	const request = await playwright.request.newContext({ baseURL: server.origin })
	await request.get('/what-fostering-involves')
	const kept = await request.get('/what-fostering-involves')
	expect(kept.headers()['server-timing']).toBe(HIT)
	expect(await kept.text()).toContain('We call you within 1 working day of your enquiry.')

	// A manager changes the first-contact target in the staff area of the same server.
	const manager = createStaffMember('manager', 'Target Manager', DB)
	const context = await browser.newContext({ baseURL: server.origin })
	await context.addCookies([
		{
			name: '__Host-staff',
			value: createStaffSession(manager.id, DB),
			domain: '127.0.0.1',
			path: '/',
			secure: true,
			httpOnly: true,
			sameSite: 'Lax',
		},
	])
	const page = await context.newPage()
	await page.goto('/staff/settings/response-times')
	await page.getByLabel('Enquiry to first personal contact').fill('2')
	await page.getByRole('button', { name: 'Save targets' }).click()
	await expect(page.getByRole('alert')).toContainText('Targets saved')
	await context.close()

	const next = await request.get('/what-fostering-involves')
	expect(next.headers()['server-timing']).toBeUndefined()
	const text = await next.text()
	expect(text).toContain('We call you within 2 working days of your enquiry.')
	expect(text).not.toContain('We call you within 1 working day of your enquiry.')
	await request.dispose()
})

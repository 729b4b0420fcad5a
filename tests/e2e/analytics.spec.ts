// Pageviews reach Plausible through our own origin (docs/decisions/005-analytics.md). The e2e
// server runs a stand-in for Plausible; its GET /received lists what it has been sent.
import { randomUUID } from 'node:crypto'
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { E2E_BASE_URL, E2E_PLAUSIBLE_DOMAIN, E2E_PLAUSIBLE_URL } from '../playwright.config.ts'
import type { ReceivedEvent } from '../support/fake-plausible.ts'
import { fillEnquiry } from './enquiry-form.ts'

type Event = { n?: string; u?: string; d?: string; p?: string }

// Other tests browse the same server at the same time, so each test marks its own browser's
// user agent and reads back only the events that carry that mark.
async function markedContext(browser: Browser, userAgent: string | undefined, options: BrowserContextOptions = {}) {
	const marker = `analytics-e2e/${randomUUID()}`
	const context = await browser.newContext({
		...options,
		baseURL: E2E_BASE_URL,
		userAgent: `${userAgent ?? 'Mozilla/5.0'} ${marker}`,
	})
	return { context, marker }
}

async function eventsMarked(marker: string) {
	const response = await fetch(`${E2E_PLAUSIBLE_URL}/received`)
	const received = (await response.json()) as ReceivedEvent[]
	return received.filter((event) => event.headers['user-agent']?.includes(marker))
}

/** Every URL the page asks for, to check that nothing leaves our origin. */
function recordRequests(page: Page) {
	const urls: string[] = []
	page.on('request', (request) => urls.push(request.url()))
	return urls
}

test('visiting two pages sends a pageview for each, through our own origin, with the browser’s user agent', async ({
	browser,
	userAgent,
}) => {
	const { context, marker } = await markedContext(browser, userAgent)
	const page = await context.newPage()
	const requests = recordRequests(page)
	const consoleErrors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text())
	})

	await page.goto('/')
	await expect.poll(async () => (await eventsMarked(marker)).length).toBe(1)
	// The second page is reached the way a visitor does: by following the start button.
	await page.getByRole('button', { name: 'Make an enquiry' }).first().click()
	await expect(page).toHaveURL(/\/enquire(\?|$)/)

	await expect
		.poll(async () => (await eventsMarked(marker)).map((event) => new URL((event.body as Event).u ?? '').pathname))
		.toEqual(['/', '/enquire'])
	for (const event of await eventsMarked(marker)) {
		const body = event.body as Event
		expect(body.n).toBe('pageview')
		expect(body.d).toBe(E2E_PLAUSIBLE_DOMAIN)
		expect(event.headers['user-agent']).toMatch(/Chrome\/\d+/)
		expect(event.headers['x-forwarded-for']).toMatch(/127\.0\.0\.1|::1/)
	}
	// The browser spoke only to us: the events went to /api/event, and the CSP blocked nothing.
	expect(requests.filter((url) => url.includes('/api/event'))).toHaveLength(2)
	expect(requests.filter((url) => !url.startsWith(E2E_BASE_URL))).toEqual([])
	expect(consoleErrors).toEqual([])
	await context.close()
})

test('an enquiry sent counts as the goal “Enquiry submitted” with its channel, and nothing the person typed', async ({
	browser,
	userAgent,
}) => {
	// The public site is not hydrated (ADR 026): its own script sends the pageviews and the goal the
	// confirmation page marks.
	const { context, marker } = await markedContext(browser, userAgent)
	const page = await context.newPage()
	await page.goto('/enquire?utm_source=bbc-radio-northdale&utm_medium=radio')
	await fillEnquiry(page, `goal.${randomUUID().slice(0, 8)}@example.com`)
	await page.getByRole('button', { name: 'Send enquiry' }).click()
	await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible()

	// The confirmation's pageview and the goal leave together and may arrive in either order.
	const sent = async () => (await eventsMarked(marker)).map((event) => event.body as Event)
	await expect
		.poll(async () => (await sent()).map((event) => event.n).sort())
		.toEqual(['Enquiry submitted', 'pageview', 'pageview'])
	const pageviews = (await sent()).filter((event) => event.n === 'pageview').map((event) => new URL(event.u!))
	const goal = (await sent()).find((event) => event.n === 'Enquiry submitted')!
	expect(pageviews.map((url) => url.pathname + url.search).sort()).toEqual([
		'/enquire/confirmation',
		'/enquire?utm_source=bbc-radio-northdale&utm_medium=radio',
	])
	// The reference in the confirmation's address is not Plausible's to see (ADR 005).
	expect(new URL(goal.u!).pathname + new URL(goal.u!).search).toBe('/enquire/confirmation')
	expect(JSON.parse(goal.p!)).toEqual({ channel: 'radio' })
	await context.close()
})

test('with JavaScript off, no analytics are sent', async ({ browser, userAgent }) => {
	const { context, marker } = await markedContext(browser, userAgent, { javaScriptEnabled: false })
	const page = await context.newPage()
	const requests = recordRequests(page)

	await page.goto('/')
	await page.getByRole('button', { name: 'Make an enquiry' }).first().click()
	await expect(page).toHaveURL(/\/enquire(\?|$)/)
	// Give a (wrongly) sent event time to arrive before checking that none did.
	await page.waitForTimeout(1000)

	expect(requests.filter((url) => url.includes('/api/event'))).toEqual([])
	expect(await eventsMarked(marker)).toEqual([])
	await context.close()
})

// The analytics proxy (app/routes/_resources+/api.event.ts) against a real HTTP stand-in for Plausible.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { startFakePlausible, type FakePlausible } from '../support/fake-plausible.ts'

const DOMAIN = 'fostering.example.gov.uk'
const VISITOR_IP = '203.0.113.7'
const CHROME_UA =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'

let fake: FakePlausible

beforeAll(async () => {
	fake = await startFakePlausible()
})
afterEach(() => {
	fake.clear()
	fake.setMode('accept')
})
afterAll(async () => {
	await fake.close()
})

// getEnv() reads the environment once per module instance, so each configuration gets fresh
// modules, as a freshly started server would.
async function routeWith(env: { PLAUSIBLE_DOMAIN?: string; PLAUSIBLE_HOST?: string }) {
	for (const key of ['PLAUSIBLE_DOMAIN', 'PLAUSIBLE_HOST'] as const) {
		if (env[key] === undefined) delete process.env[key]
		else process.env[key] = env[key]
	}
	vi.resetModules()
	return import('~/routes/_resources+/api.event.ts')
}

const configured = () => routeWith({ PLAUSIBLE_DOMAIN: DOMAIN, PLAUSIBLE_HOST: fake.url })

// What plausible-tracker 0.3.9 sends for a pageview (lib/request.ts): short field names, as text/plain.
function pageview(overrides: Record<string, unknown> = {}) {
	return {
		n: 'pageview',
		u: `https://${DOMAIN}/fostering/types-of-fostering`,
		d: DOMAIN,
		r: 'https://www.google.com/',
		w: 1280,
		h: 0,
		...overrides,
	}
}

function post(body: string | object, headers: Record<string, string> = {}) {
	return new Request('http://localhost/api/event', {
		method: 'POST',
		headers: { 'Content-Type': 'text/plain', 'User-Agent': CHROME_UA, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	})
}

/** The route's answer, returned or thrown (the front door throws its refusals). */
async function send(route: Awaited<ReturnType<typeof routeWith>>, request: Request) {
	try {
		return await route.action({ request, context: { cspNonce: '', clientIp: VISITOR_IP }, params: {} })
	} catch (thrown) {
		if (thrown instanceof Response) return thrown
		throw thrown
	}
}

describe('when Plausible is configured', () => {
	test('a pageview reaches Plausible with the visitor’s user agent and address', async () => {
		const route = await configured()
		const response = await send(route, post(pageview()))

		expect(response.status).toBe(202)
		const [received, ...more] = fake.received()
		expect(more).toHaveLength(0)
		expect(received?.body).toEqual(pageview())
		expect(received?.headers['user-agent']).toBe(CHROME_UA)
		expect(received?.headers['x-forwarded-for']).toBe(VISITOR_IP)
		expect(received?.headers['content-type']).toBe('application/json')
	})

	test('the enquiry goal is forwarded with its channel property', async () => {
		const route = await configured()
		const event = pageview({ n: 'Enquiry submitted', p: JSON.stringify({ channel: 'search' }) })
		const response = await send(route, post(event))

		expect(response.status).toBe(202)
		expect(fake.received().map((e) => e.body)).toEqual([event])
	})

	test('the long field names of Plausible’s Events API are accepted too', async () => {
		const route = await configured()
		const event = { name: 'pageview', url: `https://${DOMAIN}/`, domain: DOMAIN, props: { channel: 'radio' } }
		const response = await send(route, post(event, { 'Content-Type': 'application/json' }))

		expect(response.status).toBe(202)
		expect(fake.received().map((e) => e.body)).toEqual([event])
	})

	test('a carer’s referral code and our own attribution hints never reach Plausible; campaign tags do', async () => {
		const route = await configured()
		const query = 'utm_source=radio&utm_campaign=spring&ref=AB12CD&landing=%2F&site=example.org'
		const address = `https://${DOMAIN}/enquire?${query}#main-content`
		const response = await send(route, post(pageview({ u: address })))

		expect(response.status).toBe(202)
		const forwarded = fake.received()[0]?.body as { u: string }
		expect(forwarded.u).toBe(`https://${DOMAIN}/enquire?utm_source=radio&utm_campaign=spring`)
		expect(fake.received()[0]?.rawBody).not.toContain('AB12CD')
	})

	test('the page a visitor came from is sent as its path and campaign tags only: our enquiry references and referral codes stay here', async () => {
		const route = await configured()
		const confirmation = `https://${DOMAIN}/enquire/confirmation?reference=ENQ-7KQ2MX&ref=AB12CD&utm_source=radio#top`
		expect((await send(route, post(pageview({ r: confirmation })))).status).toBe(202)
		const search = 'https://www.google.com/search?q=foster+carer+northdale+jane+smith'
		expect((await send(route, post(pageview({ referrer: search, r: undefined })))).status).toBe(202)

		const [fromConfirmation, fromSearch] = fake.received()
		expect((fromConfirmation?.body as { r: string }).r).toBe(`https://${DOMAIN}/enquire/confirmation?utm_source=radio`)
		expect(fromConfirmation?.rawBody).not.toMatch(/ENQ-7KQ2MX|AB12CD/)
		expect((fromSearch?.body as { referrer: string }).referrer).toBe('https://www.google.com/search')
		expect(fromSearch?.rawBody).not.toContain('jane')
	})

	test('a staff page never reaches Plausible: a password link’s address would let whoever reads the analytics set the password', async () => {
		const route = await configured()
		const token = 'A'.repeat(43)
		const resetPage = `https://${DOMAIN}/staff/reset-password/${token}`
		expect((await send(route, post(pageview({ u: resetPage })))).status).toBe(202)
		expect((await send(route, post(pageview({ u: `https://${DOMAIN}/staff/pipeline` })))).status).toBe(202)
		expect(fake.received()).toEqual([])

		// Nor as the page a public page was reached from.
		expect(await send(route, post(pageview({ r: resetPage })))).toMatchObject({ status: 202 })
		const [forwarded] = fake.received()
		expect(forwarded?.rawBody).not.toContain(token)
		expect((forwarded?.body as { r: unknown }).r).toBeNull()
	})

	test.each([
		['Global Privacy Control', { 'Sec-GPC': '1' }],
		['Do Not Track', { DNT: '1' }],
	])('a browser that asks not to be tracked (%s) is not tracked', async (_label, headers) => {
		const route = await configured()
		const response = await send(route, post(pageview(), headers))

		expect(response.status).toBe(202)
		expect(fake.received()).toEqual([])
	})

	test('an event for another site is refused and nothing is forwarded', async () => {
		const route = await configured()
		const response = await send(route, post(pageview({ d: 'someone-else.example.com' })))

		expect(response.status).toBe(400)
		expect(fake.received()).toEqual([])
	})

	test.each([
		['not JSON', 'n=pageview&u=https://example.com'],
		['no event name', JSON.stringify(pageview({ n: undefined }))],
		['no page address', JSON.stringify(pageview({ u: undefined }))],
		['a page address that is not a web address', JSON.stringify(pageview({ u: 'javascript:alert(1)' }))],
		['both spellings of the name', JSON.stringify(pageview({ name: 'pageview' }))],
		['properties that are not JSON', JSON.stringify(pageview({ p: '{channel' }))],
		[
			'too many properties',
			JSON.stringify(pageview({ p: JSON.stringify({ a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' }) })),
		],
		['a long property value', JSON.stringify(pageview({ props: { channel: 'x'.repeat(500) } }))],
		['a property that is not text', JSON.stringify(pageview({ props: { channel: { nested: true } } }))],
		['a JSON array', JSON.stringify([pageview()])],
	])('a malformed event (%s) is refused and nothing is forwarded', async (_label, body) => {
		const route = await configured()
		const response = await send(route, post(body))

		expect(response.status).toBe(400)
		expect(fake.received()).toEqual([])
	})

	test('an event over 4 KB is refused unread and nothing is forwarded', async () => {
		const route = await configured()
		const response = await send(route, post(pageview({ r: `https://example.com/${'x'.repeat(5000)}` })))

		expect(response.status).toBe(413)
		expect(fake.received()).toEqual([])
	})

	test('a request without a user agent is refused, so it is not counted as one anonymous visitor', async () => {
		const route = await configured()
		const request = new Request('http://localhost/api/event', { method: 'POST', body: JSON.stringify(pageview()) })
		request.headers.delete('user-agent')
		const response = await send(route, request)

		expect(response.status).toBe(400)
		expect(fake.received()).toEqual([])
	})

	test('GET is not allowed', async () => {
		const route = await configured()
		const response = route.loader()

		expect(response.status).toBe(405)
		expect(response.headers.get('Allow')).toBe('POST')
		expect(fake.received()).toEqual([])
	})

	test('when Plausible is down the route still answers, with 502', async () => {
		const down = await startFakePlausible()
		const address = down.url
		await down.close()
		const route = await routeWith({ PLAUSIBLE_DOMAIN: DOMAIN, PLAUSIBLE_HOST: address })

		const response = await send(route, post(pageview()))

		expect(response.status).toBe(502)
	})

	test('when Plausible does not answer the route gives up after about 3 seconds', async () => {
		fake.setMode('hang')
		const route = await configured()
		const started = Date.now()

		const response = await send(route, post(pageview()))

		expect(response.status).toBe(502)
		expect(Date.now() - started).toBeLessThan(4500)
	})
})

describe('when Plausible is not configured', () => {
	test.each([
		['neither setting', () => ({})],
		['only the host', () => ({ PLAUSIBLE_HOST: fake.url })],
		['only the domain', () => ({ PLAUSIBLE_DOMAIN: DOMAIN })],
	])('with %s, events get 404 and nothing is forwarded', async (_label, env) => {
		const route = await routeWith(env())
		const response = await send(route, post(pageview()))

		expect(response.status).toBe(404)
		expect(fake.received()).toEqual([])
	})
})

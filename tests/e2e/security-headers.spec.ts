import { expect, test } from './fixtures.ts'

// What every response tells the browser: scripts only from us (and Remix's own, by nonce), no
// framing, HTTPS only in production. Console errors (a CSP violation is one) fail any test.

test('pages are served with a nonce-based CSP, no framing and HSTS', async ({ request }) => {
	const response = await request.get('/enquire')
	const headers = response.headers()
	const csp = headers['content-security-policy'] ?? ''
	expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
	expect(csp).not.toContain('unsafe-inline')
	expect(csp).toContain("frame-ancestors 'none'")
	expect(csp).toContain("style-src 'self'")
	expect(headers['x-frame-options']).toBe('DENY')
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['strict-transport-security']).toContain('max-age=')
	expect(headers['x-powered-by']).toBeUndefined()
	expect(headers['cache-control']).toBe('no-store')

	// Every script tag in the page carries this response's nonce.
	const nonce = /'nonce-([^']+)'/.exec(csp)![1]
	const html = await response.text()
	const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!)
	expect(scripts.length).toBeGreaterThan(0)
	for (const attributes of scripts) {
		if (attributes.includes('application/ld+json')) continue
		expect(attributes).toContain(`nonce="${nonce}"`)
	}
})

test('each response gets a fresh nonce', async ({ request }) => {
	const first = (await request.get('/')).headers()['content-security-policy']
	const second = (await request.get('/')).headers()['content-security-policy']
	expect(first).not.toBe(second)
})

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

	// Every script in the page is our own file, or inline with this response's nonce.
	const nonce = /'nonce-([^']+)'/.exec(csp)![1]
	expectOwnOrNoncedScripts(await response.text(), nonce!)
})

/** Every script tag is a file from our own origin, a data block, or carries `nonce`; returns the inline ones. */
function expectOwnOrNoncedScripts(html: string, nonce: string) {
	const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!)
	expect(scripts.length).toBeGreaterThan(0)
	const inline = scripts.filter((attributes) => !/\bsrc="/.test(attributes))
	for (const attributes of scripts) {
		const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1]
		if (src !== undefined) expect(src).toMatch(/^\/(?!\/)/)
		else if (!attributes.includes('application/ld+json')) expect(attributes).toContain(`nonce="${nonce}"`)
	}
	return inline
}

test('the public site has no inline scripts; React’s pages have them with the nonce', async ({ request }) => {
	// The public site's pages are not hydrated (ADR 026): only our own script file and JSON-LD, so a
	// cached copy has no nonce in it to go stale.
	for (const path of ['/', '/can-i-foster', '/enquire']) {
		const response = await request.get(path)
		const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')![1]!
		const inline = expectOwnOrNoncedScripts(await response.text(), nonce)
		expect(
			inline.filter((attributes) => !attributes.includes('application/ld+json')),
			path
		).toEqual([])
	}
	// A hydrated page: Remix's inline scripts carry the response's nonce.
	const staff = await request.get('/staff/login')
	const nonce = /'nonce-([^']+)'/.exec(staff.headers()['content-security-policy'] ?? '')![1]!
	expect(expectOwnOrNoncedScripts(await staff.text(), nonce).length).toBeGreaterThan(0)
})

test('each response gets a fresh nonce', async ({ request }) => {
	const first = (await request.get('/')).headers()['content-security-policy']
	const second = (await request.get('/')).headers()['content-security-policy']
	expect(first).not.toBe(second)
})

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { runRoute, signedInAs, staffRequest } from '../support/staff.ts'

// The front door every action reads its body through (app/utils/read-form.server.ts): what a
// person, a forged page on another site, or a script sending junk gets back from the real route
// actions, and that nothing is stored from a refused request.

const { prisma } = await import('~/utils/db.server.ts')
const enquire = await import('~/routes/_enquiry+/enquire.tsx')
const login = await import('~/routes/staff+/_auth+/login.tsx')
const logout = await import('~/routes/staff+/_auth+/logout.tsx')
const forgot = await import('~/routes/staff+/_auth+/forgot-password.tsx')
const refer = await import('~/routes/refer+/_index.tsx')
const note = await import('~/routes/staff+/_households+/households.$id.note.tsx')
const events = await import('~/routes/_resources+/api.event.ts')
const { BODY_LIMITS } = await import('~/utils/read-form.server.ts')
const { getStaffSession } = await import('~/services/auth.server.ts')
const { createHousehold } = await import('../support/staff.ts')

const OUR_ORIGIN = 'https://fostering.northdale.example'
const FORM = 'application/x-www-form-urlencoded'

type Action = Parameters<typeof runRoute>[0]

function post(url: string, body: BodyInit | null, headers: Record<string, string> = {}) {
	return new Request(`http://localhost${url}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
}

/** A body that is made as it is read, counting what the server actually pulled. */
function endlessBody(totalBytes: number, chunkBytes = 64 * 1024) {
	const pulled = { bytes: 0 }
	const chunk = new TextEncoder().encode('a='.padEnd(chunkBytes, 'x'))
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (pulled.bytes >= totalBytes) return controller.close()
			pulled.bytes += chunk.byteLength
			controller.enqueue(chunk)
		},
	})
	return { stream, pulled }
}

async function counts() {
	const [households, enquiries, notes, outbox] = await Promise.all([
		prisma.household.count(),
		prisma.enquiry.count(),
		prisma.householdNote.count(),
		prisma.outboxMessage.count(),
	])
	return { households, enquiries, notes, outbox }
}

describe('every action comes through the front door', () => {
	const routesDir = path.resolve(import.meta.dirname, '../../app/routes')
	const appDir = path.resolve(import.meta.dirname, '../../app')
	const sources = (dir: string): string[] =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name)
			if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full)
			return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
		})

	test('each route module with an action reads its form with readForm (or a helper built on it)', () => {
		const frontDoor = /\breadForm\(|\breadFormUnlessTooLarge\(|\bpostedForm\(|\bemailMeALink\(/
		// The shared "email me a link" action (app/services/email-me-a-link.server.ts) reads its form itself.
		expect(fs.readFileSync(path.join(appDir, 'services', 'email-me-a-link.server.ts'), 'utf8')).toMatch(/\breadForm\(/)
		const withActions = sources(routesDir).filter((file) =>
			/export (async )?function action\b|export const action\b/.test(fs.readFileSync(file, 'utf8'))
		)
		expect(withActions.length).toBeGreaterThan(40)
		const bypassing = withActions.filter((file) => !frontDoor.test(fs.readFileSync(file, 'utf8')))
		expect(bypassing.map((file) => path.relative(appDir, file))).toEqual([])
	})

	test('nothing in the app reads a request body any other way', () => {
		const otherWays =
			/\.formData\(\)|request\.(text|json|arrayBuffer|blob)\(\)|request\.body\b|unstable_parseMultipartFormData|request\.clone\(\)/
		const frontDoorFile = path.join(appDir, 'utils/read-form.server.ts')
		const offenders = sources(appDir).filter(
			(file) => file !== frontDoorFile && otherWays.test(fs.readFileSync(file, 'utf8'))
		)
		expect(offenders.map((file) => path.relative(appDir, file))).toEqual([])
	})
})

describe('size: the bytes actually read are limited, whatever Content-Length says', () => {
	test('a 10 MB chunked enquiry is refused (413) after little more than the limit is read, and nothing is stored', async () => {
		const before = await counts()
		const { stream, pulled } = endlessBody(10 * 1024 * 1024)
		const answer = await runRoute(enquire.action as Action, post('/enquire', stream, { 'Content-Type': FORM }))
		expect(answer.status).toBe(413)
		expect(answer.data).toMatch(/too large/)
		// The reader stops at the limit, give or take the chunk that crossed it (and one read ahead).
		expect(pulled.bytes).toBeLessThanOrEqual(BODY_LIMITS.form + 3 * 64 * 1024)
		expect(await counts()).toEqual(before)
	})

	test('sign-in, a link request and a reset request stop reading past a few kilobytes', async () => {
		for (const [route, url] of [
			[login.action, '/staff/login'],
			[forgot.action, '/staff/forgot-password'],
			[refer.action, '/refer'],
		] as const) {
			const { stream, pulled } = endlessBody(50 * 1024 * 1024, 4 * 1024)
			const answer = await runRoute(route as Action, post(url, stream, { 'Content-Type': FORM }))
			expect(answer.status, url).toBe(413)
			expect(pulled.bytes, url).toBeLessThanOrEqual(BODY_LIMITS.short + 3 * 4 * 1024)
		}
	})

	test('a declared Content-Length over the limit is refused before any of the body is read', async () => {
		const { stream, pulled } = endlessBody(1024 * 1024)
		const request = post('/enquire', stream, { 'Content-Type': FORM, 'Content-Length': String(1024 * 1024) })
		expect((await runRoute(enquire.action as Action, request)).status).toBe(413)
		expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024)
	})

	test('thousands of fields are refused as too large', async () => {
		const body = Array.from({ length: 3000 }, (_, index) => `f${index}=1`).join('&')
		expect((await runRoute(enquire.action as Action, post('/enquire', body, { 'Content-Type': FORM }))).status).toBe(
			413
		)
	})
})

describe('content type and encoding: refused with 415 or 400, never a 500', () => {
	const valid = new URLSearchParams(validEnquiryFields()).toString()
	const cases: [string, BodyInit | null, Record<string, string>, number][] = [
		['an empty POST with no content type', null, {}, 415],
		['JSON', JSON.stringify({ firstName: 'A' }), { 'Content-Type': 'application/json' }, 415],
		['plain text', valid, { 'Content-Type': 'text/plain' }, 415],
		['a form in Latin-1', valid, { 'Content-Type': `${FORM}; charset=iso-8859-1` }, 415],
		['multipart without a boundary', valid, { 'Content-Type': 'multipart/form-data' }, 415],
		['broken multipart', '--x\r\nnot a part', { 'Content-Type': 'multipart/form-data; boundary=x' }, 400],
		['a malformed escape', 'firstName=%E0%A4%A', { 'Content-Type': FORM }, 400],
		['bytes that are not UTF-8', new Uint8Array([0x66, 0x3d, 0xff, 0xfe]), { 'Content-Type': FORM }, 400],
	]
	test.each(cases)('%s', async (_, body, headers, status) => {
		const before = await counts()
		for (const [route, url] of [
			[enquire.action, '/enquire'],
			[login.action, '/staff/login'],
			[forgot.action, '/staff/forgot-password'],
			[refer.action, '/refer'],
		] as const) {
			const answer = await runRoute(route as Action, post(url, body, headers))
			expect(answer.status, url).toBe(status)
			expect(answer.data, url).not.toMatch(/at .*\.(ts|js):\d+/)
		}
		expect(await counts()).toEqual(before)
	})

	test('a well-formed multipart form is read like a url-encoded one', async () => {
		const form = new FormData()
		for (const [name, value] of validEnquiryFields({ email: 'multi.part@example.com' })) form.append(name, value)
		const answer = await runRoute(
			enquire.action as Action,
			new Request('http://localhost/enquire', { method: 'POST', body: form })
		)
		expect(answer.status).toBe(303)
		expect(await prisma.enquiry.count({ where: { email: 'multi.part@example.com' } })).toBe(1)
	})

	test('the analytics relay takes only text or JSON', async () => {
		process.env.PLAUSIBLE_DOMAIN = ''
		const answer = await runRoute(events.action as Action, post('/api/event', 'n=pageview', { 'Content-Type': FORM }))
		// Off: nothing is read at all.
		expect(answer.status).toBe(404)
	})
})

describe('same origin: a form another site sends is refused, even with a valid token', () => {
	test('a public form from another origin, or that the browser says is cross-site, is refused (403) and nothing is stored', async () => {
		const before = await counts()
		const body = new URLSearchParams(validEnquiryFields()).toString()
		for (const headers of [
			{ Origin: 'https://evil.example' } as Record<string, string>,
			{ Origin: 'null' },
			{ Origin: 'http://fostering.northdale.example' },
			{ 'Sec-Fetch-Site': 'cross-site' },
			{ 'Sec-Fetch-Site': 'same-site' },
		]) {
			const answer = await runRoute(
				enquire.action as Action,
				post('/enquire', body, { 'Content-Type': FORM, ...headers })
			)
			expect(answer.status, JSON.stringify(headers)).toBe(403)
			expect(answer.data).toMatch(/another website/)
		}
		expect(await counts()).toEqual(before)
	})

	test('our own origin, and a client that names none (not a browser), are let in', async () => {
		for (const headers of [{ Origin: OUR_ORIGIN, 'Sec-Fetch-Site': 'same-origin' }, {} as Record<string, string>]) {
			const body = new URLSearchParams(validEnquiryFields()).toString()
			const answer = await runRoute(
				enquire.action as Action,
				post('/enquire', body, { 'Content-Type': FORM, ...headers })
			)
			expect(answer.status).toBe(303)
		}
	})

	test('a staff action from another site with the session’s own CSRF token is refused and changes nothing', async () => {
		const officer = await signedInAs('officer')
		const household = await createHousehold()
		const request = staffRequest(`/staff/households/${household.id}/note`, officer, { body: 'Forged note' })
		request.headers.set('Origin', 'https://evil.example')
		const answer = await runRoute(note.action as Action, request, { id: household.id })
		expect(answer.status).toBe(403)
		expect(await prisma.householdNote.count({ where: { householdId: household.id } })).toBe(0)
	})

	test('signing out from another site answers 403, not a redirect, and the session lives on', async () => {
		const officer = await signedInAs('officer')
		const request = staffRequest('/staff/logout', officer, {})
		request.headers.set('Origin', 'https://evil.example')
		const answer = await runRoute(logout.action as Action, request)
		expect(answer.status).toBe(403)
		expect(answer.location).toBeNull()
		const stillSignedIn = new Request('http://localhost/staff', { headers: { Cookie: officer.cookie } })
		expect(await getStaffSession(stillSignedIn)).not.toBeNull()
	})

	test('a staff form without the session’s CSRF token is refused', async () => {
		const officer = await signedInAs('officer')
		const household = await createHousehold()
		const request = staffRequest(`/staff/households/${household.id}/note`, { ...officer, csrf: 'wrong' }, { body: 'x' })
		expect((await runRoute(note.action as Action, request, { id: household.id })).status).toBe(403)
	})
})

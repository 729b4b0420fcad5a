import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

// The production build started as an operator would start it: what it refuses to start without,
// where its links point whatever Host a request names, and who the client is behind a proxy.
// No browser: plain HTTP to real server processes on loopback.

test.describe.configure({ mode: 'serial' })

const BASE_PORT = Number(process.env.E2E_PORT ?? 3210) + 30
let runs = 0

async function withServer<T>(
	options: { env?: Record<string, string>; args?: string[] },
	use: (server: ServerProcess & { databaseFile: string }) => Promise<T>
): Promise<T> {
	const databaseFile = path.join(TMP_DIR, `server-config-${process.pid}-${++runs}.db`)
	createMigratedDatabase(databaseFile)
	const server = await startServerProcess({
		port: BASE_PORT + runs,
		databaseFile,
		args: options.args,
		env: { OUTBOX_POLL_MS: '200', ...options.env },
	})
	try {
		return await use({ ...server, databaseFile })
	} finally {
		await server.stop()
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databaseFile}${suffix}`, { force: true })
		fs.rmSync(server.mailboxDir, { recursive: true, force: true })
	}
}

/** A member of staff added straight to the database; returns their address. */
function addStaffMember(databaseFile: string) {
	const db = new Database(databaseFile)
	try {
		const email = `reset.${process.pid}.${runs}@northdale.example`
		db.prepare('INSERT INTO "StaffUser" ("id", "email", "name", "role", "createdAt") VALUES (?, ?, ?, ?, ?)').run(
			`staff-${process.pid}-${runs}`,
			email,
			'Rita Reset',
			'officer',
			new Date().toISOString().replace('Z', '+00:00')
		)
		return email
	} finally {
		db.close()
	}
}

/** The text of the first email the server wrote to its mailbox folder (quoted-printable undone). */
async function deliveredEmail(mailbox: string) {
	await expect
		.poll(() => (fs.existsSync(mailbox) ? fs.readdirSync(mailbox).length : 0), { timeout: 15_000 })
		.toBeGreaterThan(0)
	const raw = fs.readFileSync(path.join(mailbox, fs.readdirSync(mailbox)[0]!), 'utf8')
	return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
}

function enquiryBody(overrides: Record<string, string> = {}) {
	return new URLSearchParams(validEnquiryFields(overrides)).toString()
}

test('in production the server will not start without PUBLIC_URL, and says why', async () => {
	const databaseFile = path.join(TMP_DIR, `no-public-url-${process.pid}.db`)
	createMigratedDatabase(databaseFile)
	const starting = startServerProcess({ port: BASE_PORT, databaseFile, env: { PUBLIC_URL: '' } })
	await expect(starting).rejects.toThrow(/stopped while starting/)
	await expect(starting).rejects.toThrow(
		/The server cannot start[\s\S]*Set PUBLIC_URL to the address people use to reach this service/
	)
})

test('npm start’s --localhost gives the address http://localhost:PORT, and a Host header cannot move a reset link', async () => {
	await withServer({ env: { PUBLIC_URL: '' }, args: ['--localhost'] }, async (server) => {
		const port = new URL(server.origin).port
		const sitemap = await (
			await fetch(`${server.origin}/sitemap.xml`, { headers: { 'X-Forwarded-Host': 'evil.example' } })
		).text()
		expect(sitemap).toContain(`<loc>http://localhost:${port}/can-i-foster</loc>`)
		expect(sitemap).not.toContain('evil.example')

		const email = addStaffMember(server.databaseFile)
		const answer = await fetch(`${server.origin}/staff/forgot-password`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Host: 'evil.example',
				'X-Forwarded-Host': 'evil.example',
			},
			body: new URLSearchParams({ email }).toString(),
		})
		expect(answer.status).toBe(303)
		const delivered = await deliveredEmail(server.mailboxDir)
		expect(delivered).toContain(`http://localhost:${port}/staff/reset-password/`)
		expect(delivered).not.toContain('evil.example')

		const page = await (await fetch(`${server.origin}/`, { headers: { Host: 'evil.example' } })).text()
		expect(page).toContain(`<link rel="canonical" href="http://localhost:${port}/"`)
		expect(page).not.toContain('evil.example')
	})
})

/** A reverse proxy on loopback that says who the client is in X-Forwarded-For, as a load balancer does. */
async function startProxy(target: string) {
	const server = http.createServer((req, res) => {
		const client = String(req.headers['x-test-client'] ?? '203.0.113.1')
		const headers: http.OutgoingHttpHeaders = { ...req.headers, 'x-forwarded-for': client }
		delete headers['x-test-client']
		const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers)
			answer.pipe(res)
		})
		upstream.on('error', () => res.writeHead(502).end())
		req.pipe(upstream)
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }
}

async function postEnquiry(origin: string, headers: Record<string, string> = {}) {
	const answer = await fetch(`${origin}/enquire`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: enquiryBody(),
	})
	return answer.status
}

test('behind one proxy (TRUST_PROXY=1) each visitor has their own enquiry limit', async () => {
	await withServer({ env: { TRUST_PROXY: '1', ENQUIRY_RATE_LIMIT: '2' } }, async (server) => {
		const proxy = await startProxy(server.origin)
		try {
			const first = { 'X-Test-Client': '203.0.113.10' }
			const second = { 'X-Test-Client': '203.0.113.20' }
			expect([await postEnquiry(proxy.url, first), await postEnquiry(proxy.url, first)]).toEqual([303, 303])
			expect(await postEnquiry(proxy.url, first)).toBe(429)
			// Another visitor through the same proxy is not held back by the first.
			expect([await postEnquiry(proxy.url, second), await postEnquiry(proxy.url, second)]).toEqual([303, 303])
			expect(await postEnquiry(proxy.url, second)).toBe(429)
		} finally {
			proxy.close()
		}
	})
})

test('without TRUST_PROXY a forged X-Forwarded-For changes nothing: the client is who connected', async () => {
	await withServer({ env: { TRUST_PROXY: '', ENQUIRY_RATE_LIMIT: '2' } }, async (server) => {
		const statuses = []
		for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
			statuses.push(await postEnquiry(server.origin, { 'X-Forwarded-For': forged }))
		}
		expect(statuses).toEqual([303, 303, 429])
	})
})

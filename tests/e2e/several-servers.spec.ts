import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'

// Two production servers on one database file, as in a rolling restart or one process per core
// (ADR 015), each with its background workers running. No browser: the enquiries are posted as
// the form posts them. Both tests share the two servers, so they run one after the other.

const DB = path.join(TMP_DIR, 'several-servers.db')
const PORTS = [3330, 3331]
const BURST = 300
const ONE_AT_A_TIME = 20

test.describe.configure({ mode: 'serial' })

let servers: ServerProcess[] = []

test.beforeAll(async () => {
	createMigratedDatabase(DB)
	servers = await Promise.all(
		PORTS.map((port) =>
			startServerProcess({ port, databaseFile: DB, env: { ENQUIRY_RATE_LIMIT: '1000', OUTBOX_POLL_MS: '200' } })
		)
	)
})

test.afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()))
})

type Sent = { submissionKey: string; status: number; reference: string | null; problem: string }

async function sendEnquiry(server: ServerProcess): Promise<Sent> {
	const fields = validEnquiryFields()
	const submissionKey = new Map(fields).get('submissionKey')!
	const started = Date.now()
	let response: Response
	try {
		response = await fetch(`${server.origin}/enquire`, {
			method: 'POST',
			redirect: 'manual',
			// A connection of its own: one reused from the pool may be closed by the server's
			// keep-alive timeout as the request goes out, which is no fault of the database.
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, connection: 'close' },
			body: new URLSearchParams(fields).toString(),
			signal: AbortSignal.timeout(30_000),
		})
	} catch (error) {
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
		const problem = `no answer from ${server.origin} after ${Date.now() - started} ms: ${String(cause)}`
		return { submissionKey, status: 0, reference: null, problem }
	}
	const location = new URL(response.headers.get('location') ?? '/', server.origin)
	const body = await response.text()
	return {
		submissionKey,
		status: response.status,
		reference: location.pathname === '/enquire/confirmation' ? location.searchParams.get('reference') : null,
		problem: response.status === 303 ? '' : `${response.status} from ${server.origin}: ${body.slice(0, 300)}`,
	}
}

/** Each accepted enquiry's rows, by its submission key. */
function storedEnquiries(submissionKeys: string[]) {
	const db = new Database(DB, { readonly: true, fileMustExist: true })
	try {
		const rows = db
			.prepare(
				`SELECT submissionKey, reference FROM Enquiry WHERE submissionKey IN (${submissionKeys.map(() => '?').join(', ')})`
			)
			.all(...submissionKeys) as { submissionKey: string; reference: string }[]
		const byKey = new Map<string, string[]>()
		for (const row of rows) byKey.set(row.submissionKey, [...(byKey.get(row.submissionKey) ?? []), row.reference])
		return byKey
	} finally {
		db.close()
	}
}

function expectEachStoredOnce(sent: Sent[]) {
	// Every one was accepted: none failed (5xx) or was turned away.
	expect(
		sent.filter((enquiry) => enquiry.status !== 303).map((enquiry) => enquiry.problem),
		servers.map((server) => server.output()).join('\n')
	).toEqual([])
	expect(sent.every((enquiry) => /^ENQ-[0-9A-Z]{6}$/.test(enquiry.reference ?? ''))).toBe(true)
	const stored = storedEnquiries(sent.map((enquiry) => enquiry.submissionKey))
	// Exactly one row each, with the reference the confirmation page was sent to.
	expect(sent.filter((enquiry) => stored.get(enquiry.submissionKey)?.join() !== enquiry.reference)).toEqual([])
	expect(new Set(sent.map((enquiry) => enquiry.reference)).size).toBe(sent.length)
}

test(`a burst of ${BURST} enquiries split between two servers on one database: none fails and each is stored once`, async () => {
	const sent = await Promise.all(Array.from({ length: BURST }, (_, n) => sendEnquiry(servers[n % servers.length]!)))
	expectEachStoredOnce(sent)
	for (const server of servers) {
		expect(server.running()).toBe(true)
		// Nor did a background worker meet a locked database.
		expect(server.output()).not.toMatch(/SQLITE_BUSY|SQLITE_LOCKED|database is locked/)
	}
})

test('enquiries one at a time, to each server in turn, while their workers send the burst’s emails', async () => {
	const sent: Sent[] = []
	for (let n = 0; n < ONE_AT_A_TIME; n++) sent.push(await sendEnquiry(servers[n % servers.length]!))
	expectEachStoredOnce(sent)
	for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|SQLITE_LOCKED|database is locked/)
})

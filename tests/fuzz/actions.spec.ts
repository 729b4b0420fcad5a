import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { startFakePlausible, type FakePlausible } from '../support/fake-plausible.ts'
import {
	FAKE_STRIPE_SECRET_KEY,
	FAKE_STRIPE_WEBHOOK_SECRET,
	signedWebhook,
	startFakeStripe,
	type FakeStripe,
} from '../support/fake-stripe.ts'
import { addressOf, readRouteManifest, type AppRoute } from '../support/route-manifest.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { BAD_INPUTS, fieldsOnPage, type BadInput } from './inputs.ts'

// Generated bad input thrown at every action of the production build: the public and portal routes
// as a visitor and as a signed-in carer, and every staff action as each role. Whatever arrives
// (wrong sizes, encodings and content types, duplicate, missing and odd fields, another site's
// origin, no token), the answer is never a 5xx, never shows a stack trace, and a refused request
// (4xx) stores nothing. The routes come from Remix's manifest, so a new action is fuzzed without
// being listed here; a new route parameter must be given a value below or the test fails.

test.setTimeout(300_000)

const ROLES = ['administrator', 'manager', 'officer', 'social_worker', 'read_only'] as const
type Who = { kind: 'visitor' } | { kind: 'carer' } | { kind: 'staff'; role: (typeof ROLES)[number] }

// Tables a refused request must leave as they were. The scheduler's own writes (reminders, digests,
// its lease) and sessions (made by this test) are left out; audit rows of page views are left out
// because a refused form's page is drawn again, and viewing is audited.
const WATCHED = [
	'Household',
	'Applicant',
	'Enquiry',
	'StageEvent',
	'ContactAttempt',
	'HouseholdNote',
	'HouseholdTask',
	'OwnerChange',
	'StaffUser',
	'Channel',
	'ExitReason',
	'ServiceClosure',
	'TargetSetting',
	'BonusScheme',
	'Carer',
	'ReferralCode',
	'Placement',
	'Referral',
	'BonusPayment',
	'StripeEvent',
	'ReferralInvitation',
	'SignInLink',
	'PasswordReset',
	'ImportJob',
]
const SCHEDULER_TEMPLATES = ['clock-at-risk', 'clock-overdue', 'morning-digest', 'referral-bonus-earned']

const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|\.server\.(ts|js)\b|PrismaClient|SQLITE_/

let server: ServerProcess
let plausible: FakePlausible
let stripe: FakeStripe
let db: Database.Database
let databaseFile: string

test.beforeAll(async () => {
	// Seeding the demo council and starting a server take a while on a busy two-core machine.
	test.setTimeout(180_000)
	databaseFile = path.join(TMP_DIR, `fuzz-${process.pid}.db`)
	createMigratedDatabase(databaseFile)
	// The demo council: every kind of record a route can be given (households, carers, bonuses...).
	execFileSync(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], {
		cwd: path.resolve(import.meta.dirname, '..', '..'),
		env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
		stdio: 'ignore',
	})
	plausible = await startFakePlausible(0)
	stripe = await startFakeStripe(0)
	server = await startServerProcess({
		port: Number(process.env.E2E_PORT ?? 3210) + 20,
		databaseFile,
		startTimeoutMs: 60_000,
		env: {
			PLAUSIBLE_DOMAIN: 'fuzz.fostering.test',
			PLAUSIBLE_HOST: plausible.url,
			STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
			STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
			STRIPE_API_URL: stripe.url,
		},
	})
	db = new Database(databaseFile, { readonly: true, fileMustExist: true })
	// One real enquiry, so the mailbox has a message for its page to be given.
	const enquiry = await fetch(`${server.origin}/enquire`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(validEnquiryFields()).toString(),
	})
	expect(enquiry.status).toBe(303)
})

test.afterAll(async () => {
	db?.close()
	await server?.stop()
	await plausible?.close()
	await stripe?.close()
})

/** What a refused request must not change. */
function snapshot() {
	const counts: Record<string, number> = {}
	for (const table of WATCHED)
		counts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
	counts.emails = (
		db
			.prepare(
				`SELECT count(*) AS n FROM "OutboxMessage" WHERE "template" NOT IN (${SCHEDULER_TEMPLATES.map(() => '?').join(',')})`
			)
			.get(...SCHEDULER_TEMPLATES) as { n: number }
	).n
	counts.audit = (
		db.prepare(`SELECT count(*) AS n FROM "AuditEntry" WHERE "action" <> 'viewed'`).get() as { n: number }
	).n
	return counts
}

/** A value for each route parameter, from the demo data. */
function parameterValues(): Record<string, Record<string, string>> {
	const one = (sql: string) => {
		const row = db.prepare(sql).get() as { id: string } | undefined
		if (!row) throw new Error(`The demo data has nothing for: ${sql}`)
		return row.id
	}
	const referral = db
		.prepare('SELECT "id", "householdId" FROM "Referral" WHERE "householdId" IS NOT NULL LIMIT 1')
		.get() as { id: string; householdId: string }
	const household = one(`SELECT "id" FROM "Household" WHERE "status" = 'open' LIMIT 1`)
	const match = db
		.prepare(`SELECT "id", "newHouseholdId" FROM "PossibleMatch" WHERE "status" = 'open' LIMIT 1`)
		.get() as { id: string; newHouseholdId: string }
	const unknownToken = crypto.randomBytes(32).toString('base64url')
	return {
		'/staff/households/:id': { id: household },
		'/staff/households/:id/referrals/:referralId': { id: referral.householdId, referralId: referral.id },
		'/staff/households/:id/match/:matchId': { id: match.newHouseholdId, matchId: match.id },
		'/staff/bonuses/:id': { id: one('SELECT "id" FROM "BonusEntry" LIMIT 1') },
		'/staff/carers/:id': { id: one('SELECT "id" FROM "Carer" LIMIT 1') },
		'/staff/import/:id': { id: crypto.randomUUID() },
		'/staff/carers/import/:jobId': { jobId: crypto.randomUUID() },
		'/staff/mailbox/:id': { id: one('SELECT "id" FROM "OutboxMessage" LIMIT 1') },
		'/staff/settings/channels/:id': { id: one('SELECT "id" FROM "Channel" LIMIT 1') },
		'/staff/settings/exit-reasons/:id': { id: one('SELECT "id" FROM "ExitReason" LIMIT 1') },
		'/staff/users/:id': { id: one(`SELECT "id" FROM "StaffUser" WHERE "role" = 'officer' LIMIT 1`) },
		'/staff/reset-password/:token': { token: unknownToken },
		'/refer/sign-in/:token': { token: unknownToken },
	}
}

function valuesFor(route: AppRoute, known: Record<string, Record<string, string>>) {
	if (route.params.length === 0) return {}
	const key = Object.keys(known)
		.filter((prefix) => route.pattern === prefix || route.pattern.startsWith(`${prefix}/`))
		.sort((a, b) => b.length - a.length)[0]
	if (!key) throw new Error(`Give the fuzz a value for the parameters of ${route.pattern}`)
	return known[key]!
}

/** A fresh session for `who`, made in the database (a valid sign-out then ends only this one). */
function sessionFor(who: Who): { cookie: string; csrf: string } | null {
	if (who.kind === 'visitor') return null
	const write = new Database(databaseFile)
	try {
		const token = crypto.randomBytes(32).toString('base64url')
		const csrf = crypto.randomBytes(32).toString('base64url')
		const id = crypto.createHash('sha256').update(token).digest('hex')
		const now = new Date()
		const stamp = (date: Date) => date.toISOString().replace('Z', '+00:00')
		const expires = stamp(new Date(now.getTime() + 3_600_000))
		if (who.kind === 'staff') {
			const user = write
				.prepare(`SELECT "id" FROM "StaffUser" WHERE "role" = ? AND "disabledAt" IS NULL LIMIT 1`)
				.get(who.role) as {
				id: string
			}
			write
				.prepare(
					'INSERT INTO "StaffSession" ("id","userId","createdAt","expiresAt","lastSeenAt","csrfToken") VALUES (?,?,?,?,?,?)'
				)
				.run(id, user.id, stamp(now), expires, stamp(now), csrf)
			return { cookie: `__Host-staff=${token}`, csrf }
		}
		const carer = write.prepare(`SELECT "id" FROM "Carer" WHERE "status" = 'active' LIMIT 1`).get() as { id: string }
		write
			.prepare(
				'INSERT INTO "PortalSession" ("id","audience","subjectId","createdAt","expiresAt","lastSeenAt","csrfToken") VALUES (?,?,?,?,?,?,?)'
			)
			.run(id, 'carer', carer.id, stamp(now), expires, stamp(now), csrf)
		return { cookie: `__Host-portal-carer=${token}`, csrf }
	} finally {
		write.close()
	}
}

/**
 * Posts `input` on a connection of its own (node:http, not fetch: a body the server stops reading
 * may leave a kept-alive connection broken for the next request).
 */
async function send(url: string, input: BadInput, session: { cookie: string; csrf: string } | null) {
	const headers: Record<string, string> = { 'User-Agent': 'fuzz', ...input.headers }
	if (session) headers.Cookie = session.cookie
	if (!input.headers.Origin && !input.headers['Sec-Fetch-Site']) {
		headers.Origin = server.origin
		headers['Sec-Fetch-Site'] = 'same-origin'
	}
	let body = input.body
	if (body instanceof FormData || typeof body === 'string') {
		const encoded = new Response(body)
		if (body instanceof FormData) headers['Content-Type'] = encoded.headers.get('Content-Type')!
		body = new Uint8Array(await encoded.arrayBuffer())
	}
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		let answered = false
		const request = http.request(url, { method: 'POST', headers, agent: false }, (response) => {
			answered = true
			const chunks: Buffer[] = []
			response.on('data', (chunk: Buffer) => chunks.push(chunk))
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })
			)
			response.on('error', reject)
		})
		request.on('error', (error: NodeJS.ErrnoException) => {
			// The server may close the connection on a body it refused to read to the end.
			if (input.endless && !answered && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
				resolve({ status: 413, text: '' })
			} else if (!answered) reject(new Error(`POST ${url}: ${error.code ?? error.message}`, { cause: error }))
		})
		if (body instanceof ReadableStream) void pump(body, request, () => answered)
		else request.end(body === null ? undefined : Buffer.from(body as Uint8Array))
	})
}

/** Writes a stream's chunks to the request until it ends or the server has answered. */
async function pump(stream: ReadableStream<Uint8Array>, request: http.ClientRequest, answered: () => boolean) {
	const reader = stream.getReader()
	for (;;) {
		const { done, value } = await reader.read()
		if (done || answered() || request.destroyed) break
		if (!request.write(value)) {
			await new Promise<void>((resolve) => {
				const go = () => {
					request.off('drain', go).off('close', go)
					resolve()
				}
				request.on('drain', go).on('close', go)
			})
		}
	}
	await reader.cancel().catch(() => {})
	if (!request.destroyed) request.end()
}

/** Where the page's own JavaScript posts the form: Remix's single fetch, /enquire.data. */
function singleFetchAddress(address: string) {
	const [pathname, query] = address.split('?')
	return `${pathname === '/' ? '/_root' : pathname}.data${query ? `?${query}` : ''}`
}

function whoMay(route: AppRoute): Who[] {
	if (route.pattern.startsWith('/staff/') && !/\/staff\/(login|forgot-password|reset-password)/.test(route.pattern)) {
		return ROLES.map((role) => ({ kind: 'staff', role }))
	}
	if (route.pattern.startsWith('/refer')) return [{ kind: 'visitor' }, { kind: 'carer' }]
	return [{ kind: 'visitor' }]
}

test('no action answers bad input with a 5xx or a stack trace, and a refused request stores nothing', async () => {
	const routes = readRouteManifest().filter((route) => route.hasAction)
	expect(routes.length).toBeGreaterThan(40)
	const params = parameterValues()
	const problems: string[] = []
	let sent = 0

	for (const route of routes) {
		const address = addressOf(route, valuesFor(route, params), { forAction: true })
		for (const who of whoMay(route)) {
			const session = sessionFor(who)
			const page = await fetch(`${server.origin}${addressOf(route, valuesFor(route, params))}`, {
				headers: session ? { Cookie: session.cookie } : {},
				redirect: 'manual',
			})
			const allowed = page.status < 400
			const fields = allowed ? fieldsOnPage(await page.text()) : ['value']
			// A role the page refuses gets a few inputs only: it is turned away before its body is read.
			const inputs = allowed ? BAD_INPUTS : BAD_INPUTS.filter((input) => input.forEveryone)
			for (const make of inputs) {
				const input = make.build(fields, session?.csrf ?? '', sent)
				const url = `${server.origin}${make.dataRequest ? singleFetchAddress(address) : address}`
				const before = snapshot()
				const answer = await send(url, input, session).catch((error: Error) => {
					throw new Error(`${make.name} → ${url}: ${error.message}`, { cause: error })
				})
				sent += 1
				const label = `${make.name} → ${route.pattern} as ${who.kind === 'staff' ? who.role : who.kind}: ${answer.status}`
				if (answer.status >= 500) problems.push(`${label} ${answer.text.slice(0, 200)}`)
				if (STACK_TRACE.test(answer.text)) problems.push(`${label} shows a stack trace`)
				if (answer.status >= 400) {
					const after = snapshot()
					const changed = Object.keys(before).filter((table) => before[table] !== after[table])
					if (changed.length > 0) problems.push(`${label} was refused but changed ${changed.join(', ')}`)
				}
			}
		}
	}

	// A correctly signed Stripe event that is not what it says it is.
	for (const object of [{}, { id: 42 }, null, 'text']) {
		const forged = signedWebhook(`${server.origin}/webhooks/stripe`, {
			id: `evt_fuzz_${++sent}`,
			type: 'account.updated',
			data: { object },
		})
		const answer = await fetch(forged)
		if (answer.status >= 500) problems.push(`signed malformed event → /webhooks/stripe: ${answer.status}`)
	}

	test.info().annotations.push({ type: 'requests', description: `${sent} requests to ${routes.length} actions` })
	console.log(`Fuzz: ${sent} requests to ${routes.length} actions`)
	expect(problems).toEqual([])
	expect(sent).toBeGreaterThan(500)
	expect(server.output()).not.toMatch(/Unexpected Server Error|TypeError|PrismaClient\w*Error/)
})

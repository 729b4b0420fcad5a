// How many enquiries a second the production build takes, and whether any are lost under load.
// `npm run bench:enquiry` builds, then runs this: a fresh database and mailbox, the production
// server as a child process, then autocannon against POST /enquire (every request a different,
// valid enquiry) and GET /; and, with the same load in the same run, GET / of the baseline app
// (tests/bench/baseline, ADR 027), so the enquiry rate is also read as a share of the framework's
// ceiling on this machine at that moment (enquiry_ratio). Runs offline. The last line printed is
// one JSON object for scripts.
//
// Settings (environment): BENCH_PORT (3520), BENCH_BASELINE_PORT (BENCH_PORT + 1),
// BENCH_CONNECTIONS (50), BENCH_DURATION_S (20), BENCH_WARMUP_S (3).
// `tsx tests/bench/enquiry.ts --print-sample` prints three enquiry bodies and exits.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { HOW_HEARD_OPTIONS } from '../../app/domain/attribution.ts'
import { TRAP_FIELD } from '../../app/domain/spam-trap.ts'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { buildBaseline, startBaseline } from './baseline/harness.ts'
import { BROWSER_UA, describeRun, errorCount, loadAverage, pageRequest, round, runLoad } from './load.ts'
import {
	assertServerRunning,
	serverLogTail,
	startServer,
	stopServer,
	waitForHealth,
	type BenchServer,
} from './server.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const PORT = Number(process.env.BENCH_PORT ?? 3520)
const ORIGIN = `http://127.0.0.1:${PORT}`
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20)
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3)
const DB_FILE = path.join(TMP_DIR, 'bench.db')
const SERVER_LOG = path.join(TMP_DIR, 'bench-server.log')
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? PORT + 1)
const BASELINE_LOG = path.join(TMP_DIR, 'bench-baseline.log')
const CONFIRMATION_PATH = '/enquire/confirmation'

// ---------------------------------------------------------------------------------------------
// Enquiry bodies: the form's field names and values are the contract with app/routes/_enquiry+/enquire.tsx.

const FIRST_NAMES = ['Amira', 'Ben', 'Chloe', 'Dev', 'Efua', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jamal']
const LAST_NAMES = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Flynn', 'Green', "O'Neill", 'Smith-Jones', 'Wright']
const POSTCODES = ['NE1 4ST', 'LE1 6ZG', 'M1 1AE', 'B33 8TH', 'SW1A 1AA', 'LS1 4DY', 'BS1 5TR', 'NG1 5FS']
const BEST_TIMES = ['morning', 'afternoon', 'evening', 'any']
const SPARE_BEDROOM = ['yes', 'not_yet', 'no']
const INTERESTS = [
	'short_term',
	'long_term',
	'short_breaks',
	'emergency',
	'parent_and_child',
	'teenagers',
	'sibling_groups',
	'disabilities',
	'not_sure',
]
const HOUSEHOLDS = [
	'Me and my partner',
	'Just me',
	'My wife, our two children (9 and 12) and our dog',
	'My husband and my mum, who lives with us',
]
const CAMPAIGNS = [
	{ utm_source: 'facebook', utm_medium: 'paid_social', utm_campaign: 'spring-teenagers', utm_content: 'video-a' },
	{ utm_source: 'bbc-radio-leicester', utm_medium: 'radio', utm_campaign: 'winter-appeal' },
	{ utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'brand' },
]

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T

/** n written in letters (0 → "a", 26 → "ba"), so a name can carry it. */
function letters(n: number): string {
	let text = ''
	do {
		text = String.fromCharCode(97 + (n % 26)) + text
		n = Math.floor(n / 26)
	} while (n > 0)
	return text
}

/**
 * The nth enquiry: valid, and a different family from every other (its own email, phone and
 * surname), as a campaign's enquiries are; a repeat would be a possible match for an officer.
 */
function enquiryForm(n: number): URLSearchParams {
	const submissionKey = randomUUID()
	const form = new URLSearchParams()
	form.set('submissionKey', submissionKey)
	form.set('firstName', pick(FIRST_NAMES, n))
	form.set('lastName', `${pick(LAST_NAMES, n * 7)}-${letters(n)}`)
	form.set('email', `bench.${submissionKey}@example.com`)
	form.set('phone', `07${String(700_000_000 + n).padStart(9, '0')}`)
	form.set('postcode', pick(POSTCODES, n))
	form.set('bestTimeToCall', pick(BEST_TIMES, n))
	form.set('spareBedroom', pick(SPARE_BEDROOM, n))
	form.set('householdMembers', pick(HOUSEHOLDS, n))
	const interests = new Set(Array.from({ length: 1 + (n % 3) }, (_, i) => pick(INTERESTS, n + i * 4)))
	// "Not sure" stands alone.
	for (const interest of interests.has('not_sure') ? ['not_sure'] : interests) {
		form.append('fosteringInterests', interest)
	}
	// About one in ten is a kinship enquiry, as in real traffic.
	const kinship = n % 10 === 3
	form.set('kinship', kinship ? 'yes' : 'no')
	form.set('kinshipDetails', kinship ? 'My niece, who is 8, has been staying with us since March.' : '')
	const howHeard = pick(HOW_HEARD_OPTIONS, n).value
	form.set('howHeard', howHeard)
	form.set('howHeardOther', howHeard === 'other' ? 'A talk at my church' : '')
	form.set('referralCode', '')
	form.set('consent', 'yes')
	// The spam trap: a person never fills it in.
	form.set(TRAP_FIELD, '')
	if (n % 2 === 0) {
		for (const [name, value] of Object.entries(pick(CAMPAIGNS, n / 2))) form.set(name, value)
		form.set('landing', '/')
	}
	if (n % 5 === 1) form.set('site', 'www.google.com')
	return form
}

// ---------------------------------------------------------------------------------------------
// Load.

const FORM_HEADERS = {
	'content-type': 'application/x-www-form-urlencoded',
	origin: ORIGIN,
	referer: `${ORIGIN}/enquire`,
	'user-agent': BROWSER_UA,
	accept: 'text/html',
}

function isConfirmation(location: string | undefined) {
	if (!location) return false
	return new URL(location, ORIGIN).pathname.startsWith(CONFIRMATION_PATH)
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)
	const value = entry?.[1]
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value)
}

/** One enquiry sent the way a browser would, to check the contract before loading the server. */
async function preflightEnquiry(): Promise<{ ok: true; key: string } | { ok: false; reason: string }> {
	const form = enquiryForm(0)
	const response = await fetch(`${ORIGIN}/enquire`, {
		method: 'POST',
		headers: FORM_HEADERS,
		body: form.toString(),
		redirect: 'manual',
	})
	const location = response.headers.get('location') ?? undefined
	if (response.status === 303 && isConfirmation(location)) return { ok: true, key: form.get('submissionKey')! }
	const body = await response.text()
	// The GOV.UK error summary says which fields the form refused.
	const error = body
		.match(/<ul[^>]*govuk-error-summary__list[^>]*>([\s\S]*?)<\/ul>/)?.[1]
		?.replace(/<\/li>/g, '; ')
		.replace(/<[^>]+>/g, ' ')
	return {
		ok: false,
		reason:
			`POST /enquire answered ${response.status}${location ? ` (Location: ${location})` : ''}, ` +
			`not 303 to ${CONFIRMATION_PATH}` +
			(error
				? `: ${error
						.replace(/\s+/g, ' ')
						.replace(/\s*;\s*$/, '')
						.trim()}`
				: ''),
	}
}

type EnquiryTally = { accepted: Set<string>; otherAnswers: Map<number, number> }

function enquiryRequest(tally: EnquiryTally): autocannon.Request {
	let sequence = 1
	return {
		method: 'POST',
		path: '/enquire',
		setupRequest: (request, context) => {
			const form = enquiryForm(sequence++)
			// With one request in flight per connection, the context belongs to this request
			// until its answer arrives.
			;(context as { submissionKey?: string }).submissionKey = form.get('submissionKey')!
			return { ...request, headers: FORM_HEADERS, body: form.toString() }
		},
		onResponse: (status, _body, context, headers) => {
			const key = (context as { submissionKey?: string }).submissionKey
			if (status === 303 && key && isConfirmation(headerValue(headers, 'location'))) tally.accepted.add(key)
			else tally.otherAnswers.set(status, (tally.otherAnswers.get(status) ?? 0) + 1)
		},
	}
}

function storedSubmissionKeys(): Set<string> {
	const db = new Database(DB_FILE, { readonly: true, fileMustExist: true })
	try {
		const rows = db.prepare('SELECT "submissionKey" FROM "Enquiry"').all() as { submissionKey: string }[]
		return new Set(rows.map((row) => row.submissionKey))
	} finally {
		db.close()
	}
}

// ---------------------------------------------------------------------------------------------

type Summary = Record<string, number | string | null>

/** (a) Enquiries: every request a different valid enquiry; then counts what was stored and lost. */
async function measureEnquiries(server: BenchServer, summary: Summary): Promise<boolean> {
	const preflight = await preflightEnquiry()
	if (!preflight.ok) {
		console.error(`\nEnquiries not measured. ${preflight.reason}`)
		summary.enquiry_error = preflight.reason
		return false
	}
	const tally: EnquiryTally = { accepted: new Set([preflight.key]), otherAnswers: new Map() }
	const requests = [enquiryRequest(tally)]
	await runLoad(ORIGIN, 'warm-up', { connections: Math.min(10, CONNECTIONS), duration: WARMUP_S, requests })
	const acceptedBefore = tally.accepted.size
	const run = await runLoad(ORIGIN, 'POST /enquire', { connections: CONNECTIONS, duration: DURATION_S, requests })
	assertServerRunning(server, 'the enquiry run')
	const acceptedInRun = tally.accepted.size - acceptedBefore
	// Let anything still being written land before counting.
	await sleep(2000)
	const stored = storedSubmissionKeys()
	const lost = [...tally.accepted].filter((key) => !stored.has(key)).length
	const unconfirmed = [...stored].filter((key) => !tally.accepted.has(key)).length
	const rejected = [...tally.otherAnswers.values()].reduce((sum, count) => sum + count, 0)

	console.log(`\n${describeRun(run)}`)
	const acceptedPerSecond = round(acceptedInRun / run.result.duration)
	console.log(`  accepted    ${acceptedInRun} in the run (${acceptedPerSecond}/s); ${tally.accepted.size} with warm-up`)
	console.log(`  stored      ${stored.size} enquiries in the database`)
	console.log(`  lost        ${lost} accepted (303) but not stored`)
	if (unconfirmed > 0) {
		console.log(
			`  unconfirmed ${unconfirmed} stored, but the bench never saw their 303: in flight when a run stopped ` +
				'(up to one per connection) or timed out. Each has its own submission key: not duplicates.'
		)
	}
	if (rejected > 0) {
		const byStatus = [...tally.otherAnswers].map(([status, count]) => `${status}×${count}`).join(' ')
		console.log(`  refused     ${rejected} with warm-up, answered other than 303 to ${CONFIRMATION_PATH}: ${byStatus}`)
	}
	Object.assign(summary, {
		enquiries_per_s: round(run.result.requests.average),
		p50_ms: run.result.latency.p50,
		p99_ms: run.result.latency.p99,
		errors: errorCount(run.result),
		lost,
		accepted: tally.accepted.size,
		stored: stored.size,
		unconfirmed,
		refused: rejected,
		accepted_per_s: acceptedPerSecond,
	})
	return true
}

/** (b) A page driven with the enquiries' load: its figures under `prefix` in the summary. */
async function measurePage(server: BenchServer, label: string, prefix: string, summary: Summary) {
	const requests = [pageRequest('/')]
	await runLoad(server.origin, 'warm-up', { connections: Math.min(10, CONNECTIONS), duration: WARMUP_S, requests })
	const run = await runLoad(server.origin, label, { connections: CONNECTIONS, duration: DURATION_S, requests })
	assertServerRunning(server, `the ${label} run`)
	console.log(`\n${describeRun(run)}`)
	Object.assign(summary, {
		[`${prefix}_per_s`]: round(run.result.requests.average),
		[`${prefix}_p50_ms`]: run.result.latency.p50,
		[`${prefix}_p99_ms`]: run.result.latency.p99,
		[`${prefix}_errors`]: errorCount(run.result),
	})
}

/** A rate as a share of the baseline's GET rate, to two places; null when either is missing. */
function ratio(rate: number | string | null | undefined, baseline: number | string | null | undefined) {
	return typeof rate === 'number' && typeof baseline === 'number' && baseline > 0 ? round(rate / baseline, 2) : null
}

async function main() {
	if (process.argv.includes('--print-sample')) {
		for (let n = 0; n < 3; n++) console.log(enquiryForm(n).toString())
		return 0
	}
	if (!fs.existsSync(path.join(ROOT, 'build', 'server.js'))) {
		console.error('No production build: run `npm run bench:enquiry` (it builds first).')
		return 1
	}
	console.log('Building the baseline app (tests/bench/baseline)...')
	await buildBaseline()

	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${DB_FILE}${suffix}`, { force: true })
	createMigratedDatabase(DB_FILE)
	const mailboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mailbox-'))

	console.log(
		`Enquiry benchmark: ${CONNECTIONS} connections, ${DURATION_S} s per run (after ${WARMUP_S} s warm-up), ` +
			`${ORIGIN}, the baseline app on port ${BASELINE_PORT}; load average ${loadAverage()}`
	)
	const server = startServer({
		port: PORT,
		databaseFile: DB_FILE,
		log: SERVER_LOG,
		// The per-client rate limit is configuration; the bench is one client.
		env: { MAILBOX_DIR: mailboxDir, ENQUIRY_RATE_LIMIT: '100000000' },
	})
	let baseline: BenchServer | undefined
	const stopAll = () => Promise.all([stopServer(server), baseline && stopServer(baseline)])
	const onInterrupt = () => void stopAll().finally(() => process.exit(130))
	process.once('SIGINT', onInterrupt)
	let harnessFailed = false
	const summary: Summary = {
		enquiries_per_s: null,
		p50_ms: null,
		p99_ms: null,
		errors: null,
		lost: null,
		home_per_s: null,
		home_p50_ms: null,
		home_p99_ms: null,
		baseline_per_s: null,
		enquiry_ratio: null,
	}
	try {
		await waitForHealth(server)
		baseline = await startBaseline({ port: BASELINE_PORT, log: BASELINE_LOG })
		if (!(await measureEnquiries(server, summary))) harnessFailed = true
		await measurePage(server, 'GET /', 'home', summary)
		await measurePage(baseline, 'GET / of the baseline app', 'baseline', summary)
	} catch (error) {
		harnessFailed = true
		console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`)
		console.error(`Server log (${SERVER_LOG}):\n${serverLogTail(server)}`)
		if (baseline) console.error(`Baseline log (${BASELINE_LOG}):\n${serverLogTail(baseline)}`)
	} finally {
		await stopAll()
		process.off('SIGINT', onInterrupt)
		fs.rmSync(mailboxDir, { recursive: true, force: true })
	}
	summary.enquiry_ratio = ratio(summary.enquiries_per_s, summary.baseline_per_s)
	summary.home_ratio = ratio(summary.home_per_s, summary.baseline_per_s)
	console.log(
		`\nAgainst the baseline app's GET: enquiries ${summary.enquiry_ratio ?? '–'}, home page ${summary.home_ratio ?? '–'}` +
			` (load average ${loadAverage()})`
	)
	summary.connections = CONNECTIONS
	summary.duration_s = DURATION_S
	console.log(JSON.stringify(summary))
	return harnessFailed ? 1 : 0
}

process.exitCode = await main()

// How many requests a second the public pages serve, against the framework's ceiling measured in
// the same run, and what they cost a visitor's phone. `npm run bench:public` builds, then runs
// this: the production server on a fresh database with the demo settings, and the baseline app
// (tests/bench/baseline, ADR 027: a trivial Remix page on the same Express setup), both as child
// processes; then:
//
// - each public page (/, /can-i-foster, /what-fostering-involves) and the baseline's page driven by
//   autocannon with the same connections and duration, in rounds, the order turned round by one
//   each round so no page always follows another; each round's figures, then the medians;
// - the JavaScript each page loads (its module scripts and everything they import), as sent
//   compressed (gzip) and as files, in kB of 1,000 bytes;
// - Lighthouse's mobile performance score of the home page (the median of a few runs), with
//   Debian's Chromium, or a line saying it was skipped when there is none.
//
// A page's ratio is its rate over the baseline's in the same round, the median of the rounds':
// the two are measured at most a few runs apart, on the machine as it is then, not on another day.
// `public_per_s` is the slowest public page's median rate, `public_ratio` the lowest page's ratio.
// Runs offline. The last line printed is one JSON object for scripts.
//
// Settings (environment): BENCH_PORT (3550), BENCH_BASELINE_PORT (BENCH_PORT + 1),
// BENCH_CONNECTIONS (50), BENCH_DURATION_S (8), BENCH_ROUNDS (5), BENCH_WARMUP_S (3),
// BENCH_LIGHTHOUSE_RUNS (3; 0 skips), CHROMIUM_PATH (/usr/bin/chromium).
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { DEMO_SERVICE_CONFIG, ServiceConfigSchema } from '../../app/domain/service-config.ts'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { BASELINE_PATH, buildBaseline, startBaseline } from './baseline/harness.ts'
import { BROWSER_UA, describeRun, loadAverage, median, pageRequest, round, runLoad, type Run } from './load.ts'
import {
	assertServerRunning,
	serverLogTail,
	startServer,
	stopServer,
	summarise,
	waitForHealth,
	type BenchServer,
} from './server.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const PORT = Number(process.env.BENCH_PORT ?? 3550)
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? PORT + 1)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3)
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const DB_FILE = path.join(TMP_DIR, 'bench-public.db')
const SERVER_LOG = path.join(TMP_DIR, 'bench-public-server.log')
const BASELINE_LOG = path.join(TMP_DIR, 'bench-public-baseline.log')

/** The public pages measured, each with the name its figures carry in the JSON line. */
const PUBLIC_PAGES = [
	{ key: 'home', path: '/' },
	{ key: 'can_i_foster', path: '/can-i-foster' },
	{ key: 'what_fostering_involves', path: '/what-fostering-involves' },
]

type Target = { key: string; label: string; server: BenchServer; path: string }
type RoundFigures = { perS: number; p50: number; p99: number; bad: number }
type Summary = Record<string, number | string | null>

/** A fresh database with every migration and the demo service's settings row, as the demo has it. */
function createBenchDatabase() {
	createMigratedDatabase(DB_FILE)
	const db = new Database(DB_FILE)
	try {
		const now = new Date().toISOString().replace('Z', '+00:00')
		const data = JSON.stringify(ServiceConfigSchema.parse(DEMO_SERVICE_CONFIG))
		db.prepare('INSERT INTO "ServiceSettings" ("id", "data", "updatedAt") VALUES (1, ?, ?)').run(data, now)
	} finally {
		db.close()
	}
}

/** Each page once, as a browser asks for it: a page that is not 200 HTML is a failed bench, not a fast one. */
async function preflight(targets: Target[]) {
	for (const target of targets) {
		const response = await fetch(`${target.server.origin}${target.path}`, {
			headers: { 'user-agent': BROWSER_UA, accept: 'text/html' },
			redirect: 'manual',
		})
		const type = response.headers.get('content-type') ?? ''
		await response.arrayBuffer()
		if (response.status !== 200 || !type.startsWith('text/html')) {
			throw new Error(`${target.label} answered ${response.status} ${type}, not 200 with a page`)
		}
	}
}

async function drive(target: Target, durationS: number, connections: number): Promise<Run> {
	const run = await runLoad(target.server.origin, target.label, {
		connections,
		duration: durationS,
		requests: [pageRequest(target.path)],
	})
	assertServerRunning(target.server, `the run of ${target.label}`)
	return run
}

/** Every target once per round, the order turned by one each round; each run's figures by target. */
async function measureRounds(targets: Target[]): Promise<Map<string, RoundFigures[]>> {
	const figures = new Map<string, RoundFigures[]>(targets.map((target) => [target.key, []]))
	for (let turn = 0; turn < ROUNDS; turn++) {
		console.log(`\nRound ${turn + 1} of ${ROUNDS} (load average ${loadAverage()})`)
		const order = targets.map((_, i) => targets[(i + turn) % targets.length]!)
		for (const target of order) {
			const run = await drive(target, DURATION_S, CONNECTIONS)
			const { result } = run
			const bad = result.errors + result.non2xx
			figures.get(target.key)!.push({
				perS: result.requests.average,
				p50: result.latency.p50,
				p99: result.latency.p99,
				bad,
			})
			console.log(
				`  ${target.label.padEnd(34)} ${String(round1(result.requests.average)).padStart(7)}/s` +
					`  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms` +
					(bad ? `  NOT 200: ${bad}` : '')
			)
			if (bad) console.log(describeRun(run))
		}
	}
	return figures
}

const round1 = (value: number) => round(value, 1)

// ---------------------------------------------------------------------------------------------
// The JavaScript a page loads.

type Fetched = { status: number; body: Buffer; sentBytes: number; type: string }

/** A GET that keeps the bytes as sent (gzip, when the server compressed them) and the decompressed body. */
function fetchRaw(url: string): Promise<Fetched> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers: { 'user-agent': BROWSER_UA, 'accept-encoding': 'gzip' } }, (response) => {
			const chunks: Buffer[] = []
			response.on('data', (chunk: Buffer) => chunks.push(chunk))
			response.on('error', reject)
			response.on('end', () => {
				const sent = Buffer.concat(chunks)
				const gzip = response.headers['content-encoding'] === 'gzip'
				resolve({
					status: response.statusCode ?? 0,
					body: gzip ? zlib.gunzipSync(sent) : sent,
					sentBytes: sent.length,
					type: response.headers['content-type'] ?? '',
				})
			})
		})
		request.on('error', reject)
	})
}

/** The scripts a page's HTML loads: module preloads, script sources, and what its inline scripts import. */
function scriptsOfPage(html: string): string[] {
	const found = new Set<string>()
	for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1]!)
	for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) found.add(match[1]!)
	for (const script of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
		// Static imports and the entry's import("..."), which an inline script runs at once.
		for (const match of script[1]!.matchAll(/\bimport\s*(?:[^"'();]*?\sfrom\s*)?\(?\s*"([^"]+\.js)"/g)) {
			found.add(match[1]!)
		}
	}
	return [...found]
}

/** The modules a module imports statically (what the browser fetches before running it). */
function staticImports(code: string): string[] {
	return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)].map((match) => match[1]!)
}

type PageScripts = { files: number; bytes: number; sentBytes: number }

/** Every script the page loads and everything they import, fetched once each, as the server sends them. */
async function measureScripts(origin: string, pagePath: string): Promise<PageScripts> {
	const page = await fetchRaw(`${origin}${pagePath}`)
	if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}`)
	const queue = scriptsOfPage(page.body.toString('utf8')).map((src) => new URL(src, `${origin}${pagePath}`).href)
	const seen = new Set<string>()
	const totals: PageScripts = { files: 0, bytes: 0, sentBytes: 0 }
	for (let url = queue.shift(); url; url = queue.shift()) {
		if (seen.has(url)) continue
		seen.add(url)
		const script = await fetchRaw(url)
		if (script.status !== 200) throw new Error(`${url} (loaded by ${pagePath}) answered ${script.status}`)
		totals.files += 1
		totals.bytes += script.body.length
		totals.sentBytes += script.sentBytes
		for (const imported of staticImports(script.body.toString('utf8'))) queue.push(new URL(imported, url).href)
	}
	return totals
}

const kB = (bytes: number) => round1(bytes / 1000)

// ---------------------------------------------------------------------------------------------
// Lighthouse.

type LighthouseFigures = { score: number; metrics: Record<string, number> }

const CHROMIUM_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

/** Lighthouse's mobile run of `url` (its default settings), `runs` times in one Chromium; null when there is none. */
async function lighthouseMobile(url: string, runs: number): Promise<LighthouseFigures[] | null> {
	if (runs <= 0) {
		console.log('\nLighthouse: skipped (BENCH_LIGHTHOUSE_RUNS=0).')
		return null
	}
	if (!fs.existsSync(CHROMIUM)) {
		console.log(`\nLighthouse: skipped, no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or install Debian's chromium).`)
		return null
	}
	console.log(`\nLighthouse, mobile (its default settings), performance of ${url}, ${runs} runs`)
	const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')])
	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM,
		chromeFlags: CHROMIUM_FLAGS,
	})
	try {
		const results: LighthouseFigures[] = []
		for (let run = 0; run < runs; run++) {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance'],
			})
			const lhr = result?.lhr
			const score = lhr?.categories.performance?.score
			if (!lhr || score === null || score === undefined) {
				throw new Error(
					`Lighthouse gave no performance score${lhr?.runtimeError ? `: ${lhr.runtimeError.message}` : ''}`
				)
			}
			const metric = (id: string) => round1(lhr.audits[id]?.numericValue ?? Number.NaN)
			results.push({
				score: Math.round(score * 100),
				metrics: {
					fcp_ms: metric('first-contentful-paint'),
					lcp_ms: metric('largest-contentful-paint'),
					tbt_ms: metric('total-blocking-time'),
					cls: round(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, 3),
					// How fast Lighthouse found this machine at that moment (a busy machine scores lower, and
					// the simulated phone's times grow with it).
					benchmark_index: Math.round(lhr.environment.benchmarkIndex),
				},
			})
			console.log(
				`  Lighthouse run ${run + 1}: performance ${results.at(-1)!.score}, ${JSON.stringify(results.at(-1)!.metrics)}`
			)
		}
		return results
	} finally {
		chrome.kill()
	}
}

// ---------------------------------------------------------------------------------------------

/** The medians of each target's rounds, printed, and into the summary under each target's key. */
function reportRates(targets: Target[], figures: Map<string, RoundFigures[]>, summary: Summary) {
	console.log(`\nMedians of ${ROUNDS} rounds (requests a second; p99 latency)`)
	for (const target of targets) {
		const rounds = figures.get(target.key)!
		const perS = summarise(rounds.map((figure) => figure.perS)).median
		const p99 = summarise(rounds.map((figure) => figure.p99)).median
		summary[`${target.key}_per_s`] = perS
		summary[`${target.key}_p50_ms`] = summarise(rounds.map((figure) => figure.p50)).median
		summary[`${target.key}_p99_ms`] = p99
		summary[`${target.key}_not_200`] = rounds.reduce((sum, figure) => sum + figure.bad, 0)
		console.log(`  ${target.label.padEnd(34)} ${String(perS).padStart(7)}/s  p99 ${p99} ms`)
	}
	const slowest = PUBLIC_PAGES.reduce((a, b) =>
		(summary[`${a.key}_per_s`] as number) <= (summary[`${b.key}_per_s`] as number) ? a : b
	)
	summary.public_per_s = summary[`${slowest.key}_per_s`]!
	summary.slowest_page = slowest.path
	summary.errors = targets.reduce((sum, target) => sum + (summary[`${target.key}_not_200`] as number), 0)

	// A page's ratio is taken round by round (its rate over the baseline's in the same round, minutes
	// apart at most), then the median: a machine busier in one round than another moves both rates.
	console.log(`
Over the baseline's rate (each round's, then their median)`)
	const baselineRounds = figures.get('baseline')!
	for (const page of PUBLIC_PAGES) {
		const ratios = figures.get(page.key)!.map((figure, i) => figure.perS / baselineRounds[i]!.perS)
		summary[`${page.key}_ratio`] = round(median(ratios), 2)
		const each = ratios.map((ratio) => round(ratio, 2)).join(', ')
		console.log(`  ${`public ${page.path}`.padEnd(34)} ${summary[`${page.key}_ratio`]}  (${each})`)
	}
	summary.public_ratio = Math.min(...PUBLIC_PAGES.map((page) => summary[`${page.key}_ratio`] as number))
	console.log(
		`  the slowest public page, ${slowest.path}, serves ${summary.public_per_s}/s; ` +
			`the lowest ratio of a public page is ${summary.public_ratio}`
	)
}

async function reportScripts(targets: Target[], summary: Summary) {
	console.log('\nJavaScript each page loads (its module scripts and their imports), kB of 1,000 bytes')
	let largest = 0
	for (const target of targets) {
		const scripts = await measureScripts(target.server.origin, target.path)
		summary[`${target.key}_js_kb_gz`] = kB(scripts.sentBytes)
		summary[`${target.key}_js_kb`] = kB(scripts.bytes)
		if (target.key !== 'baseline') largest = Math.max(largest, scripts.sentBytes)
		console.log(
			`  ${target.label.padEnd(34)} ${String(kB(scripts.sentBytes)).padStart(6)} kB sent (gzip), ` +
				`${kB(scripts.bytes)} kB of files, ${scripts.files} files`
		)
	}
	summary.js_kb_gz = kB(largest)
}

async function reportLighthouse(origin: string, summary: Summary) {
	const runs = await lighthouseMobile(`${origin}/`, LIGHTHOUSE_RUNS)
	if (!runs) return
	summary.lighthouse_performance = median(runs.map((run) => run.score))
	for (const metric of Object.keys(runs[0]!.metrics)) {
		summary[`lighthouse_${metric}`] = round(median(runs.map((run) => run.metrics[metric]!)), 3)
	}
	console.log(`  median performance ${summary.lighthouse_performance}`)
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'build', 'server.js'))) {
		console.error('No production build: run `npm run bench:public` (it builds first).')
		return 1
	}
	console.log('Building the baseline app (tests/bench/baseline)...')
	await buildBaseline()
	createBenchDatabase()
	const summary: Summary = {
		public_per_s: null,
		baseline_per_s: null,
		public_ratio: null,
		js_kb_gz: null,
		lighthouse_performance: null,
		load_avg_start: loadNow(),
	}
	console.log(
		`Public pages benchmark: ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} rounds ` +
			`(after ${WARMUP_S} s warm-up each); the service on port ${PORT}, the baseline on ${BASELINE_PORT}; ` +
			`load average ${loadAverage()}`
	)
	const server = startServer({ port: PORT, databaseFile: DB_FILE, log: SERVER_LOG })
	let baseline: BenchServer | undefined
	const stopAll = () => Promise.all([stopServer(server), baseline && stopServer(baseline)])
	const onInterrupt = () => void stopAll().finally(() => process.exit(130))
	process.once('SIGINT', onInterrupt)
	let failed = false
	try {
		await waitForHealth(server)
		baseline = await startBaseline({ port: BASELINE_PORT, log: BASELINE_LOG })
		const targets: Target[] = [
			{ key: 'baseline', label: `baseline app ${BASELINE_PATH}`, server: baseline, path: BASELINE_PATH },
			...PUBLIC_PAGES.map((page) => ({ ...page, label: `public ${page.path}`, server })),
		]
		await preflight(targets)
		for (const target of targets) await drive(target, WARMUP_S, Math.min(10, CONNECTIONS))
		reportRates(targets, await measureRounds(targets), summary)
		await reportScripts(targets, summary)
		await reportLighthouse(server.origin, summary)
	} catch (error) {
		failed = true
		console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`)
		console.error(`Server log (${SERVER_LOG}):\n${serverLogTail(server)}`)
		if (baseline) console.error(`Baseline log (${BASELINE_LOG}):\n${serverLogTail(baseline)}`)
	} finally {
		await stopAll()
		process.off('SIGINT', onInterrupt)
	}
	Object.assign(summary, { connections: CONNECTIONS, duration_s: DURATION_S, rounds: ROUNDS, load_avg_end: loadNow() })
	console.log(JSON.stringify(summary))
	return failed ? 1 : 0
}

/** The one-minute load average, for the JSON line. */
const loadNow = () => round(os.loadavg()[0]!, 2)

process.exitCode = await main()

// How fast the funnel view (issue 6) answers at 50,000 and at 1,000,000 households (a national
// hub's five years). `npm run bench:funnel` builds, then runs this. Runs offline.
//
// Data: seed:bench households spread over five years, about six timeline entries each, with their
// FunnelFact rows, one file per size under tests/.tmp (tests/bench/funnel-data.ts): reused when
// it was made by the same generator with the same settings, since a million take minutes.
//
// What is timed, per size and per view (period mode, cohort mode, a breakdown other than the
// default, a channel filter), over the page's default dates (the last 12 months) as of the day the
// data was made, given in each page's address so the page and its SQL count the same dates:
// - the SQL the page runs for the view: the model's own statements (funnelStatements in
//   app/models/funnel.server.ts, so the bench cannot drift from the page), straight on the file
//   with better-sqlite3 as the server would, one after another: always;
// - the page itself (/staff/funnel): the round trip on loopback from the request to the whole
//   body, one request at a time, a manager signed in, as bench:pipeline does.
//
// Settings (environment): BENCH_PORT (3540), BENCH_SMALL (50000), BENCH_LARGE (1000000; 0 skips
// it), BENCH_EVENTS_PER_HOUSEHOLD (6), BENCH_YEARS (5), BENCH_REQUESTS (15), BENCH_WARMUP (2),
// BENCH_FUNNEL_PAGES (a JSON object of view -> query string, to time other views than the defaults below).
import path from 'node:path'
import Database from 'better-sqlite3'
import { BREAKDOWNS, FUNNEL_PERIOD, parseFunnelQuery } from '~/domain/funnel.ts'
import type { CalendarDate } from '~/domain/working-days.ts'
import { funnelStatements } from '~/models/funnel.server.ts'
import { dataSet, megabytes, type DataSet } from './funnel-data.ts'
import { TMP_DIR } from '../support/database.ts'
import {
	serverLogTail,
	signInManager,
	startServer,
	stopServer,
	summarise,
	waitForHealth,
	type Timing,
} from './server.ts'

const PORT = Number(process.env.BENCH_PORT ?? 3540)
const SMALL = Number(process.env.BENCH_SMALL ?? 50_000)
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000)
const EVENTS_PER_HOUSEHOLD = Number(process.env.BENCH_EVENTS_PER_HOUSEHOLD ?? 6)
const YEARS = Number(process.env.BENCH_YEARS ?? 5)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
// Each statement on its own, to see which one a view's time goes to: fewer runs, the views are the figure.
const STATEMENT_RUNS = 5
const SERVER_LOG = path.join(TMP_DIR, 'bench-funnel-server.log')
// The targets on this machine (issue 14).
const TARGET_MS: Record<'small' | 'large', number> = { small: 60, large: 300 }

// Each view's choices on the page (its query string, without the dates).
const VIEW_CHOICES: Record<string, string> = {
	period: 'mode=period',
	cohort: 'mode=cohort',
	// A breakdown other than the default (channel), by a column with many values.
	breakdown: 'mode=period&by=district',
	channel: 'mode=cohort&channel=search',
	...(process.env.BENCH_FUNNEL_PAGES ? (JSON.parse(process.env.BENCH_FUNNEL_PAGES) as Record<string, string>) : {}),
}
const VIEWS = Object.keys(VIEW_CHOICES)

const log = (line: string) => console.log(line)

/** A view's query string with the page's default dates (the last 12 months) as of the data's day. */
function viewSearch(view: string, today: CalendarDate): string {
	const { from, to } = FUNNEL_PERIOD.preset.of(today)
	const params = new URLSearchParams(VIEW_CHOICES[view])
	for (const [field, date] of [
		['from', from],
		['to', to],
	] as const) {
		params.set(`${field}-day`, String(Number(date.slice(8, 10))))
		params.set(`${field}-month`, String(Number(date.slice(5, 7))))
		params.set(`${field}-year`, date.slice(0, 4))
	}
	return params.toString()
}

type Statement = { name: string; statement: Database.Statement; values: unknown[] }

/** The statements the page runs for a view, prepared on the file. */
function viewStatements(db: Database.Database, search: string, today: CalendarDate): Statement[] {
	const channels = (db.prepare('SELECT "key" FROM "Channel"').all() as { key: string }[]).map((row) => row.key)
	const { query, errors } = parseFunnelQuery(new URLSearchParams(search), today, channels, BREAKDOWNS)
	if (!query) throw new Error(`The view ${search} is not a valid funnel query: ${JSON.stringify(errors)}`)
	return funnelStatements(query).map(({ name, sql }) => ({
		name,
		statement: db.prepare(sql.sql),
		values: sql.values,
	}))
}

function timeStatements(statements: Statement[], runs = REQUESTS): Timing {
	const run = () => {
		const started = performance.now()
		for (const { statement, values } of statements) statement.all(...values)
		return performance.now() - started
	}
	for (let i = 0; i < WARMUP; i++) run()
	return summarise(Array.from({ length: runs }, run))
}

function measureSql(set: DataSet, label: string): Record<string, Timing> {
	const db = new Database(set.file, { readonly: true, fileMustExist: true })
	try {
		const result: Record<string, Timing> = {}
		for (const view of VIEWS) {
			const statements = viewStatements(db, viewSearch(view, set.today), set.today)
			result[view] = timeStatements(statements)
			log(`  ${label} ${view.padEnd(9)} SQL median ${result[view].median} ms, p90 ${result[view].p90} ms`)
			for (const statement of statements) {
				const { median } = timeStatements([statement], STATEMENT_RUNS)
				log(`    ${statement.name.padEnd(40)} ${String(median).padStart(7)} ms`)
			}
		}
		return result
	} finally {
		db.close()
	}
}

async function timedGet(origin: string, pathname: string, cookie: string): Promise<number> {
	const started = performance.now()
	const response = await fetch(`${origin}${pathname}`, {
		headers: { cookie, accept: 'text/html', 'accept-encoding': 'gzip' },
		redirect: 'manual',
	})
	await response.text()
	if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`)
	return performance.now() - started
}

async function measurePages(set: DataSet, label: string): Promise<Record<string, Timing>> {
	const cookie = signInManager(set.file)
	const server = startServer({ port: PORT, databaseFile: set.file, log: SERVER_LOG })
	const onInterrupt = () => void stopServer(server).finally(() => process.exit(130))
	process.once('SIGINT', onInterrupt)
	try {
		await waitForHealth(server)
		const pages = Object.fromEntries(VIEWS.map((view) => [view, `/staff/funnel?${viewSearch(view, set.today)}`]))
		// Every view once warm: the first view timed would otherwise pay for compiling the server's code.
		for (let i = 0; i < WARMUP; i++) for (const view of VIEWS) await timedGet(server.origin, pages[view]!, cookie)
		const result: Record<string, Timing> = {}
		for (const view of VIEWS) {
			const page = pages[view]!
			const samples: number[] = []
			for (let i = 0; i < REQUESTS; i++) samples.push(await timedGet(server.origin, page, cookie))
			result[view] = summarise(samples)
			log(`  ${label} ${view.padEnd(9)} page median ${result[view].median} ms, p90 ${result[view].p90} ms  ${page}`)
		}
		return result
	} catch (error) {
		console.error(`Server log (${SERVER_LOG}):\n${serverLogTail(server)}`)
		throw error
	} finally {
		await stopServer(server)
		process.off('SIGINT', onInterrupt)
	}
}

async function main() {
	const sizes = [
		{ label: 'small' as const, households: SMALL },
		...(LARGE > 0 ? [{ label: 'large' as const, households: LARGE }] : []),
	]
	const summary: Record<string, unknown> = { small_median_ms: null, large_median_ms: null }
	for (const { label, households } of sizes) {
		log(`\n${label}: ${households.toLocaleString('en-GB')} households`)
		const set = dataSet({ households, eventsPerHousehold: EVENTS_PER_HOUSEHOLD, years: YEARS, seed: 1 }, log)
		const { from, to } = FUNNEL_PERIOD.preset.of(set.today)
		log(
			`  ${megabytes(set.bytes)} MB, written in ${set.seconds} s${
				set.reused ? ' (earlier)' : ''
			}; dates ${from} to ${to}`
		)
		const sql = measureSql(set, label)
		const pages = await measurePages(set, label)
		// The slowest view is the figure held against the target.
		const worst = Math.max(...VIEWS.map((view) => pages[view]!.median))
		const verdict = worst < TARGET_MS[label] ? 'within' : 'OVER'
		log(`  ${label}: slowest view ${worst} ms (${verdict} the ${TARGET_MS[label]} ms target)`)
		summary[`${label}_median_ms`] = worst
		summary[`${label}_households`] = households
		summary[`${label}_file_mb`] = megabytes(set.bytes)
		summary[`${label}_generation_s`] = set.seconds
		for (const view of VIEWS) {
			summary[`${label}_${view}_median_ms`] = pages[view]!.median
			summary[`${label}_${view}_sql_median_ms`] = sql[view]!.median
		}
	}
	Object.assign(summary, {
		measured:
			'funnel page round trip on loopback, one request at a time, whole body read; the slowest view (SQL: the page’s own statements)',
		views: VIEW_CHOICES,
		range: 'the page’s default dates (last 12 months) as of the data’s day',
		requests_each: REQUESTS,
	})
	console.log(JSON.stringify(summary))
	return 0
}

process.exitCode = await main()

// How fast the funnel view (issue 6) answers at 50,000 and at 1,000,000 households (a national
// hub's five years). `npm run bench:funnel` builds, then runs this. Runs offline.
//
// Data: seed:bench households spread over five years, about six timeline entries each, with their
// FunnelFact rows, one file per size under tests/.tmp (tests/bench/funnel-data.ts): reused when
// it was made by the same generator with the same settings, since a million take minutes.
//
// What is timed, per size and per view (period mode, cohort mode, one breakdown), over the last
// 12 months of the data:
// - the SQL each view runs (tests/bench/funnel-queries.ts), straight on the file with
//   better-sqlite3 as the server would, one view's queries one after another: always;
// - the page itself, when the build has it (/staff/funnel): the round trip on loopback from the
//   request to the whole body, one request at a time, a manager signed in, as bench:pipeline does.
// Until the page exists, the figures in the last line are the SQL ones, and say so.
//
// Settings (environment): BENCH_PORT (3540), BENCH_SMALL (50000), BENCH_LARGE (1000000; 0 skips
// it), BENCH_EVENTS_PER_HOUSEHOLD (6), BENCH_YEARS (5), BENCH_REQUESTS (15), BENCH_WARMUP (2),
// BENCH_FUNNEL_PAGES (a JSON object of view -> path, to time other URLs than the defaults below).
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { addCalendarDays, addMonths } from '~/domain/working-days.ts'
import { dataSet, megabytes, type DataSet } from './funnel-data.ts'
import { ALTERNATIVES, FUNNEL_VIEWS, type FunnelQuery } from './funnel-queries.ts'
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

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const PORT = Number(process.env.BENCH_PORT ?? 3540)
const SMALL = Number(process.env.BENCH_SMALL ?? 50_000)
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000)
const EVENTS_PER_HOUSEHOLD = Number(process.env.BENCH_EVENTS_PER_HOUSEHOLD ?? 6)
const YEARS = Number(process.env.BENCH_YEARS ?? 5)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 15)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
// Each query on its own, to see which one a view's time goes to: fewer runs, the views are the figure.
const QUERY_RUNS = 5
const SERVER_LOG = path.join(TMP_DIR, 'bench-funnel-server.log')
// The targets on this machine.
const TARGET_MS: Record<'small' | 'large', number> = { small: 100, large: 1000 }

type View = keyof typeof FUNNEL_VIEWS
const VIEWS = Object.keys(FUNNEL_VIEWS) as View[]
const PAGES: Record<View, string> = {
	period: '/staff/funnel?mode=period',
	cohort: '/staff/funnel?mode=cohort',
	breakdown: '/staff/funnel?mode=cohort&channel=search',
	...(process.env.BENCH_FUNNEL_PAGES
		? (JSON.parse(process.env.BENCH_FUNNEL_PAGES) as Partial<Record<View, string>>)
		: {}),
}
// Pages given in BENCH_FUNNEL_PAGES are timed whether or not the funnel route exists yet.
const pageBuilt = () =>
	(Boolean(process.env.BENCH_FUNNEL_PAGES) || fs.existsSync(path.join(ROOT, 'app', 'routes', 'staff.funnel.tsx'))) &&
	fs.existsSync(path.join(ROOT, 'build', 'server.js'))

const log = (line: string) => console.log(line)

/** The range measured: the last 12 months of the data, as the page shows by default. */
function lastTwelveMonths(set: DataSet) {
	return { from: addCalendarDays(addMonths(set.today, -12), 1), to: set.today }
}

function timeQueries(
	db: Database.Database,
	queries: FunnelQuery[],
	params: Record<string, string>,
	runs = REQUESTS
): Timing {
	const statements = queries.map((query) => db.prepare(query.sql))
	const run = () => {
		const started = performance.now()
		for (const statement of statements) statement.all(params)
		return performance.now() - started
	}
	for (let i = 0; i < WARMUP; i++) run()
	return summarise(Array.from({ length: runs }, run))
}

type SqlResult = Record<View, Timing> & { queries: Record<string, number> }

function measureSql(set: DataSet, label: string): SqlResult {
	const db = new Database(set.file, { readonly: true, fileMustExist: true })
	try {
		const params = lastTwelveMonths(set)
		const result = { queries: {} } as SqlResult
		for (const view of VIEWS) {
			result[view] = timeQueries(db, FUNNEL_VIEWS[view], params)
			log(`  ${label} ${view.padEnd(9)} SQL median ${result[view].median} ms, p90 ${result[view].p90} ms`)
		}
		const all = [...new Set([...VIEWS.flatMap((view) => FUNNEL_VIEWS[view]), ...ALTERNATIVES])]
		for (const query of all) {
			const { median } = timeQueries(db, [query], params, QUERY_RUNS)
			result.queries[query.name] = median
			log(
				`    ${query.name.padEnd(42)} ${String(median).padStart(7)} ms${
					ALTERNATIVES.includes(query) ? ' (not used)' : ''
				}`
			)
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

async function measurePages(set: DataSet, label: string): Promise<Record<View, Timing>> {
	const cookie = signInManager(set.file)
	const server = startServer({ port: PORT, databaseFile: set.file, log: SERVER_LOG })
	const onInterrupt = () => void stopServer(server).finally(() => process.exit(130))
	process.once('SIGINT', onInterrupt)
	try {
		await waitForHealth(server)
		const result = {} as Record<View, Timing>
		for (const view of VIEWS) {
			for (let i = 0; i < WARMUP; i++) await timedGet(server.origin, PAGES[view], cookie)
			const samples: number[] = []
			for (let i = 0; i < REQUESTS; i++) samples.push(await timedGet(server.origin, PAGES[view], cookie))
			result[view] = summarise(samples)
			log(
				`  ${label} ${view.padEnd(9)} page median ${result[view].median} ms, p90 ${result[view].p90} ms  ${PAGES[view]}`
			)
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
	const withPage = pageBuilt()
	const summary: Record<string, unknown> = { small_median_ms: null, large_median_ms: null }
	for (const { label, households } of sizes) {
		log(`\n${label}: ${households.toLocaleString('en-GB')} households`)
		const set = dataSet({ households, eventsPerHousehold: EVENTS_PER_HOUSEHOLD, years: YEARS, seed: 1 }, log)
		const { from, to } = lastTwelveMonths(set)
		log(
			`  ${megabytes(set.bytes)} MB, written in ${set.seconds} s${
				set.reused ? ' (earlier)' : ''
			}; range ${from} to ${to}`
		)
		const sql = measureSql(set, label)
		const pages = withPage ? await measurePages(set, label) : null
		const timings = pages ?? sql
		// The slowest view is the figure held against the target.
		const worst = Math.max(...VIEWS.map((view) => timings[view].median))
		const verdict = worst < TARGET_MS[label] ? 'within' : 'OVER'
		log(`  ${label}: slowest view ${worst} ms (${verdict} the ${TARGET_MS[label]} ms target)`)
		summary[`${label}_median_ms`] = worst
		summary[`${label}_households`] = households
		summary[`${label}_file_mb`] = megabytes(set.bytes)
		summary[`${label}_generation_s`] = set.seconds
		for (const view of VIEWS) {
			summary[`${label}_${view}_median_ms`] = timings[view].median
			summary[`${label}_${view}_sql_median_ms`] = sql[view].median
		}
	}
	Object.assign(summary, {
		measured: withPage
			? 'funnel page round trip on loopback, one request at a time, whole body read; the slowest view'
			: 'SQL only (the funnel page is not built yet): each view’s queries in turn; the slowest view',
		range: 'last 12 months',
		requests_each: REQUESTS,
	})
	console.log(JSON.stringify(summary))
	return 0
}

process.exitCode = await main()

// How long the response-time report's loader takes on a database of your choice, e.g. the
// seed:bench data:
//   cp .data/app.db /tmp/bench.db
//   npm run seed:bench -- --households 10000 --database /tmp/bench.db --reset
//   DATABASE_URL=file:/tmp/bench.db npx tsx tests/bench/response-report.ts
// Times the default period (the last 13 full weeks) and the last year, mainstream, three runs each
// (the first is cold). The loader is called directly: no HTTP, no rendering.
import { addCalendarDays } from '~/domain/working-days.ts'
import { RESPONSE_PERIOD, type ReportQuery } from '~/domain/response-report.ts'

const { loadResponseReport } = await import('~/models/response-report.server.ts')
const { today } = await import('~/utils/clock.server.ts')

const quarter = RESPONSE_PERIOD.preset.of(today())
const year = { from: addCalendarDays(quarter.to, -364), to: quarter.to }
for (const [label, period] of [
	['13 weeks', quarter],
	['one year', year],
] as const) {
	const query: ReportQuery = { period, route: 'mainstream', page: 1 }
	for (let run = 1; run <= 3; run++) {
		const started = performance.now()
		const report = await loadResponseReport(query, { personal: true, breachesPage: 1 })
		const clocks = report.clocks.reduce((total, clock) => total + clock.summary.started, 0)
		console.log(
			`${label} (${period.from} to ${period.to}), run ${run}: ${Math.round(performance.now() - started)} ms, ` +
				`${clocks} clocks, ${report.breaches?.total ?? 0} breaches`
		)
	}
}

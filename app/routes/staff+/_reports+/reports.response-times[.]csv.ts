import type { LoaderFunctionArgs } from '@remix-run/node'
import { spreadsheetSafe, toCsv } from '~/domain/csv.ts'
import { formatShare, parseReportQuery } from '~/domain/response-report.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { loadResponseReport, recordBreachesExport } from '~/models/response-report.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// The response-time report's tables as CSV, for the same period and route as the page:
// ?table=weekly (aggregates, anyone who may see the report) or ?table=breaches (households by
// name: staff who may see households, and each household exported goes in its audit log).

const plain = (text: string, status: number) =>
	new Response(text, { status, headers: { ...STAFF_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })

/** Numbers as a spreadsheet reads them: no thousands separators, blank for none. */
const cell = (value: number | null) => (value === null ? '' : String(Math.round(value * 10) / 10))

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const table = url.searchParams.get('table')
	if (table !== 'weekly' && table !== 'breaches') return plain('Choose the weekly figures or the targets missed', 404)
	const { user } = await requireStaff(request, {
		roles: table === 'breaches' ? ROLES_THAT.viewHouseholds : ROLES_THAT.viewFunnel,
	})
	const { query, errors } = parseReportQuery(url.searchParams, today())
	if (!query) return plain(errors.map((error) => error.message).join('\n'), 400)
	const report = await loadResponseReport(query, { personal: table === 'breaches', breachesPage: 'all' })
	const { from, to } = query.period

	let rows: string[][]
	if (table === 'weekly') {
		rows = [
			[
				'Week starting',
				'Enquiries',
				'With an outcome',
				'Within target',
				'Share within target',
				'Median (working hours)',
				'90th percentile (working hours)',
				'Median (working days)',
				'90th percentile (working days)',
			],
			...report.firstContact.weeks.map(({ key, summary }) => [
				key,
				String(summary.started),
				String(summary.counted),
				String(summary.within),
				summary.share === null ? '' : formatShare(summary.share),
				cell(summary.medianHours),
				cell(summary.p90Hours),
				cell(summary.median),
				cell(summary.p90),
			]),
		]
	} else {
		const breaches = report.breaches!.rows
		await recordBreachesExport(
			user.id,
			breaches.map((row) => row.householdId)
		)
		rows = [
			['Household', 'Reference', 'Clock', 'Status', 'Started', 'Deadline', 'Ended', 'Days late'],
			...breaches.map((row) => [
				spreadsheetSafe(row.name),
				row.reference,
				row.clock,
				row.status === 'overdue' ? 'Overdue' : 'Missed',
				row.startedOn,
				row.deadline,
				row.endedOn ?? '',
				String(row.daysLate),
			]),
		]
	}
	// A byte order mark, so Excel opens the file as UTF-8 (names like Siobhán stay intact).
	return new Response(`\uFEFF${toCsv(rows)}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="response-times-${table}-${query.route}-${from}-to-${to}.csv"`,
		},
	})
}

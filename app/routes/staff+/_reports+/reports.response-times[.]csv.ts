import type { LoaderFunctionArgs } from '@remix-run/node'
import { chosenTable, csvFileName } from '~/domain/report-table.ts'
import { parseReportQuery } from '~/domain/response-report.ts'
import { PERSONAL_TABLES, RESPONSE_TABLES, responseTable } from '~/domain/response-report-tables.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { loadResponseReport, recordBreachesExport } from '~/models/response-report.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { csvRefusal, tableCsvResponse } from '~/utils/csv-response.server.ts'

// The response-time report's tables as CSV, for the same period and route as the page
// (?table=weekly|channels|officers|clocks|breaches), from the same definitions as the page
// (app/domain/response-report-tables.ts). The tables that name people (by officer, and the
// targets missed, households by name) are for staff who may see households; each household in an
// export of the targets missed goes in its audit log. The targets missed are all of them, not a page.

export async function loader({ request }: LoaderFunctionArgs) {
	const params = new URL(request.url).searchParams
	const table = chosenTable(params, RESPONSE_TABLES)
	if (!table) return csvRefusal('Choose one of the response-time report’s tables', 404)
	const personal = PERSONAL_TABLES.includes(table)
	const { user } = await requireStaff(request, { roles: personal ? ROLES_THAT.viewHouseholds : ROLES_THAT.viewFunnel })
	const { query, errors } = parseReportQuery(params, today())
	if (!query) return csvRefusal(errors.map((error) => error.message).join('\n'), 400)
	const report = await loadResponseReport(query, { personal, breachesPage: 'all' })
	if (table === 'breaches') {
		await recordBreachesExport(
			user.id,
			report.breaches!.rows.map((row) => row.householdId)
		)
	}
	return tableCsvResponse(
		responseTable(table, report)!,
		csvFileName('response-times', table, query.route, query.period)
	)
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { annualReturnCsvRows, annualReturnTables } from '~/domain/annual-return-tables.ts'
import { ofstedYear, ofstedYearChoices, parseOfstedYear } from '~/domain/report-period.ts'
import { csvFileName } from '~/domain/report-table.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { earliestEnquiry, loadAnnualReturn } from '~/models/annual-return.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { csvRefusal, csvResponse } from '~/utils/csv-response.server.ts'

// The annual return as one CSV (?year=2026 for 1 April 2025 to 31 March 2026), from the same
// tables as the page, so the file's numbers are the page's.

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const years = ofstedYearChoices(today(), await earliestEnquiry())
	const { year, error } = parseOfstedYear(new URL(request.url).searchParams, years)
	if (!year) return csvRefusal(error ?? 'Select a year from the list', 400)
	const period = ofstedYear(year.year)
	const tables = annualReturnTables(await loadAnnualReturn(period), period)
	return csvResponse(annualReturnCsvRows(tables), csvFileName('annual-return', period, year.partial && 'so-far'))
}

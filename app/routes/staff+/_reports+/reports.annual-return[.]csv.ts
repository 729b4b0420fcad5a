import type { LoaderFunctionArgs } from '@remix-run/node'
import {
	annualReturnCsvRows,
	annualReturnTables,
	parseReturnYear,
	returnYearPeriod,
	returnYears,
} from '~/domain/annual-return.ts'
import { toCsv } from '~/domain/csv.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { earliestEnquiry, loadAnnualReturn } from '~/models/annual-return.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// The annual return as one CSV (?year=2026 for 1 April 2025 to 31 March 2026), from the same
// tables as the page, so the file's numbers are the page's.

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const years = returnYears(today(), await earliestEnquiry())
	const { year, error } = parseReturnYear(new URL(request.url).searchParams, years)
	if (!year) {
		return new Response(error, {
			status: 400,
			headers: { ...STAFF_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
		})
	}
	const period = returnYearPeriod(year.year)
	const tables = annualReturnTables(await loadAnnualReturn(period), period)
	return new Response(`\uFEFF${toCsv(annualReturnCsvRows(tables))}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="annual-return-${period.from}-to-${period.to}${
				year.partial ? '-so-far' : ''
			}.csv"`,
		},
	})
}

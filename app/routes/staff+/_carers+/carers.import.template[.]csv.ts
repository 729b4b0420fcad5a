import type { LoaderFunctionArgs } from '@remix-run/node'
import { carerTemplateRows } from '~/domain/carer-import.ts'
import { toCsv } from '~/domain/csv.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// The carers import template: the column headings and two example rows, to fill in or copy from.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	// A byte order mark, so Excel opens the file as UTF-8 (names like Siobhán stay intact).
	return new Response(`\uFEFF${toCsv(carerTemplateRows())}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="carers-import-template.csv"',
		},
	})
}

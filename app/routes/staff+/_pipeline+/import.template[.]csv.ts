import type { LoaderFunctionArgs } from '@remix-run/node'
import { toCsv } from '~/domain/csv.ts'
import { importTemplateRows } from '~/domain/pipeline-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// The import template: the column headings and two example rows, to fill in or copy from.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	// A byte order mark, so Excel opens the file as UTF-8 (names like Siobhán stay intact).
	return new Response(`\uFEFF${toCsv(importTemplateRows())}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="pipeline-import-template.csv"',
		},
	})
}

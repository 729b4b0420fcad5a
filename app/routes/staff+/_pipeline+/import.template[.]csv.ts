import type { LoaderFunctionArgs } from '@remix-run/node'
import { importTemplateRows } from '~/domain/pipeline-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { csvResponse } from '~/utils/csv-response.server.ts'

// The import template: the column headings and two example rows, to fill in or copy from.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	return csvResponse(importTemplateRows(), 'pipeline-import-template.csv')
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { carerTemplateRows } from '~/domain/carer-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { csvResponse } from '~/utils/csv-response.server.ts'

// The carers import template: the column headings and two example rows, to fill in or copy from.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	return csvResponse(carerTemplateRows(), 'carers-import-template.csv')
}

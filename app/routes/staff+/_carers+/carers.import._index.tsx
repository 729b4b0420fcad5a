import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ImportUpload } from '~/components/import-upload.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { CARER_IMPORT_COLUMNS, MAX_CARER_IMPORT_BYTES, MAX_CARER_IMPORT_ROWS } from '~/domain/carer-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { createCarerImport } from '~/models/carer-import.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { readCsvUpload } from '~/utils/csv-upload.server.ts'
import { BODY_LIMITS, readFormUnlessTooLarge } from '~/utils/read-form.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Step 1 of importing carers from a spreadsheet: the CSV format, a template, and the upload. The
// file is checked at once and kept as an import job; its page (/staff/carers/import/:jobId) shows
// every row's problems or the carers it would add, and runs the import in the background, as the
// households' import does (ADR 024).

export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Import carers from a spreadsheet').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const MAX_KB = MAX_CARER_IMPORT_BYTES / 1024
/** The columns as the help table names them: by the heading the file uses. */
const COLUMNS = CARER_IMPORT_COLUMNS.map((column) => ({ ...column, heading: <code>{column.key}</code> }))

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	return { csrfToken: session.csrfToken }
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	// A little over the file's limit for the form's other fields and the multipart boundaries.
	const form = await readFormUnlessTooLarge(request, {
		kind: 'upload',
		maxBytes: MAX_CARER_IMPORT_BYTES + BODY_LIMITS.form,
		session,
	})
	const upload = await readCsvUpload(form, {
		maxBytes: MAX_CARER_IMPORT_BYTES,
		limit: `${MAX_KB}KB`,
		fallbackName: 'carers.csv',
	})
	if (!upload.ok) return data({ error: upload.error }, { status: 400 })
	const id = await createCarerImport({ filename: upload.filename, text: upload.text, actor: session.user })
	throw redirect(`/staff/carers/import/${id}`, 303)
}

export default function ImportCarers() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<div className="govuk-grid-row">
			<PageTitle
				title="Import carers from a spreadsheet"
				serviceName={serviceName}
				area="staff"
				error={Boolean(result?.error)}
			/>
			<div className="govuk-grid-column-full">
				<Link to="/staff/carers" className="govuk-back-link">
					Back to carers
				</Link>
				<div className="govuk-grid-row">
					<div className="govuk-grid-column-two-thirds">
						<ImportUpload
							heading="Import carers from a spreadsheet"
							intro="Add the carers your service already has, so they can refer a friend. Each one gets a referral code."
							templateHref="/staff/carers/import/template.csv"
							csrfToken={page.csrfToken}
							error={result?.error}
							labelSize="s"
							fileHint={
								<>
									Save your spreadsheet as CSV (comma separated values). The file must be smaller than {MAX_KB}KB, with
									at most {MAX_CARER_IMPORT_ROWS.toLocaleString('en-GB')} carers.
								</>
							}
							columns={COLUMNS}
							smallTable
						/>
					</div>
				</div>
			</div>
		</div>
	)
}

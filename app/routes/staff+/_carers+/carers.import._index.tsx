import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { CARER_IMPORT_COLUMNS, MAX_CARER_IMPORT_BYTES, MAX_CARER_IMPORT_ROWS } from '~/domain/carer-import.ts'
import { decodeCsvBytes } from '~/domain/csv.ts'
import { cleanText } from '~/domain/enquiry-form.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { createCarerImport } from '~/models/carer-import.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
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
export const CARER_UPLOAD_MESSAGES = {
	missing: 'Select a CSV file',
	notCsv: 'The selected file must be a CSV',
	tooBig: `The selected file must be smaller than ${MAX_KB}KB`,
	empty: 'The selected file is empty',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	return { csrfToken: session.csrfToken }
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const refuse = (message: string) => data({ error: message }, { status: 400 })
	// A little over the file's limit for the form's other fields and the multipart boundaries.
	const form = await readFormUnlessTooLarge(request, {
		kind: 'upload',
		maxBytes: MAX_CARER_IMPORT_BYTES + BODY_LIMITS.form,
		session,
	})
	if (!form) return refuse(CARER_UPLOAD_MESSAGES.tooBig)
	const file = form.get('file')
	if (!(file instanceof Blob) || !('name' in file) || (file.size === 0 && !file.name))
		return refuse(CARER_UPLOAD_MESSAGES.missing)
	const filename = cleanText(String(file.name).split(/[\\/]/).pop()).slice(0, 200) || 'carers.csv'
	if (!/\.csv$/i.test(filename)) return refuse(CARER_UPLOAD_MESSAGES.notCsv)
	if (file.size === 0) return refuse(CARER_UPLOAD_MESSAGES.empty)
	if (file.size > MAX_CARER_IMPORT_BYTES) return refuse(CARER_UPLOAD_MESSAGES.tooBig)
	const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
	const id = await createCarerImport({ filename, text, actor: session.user })
	throw redirect(`/staff/carers/import/${id}`, 303)
}

export default function ImportCarers() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<div className="govuk-grid-row">
			<title>{`${result?.error ? 'Error: ' : ''}Import carers from a spreadsheet – ${serviceName} staff`}</title>
			<div className="govuk-grid-column-full">
				<Link to="/staff/carers" className="govuk-back-link">
					Back to carers
				</Link>
				<Upload csrfToken={page.csrfToken} error={result?.error} />
			</div>
		</div>
	)
}

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): the upload form with its help text; share the upload-with-preview component
function Upload({ csrfToken, error }: { csrfToken: string; error?: string }) {
	const navigation = useNavigation()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={error ? [{ field: 'file', message: error }] : []} />
				<h1 className="govuk-heading-l">Import carers from a spreadsheet</h1>
				<p className="govuk-body">
					Add the carers your service already has, so they can refer a friend. Each one gets a referral code.
				</p>
				<p className="govuk-body">
					You will see every problem row by row before anything is imported. Nothing is imported until every row is
					right, and then the whole file is imported at once.
				</p>
				<p className="govuk-body">
					<a className="govuk-link" href="/staff/carers/import/template.csv" download>
						Download the template (CSV)
					</a>
				</p>
				<Form method="post" encType="multipart/form-data" noValidate>
					<CsrfField token={csrfToken} />
					<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
						<label className="govuk-label govuk-label--s" htmlFor="file">
							Upload a CSV file
						</label>
						<div id="file-hint" className="govuk-hint">
							Save your spreadsheet as CSV (comma separated values). The file must be smaller than {MAX_KB}KB, with at
							most {MAX_CARER_IMPORT_ROWS.toLocaleString('en-GB')} carers.
						</div>
						{error ? (
							<p id="file-error" className="govuk-error-message">
								<span className="govuk-visually-hidden">Error:</span> {error}
							</p>
						) : null}
						<input
							className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
							id="file"
							name="file"
							type="file"
							accept=".csv,text/csv"
							aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
						/>
					</div>
					<button
						type="submit"
						className="govuk-button"
						data-module="govuk-button"
						disabled={navigation.state === 'submitting'}
					>
						Check the file
					</button>
				</Form>

				<h2 className="govuk-heading-m">What the file must contain</h2>
				<p className="govuk-body">
					The first row names the columns, as in the template; the columns may be in any order, and other columns are
					left out.
				</p>
				<table className="govuk-table govuk-!-font-size-16">
					<caption className="govuk-table__caption govuk-table__caption--s">Columns</caption>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Column
							</th>
							<th scope="col" className="govuk-table__header">
								Required
							</th>
							<th scope="col" className="govuk-table__header">
								What to put in it
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{CARER_IMPORT_COLUMNS.map((column) => (
							<tr className="govuk-table__row" key={column.key}>
								<th scope="row" className="govuk-table__header">
									<code>{column.key}</code>
								</th>
								<td className="govuk-table__cell">{column.required ? 'Yes' : 'No'}</td>
								<td className="govuk-table__cell">{column.about}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</div>
	)
}

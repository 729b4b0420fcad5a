import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { REFERRER_KIND_LABELS } from '~/domain/bonus-scheme.ts'
import { CARER_IMPORT_COLUMNS, MAX_CARER_IMPORT_BYTES, MAX_CARER_IMPORT_ROWS } from '~/domain/carer-import.ts'
import { decodeCsvBytes } from '~/domain/csv.ts'
import { cleanText } from '~/domain/enquiry-form.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { checkCarerFile, importCarerFile } from '~/models/carer-import.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { BODY_LIMITS, readFormUnlessTooLarge } from '~/utils/read-form.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Importing carers from a spreadsheet in two steps on one page: upload the CSV and see every row's
// problems (or the carers it would add), then import. The checked file travels in the preview's
// form (carers are counted in hundreds), and it is checked again when imported: nothing is
// imported unless every row is right, and then all of it at once.

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
const PREVIEW_ROWS = 50
const ERROR_ROWS = 200

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	return { csrfToken: session.csrfToken }
}

type Checked = Awaited<ReturnType<typeof checkCarerFile>>

/** What the page shows after a file was checked: the file itself goes back in the form to import it. */
function preview(filename: string, text: string, checked: Checked) {
	const rowsWithErrors = new Set(checked.errors.map((error) => error.row)).size
	const fileError = checked.errors.find((error) => error.row === null)?.message ?? null
	return {
		filename,
		file: Buffer.from(text, 'utf8').toString('base64'),
		fileError,
		totalRows: checked.carers.length + rowsWithErrors,
		ready: checked.carers.length,
		rowsWithErrors: fileError ? null : rowsWithErrors,
		errorCount: checked.errors.length,
		errors: checked.errors.slice(0, ERROR_ROWS),
		ignoredColumns: checked.ignoredColumns,
		carers: checked.carers.slice(0, PREVIEW_ROWS).map((carer) => ({
			row: carer.row,
			name: carer.name,
			email: carer.email,
			kind: REFERRER_KIND_LABELS[carer.kind],
			approvedOn: carer.approvedOn ? formatDate(carer.approvedOn) : 'Not known',
			shortBreakOnly: carer.shortBreakOnly ? 'Yes' : 'No',
		})),
	}
}

type ActionResult = { error: string; preview?: undefined } | { error?: undefined; preview: ReturnType<typeof preview> }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const refuse = (message: string) => data<ActionResult>({ error: message }, { status: 400 })

	// One read for both steps: the upload (multipart, with the file) and the checked file sent back
	// from the preview's form (its text in a field), each a little over the file's limit.
	const form = await readFormUnlessTooLarge(request, {
		kind: 'form',
		maxBytes: Math.ceil((MAX_CARER_IMPORT_BYTES * 4) / 3) + BODY_LIMITS.form,
		session,
	})
	if (!form) return refuse(CARER_UPLOAD_MESSAGES.tooBig)

	// The second step: the checked file, sent back from the preview's form.
	if (!form.has('file') || typeof form.get('file') === 'string') {
		const filename = cleanText(form.get('filename')).slice(0, 200) || 'carers.csv'
		const text = Buffer.from(String(form.get('file') ?? ''), 'base64').toString('utf8')
		if (text.length > MAX_CARER_IMPORT_BYTES) return refuse(CARER_UPLOAD_MESSAGES.tooBig)
		const result = await importCarerFile({ text, filename, actor: session.user })
		// Someone added one of these carers since the preview: show the file's problems as they are now.
		if (!result.ok) return data<ActionResult>({ preview: preview(filename, text, result.checked) }, { status: 409 })
		throw redirect(`/staff/carers?imported=${result.imported}`, 303)
	}

	const file = form.get('file')
	if (!(file instanceof Blob) || !('name' in file) || (file.size === 0 && !file.name))
		return refuse(CARER_UPLOAD_MESSAGES.missing)
	const filename = cleanText(String(file.name).split(/[\\/]/).pop()).slice(0, 200) || 'carers.csv'
	if (!/\.csv$/i.test(filename)) return refuse(CARER_UPLOAD_MESSAGES.notCsv)
	if (file.size === 0) return refuse(CARER_UPLOAD_MESSAGES.empty)
	if (file.size > MAX_CARER_IMPORT_BYTES) return refuse(CARER_UPLOAD_MESSAGES.tooBig)
	const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
	const checked = await checkCarerFile(text)
	return data<ActionResult>(
		{ preview: preview(filename, text, checked) },
		{ status: checked.errors.length > 0 ? 400 : 200 }
	)
}

export default function ImportCarers() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const checked = result?.preview
	const hasErrors = Boolean(result?.error || (checked && checked.errorCount > 0))
	const title = checked ? 'Check the carers to import' : 'Import carers from a spreadsheet'
	return (
		<div className="govuk-grid-row">
			<title>{`${hasErrors ? 'Error: ' : ''}${title} – ${serviceName} staff`}</title>
			<div className="govuk-grid-column-full">
				<Link to="/staff/carers" className="govuk-back-link">
					Back to carers
				</Link>
				{checked ? <Preview checked={checked} csrfToken={page.csrfToken} /> : null}
				<Upload csrfToken={page.csrfToken} error={result?.error} again={Boolean(checked)} />
			</div>
		</div>
	)
}

function Preview({ checked, csrfToken }: { checked: ReturnType<typeof preview>; csrfToken: string }) {
	const navigation = useNavigation()
	return (
		<>
			{checked.errorCount > 0 ? (
				<ErrorSummary
					errors={[
						{
							field: 'row-errors',
							message:
								checked.fileError ??
								`${checked.rowsWithErrors} ${
									checked.rowsWithErrors === 1 ? 'row has' : 'rows have'
								} errors: nothing has been imported`,
						},
					]}
				/>
			) : null}
			<span className="govuk-caption-l">{checked.filename}</span>
			<h1 className="govuk-heading-l">Check the carers to import</h1>
			<dl className="govuk-summary-list" data-testid="import-summary">
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Rows in the file</dt>
					<dd className="govuk-summary-list__value">
						{checked.fileError ? 'The file could not be read' : checked.totalRows}
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Carers ready to import</dt>
					<dd className="govuk-summary-list__value">{checked.ready}</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Rows with errors</dt>
					<dd className="govuk-summary-list__value">{checked.rowsWithErrors ?? 'The file could not be read'}</dd>
				</div>
				{checked.ignoredColumns.length > 0 ? (
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Columns left out</dt>
						<dd className="govuk-summary-list__value">{checked.ignoredColumns.join(', ')}</dd>
					</div>
				) : null}
			</dl>

			{checked.errorCount > 0 ? (
				<>
					<h2 className="govuk-heading-m" id="row-errors" tabIndex={-1}>
						Errors to correct
					</h2>
					<table className="govuk-table govuk-!-font-size-16" data-testid="import-errors">
						<caption className="govuk-table__caption govuk-visually-hidden">Errors by row and column</caption>
						<thead className="govuk-table__head">
							<tr className="govuk-table__row">
								<th scope="col" className="govuk-table__header">
									Row
								</th>
								<th scope="col" className="govuk-table__header">
									Column
								</th>
								<th scope="col" className="govuk-table__header">
									Error
								</th>
							</tr>
						</thead>
						<tbody className="govuk-table__body">
							{checked.errors.map((error, index) => (
								<tr className="govuk-table__row" key={index}>
									<td className="govuk-table__cell">{error.row ?? 'File'}</td>
									<td className="govuk-table__cell">{error.column ?? ''}</td>
									<td className="govuk-table__cell">{error.message}</td>
								</tr>
							))}
						</tbody>
					</table>
					{checked.errorCount > checked.errors.length ? (
						<p className="govuk-body">
							And {checked.errorCount - checked.errors.length} more errors: correct these and check the file again.
						</p>
					) : null}
					<p className="govuk-body">Nothing has been imported. Correct the file and upload it again.</p>
				</>
			) : (
				<Form method="post">
					<CsrfField token={csrfToken} />
					<input type="hidden" name="filename" value={checked.filename} />
					<input type="hidden" name="file" value={checked.file} />
					<button
						type="submit"
						className="govuk-button"
						data-module="govuk-button"
						disabled={navigation.state === 'submitting'}
					>
						{checked.ready === 1 ? 'Import 1 carer' : `Import ${checked.ready} carers`}
					</button>
				</Form>
			)}

			{checked.carers.length > 0 ? (
				<table className="govuk-table govuk-!-font-size-16" data-testid="import-preview">
					<caption className="govuk-table__caption govuk-table__caption--m">
						{checked.ready > checked.carers.length
							? `The first ${checked.carers.length} carers ready to import`
							: 'Carers ready to import'}
					</caption>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							{['Row', 'Name', 'Email address', 'Kind', 'Approved', 'Short breaks only'].map((heading) => (
								<th scope="col" className="govuk-table__header" key={heading}>
									{heading}
								</th>
							))}
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{checked.carers.map((carer) => (
							<tr className="govuk-table__row" key={carer.row}>
								<td className="govuk-table__cell">{carer.row}</td>
								<td className="govuk-table__cell">{carer.name}</td>
								<td className="govuk-table__cell govuk-!-text-break-word">{carer.email}</td>
								<td className="govuk-table__cell">{carer.kind}</td>
								<td className="govuk-table__cell app-nowrap">{carer.approvedOn}</td>
								<td className="govuk-table__cell">{carer.shortBreakOnly}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : null}
		</>
	)
}

function Upload({ csrfToken, error, again }: { csrfToken: string; error?: string; again: boolean }) {
	const navigation = useNavigation()
	const Heading = again ? 'h2' : 'h1'
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={error ? [{ field: 'file', message: error }] : []} />
				<Heading className={again ? 'govuk-heading-m' : 'govuk-heading-l'}>
					{again ? 'Upload another file' : 'Import carers from a spreadsheet'}
				</Heading>
				{again ? null : (
					<>
						<p className="govuk-body">
							Add the carers your service already has, so they can refer a friend. Each one gets a referral code.
						</p>
						<p className="govuk-body">
							You will see every problem row by row before anything is imported. Nothing is imported until every row is
							right, and then the whole file is imported at once.
						</p>
					</>
				)}
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
						className={`govuk-button${again ? ' govuk-button--secondary' : ''}`}
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

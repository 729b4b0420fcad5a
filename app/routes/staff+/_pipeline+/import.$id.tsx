import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { formatDate } from '~/domain/working-days.ts'
import { findImportJob, importedByStage, previewImport, startImport } from '~/models/imports.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// One import: the preview with every row's errors (checked), the progress while it runs
// (importing: the page refreshes itself every 2 seconds, with or without JavaScript), and the
// result (imported, or failed with nothing imported).

const ERRORS_PER_PAGE = 100
const TITLES = {
	checked: 'Check the import',
	importing: 'Importing households',
	imported: 'Households imported',
	failed: 'Import stopped',
} as const

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
	const status = data?.job.status ?? 'checked'
	const hasErrors = status === 'failed' || (status === 'checked' && (data?.job.errors.length ?? 0) > 0)
	const tags = staffPageMeta(siteFromMatches(matches), TITLES[status as keyof typeof TITLES] ?? 'Import').map((tag) =>
		'title' in tag && hasErrors ? { title: `Error: ${tag.title}` } : tag
	)
	// A refresh the browser does by itself: progress without JavaScript (the CSP allows it).
	return status === 'importing' ? [...tags, { httpEquiv: 'refresh', content: '2' }] : tags
}
export const headers = () => STAFF_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	const job = await findImportJob(params.id ?? '')
	if (!job) throw new Response('Import not found', { status: 404 })
	const config = await getServiceConfig()
	const names = stageNames(config.stageNames)
	const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
	const rowsWithErrors = new Set(job.errors.map((error) => error.row)).size
	const preview = job.status === 'checked' ? await previewImport(job.id, session.user) : []
	const byStage = job.status === 'imported' ? await importedByStage(job.id) : []
	return {
		csrfToken: session.csrfToken,
		job: {
			id: job.id,
			status: job.status,
			filename: job.filename,
			totalRows: job.totalRows,
			processedRows: job.processedRows,
			importedRows: job.importedRows,
			errors: job.errors.slice((page - 1) * ERRORS_PER_PAGE, page * ERRORS_PER_PAGE),
			errorCount: job.errors.length,
			rowsWithErrors: job.errors.some((error) => error.row === null) ? null : rowsWithErrors,
			// What the error summary says: the problem with the file itself, or how many rows have errors.
			headline:
				job.errors.find((error) => error.row === null)?.message ??
				`${rowsWithErrors} ${rowsWithErrors === 1 ? 'row has' : 'rows have'} errors: nothing has been imported`,
		},
		page,
		pages: Math.max(1, Math.ceil(job.errors.length / ERRORS_PER_PAGE)),
		preview: preview.map((household) => ({
			row: household.row,
			name: `${household.firstName} ${household.lastName}`,
			email: household.email,
			postcode: household.postcode,
			enquiryDate: formatDate(household.enquiryDate),
			stage: names[household.state.stage],
			stageEnteredOn: formatDate(household.state.stageEnteredOn),
			status:
				household.state.status === 'on_hold' ? 'On hold' : household.state.status === 'closed' ? 'Closed' : 'Open',
		})),
		byStage: byStage
			.filter((row) => row.open + row.onHold + row.closed > 0)
			.map((row) => ({ ...row, name: names[row.stage] })),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	// Started once: a second click, or a job with errors, changes nothing and shows the job as it is.
	await startImport(params.id ?? '', session.user)
	throw redirect(`/staff/import/${params.id}`, 303)
}

export default function ImportJobPage() {
	const { job, preview, byStage, csrfToken, page, pages } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-full">
				{job.status === 'checked' ? (
					<Checked job={job} preview={preview} csrfToken={csrfToken} page={page} pages={pages} />
				) : job.status === 'importing' ? (
					<Importing job={job} />
				) : job.status === 'imported' ? (
					<Imported job={job} byStage={byStage} />
				) : (
					<Failed job={job} page={page} pages={pages} />
				)}
			</div>
		</div>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Job = Loaded['job']

function Checked({
	job,
	preview,
	csrfToken,
	page,
	pages,
}: {
	job: Job
	preview: Loaded['preview']
	csrfToken: string
	page: number
	pages: number
}) {
	const navigation = useNavigation()
	const valid = job.rowsWithErrors === null ? 0 : job.totalRows - job.rowsWithErrors
	return (
		<>
			{job.errorCount > 0 ? <ErrorBox job={job} /> : null}
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">Check the import</h1>
			<dl className="govuk-summary-list">
				<SummaryRow label="Rows in the file" value={job.totalRows} />
				<SummaryRow label="Rows ready to import" value={valid} />
				<SummaryRow label="Rows with errors" value={job.rowsWithErrors ?? 'The file could not be read'} />
			</dl>
			{preview.length > 0 ? <PreviewTable preview={preview} /> : null}
			{job.errorCount > 0 ? (
				<>
					<ErrorTable job={job} page={page} pages={pages} />
					<p className="govuk-body">
						Nothing has been imported. Correct the file and{' '}
						<Link className="govuk-link" to="/staff/import">
							upload it again
						</Link>
						.
					</p>
				</>
			) : (
				<>
					<div className="govuk-inset-text">
						All {job.totalRows} households will be imported at once. You cannot undo an import from here.
					</div>
					<Form method="post">
						<CsrfField token={csrfToken} />
						<button
							type="submit"
							className="govuk-button"
							data-module="govuk-button"
							data-prevent-double-click="true"
							disabled={navigation.state === 'submitting'}
						>
							Import {job.totalRows} households
						</button>
					</Form>
				</>
			)}
		</>
	)
}

function ErrorBox({ job }: { job: Job }) {
	return (
		<div className="govuk-error-summary" data-module="govuk-error-summary">
			<div role="alert">
				<h2 className="govuk-error-summary__title">There is a problem</h2>
				<div className="govuk-error-summary__body">
					<ul className="govuk-list govuk-error-summary__list">
						<li>
							<a href="#import-errors">{job.headline}</a>
						</li>
					</ul>
				</div>
			</div>
		</div>
	)
}

function SummaryRow({ label, value }: { label: string; value: string | number }) {
	return (
		<div className="govuk-summary-list__row">
			<dt className="govuk-summary-list__key">{label}</dt>
			<dd className="govuk-summary-list__value">{value}</dd>
		</div>
	)
}

function PreviewTable({ preview }: { preview: Loaded['preview'] }) {
	return (
		<table className="govuk-table">
			<caption className="govuk-table__caption govuk-table__caption--m">How the first rows will be imported</caption>
			<thead className="govuk-table__head">
				<tr className="govuk-table__row">
					{['Row', 'Name', 'Email', 'Postcode', 'Enquired', 'Stage', 'Since', 'Status'].map((heading) => (
						<th scope="col" className="govuk-table__header" key={heading}>
							{heading}
						</th>
					))}
				</tr>
			</thead>
			<tbody className="govuk-table__body">
				{preview.map((row) => (
					<tr className="govuk-table__row" key={row.row}>
						<td className="govuk-table__cell">{row.row}</td>
						<td className="govuk-table__cell">{row.name}</td>
						<td className="govuk-table__cell">{row.email}</td>
						<td className="govuk-table__cell app-nowrap">{row.postcode}</td>
						<td className="govuk-table__cell">{row.enquiryDate}</td>
						<td className="govuk-table__cell">{row.stage}</td>
						<td className="govuk-table__cell">{row.stageEnteredOn}</td>
						<td className="govuk-table__cell">{row.status}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

function ErrorTable({ job, page, pages }: { job: Job; page: number; pages: number }) {
	const { search } = useLocation()
	return (
		<>
			<table className="govuk-table" id="import-errors">
				<caption className="govuk-table__caption govuk-table__caption--m">
					Errors ({job.errorCount}){pages > 1 ? `, page ${page} of ${pages}` : ''}
				</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							Row
						</th>
						<th scope="col" className="govuk-table__header">
							Column
						</th>
						<th scope="col" className="govuk-table__header">
							Problem
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{job.errors.map((error, index) => (
						<tr className="govuk-table__row" key={index}>
							<td className="govuk-table__cell">{error.row ?? '–'}</td>
							<td className="govuk-table__cell">{error.column ?? '–'}</td>
							<td className="govuk-table__cell">{error.message}</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page} pages={pages} search={search} />
		</>
	)
}

function Importing({ job }: { job: Job }) {
	const checking = job.processedRows < job.totalRows
	return (
		<>
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">Importing households</h1>
			<p className="govuk-body-l" role="status">
				{checking ? `Checking rows (${job.processedRows} of ${job.totalRows})` : `Writing ${job.totalRows} households`}
			</p>
			<p className="govuk-body">This page updates by itself every few seconds. You can leave it and come back.</p>
		</>
	)
}

function Imported({ job, byStage }: { job: Job; byStage: Loaded['byStage'] }) {
	return (
		<>
			<div className="govuk-panel govuk-panel--confirmation">
				<h1 className="govuk-panel__title">Households imported</h1>
				<div className="govuk-panel__body">
					{job.importedRows} {job.importedRows === 1 ? 'household' : 'households'} from {job.filename}
				</div>
			</div>
			<table className="govuk-table">
				<caption className="govuk-table__caption govuk-table__caption--m">Imported households by stage</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							Stage
						</th>
						<th scope="col" className="govuk-table__header govuk-table__header--numeric">
							Open
						</th>
						<th scope="col" className="govuk-table__header govuk-table__header--numeric">
							On hold
						</th>
						<th scope="col" className="govuk-table__header govuk-table__header--numeric">
							Closed
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{byStage.map((row) => (
						<tr className="govuk-table__row" key={row.stage}>
							<th scope="row" className="govuk-table__header">
								{row.name}
							</th>
							<td className="govuk-table__cell govuk-table__cell--numeric">{row.open}</td>
							<td className="govuk-table__cell govuk-table__cell--numeric">{row.onHold}</td>
							<td className="govuk-table__cell govuk-table__cell--numeric">{row.closed}</td>
						</tr>
					))}
				</tbody>
			</table>
			<p className="govuk-body">
				<Link className="govuk-link" to="/staff/pipeline">
					Go to the pipeline
				</Link>
			</p>
		</>
	)
}

function Failed({ job, page, pages }: { job: Job; page: number; pages: number }) {
	return (
		<>
			<ErrorBox job={job} />
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">Import stopped</h1>
			<p className="govuk-body">Nothing from this file has been imported.</p>
			<ErrorTable job={job} page={page} pages={pages} />
			<p className="govuk-body">
				<Link className="govuk-link" to="/staff/import">
					Upload the file again
				</Link>
			</p>
		</>
	)
}

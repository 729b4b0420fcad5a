import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import {
	ImportDone,
	ImportErrorsToCorrect,
	ImportErrorSummary,
	importJobMeta,
	ImportRunning,
	ImportStopped,
	ImportSummaryRow,
} from '~/components/import-job.tsx'
import { importJobView } from '~/domain/import-jobs.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { formatDate } from '~/domain/working-days.ts'
import { wakeImports } from '~/integrations/import-worker.server.ts'
import { findImportJob, startImport } from '~/models/import-jobs.server.ts'
import { importedByStage, previewImport } from '~/models/imports.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// One import of households: the preview with every row's errors (checked), the progress while the
// import worker runs it (importing: the page refreshes itself every 2 seconds, with or without
// JavaScript), and the result (imported, or failed with nothing imported). The carers' import
// page is built the same way from the same parts (app/components/import-job.tsx, ADR 024).

const TITLES = {
	checked: 'Check the import',
	importing: 'Importing households',
	imported: 'Households imported',
	failed: 'Import stopped',
} as const

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	importJobMeta(staffPageMeta(siteFromMatches(matches), TITLES[data?.job.status ?? 'checked'] ?? 'Import'), data?.job)
export const headers = () => STAFF_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	const found = await findImportJob(params.id ?? '', 'pipeline')
	if (!found) throw new Response('Import not found', { status: 404 })
	const job = importJobView(found, { page: Number(new URL(request.url).searchParams.get('page')), now: now() })
	const config = await getServiceConfig()
	const names = stageNames(config.stageNames)
	const preview = job.status === 'checked' ? await previewImport(job.id, session.user) : []
	const byStage = job.status === 'imported' ? await importedByStage(job.id) : []
	return {
		csrfToken: session.csrfToken,
		job,
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
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	// Started once: a second click, or a job with errors, changes nothing and shows the job as it is.
	if (await startImport(params.id ?? '', 'pipeline')) wakeImports()
	throw redirect(`/staff/import/${params.id}`, 303)
}

export default function ImportJobPage() {
	const { job, preview, byStage, csrfToken } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-full">
				{job.status === 'checked' ? (
					<Checked job={job} preview={preview} csrfToken={csrfToken} />
				) : job.status === 'importing' ? (
					<ImportRunning job={job} heading="Importing households" noun="households" />
				) : job.status === 'imported' ? (
					<Imported job={job} byStage={byStage} />
				) : (
					<ImportStopped job={job} uploadTo="/staff/import" />
				)}
			</div>
		</div>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Job = Loaded['job']

function Checked({ job, preview, csrfToken }: { job: Job; preview: Loaded['preview']; csrfToken: string }) {
	const navigation = useNavigation()
	const valid = job.rowsWithErrors === null ? 0 : job.totalRows - job.rowsWithErrors
	return (
		<>
			{job.errorCount > 0 ? <ImportErrorSummary job={job} /> : null}
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">Check the import</h1>
			<dl className="govuk-summary-list">
				<ImportSummaryRow label="Rows in the file" value={job.totalRows} />
				<ImportSummaryRow label="Rows ready to import" value={valid} />
				<ImportSummaryRow label="Rows with errors" value={job.rowsWithErrors ?? 'The file could not be read'} />
			</dl>
			{preview.length > 0 ? <PreviewTable preview={preview} /> : null}
			{job.errorCount > 0 ? (
				<ImportErrorsToCorrect job={job} uploadTo="/staff/import" />
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

function Imported({ job, byStage }: { job: Job; byStage: Loaded['byStage'] }) {
	return (
		<>
			<ImportDone heading="Households imported">
				{job.importedRows} {job.importedRows === 1 ? 'household' : 'households'} from {job.filename}
			</ImportDone>
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

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
	ImportCheckedHeading,
	ImportDone,
	importJobMeta,
	ImportJobState,
	ImportStart,
} from '~/components/import-job.tsx'
import { SummaryRow } from '~/components/summary-list.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { formatDate } from '~/domain/working-days.ts'
import { importedByStage, previewImport } from '~/models/imports.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { loadImportJob, startImportJob } from '~/services/import-job-route.server.ts'
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
	const job = await loadImportJob(request, params.id, 'pipeline')
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
	await startImportJob(params.id, 'pipeline')
	throw redirect(`/staff/import/${params.id}`, 303)
}

export default function ImportJobPage() {
	const { job, preview, byStage, csrfToken } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-full">
				<ImportJobState
					job={job}
					noun="households"
					uploadTo="/staff/import"
					checked={<Checked job={job} preview={preview} csrfToken={csrfToken} />}
					imported={<Imported job={job} byStage={byStage} />}
				/>
			</div>
		</div>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Job = Loaded['job']

function Checked({ job, preview, csrfToken }: { job: Job; preview: Loaded['preview']; csrfToken: string }) {
	const valid = job.rowsWithErrors === null ? 0 : job.totalRows - job.rowsWithErrors
	return (
		<>
			<ImportCheckedHeading job={job} heading={TITLES.checked} />
			<dl className="govuk-summary-list">
				<SummaryRow name="Rows in the file">{job.totalRows}</SummaryRow>
				<SummaryRow name="Rows ready to import">{valid}</SummaryRow>
				<SummaryRow name="Rows with errors">{job.rowsWithErrors ?? 'The file could not be read'}</SummaryRow>
			</dl>
			{preview.length > 0 ? <PreviewTable preview={preview} /> : null}
			<ImportStart
				job={job}
				uploadTo="/staff/import"
				csrfToken={csrfToken}
				effect={`All ${job.totalRows} households will be imported at once. You cannot undo an import from here.`}
				button={`Import ${job.totalRows} households`}
			/>
		</>
	)
}

function PreviewTable({ preview }: { preview: Loaded['preview'] }) {
	return (
		<ScrollingTable caption="How the first rows will be imported">
			<TableHead columns={['Row', 'Name', 'Email', 'Postcode', 'Enquired', 'Stage', 'Since', 'Status']} />
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
		</ScrollingTable>
	)
}

function Imported({ job, byStage }: { job: Job; byStage: Loaded['byStage'] }) {
	return (
		<>
			<ImportDone heading={TITLES.imported}>
				{job.importedRows} {job.importedRows === 1 ? 'household' : 'households'} from {job.filename}
			</ImportDone>
			<ScrollingTable caption="Imported households by stage">
				<TableHead
					columns={[
						'Stage',
						{ header: 'Open', numeric: true },
						{ header: 'On hold', numeric: true },
						{ header: 'Closed', numeric: true },
					]}
				/>
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
			</ScrollingTable>
			<p className="govuk-body">
				<Link className="govuk-link" to="/staff/pipeline">
					Go to the pipeline
				</Link>
			</p>
		</>
	)
}

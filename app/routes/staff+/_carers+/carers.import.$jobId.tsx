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
import { REFERRER_KIND_LABELS } from '~/domain/bonus-scheme.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { checkCarerFile } from '~/models/carer-import.server.ts'
import { importJobFile } from '~/models/import-jobs.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { loadImportJob, startImportJob } from '~/services/import-job-route.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// One import of carers, built like the households' import page from the same parts
// (app/components/import-job.tsx, ADR 024): the preview with every row's errors or the carers it
// would add (checked), the progress while the import worker runs it (the page refreshes itself,
// with or without JavaScript), and the result (imported, or stopped with nothing imported).

const TITLES = {
	checked: 'Check the carers to import',
	importing: 'Importing carers',
	imported: 'Carers imported',
	failed: 'Import stopped',
} as const
const PREVIEW_ROWS = 50

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
	importJobMeta(staffPageMeta(siteFromMatches(matches), TITLES[data?.job.status ?? 'checked']), data?.job)
export const headers = () => STAFF_HEADERS

/** The carers the file would add and the columns it leaves out, with the database as it is now. */
async function preview(jobId: string) {
	const file = await importJobFile(jobId)
	const checked = file ? await checkCarerFile(file.csv) : null
	return {
		ready: checked?.carers.length ?? 0,
		ignoredColumns: checked?.ignoredColumns ?? [],
		carers: (checked?.carers ?? []).slice(0, PREVIEW_ROWS).map((carer) => ({
			row: carer.row,
			name: carer.name,
			email: carer.email,
			kind: REFERRER_KIND_LABELS[carer.kind],
			approvedOn: carer.approvedOn ? formatDate(carer.approvedOn) : 'Not known',
			shortBreakOnly: carer.shortBreakOnly ? 'Yes' : 'No',
		})),
	}
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const job = await loadImportJob(request, params.jobId, 'carers')
	return {
		csrfToken: session.csrfToken,
		job,
		preview: job.status === 'checked' ? await preview(job.id) : null,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	await startImportJob(params.jobId, 'carers')
	throw redirect(`/staff/carers/import/${params.jobId}`, 303)
}

export default function CarerImportJob() {
	const { job, preview, csrfToken } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-full">
				<Link to="/staff/carers" className="govuk-back-link">
					Back to carers
				</Link>
				<ImportJobState
					job={job}
					noun="carers"
					uploadTo="/staff/carers/import"
					checked={preview ? <Checked job={job} preview={preview} csrfToken={csrfToken} /> : null}
					imported={<Imported job={job} />}
				/>
			</div>
		</div>
	)
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type Job = Loaded['job']
type Preview = NonNullable<Loaded['preview']>

function Checked({ job, preview, csrfToken }: { job: Job; preview: Preview; csrfToken: string }) {
	return (
		<>
			<ImportCheckedHeading job={job} heading={TITLES.checked} />
			<dl className="govuk-summary-list" data-testid="import-summary">
				<SummaryRow name="Rows in the file">
					{job.rowsWithErrors === null ? 'The file could not be read' : job.totalRows}
				</SummaryRow>
				<SummaryRow name="Carers ready to import">{preview.ready}</SummaryRow>
				<SummaryRow name="Rows with errors">{job.rowsWithErrors ?? 'The file could not be read'}</SummaryRow>
				{preview.ignoredColumns.length > 0 ? (
					<SummaryRow name="Columns left out">{preview.ignoredColumns.join(', ')}</SummaryRow>
				) : null}
			</dl>
			<ImportStart
				job={job}
				uploadTo="/staff/carers/import"
				csrfToken={csrfToken}
				effect={`All ${job.totalRows} carers will be imported at once, each with a referral code.`}
				button={job.totalRows === 1 ? 'Import 1 carer' : `Import ${job.totalRows} carers`}
			/>
			{preview.carers.length > 0 ? <PreviewTable preview={preview} /> : null}
		</>
	)
}

function PreviewTable({ preview }: { preview: Preview }) {
	return (
		<ScrollingTable
			caption={
				<>
					{preview.ready > preview.carers.length
						? `The first ${preview.carers.length} carers ready to import`
						: 'Carers ready to import'}
				</>
			}
			className="govuk-!-font-size-16"
			data-testid="import-preview"
		>
			<TableHead columns={['Row', 'Name', 'Email address', 'Kind', 'Approved', 'Short breaks only']} />
			<tbody className="govuk-table__body">
				{preview.carers.map((carer) => (
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
		</ScrollingTable>
	)
}

function Imported({ job }: { job: Job }) {
	return (
		<>
			<ImportDone heading={TITLES.imported}>
				{job.importedRows === 1 ? '1 carer' : `${job.importedRows} carers`} from {job.filename}
			</ImportDone>
			<p className="govuk-body">
				Each one has a referral code.{' '}
				<Link className="govuk-link" to="/staff/carers">
					Go to the carers
				</Link>
			</p>
		</>
	)
}

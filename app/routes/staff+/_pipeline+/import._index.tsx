import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import { decodeCsvBytes } from '~/domain/csv.ts'
import { cleanText } from '~/domain/enquiry-form.ts'
import { DATE_EXAMPLE, IMPORT_COLUMNS, MAX_IMPORT_BYTES } from '~/domain/pipeline-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames, STAGE_KEYS } from '~/domain/stages.ts'
import { exitReasonOptions } from '~/models/households.server.ts'
import { createPipelineImport } from '~/models/imports.server.ts'
import { listChannels } from '~/models/enquiries.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { BODY_LIMITS, readFormUnlessTooLarge } from '~/utils/read-form.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Step 1 of an import: the CSV format, a template, and the upload. The file is checked at once
// and the manager is taken to its preview (/staff/import/:id).

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(siteFromMatches(matches), 'Import households from a spreadsheet').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024
export const UPLOAD_MESSAGES = {
	missing: 'Select a CSV file',
	notCsv: 'The selected file must be a CSV',
	tooBig: `The selected file must be smaller than ${MAX_MB}MB`,
	empty: 'The selected file is empty',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	const [config, channels, exitReasons] = await Promise.all([getServiceConfig(), listChannels(), exitReasonOptions()])
	const names = stageNames(config.stageNames)
	return {
		csrfToken: session.csrfToken,
		serviceName: config.serviceName,
		stages: STAGE_KEYS.map((key) => ({ key, name: names[key] })),
		channels: channels.map(({ key, label }) => ({ key, label })),
		exitReasons: exitReasons
			.filter((reason) => !reason.retired)
			.map(({ key, label, endedBy }) => ({ key, label, endedBy })),
	}
}

function refuse(message: string, status = 400) {
	return data({ error: message }, { status })
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	// A little over the file's limit for the form's other fields and the multipart boundaries.
	const form = await readFormUnlessTooLarge(request, {
		kind: 'upload',
		maxBytes: MAX_IMPORT_BYTES + BODY_LIMITS.form,
		session,
	})
	if (!form) return refuse(UPLOAD_MESSAGES.tooBig)
	const file = form.get('file')
	if (!(file instanceof Blob) || !('name' in file) || (file.size === 0 && !file.name))
		return refuse(UPLOAD_MESSAGES.missing)
	const filename = cleanText(String(file.name).split(/[\\/]/).pop()).slice(0, 200) || 'upload.csv'
	if (!/\.csv$/i.test(filename)) return refuse(UPLOAD_MESSAGES.notCsv)
	if (file.size === 0) return refuse(UPLOAD_MESSAGES.empty)
	if (file.size > MAX_IMPORT_BYTES) return refuse(UPLOAD_MESSAGES.tooBig)
	const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
	const id = await createPipelineImport({ filename, text, actor: session.user })
	throw redirect(`/staff/import/${id}`, 303)
}

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): the upload form with the column help; share the upload-with-preview component
export default function ImportUpload() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const error = result?.error
	return (
		<div className="govuk-grid-row">
			<title>{`${error ? 'Error: ' : ''}Import households from a spreadsheet – ${page.serviceName} staff`}</title>
			<div className="govuk-grid-column-two-thirds">
				<ErrorSummary errors={error ? [{ field: 'file', message: error }] : []} />
				<h1 className="govuk-heading-l">Import households from a spreadsheet</h1>
				<p className="govuk-body">
					Bring the households your service already has in its spreadsheet into the pipeline, with the stage each one
					has reached.
				</p>
				<p className="govuk-body">
					You will see every problem row by row before anything is imported. Nothing is imported until every row is
					right, and then the whole file is imported at once.
				</p>
				<p className="govuk-body">
					<a className="govuk-link" href="/staff/import/template.csv" download>
						Download the template (CSV)
					</a>
				</p>

				<Form method="post" encType="multipart/form-data" noValidate>
					<CsrfField token={page.csrfToken} />
					<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
						<label className="govuk-label govuk-label--m" htmlFor="file">
							Upload a CSV file
						</label>
						<div id="file-hint" className="govuk-hint">
							Save your spreadsheet as CSV (comma separated values). The file must be smaller than {MAX_MB}MB.
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
					left out. Dates may be written day first or year first, {DATE_EXAMPLE}.
				</p>
				<table className="govuk-table">
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
						{IMPORT_COLUMNS.map((column) => (
							<tr className="govuk-table__row" key={column.key}>
								<th scope="row" className="govuk-table__header">
									{column.heading}
								</th>
								<td className="govuk-table__cell">{column.required ? 'Yes' : 'No'}</td>
								<td className="govuk-table__cell">{column.about}</td>
							</tr>
						))}
					</tbody>
				</table>

				<details className="govuk-details">
					<summary className="govuk-details__summary">
						<span className="govuk-details__summary-text">Stages, channels, exit reasons and answers you can use</span>
					</summary>
					<div className="govuk-details__text">
						<ValueList caption="Stages" rows={page.stages.map((stage) => [stage.name, stage.key])} />
						<ValueList caption="Channels" rows={page.channels.map((channel) => [channel.label, channel.key])} />
						<ValueList caption="Exit reasons" rows={page.exitReasons.map((reason) => [reason.label, reason.key])} />
						<ValueList caption="How heard" rows={HOW_HEARD_OPTIONS.map((option) => [option.label, option.value])} />
					</div>
				</details>
			</div>
		</div>
	)
}

function ValueList({ caption, rows }: { caption: string; rows: string[][] }) {
	return (
		<table className="govuk-table">
			<caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
			<thead className="govuk-table__head">
				<tr className="govuk-table__row">
					<th scope="col" className="govuk-table__header">
						Name
					</th>
					<th scope="col" className="govuk-table__header">
						Key
					</th>
				</tr>
			</thead>
			<tbody className="govuk-table__body">
				{rows.map(([name, key]) => (
					<tr className="govuk-table__row" key={key}>
						<td className="govuk-table__cell">{name}</td>
						<td className="govuk-table__cell">
							<code>{key}</code>
						</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ImportUpload } from '~/components/import-upload.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import { DATE_EXAMPLE, IMPORT_COLUMNS, MAX_IMPORT_BYTES } from '~/domain/pipeline-import.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames, STAGE_KEYS } from '~/domain/stages.ts'
import { exitReasonOptions } from '~/models/households.server.ts'
import { createPipelineImport } from '~/models/imports.server.ts'
import { listChannels } from '~/models/enquiries.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { readCsvUpload } from '~/utils/csv-upload.server.ts'
import { BODY_LIMITS, readFormUnlessTooLarge } from '~/utils/read-form.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Step 1 of an import: the CSV format, a template, and the upload. The file is checked at once
// and the manager is taken to its preview (/staff/import/:id).

export const meta: MetaFunction = ({ matches }) =>
	staffPageMeta(siteFromMatches(matches), 'Import households from a spreadsheet').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024

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

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	// A little over the file's limit for the form's other fields and the multipart boundaries.
	const form = await readFormUnlessTooLarge(request, {
		kind: 'upload',
		maxBytes: MAX_IMPORT_BYTES + BODY_LIMITS.form,
		session,
	})
	const upload = await readCsvUpload(form, {
		maxBytes: MAX_IMPORT_BYTES,
		limit: `${MAX_MB}MB`,
		fallbackName: 'upload.csv',
	})
	if (!upload.ok) return data({ error: upload.error }, { status: 400 })
	const id = await createPipelineImport({ filename: upload.filename, text: upload.text, actor: session.user })
	throw redirect(`/staff/import/${id}`, 303)
}

export default function ImportUploadPage() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<div className="govuk-grid-row">
			<PageTitle
				title="Import households from a spreadsheet"
				serviceName={page.serviceName}
				area="staff"
				error={Boolean(result?.error)}
			/>
			<div className="govuk-grid-column-two-thirds">
				<ImportUpload
					heading="Import households from a spreadsheet"
					intro="Bring the households your service already has in its spreadsheet into the pipeline, with the stage each one has reached."
					templateHref="/staff/import/template.csv"
					csrfToken={page.csrfToken}
					error={result?.error}
					labelSize="m"
					fileHint={
						<>Save your spreadsheet as CSV (comma separated values). The file must be smaller than {MAX_MB}MB.</>
					}
					columns={IMPORT_COLUMNS}
					columnsNote={`Dates may be written day first or year first, ${DATE_EXAMPLE}.`}
				>
					<AllowedValues page={page} />
				</ImportUpload>
			</div>
		</div>
	)
}

/** The keys the file may use for stages, channels, exit reasons and how people heard of the service. */
function AllowedValues({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
	return (
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
	)
}

function ValueList({ caption, rows }: { caption: string; rows: string[][] }) {
	return (
		<ScrollingTable caption={caption} captionSize="s">
			<TableHead columns={['Name', 'Key']} />
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
		</ScrollingTable>
	)
}

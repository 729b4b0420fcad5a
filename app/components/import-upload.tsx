// Step 1 of both CSV imports (households, carers), one design for both (ADR 024): what importing
// does, the template, the upload and the columns the file may have. Each page gives its own words
// and columns. The server checks the file (app/utils/csv-upload.server.ts) and keeps it as an
// import job, whose page previews every row (app/components/import-job.tsx).
import { ScrollingTable } from './scrolling-table.tsx'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CsrfField } from './csrf-field.tsx'
import { ErrorSummary } from './form.tsx'
import { TableHead } from './table-head.tsx'

/** A column the file may have, as the help table shows it. */
export type ImportColumnHelp = { key: string; heading: ReactNode; required: boolean; about: string }

type UploadFormProps = {
	csrfToken: string
	/** Why the last file was refused. */
	error: string | undefined
	/** The file's format and limits, under the field's label. */
	fileHint: ReactNode
	labelSize: 's' | 'm'
}

export type ImportUploadProps = UploadFormProps & {
	heading: string
	/** What importing the file does for the service. */
	intro: string
	templateHref: string
	columns: readonly ImportColumnHelp[]
	/** More about the columns' values, after the sentence every import says. */
	columnsNote?: string
	/** The columns table in smaller print. */
	smallTable?: boolean
	/** Below the columns: lists of the values some columns take. */
	children?: ReactNode
}

export function ImportUpload({
	heading,
	intro,
	templateHref,
	columns,
	columnsNote,
	smallTable,
	children,
	...form
}: ImportUploadProps) {
	return (
		<>
			<ErrorSummary errors={form.error ? [{ field: 'file', message: form.error }] : []} />
			<h1 className="govuk-heading-l">{heading}</h1>
			<p className="govuk-body">{intro}</p>
			<p className="govuk-body">
				You will see every problem row by row before anything is imported. Nothing is imported until every row is right,
				and then the whole file is imported at once.
			</p>
			<p className="govuk-body">
				<a className="govuk-link" href={templateHref} download>
					Download the template (CSV)
				</a>
			</p>
			<UploadForm {...form} />

			<h2 className="govuk-heading-m">What the file must contain</h2>
			<p className="govuk-body">
				{'The first row names the columns, as in the template; the columns may be in any order, and other columns are ' +
					`left out.${columnsNote ? ` ${columnsNote}` : ''}`}
			</p>
			<ColumnsTable columns={columns} small={smallTable} />
			{children}
		</>
	)
}

function UploadForm({ csrfToken, error, fileHint, labelSize }: UploadFormProps) {
	const navigation = useNavigation()
	return (
		<Form method="post" encType="multipart/form-data" noValidate>
			<CsrfField token={csrfToken} />
			<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
				<label className={`govuk-label govuk-label--${labelSize}`} htmlFor="file">
					Upload a CSV file
				</label>
				<div id="file-hint" className="govuk-hint">
					{fileHint}
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
	)
}

function ColumnsTable({ columns, small = false }: { columns: readonly ImportColumnHelp[]; small?: boolean }) {
	return (
		<ScrollingTable caption="Columns" captionSize="s" className={small ? 'govuk-!-font-size-16' : undefined}>
			<TableHead columns={['Column', 'Required', 'What to put in it']} />
			<tbody className="govuk-table__body">
				{columns.map((column) => (
					<tr className="govuk-table__row" key={column.key}>
						<th scope="row" className="govuk-table__header">
							{column.heading}
						</th>
						<td className="govuk-table__cell">{column.required ? 'Yes' : 'No'}</td>
						<td className="govuk-table__cell">{column.about}</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}

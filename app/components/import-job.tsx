import { ScrollingTable } from './scrolling-table.tsx'
import { Form, Link, useLocation, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ImportJobError, ImportProgress as Progress, ImportStatus } from '~/domain/import-jobs.ts'
import { CsrfField } from './csrf-field.tsx'
import { Pagination } from './pagination.tsx'
import { TableHead } from './table-head.tsx'

// The parts the two CSV import pages (households, carers) share, so an import looks and behaves
// the same whichever it is (ADR 024): the title and the refresh while it runs, the page in each
// state, the error summary and table, the button that starts it, the progress, and the page of an
// import that stopped. Each page gives its own preview and result.

/**
 * The page's meta tags: "Error: " before the title when the file has errors or the import
 * failed, and while it runs a refresh the browser does by itself every 2 seconds, so the progress
 * shows without JavaScript (the CSP allows it).
 */
export function importJobMeta<Tag extends object>(
	tags: Tag[],
	job: { status: string; errorCount: number } | undefined
): (Tag | { title: string } | { httpEquiv: string; content: string })[] {
	const status = job?.status ?? 'checked'
	const hasErrors = status === 'failed' || (status === 'checked' && (job?.errorCount ?? 0) > 0)
	const titled = tags.map((tag) => ('title' in tag && hasErrors ? { title: `Error: ${String(tag.title)}` } : tag))
	return status === 'importing' ? [...titled, { httpEquiv: 'refresh', content: '2' }] : titled
}

export type ImportJobSummary = {
	status: ImportStatus
	filename: string
	totalRows: number
	errors: ImportJobError[]
	errorCount: number
	headline: string
	progress: Progress | null
	page: number
	pages: number
}

/**
 * The page of an import in the state it is in. The page gives what differs by import: the
 * preview of a checked file and the result of an imported one.
 */
export function ImportJobState(props: {
	job: ImportJobSummary
	/** What is imported, in the plural: 'carers'. */
	noun: string
	/** The upload page, to try again with a corrected file. */
	uploadTo: string
	checked: ReactNode
	imported: ReactNode
}) {
	switch (props.job.status) {
		case 'checked':
			return props.checked
		case 'importing':
			return <ImportRunning job={props.job} heading={`Importing ${props.noun}`} noun={props.noun} />
		case 'imported':
			return props.imported
		default:
			return <ImportStopped job={props.job} uploadTo={props.uploadTo} />
	}
}

/** The top of a checked file's page: the error summary when it has errors, the file's name and the heading. */
export function ImportCheckedHeading({ job, heading }: { job: ImportJobSummary; heading: string }) {
	return (
		<>
			{job.errorCount > 0 ? <ImportErrorSummary job={job} /> : null}
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">{heading}</h1>
		</>
	)
}

/**
 * What comes of a checked file: its errors to correct, or what importing it does and the button
 * that starts it (once: the button is off while the form is sent).
 */
export function ImportStart(props: {
	job: ImportJobSummary
	uploadTo: string
	csrfToken: string
	effect: string
	button: string
}) {
	const navigation = useNavigation()
	if (props.job.errorCount > 0) return <ImportErrorsToCorrect job={props.job} uploadTo={props.uploadTo} />
	return (
		<>
			<div className="govuk-inset-text">{props.effect}</div>
			<Form method="post">
				<CsrfField token={props.csrfToken} />
				<button
					type="submit"
					className="govuk-button"
					data-module="govuk-button"
					data-prevent-double-click="true"
					disabled={navigation.state === 'submitting'}
				>
					{props.button}
				</button>
			</Form>
		</>
	)
}

/** The error summary at the top: the file's problem, or how many rows have errors. */
export function ImportErrorSummary({ job }: { job: ImportJobSummary }) {
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

/** Every error by row and column, a page at a time. */
export function ImportErrorTable({ job }: { job: ImportJobSummary }) {
	const { search } = useLocation()
	return (
		<>
			<ScrollingTable
				caption={
					<>
						Errors ({job.errorCount}){job.pages > 1 ? `, page ${job.page} of ${job.pages}` : ''}
					</>
				}
				id="import-errors"
				data-testid="import-errors"
			>
				<TableHead columns={['Row', 'Column', 'Problem']} />
				<tbody className="govuk-table__body">
					{job.errors.map((error, index) => (
						<tr className="govuk-table__row" key={index}>
							<td className="govuk-table__cell">{error.row ?? '–'}</td>
							<td className="govuk-table__cell">{error.column ?? '–'}</td>
							<td className="govuk-table__cell">{error.message}</td>
						</tr>
					))}
				</tbody>
			</ScrollingTable>
			<Pagination page={job.page} pages={job.pages} search={search} />
		</>
	)
}

/** A checked file with errors: the table, and the way back to upload a corrected one. */
export function ImportErrorsToCorrect({ job, uploadTo }: { job: ImportJobSummary; uploadTo: string }) {
	return (
		<>
			<ImportErrorTable job={job} />
			<p className="govuk-body">
				Nothing has been imported. Correct the file and{' '}
				<Link className="govuk-link" to={uploadTo}>
					upload it again
				</Link>
				.
			</p>
		</>
	)
}

/** One row of a summary list of counts. */
/** What a running import is doing, in words. */
function progressText(progress: Progress | null, noun: string): string {
	switch (progress?.phase) {
		case 'checking':
			return `Checking rows (${progress.processed} of ${progress.total})`
		case 'writing':
			return `Writing ${progress.total} ${noun}`
		case 'retrying':
			return `Something went wrong. The import will try again shortly (attempt ${progress.attempt} of ${progress.of})`
		default:
			return 'Waiting to start'
	}
}

/** The page of an import that is running: what it is doing, refreshed by the page's meta tag. */
export function ImportRunning({ job, heading, noun }: { job: ImportJobSummary; heading: string; noun: string }) {
	return (
		<>
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">{heading}</h1>
			<p className="govuk-body-l" role="status">
				{progressText(job.progress, noun)}
			</p>
			<p className="govuk-body">This page updates by itself every few seconds. You can leave it and come back.</p>
		</>
	)
}

/** The page of an import that stopped: nothing was imported, and why. */
export function ImportStopped({ job, uploadTo }: { job: ImportJobSummary; uploadTo: string }) {
	return (
		<>
			<ImportErrorSummary job={job} />
			<span className="govuk-caption-l">{job.filename}</span>
			<h1 className="govuk-heading-l">Import stopped</h1>
			<p className="govuk-body">Nothing from this file has been imported.</p>
			<ImportErrorTable job={job} />
			<p className="govuk-body">
				<Link className="govuk-link" to={uploadTo}>
					Upload the file again
				</Link>
			</p>
		</>
	)
}

/** The confirmation panel of a finished import. */
export function ImportDone({ heading, children }: { heading: string; children: ReactNode }) {
	return (
		<div className="govuk-panel govuk-panel--confirmation">
			<h1 className="govuk-panel__title">{heading}</h1>
			<div className="govuk-panel__body">{children}</div>
		</div>
	)
}

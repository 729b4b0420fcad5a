import type { ReactNode } from 'react'
import type { ReportTable } from '~/domain/report-table.ts'
import type { ChartNaming } from './charts.tsx'
import { DataTable } from './data-table.tsx'

// One figure of a report, the same way on every report page: a heading, the server-rendered SVG
// chart with a one-line summary under it, then the table of the same figures (a chart is one image
// to a screen reader, so the numbers must also be in a table), with its CSV download. The chart's
// description is the summary, and says where the numbers are. And a report's headline figures.
// The chart is drawn wide and narrow (app/components/charts.tsx); the stylesheet shows the one that
// fits the figure, so its labels stay legible on a phone (ADR 030).

export function ReportFigure({
	heading,
	level = 2,
	id,
	title,
	summary,
	note,
	chart,
	table,
	csvHref,
	empty,
	children,
}: {
	/** Left out only where the page's tables stand under one heading of their own (the annual return). */
	heading?: string
	/** 3 for a figure within a section of the page. */
	level?: 2 | 3
	/** The chart's id (unique on the page) and title (its accessible name). */
	id: string
	title: string
	/** The one line under the chart that says what it shows. */
	summary: string
	/** More for a screen reader's description than the summary says ('Weeks with no outcome show a dash.'). */
	note?: string
	/** Draws the chart with the naming given (pass it straight to a chart in charts.tsx): called once for each layout. */
	chart: (naming: ChartNaming) => ReactNode
	/** The same figures as a table; left out when the next figure's table holds them. */
	table?: ReportTable
	csvHref?: string
	/** Said instead of the table when it has no rows. */
	empty?: string
	/** Between the chart and the table: a note on how to read them. */
	children?: ReactNode
}) {
	const Heading = level === 2 ? 'h2' : 'h3'
	const description = [summary, note, 'The same figures are in the table below.'].filter(Boolean).join(' ')
	return (
		<>
			{heading ? <Heading className={level === 2 ? 'govuk-heading-l' : 'govuk-heading-m'}>{heading}</Heading> : null}
			<figure className="app-chart-figure">
				{chart({ id, title, description, layout: 'wide' })}
				{chart({ id: `${id}-narrow`, title, description, layout: 'narrow' })}
				<figcaption className="govuk-body">{summary}</figcaption>
			</figure>
			{children}
			{table ? <DataTable table={table} csvHref={csvHref} empty={empty} /> : null}
		</>
	)
}

/** A report's headline figures, as a GOV.UK summary list: each figure's name and its value. */
export function HeadlineFigures({ figures }: { figures: readonly { label: string; value: ReactNode }[] }) {
	return (
		<dl className="govuk-summary-list">
			{figures.map(({ label, value }) => (
				<div key={label} className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">{label}</dt>
					<dd className="govuk-summary-list__value">{value}</dd>
				</div>
			))}
		</dl>
	)
}

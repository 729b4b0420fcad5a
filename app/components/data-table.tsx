import { useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ScrollingTable } from './scrolling-table.tsx'
import { isNumeric, shownCell, tableCsvHref, type ColumnFormat, type ReportTable } from '~/domain/report-table.ts'

// A report's table (app/domain/report-table.ts) as a GOV.UK table: the same definition the CSV
// download writes, so the page and the file always agree. It scrolls sideways on a phone rather
// than squeezing the numbers; the first column names each row; dates and months do not wrap.

/** The classes of a cell (or, with `rowHeader`, the header that names its row) in a column of this format. */
function cellClass(base: 'govuk-table__cell' | 'govuk-table__header', format: ColumnFormat, rowHeader = false) {
	const numeric = !rowHeader && isNumeric(format) ? ` ${base}--numeric` : ''
	const nowrap = format === 'date' || format === 'month' ? ' app-nowrap' : ''
	return `${base}${numeric}${nowrap}`
}

function headingClass(format: ColumnFormat, first: boolean) {
	return `govuk-table__header${!first && isNumeric(format) ? ' govuk-table__header--numeric' : ''}`
}

/** The address of each of the page's tables as CSV (`/staff/funnel.csv`), with the page's choices. */
export function useTableCsvHref(csvPath: string): (table: string) => string {
	const { search } = useLocation()
	return (table) => tableCsvHref(csvPath, search, table)
}

export function DataTable({
	table,
	csvHref,
	empty,
	labelledBy,
	renderCell,
}: {
	table: ReportTable
	csvHref?: string
	/** The id of a heading just above that already says what the table is: the caption is then for screen readers. */
	labelledBy?: string
	/** Said instead of an empty table, when a table with no rows would only confuse. */
	empty?: string
	/** Richer content for a cell than its text (a link, a tag); undefined keeps the text. */
	renderCell?: (column: number, row: number, text: string) => ReactNode | undefined
}) {
	if (empty && table.rows.length === 0) return <p className="govuk-body">{empty}</p>
	return (
		<>
			<ScrollingTable
				caption={table.caption}
				{...(labelledBy ? { captionSize: 'hidden', labelledBy } : { captionSize: 's' })}
				data-table={table.key}
			>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						{table.columns.map((column, index) => (
							<th key={column.header} scope="col" className={headingClass(column.format, index === 0)}>
								{column.header}
							</th>
						))}
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{table.rows.map((row, rowIndex) => (
						<tr key={`${rowIndex}-${row[0]}`} className="govuk-table__row">
							{row.map((cell, index) => {
								const format = table.columns[index]!.format
								const text = shownCell(format, cell)
								const content = renderCell?.(index, rowIndex, text) ?? text
								return index === 0 ? (
									<th key={index} scope="row" className={cellClass('govuk-table__header', format, true)}>
										{content}
									</th>
								) : (
									<td key={index} className={cellClass('govuk-table__cell', format)}>
										{content}
									</td>
								)
							})}
						</tr>
					))}
				</tbody>
			</ScrollingTable>
			{csvHref ? (
				<p className="govuk-body app-no-print">
					<a className="govuk-link" href={csvHref} download>
						Download this table (CSV)<span className="govuk-visually-hidden"> – {table.caption}</span>
					</a>
				</p>
			) : null}
		</>
	)
}

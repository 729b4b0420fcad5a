// The head of a GOV.UK table, written once: a row of column headers, numeric ones aligned right
// and an action column named for screen readers only. Staff lists (users, carers, the settings
// lists) give their columns and write their own rows, which differ page to page.
import type { ReactNode } from 'react'

/** A column's header: its words, or the words with how the column is shown. */
export type TableColumn =
	| string
	| {
			header: string
			/** Numbers, aligned right as GOV.UK asks. */
			numeric?: boolean
			/** Said to screen readers only, as for a column of "Change" links or buttons. */
			hidden?: boolean
	  }

/** The last column of a list whose rows end in a "Change" link or a button. */
export const ACTION_COLUMN: TableColumn = { header: 'Action', hidden: true }

function headerCell(column: TableColumn): { key: string; className: string; content: ReactNode } {
	const { header, numeric = false, hidden = false } = typeof column === 'string' ? { header: column } : column
	return {
		key: header,
		className: `govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`,
		content: hidden ? <span className="govuk-visually-hidden">{header}</span> : header,
	}
}

export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
	return (
		<thead className="govuk-table__head">
			<tr className="govuk-table__row">
				{columns.map(headerCell).map((cell) => (
					<th scope="col" className={cell.className} key={cell.key}>
						{cell.content}
					</th>
				))}
			</tr>
		</thead>
	)
}

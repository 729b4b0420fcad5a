import type { TextTable } from '~/domain/funnel-tables.ts'

// A table of figures drawn from a TextTable (app/domain/funnel-tables.ts), the same rows a CSV
// download writes, so the page and the file always agree. It scrolls sideways on a phone rather
// than squeezing the numbers; the first column names each row.

export function DataTable({ table, csvHref }: { table: TextTable<string>; csvHref?: string }) {
	const text = new Set(table.text ?? [])
	return (
		<>
			<div className="app-table-scroll" role="region" aria-label={table.caption} tabIndex={0}>
				<table className="govuk-table" data-table={table.key}>
					<caption className="govuk-table__caption govuk-table__caption--s">{table.caption}</caption>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							{table.head.map((heading, index) => (
								<th
									key={heading}
									scope="col"
									className={`govuk-table__header${
										index > 0 && !text.has(index) ? ' govuk-table__header--numeric' : ''
									}`}
								>
									{heading}
								</th>
							))}
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{table.rows.map((row, rowIndex) => (
							<tr key={`${rowIndex}-${row[0]}`} className="govuk-table__row">
								{row.map((cell, index) =>
									index === 0 ? (
										<th key={index} scope="row" className="govuk-table__header">
											{cell}
										</th>
									) : (
										<td
											key={index}
											className={`govuk-table__cell${text.has(index) ? '' : ' govuk-table__cell--numeric'}`}
										>
											{cell}
										</td>
									)
								)}
							</tr>
						))}
					</tbody>
				</table>
			</div>
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

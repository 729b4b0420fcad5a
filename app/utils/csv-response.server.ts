import { toCsv } from '~/domain/csv.ts'
import { csvRowsOf, type ReportTable } from '~/domain/report-table.ts'
import { STAFF_HEADERS } from '~/utils/seo.ts'

// Every CSV the staff area sends (report tables, the annual return, import templates), answered
// one way: UTF-8 with a byte order mark (so Excel keeps "Siobhán" intact), CRLF lines, offered as
// a download under a file name, and never stored by a browser or a shared cache (staff pages hold
// personal data). Cells are made safe to open (no formula runs) by the table's formats
// (app/domain/report-table.ts) before they get here.

/** Rows as a CSV download called `fileName`. */
export function csvResponse(rows: readonly (readonly string[])[], fileName: string): Response {
	// A file name of letters, digits, dots and dashes only: nothing can end the header's quotes.
	const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '-')
	return new Response(`\uFEFF${toCsv(rows)}`, {
		headers: {
			...STAFF_HEADERS,
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${safeName}"`,
		},
	})
}

/** One report table as CSV: the page's headings and rows, as a spreadsheet reads them. */
export function tableCsvResponse(table: ReportTable, fileName: string): Response {
	return csvResponse(csvRowsOf(table), fileName)
}

/** Why no file was sent (a table that is not the report's, or a period with mistakes), as plain text. */
export function csvRefusal(text: string, status: 400 | 404): Response {
	return new Response(text, { status, headers: { ...STAFF_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

// A report's table, defined once (issue 13): a caption, columns (a heading and a format each) and
// rows. The page draws it (app/components/data-table.tsx) and its CSV download writes it
// (app/utils/csv-response.server.ts) from the same definition, so a downloaded file always has the
// page's headings and rows. Each format says how a cell is shown and how a spreadsheet should read
// it: the page writes '1,204', '£250', '5 Jan 2026' and '–' for none; the file 1204, 250.00,
// 2026-01-05 and nothing. Words typed by staff or the public are made safe to open.

import { formatPounds } from './bonus-scheme.ts'
import { spreadsheetNumber, spreadsheetSafe } from './csv.ts'
import { monthLabel, type ReportPeriod } from './report-period.ts'
import { formatShortDate } from './working-days.ts'

/**
 * - text: words, as written (left-aligned).
 * - number: a figure already written for people ('1,204', '7.5%', '+3', '12 (40%)'; right-aligned).
 * - date: a calendar date, 'YYYY-MM-DD'; month: 'YYYY-MM'; pounds: whole pence.
 */
export type ColumnFormat = 'text' | 'number' | 'date' | 'month' | 'pounds'
export type ReportColumn = { header: string; format: ColumnFormat }
/** Null is no value: a dash on the page, nothing in the file. */
export type Cell = string | number | null

export type ReportTable<Key extends string = string> = {
	key: Key
	caption: string
	/** The first column names each row (a row header). */
	columns: ReportColumn[]
	rows: Cell[][]
}

/** Columns from [heading, format] pairs, which read more easily in a table's definition. */
export function columns(...pairs: readonly (readonly [header: string, format: ColumnFormat])[]): ReportColumn[] {
	return pairs.map(([header, format]) => ({ header, format }))
}

/** Figures are right-aligned, as GOV.UK tables align numbers. */
export function isNumeric(format: ColumnFormat): boolean {
	return format === 'number' || format === 'pounds'
}

/** '1 month', '1,204 months': a count and its noun, for a report's sentences. */
export function counted(count: number, one: string, many: string): string {
	return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}

/** A cell as the page shows it. */
export function shownCell(format: ColumnFormat, cell: Cell): string {
	if (cell === null) return '–'
	switch (format) {
		case 'date':
			return formatShortDate(String(cell))
		case 'month':
			return monthLabel(String(cell))
		case 'pounds':
			return formatPounds(Number(cell))
		default:
			return String(cell)
	}
}

/** A cell as a spreadsheet should read it. */
export function spreadsheetCell(format: ColumnFormat, cell: Cell): string {
	if (cell === null) return ''
	switch (format) {
		case 'text':
			return spreadsheetSafe(String(cell))
		case 'number':
			return spreadsheetNumber(String(cell))
		case 'pounds':
			return (Number(cell) / 100).toFixed(2)
		default:
			return String(cell)
	}
}

/** The table as CSV rows: the page's headings, then each row as a spreadsheet reads it. */
export function csvRowsOf(table: ReportTable): string[][] {
	return [
		table.columns.map((column) => column.header),
		...table.rows.map((row) => row.map((cell, index) => spreadsheetCell(table.columns[index]!.format, cell))),
	]
}

/** The table asked for in `?table=`, when it is one of the report's. */
export function chosenTable<Key extends string>(params: URLSearchParams, keys: readonly Key[]): Key | null {
	const table = params.get('table') ?? ''
	return (keys as readonly string[]).includes(table) ? (table as Key) : null
}

/** The address of a table's CSV: the page's own choices (not its page of a list) and the table. */
export function tableCsvHref(csvPath: string, search: string, table: string): string {
	const params = new URLSearchParams(search)
	params.delete('page')
	params.set('table', table)
	return `${csvPath}?${params.toString()}`
}

/** 'funnel-stages-cohort-2026-01-01-to-2026-03-31.csv': the parts left to right, empty ones left out. */
export function csvFileName(...parts: readonly (string | null | false | ReportPeriod)[]): string {
	const words = parts.flatMap((part) => (!part ? [] : typeof part === 'string' ? [part] : [part.from, 'to', part.to]))
	return `${words.join('-')}.csv`
}

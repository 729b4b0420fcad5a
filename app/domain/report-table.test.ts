import { describe, expect, test } from 'vitest'
import {
	chosenTable,
	columns,
	counted,
	csvFileName,
	csvRowsOf,
	isNumeric,
	shownCell,
	spreadsheetCell,
	tableCsvHref,
	type ReportTable,
} from './report-table.ts'

// One definition, two renderings: what the page shows and what a spreadsheet reads.

const table: ReportTable = {
	key: 'months',
	caption: 'Referrals and bonuses, by month',
	columns: columns(['Month', 'month'], ['Referrals made', 'number'], ['Amount paid', 'pounds'], ['Note', 'text']),
	rows: [
		['2026-01', '1,204', 25_000, '=HYPERLINK("http://example.com")'],
		['2026-02', '–', 1_250, '+44 is a dialling code'],
		['2026-03', '0', null, null],
	],
}

describe('a cell, on the page and in the file', () => {
	test('figures lose their separators and signs; none is a dash on the page and nothing in the file', () => {
		expect(shownCell('number', '1,204')).toBe('1,204')
		expect(spreadsheetCell('number', '1,204')).toBe('1204')
		expect(spreadsheetCell('number', '−3')).toBe('-3')
		expect(spreadsheetCell('number', '+3')).toBe('3')
		expect(spreadsheetCell('number', '12 (40%)')).toBe('12')
		expect(spreadsheetCell('number', '7.5%')).toBe('7.5%')
		expect(spreadsheetCell('number', '–')).toBe('')
		expect(shownCell('number', null)).toBe('–')
		expect(spreadsheetCell('date', null)).toBe('')
	})

	test('dates and months are words on the page and ISO in the file', () => {
		expect(shownCell('date', '2026-01-05')).toBe('5 Jan 2026')
		expect(spreadsheetCell('date', '2026-01-05')).toBe('2026-01-05')
		expect(shownCell('month', '2026-03')).toBe('Mar 2026')
		expect(spreadsheetCell('month', '2026-03')).toBe('2026-03')
	})

	test('pence are pounds as people write them on the page, and plain pounds in the file', () => {
		expect(shownCell('pounds', 25_000)).toBe('£250')
		expect(shownCell('pounds', 1_250)).toBe('£12.50')
		expect(shownCell('pounds', 150_000)).toBe('£1,500')
		expect(spreadsheetCell('pounds', 25_000)).toBe('250.00')
		expect(spreadsheetCell('pounds', 150_000)).toBe('1500.00')
	})

	test('words that a spreadsheet would run as a formula are made safe', () => {
		expect(spreadsheetCell('text', '=SUM(A1:A9)')).toBe("'=SUM(A1:A9)")
		expect(spreadsheetCell('text', '@cmd')).toBe("'@cmd")
		expect(spreadsheetCell('text', 'Siobhán O’Neill')).toBe('Siobhán O’Neill')
		expect(shownCell('text', '=SUM(A1:A9)')).toBe('=SUM(A1:A9)')
	})

	test('figures are right-aligned, words and dates are not', () => {
		expect(['text', 'number', 'date', 'month', 'pounds'].filter((format) => isNumeric(format as never))).toEqual([
			'number',
			'pounds',
		])
	})
})

describe('the table as CSV', () => {
	test('has the page’s headings, then each row as a spreadsheet reads it', () => {
		expect(csvRowsOf(table)).toEqual([
			['Month', 'Referrals made', 'Amount paid', 'Note'],
			['2026-01', '1204', '250.00', `'=HYPERLINK("http://example.com")`],
			['2026-02', '', '12.50', "'+44 is a dialling code"],
			['2026-03', '0', '', ''],
		])
	})

	test('is one of the report’s tables, asked for by key', () => {
		const keys = ['stages', 'months'] as const
		expect(chosenTable(new URLSearchParams('table=months'), keys)).toBe('months')
		expect(chosenTable(new URLSearchParams('table=names'), keys)).toBeNull()
		expect(chosenTable(new URLSearchParams(''), keys)).toBeNull()
	})

	test('is found at the CSV address with the page’s choices, not its page of a list', () => {
		expect(tableCsvHref('/staff/reports/response-times.csv', '?route=kinship&page=3', 'breaches')).toBe(
			'/staff/reports/response-times.csv?route=kinship&table=breaches'
		)
		expect(tableCsvHref('/staff/funnel.csv', '', 'stages')).toBe('/staff/funnel.csv?table=stages')
	})

	test('is named by its report, table, choices and period', () => {
		const period = { from: '2026-01-01', to: '2026-03-31' }
		expect(csvFileName('funnel', 'stages', 'cohort', null, period)).toBe(
			'funnel-stages-cohort-2026-01-01-to-2026-03-31.csv'
		)
		expect(csvFileName('funnel', 'stages', 'period', 'radio', period)).toBe(
			'funnel-stages-period-radio-2026-01-01-to-2026-03-31.csv'
		)
		expect(csvFileName('annual-return', period, 'so-far')).toBe('annual-return-2026-01-01-to-2026-03-31-so-far.csv')
		expect(csvFileName('annual-return', period, false)).toBe('annual-return-2026-01-01-to-2026-03-31.csv')
	})
})

test('a count and its noun', () => {
	expect(counted(1, 'month', 'months')).toBe('1 month')
	expect(counted(0, 'month', 'months')).toBe('0 months')
	expect(counted(1204, 'referral', 'referrals')).toBe('1,204 referrals')
})

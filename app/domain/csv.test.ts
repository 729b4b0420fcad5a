import { describe, expect, test } from 'vitest'
import { decodeCsvBytes, parseCsv, spreadsheetSafe, toCsv } from './csv.ts'

const fields = (text: string) => {
	const result = parseCsv(text)
	if (!result.ok) throw new Error(result.error)
	return result.records.map((record) => record.fields)
}

describe('parseCsv', () => {
	test('reads plain fields and rows', () => {
		expect(fields('a,b,c\n1,2,3\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3'],
		])
	})

	test('keeps empty fields, including a trailing one', () => {
		expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']])
	})

	test('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
		expect(fields('name,notes\r\n"Shah, Priya","Said ""call after 6""\r\nand left a message"\r\n')).toEqual([
			['name', 'notes'],
			['Shah, Priya', 'Said "call after 6"\r\nand left a message'],
		])
	})

	test('drops a byte order mark and accepts CRLF, LF and CR line endings', () => {
		expect(fields('\uFEFFa,b\r\n1,2\n3,4\r5,6')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
			['5', '6'],
		])
	})

	test('leaves out blank lines and rows of empty cells, but numbers records as the spreadsheet does', () => {
		const result = parseCsv('a,b\n\n,,\n"x\ny",z\n1,2\n')
		expect(result).toEqual({
			ok: true,
			records: [
				{ row: 1, line: 1, fields: ['a', 'b'] },
				{ row: 4, line: 4, fields: ['x\ny', 'z'] },
				{ row: 5, line: 6, fields: ['1', '2'] },
			],
		})
	})

	test('allows spaces around a quoted field, as spreadsheets write them', () => {
		expect(fields('a, "b" ,c')).toEqual([['a', 'b', 'c']])
	})

	test('says which line has a quote that is never closed', () => {
		expect(parseCsv('a,b\n1,"never closed\n2,3\n')).toEqual({
			ok: false,
			line: 2,
			error: 'Line 2 has a quote mark that is never closed',
		})
	})

	test('says which line has text after a closing quote', () => {
		expect(parseCsv('a,b\n"x"y,2\n')).toEqual({
			ok: false,
			line: 2,
			error: 'Line 2 has text after a closing quote mark',
		})
	})

	test('an empty file has no records', () => {
		expect(parseCsv('')).toEqual({ ok: true, records: [] })
		expect(parseCsv('\uFEFF\r\n')).toEqual({ ok: true, records: [] })
	})
})

describe('toCsv', () => {
	test('quotes only what needs it, and parses back to the same rows', () => {
		const rows = [
			['reference', 'notes'],
			['A1', 'Plain'],
			['A2', 'Has, a comma'],
			['A3', 'Has "quotes"\nand a line break'],
			['A4', ' padded '],
		]
		const text = toCsv(rows)
		expect(text.split('\r\n')[2]).toBe('A2,"Has, a comma"')
		expect(fields(text)).toEqual(rows)
	})
})

describe('decodeCsvBytes', () => {
	test('reads UTF-8, and Windows-1252 when the file is not valid UTF-8', () => {
		expect(decodeCsvBytes(new TextEncoder().encode('Siobhán'))).toBe('Siobhán')
		expect(decodeCsvBytes(new Uint8Array([0x53, 0x69, 0x6f, 0x62, 0x68, 0xe1, 0x6e]))).toBe('Siobhán')
	})
})

describe('spreadsheetSafe', () => {
	test('a value a spreadsheet would run as a formula is kept as text', () => {
		expect(spreadsheetSafe('=HYPERLINK("http://evil.example")')).toBe(`'=HYPERLINK("http://evil.example")`)
		expect(spreadsheetSafe('+44 7700 900123')).toBe(`'+44 7700 900123`)
		expect(spreadsheetSafe('@SUM(A1)')).toBe(`'@SUM(A1)`)
		expect(spreadsheetSafe('-1')).toBe(`'-1`)
	})
	test('ordinary values are unchanged', () => {
		expect(spreadsheetSafe('Priya and Tom Shah')).toBe('Priya and Tom Shah')
		expect(spreadsheetSafe("O'Brien-Smith")).toBe("O'Brien-Smith")
	})
})

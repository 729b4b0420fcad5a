import { describe, expect, test } from 'vitest'
import { parseCsv } from '~/domain/csv.ts'
import { columns } from '~/domain/report-table.ts'
import { csvRefusal, csvResponse, tableCsvResponse } from './csv-response.server.ts'

describe('a CSV download', () => {
	test('is UTF-8 with a byte order mark and CRLF lines, offered as a file, never stored', async () => {
		const answer = csvResponse(
			[
				['Name', 'Count'],
				['Siobhán, "Sam"', '3'],
			],
			'carers-import-template.csv'
		)
		expect(answer.status).toBe(200)
		expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(answer.headers.get('Content-Disposition')).toBe('attachment; filename="carers-import-template.csv"')
		expect(answer.headers.get('Cache-Control')).toBe('no-store')
		expect(answer.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
		const bytes = new Uint8Array(await answer.arrayBuffer())
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
		expect(text).toBe('\uFEFFName,Count\r\n"Siobhán, ""Sam""",3\r\n')
	})

	test('a file name cannot end the header’s quotes or add a header', () => {
		const answer = csvResponse([['A']], 'funnel-"x"\r\nSet-Cookie: a=b.csv')
		expect(answer.headers.get('Content-Disposition')).toBe('attachment; filename="funnel--x---Set-Cookie--a-b.csv"')
	})

	test('a report table is written with its headings and each row as a spreadsheet reads it', async () => {
		const answer = tableCsvResponse(
			{
				key: 'months',
				caption: 'By month',
				columns: columns(['Month', 'month'], ['Households', 'number'], ['Reason', 'text']),
				rows: [['2026-01', '1,204', '=cmd|calc']],
			},
			'by-month.csv'
		)
		const parsed = parseCsv(await answer.text())
		expect(parsed.ok && parsed.records.map((record) => record.fields)).toEqual([
			['Month', 'Households', 'Reason'],
			['2026-01', '1204', "'=cmd|calc"],
		])
	})

	test('a refusal says why in plain text', async () => {
		const answer = csvRefusal('Choose one of the funnel’s tables', 404)
		expect(answer.status).toBe(404)
		expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
		expect(answer.headers.get('Cache-Control')).toBe('no-store')
		expect(await answer.text()).toBe('Choose one of the funnel’s tables')
	})
})

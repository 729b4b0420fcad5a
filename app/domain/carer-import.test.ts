import { describe, expect, test } from 'vitest'
import { readApprovalDate } from './carer-form.ts'
import { carerTemplateRows, checkCarerImport, importFileEmails, readCarerImportFile } from './carer-import.ts'
import { toCsv } from './csv.ts'

const TODAY = '2026-03-27'
const none = new Map<string, string>()
const HEADER = 'name,email,phone,kind,approved_on,short_breaks_only'

const check = (csv: string, existing: ReadonlyMap<string, string> = none) =>
	checkCarerImport(csv, { today: TODAY, existingEmails: existing })

describe('the add-a-carer form', () => {
	test('the approval date is optional, but must be real and not in the future', () => {
		expect(readApprovalDate({ day: '', month: '', year: '' }, TODAY)).toEqual({ ok: true, date: null })
		expect(readApprovalDate({ day: '27', month: '3', year: '2026' }, TODAY)).toEqual({ ok: true, date: '2026-03-27' })
		expect(readApprovalDate({ day: '30', month: '2', year: '2025' }, TODAY)).toEqual({
			ok: false,
			error: 'The date they were approved must be a real date',
		})
		expect(readApprovalDate({ day: '1', month: '', year: '2025' }, TODAY)).toEqual({
			ok: false,
			error: 'The date they were approved must include a month',
		})
		expect(readApprovalDate({ day: '28', month: '3', year: '2026' }, TODAY)).toEqual({
			ok: false,
			error: 'The date they were approved must be today or in the past (today is 27 March 2026)',
		})
	})
})

describe('reading a carers file', () => {
	test('the template reads back with no errors', () => {
		const result = check(toCsv(carerTemplateRows()))
		expect(result.errors).toEqual([])
		expect(result.carers.map((carer) => [carer.row, carer.name, carer.kind, carer.approvedOn])).toEqual([
			[2, 'Jo Example', 'foster_carer', '2021-09-14'],
			[3, 'Friends of Northdale Family Centre', 'community_group', null],
		])
	})

	test('headings as spreadsheets write them, in any order, other columns left out', () => {
		const file = readCarerImportFile(
			'Email address,Full name,Notes,Short breaks only?\r\nann@example.com,Ann,x,yes\r\n'
		)
		expect(file).toEqual({
			ok: true,
			ignoredColumns: ['Notes'],
			rows: [
				{
					row: 2,
					values: {
						name: 'Ann',
						email: 'ann@example.com',
						phone: '',
						kind: '',
						approved_on: '',
						short_breaks_only: 'yes',
					},
				},
			],
		})
		const result = check(
			toCsv([
				['Email address', 'Full name', 'Short breaks only?'],
				['ann@example.com', 'Ann', 'Yes'],
			])
		)
		expect(result.carers[0]).toMatchObject({ kind: 'foster_carer', shortBreakOnly: true, phone: null })
	})

	test('a file without a name or email column, an empty one, or a broken quote cannot be read at all', () => {
		expect(readCarerImportFile('name,phone\r\nAnn,07700900982\r\n')).toEqual({
			ok: false,
			errors: [
				{
					row: null,
					column: 'email',
					message: 'The file has no “email” column: the first row must name the columns, as in the template',
				},
			],
		})
		expect(check('').errors[0]!.message).toBe('The selected file is empty')
		expect(check(`${HEADER}\r\n`).errors[0]!.message).toBe('The file has a header row but no carers')
		expect(check('name,email\r\n"Ann,ann@example.com\r\n').errors[0]!.message).toBe(
			'Line 2 has a quote mark that is never closed: check the file is a CSV saved from a spreadsheet'
		)
	})

	test('too many rows are refused before any is checked', () => {
		const rows = Array.from({ length: 2001 }, (_, index) => [`Carer ${index}`, `c${index}@example.com`])
		expect(check(toCsv([['name', 'email'], ...rows])).errors).toEqual([
			{
				row: null,
				column: null,
				message: 'The file has 2001 carers: import at most 2000 at a time, in more than one file',
			},
		])
	})

	test('every problem of a row is named by its row and column', () => {
		const csv = [
			HEADER,
			',not-an-email,123,friend,31/02/2020,maybe',
			'Bo,bo@example.com,,staff,2026-03-28,',
			'Cy,cy@example.com,07700 900 001,Community group,1/2/2020,no',
		].join('\r\n')
		const result = check(csv)
		expect(result.carers.map((carer) => carer.name)).toEqual(['Cy'])
		expect(result.errors).toEqual([
			{ row: 2, column: 'name', message: 'Enter the carer’s name' },
			{ row: 2, column: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
			{
				row: 2,
				column: 'phone',
				message: 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
			},
			{
				row: 2,
				column: 'kind',
				message: '“friend” is not a kind of referrer: use foster_carer, staff or community_group',
			},
			{
				row: 2,
				column: 'approved_on',
				message: 'The date they were approved must be a real date, like 27/03/2026 or 2026-03-27',
			},
			{ row: 2, column: 'short_breaks_only', message: 'Short breaks only must be yes, no or empty' },
			{
				row: 3,
				column: 'approved_on',
				message: 'The date they were approved must be today or in the past (today is 27 March 2026)',
			},
		])
	})

	test('duplicates: an address already added, or a second row for the same address whatever its case', () => {
		const csv = [HEADER, 'Ann,ann@example.com,,,,', 'Ann again,ANN@example.com,,,,', 'Old,old@example.com,,,,'].join(
			'\n'
		)
		const result = check(csv, new Map([['old@example.com', 'Olive Old']]))
		expect(result.carers.map((carer) => carer.row)).toEqual([2])
		expect(result.errors).toEqual([
			{
				row: 3,
				column: 'email',
				message: 'This email address is also on row 2: each carer can be imported only once',
			},
			{ row: 4, column: 'email', message: 'A carer with this email address has already been added (Olive Old)' },
		])
	})

	test('the emails a file names, for the database to say which are taken', () => {
		expect(importFileEmails(`${HEADER}\nA, A@Example.com ,,,,\nB,a@example.com,,,,\nC,,,,,`)).toEqual(['a@example.com'])
	})
})

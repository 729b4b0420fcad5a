import { REFERRER_KIND_LABELS, REFERRER_KINDS, type ReferrerKind } from './bonus-scheme.ts'
import { approvalDateProblem } from './carer-form.ts'
import { readCarerInput, type CarerInput } from './carers.ts'
import { parseCsv } from './csv.ts'
import { normaliseEmail } from './email-address.ts'
import { DATE_EXAMPLE, parseImportDate } from './pipeline-import.ts'
import type { CalendarDate } from './working-days.ts'

// Importing the carers a service already has (a list kept in a spreadsheet): the CSV format and
// the checks of each row, with the add-a-carer form's own rules (app/domain/carers.ts). Pure:
// the caller supplies today and the email addresses of carers already added.

export const CARER_IMPORT_COLUMNS = [
	{ key: 'name', required: true, about: 'The carer’s name (or the group’s, for a community group)' },
	{
		key: 'email',
		required: true,
		about: 'They sign in to refer a friend with it. An address already added, or twice in the file, is an error',
	},
	{ key: 'phone', required: false, about: 'Optional: a UK or international telephone number' },
	{
		key: 'kind',
		required: false,
		about: `foster_carer, staff or community_group (empty means foster_carer)`,
	},
	{ key: 'approved_on', required: false, about: `Optional: the date they were approved, ${DATE_EXAMPLE}` },
	{
		key: 'short_breaks_only',
		required: false,
		about: 'yes if they are approved for short breaks only, otherwise no or empty',
	},
] as const

export type CarerColumn = (typeof CARER_IMPORT_COLUMNS)[number]['key']
export type CarerRawRow = { row: number; values: Record<CarerColumn, string> }
/** A problem with the file (row null) or with one cell of a row (column is its heading). */
export type CarerImportError = { row: number | null; column: CarerColumn | null; message: string }

/** Carers are counted in hundreds, not tens of thousands: the file travels with the preview's form. */
export const MAX_CARER_IMPORT_BYTES = 512 * 1024
export const MAX_CARER_IMPORT_ROWS = 2000

const compact = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** Headings as spreadsheets vary them: "Email address", "Approved on", "Short breaks only?"... */
const HEADING_ALIASES: Record<CarerColumn, string[]> = {
	name: ['name', 'full name', 'carer', 'carer name'],
	email: ['email', 'email address'],
	phone: ['phone', 'phone number', 'telephone', 'telephone number'],
	kind: ['kind', 'type', 'referrer kind'],
	approved_on: ['approved on', 'approved', 'approval date', 'date approved'],
	short_breaks_only: ['short breaks only', 'short break only', 'short breaks'],
}

function columnFor(title: string): CarerColumn | undefined {
	const wanted = compact(title)
	if (!wanted) return undefined
	return CARER_IMPORT_COLUMNS.find((column) => HEADING_ALIASES[column.key].some((name) => compact(name) === wanted))
		?.key
}

export type CarerImportFile =
	{ ok: true; rows: CarerRawRow[]; ignoredColumns: string[] } | { ok: false; errors: CarerImportError[] }

/** The file's rows by column, or what stops it being read at all (no header, missing columns, too long). */
export function readCarerImportFile(text: string): CarerImportFile {
	const fileError = (message: string): CarerImportFile => ({
		ok: false,
		errors: [{ row: null, column: null, message }],
	})
	const parsed = parseCsv(text)
	if (!parsed.ok) return fileError(`${parsed.error}: check the file is a CSV saved from a spreadsheet`)
	const [header, ...records] = parsed.records
	if (!header) return fileError('The selected file is empty')

	const positions = new Map<CarerColumn, number>()
	const ignoredColumns: string[] = []
	const errors: CarerImportError[] = []
	header.fields.forEach((title, index) => {
		const key = columnFor(title)
		if (!key) {
			if (title.trim()) ignoredColumns.push(title.trim())
		} else if (positions.has(key))
			errors.push({ row: null, column: key, message: `The file has two “${key}” columns: remove one` })
		else positions.set(key, index)
	})
	for (const column of CARER_IMPORT_COLUMNS) {
		if (column.required && !positions.has(column.key))
			errors.push({
				row: null,
				column: column.key,
				message: `The file has no “${column.key}” column: the first row must name the columns, as in the template`,
			})
	}
	if (errors.length > 0) return { ok: false, errors }
	if (records.length === 0) return fileError('The file has a header row but no carers')
	if (records.length > MAX_CARER_IMPORT_ROWS)
		return fileError(
			`The file has ${records.length} carers: import at most ${MAX_CARER_IMPORT_ROWS} at a time, in more than one file`
		)

	const rows = records.map((record) => {
		const values = {} as Record<CarerColumn, string>
		for (const column of CARER_IMPORT_COLUMNS) {
			const index = positions.get(column.key)
			values[column.key] = index === undefined ? '' : (record.fields[index] ?? '')
		}
		return { row: record.row, values }
	})
	return { ok: true, rows, ignoredColumns }
}

const KINDS = new Map<string, ReferrerKind>([
	['', 'foster_carer'],
	['carer', 'foster_carer'],
	['fostercarer', 'foster_carer'],
	...REFERRER_KINDS.flatMap((kind) => [
		[compact(kind), kind] as [string, ReferrerKind],
		[compact(REFERRER_KIND_LABELS[kind]), kind] as [string, ReferrerKind],
	]),
])
const YES_NO = new Map<string, boolean>([
	['', false],
	['no', false],
	['n', false],
	['false', false],
	['yes', true],
	['y', true],
	['true', true],
])

const FIELD_COLUMNS: Record<keyof CarerInput, CarerColumn> = {
	name: 'name',
	email: 'email',
	phone: 'phone',
	kind: 'kind',
	approvedOn: 'approved_on',
	shortBreakOnly: 'short_breaks_only',
}

/** A row that passed every check: the carer to add. */
export type ImportedCarer = CarerInput & { row: number }

export type CarerRowCheck = { ok: true; carer: ImportedCarer } | { ok: false; errors: CarerImportError[] }

/**
 * Checks rows one at a time, remembering the emails seen so far so a second row for the same
 * carer is caught. Feed it every row of the file in order.
 */
export function createCarerRowChecker(context: {
	today: CalendarDate
	/** Carers already added, by lower-cased email: their name. */
	existingEmails: ReadonlyMap<string, string>
}) {
	const seenEmails = new Map<string, number>()
	return function checkRow({ row, values }: CarerRawRow): CarerRowCheck {
		const errors: CarerImportError[] = []
		const fail = (column: CarerColumn | null, message: string) => errors.push({ row, column, message })

		const kindText = values.kind.trim()
		const kind = KINDS.get(compact(kindText))
		if (!kind) fail('kind', `“${kindText}” is not a kind of referrer: use foster_carer, staff or community_group`)

		const shortBreakOnly = YES_NO.get(compact(values.short_breaks_only))
		if (shortBreakOnly === undefined) fail('short_breaks_only', 'Short breaks only must be yes, no or empty')

		let approvedOn: CalendarDate | null = null
		const dateText = values.approved_on.trim()
		if (dateText) {
			const parsed = parseImportDate(dateText)
			const problem = parsed ? approvalDateProblem(parsed, context.today) : null
			if (!parsed) fail('approved_on', `The date they were approved must be a real date, ${DATE_EXAMPLE}`)
			else if (problem) fail('approved_on', problem)
			else approvedOn = parsed
		}

		const details = readCarerInput(
			{
				name: values.name,
				email: values.email,
				phone: values.phone,
				// A kind that could not be read is already an error above.
				kind: kind ?? 'foster_carer',
				shortBreakOnly: shortBreakOnly ?? false,
			},
			approvedOn,
			context.today
		)
		if (!details.ok)
			for (const error of details.errors) fail(error.field ? FIELD_COLUMNS[error.field] : null, error.message)
		else {
			const email = normaliseEmail(details.value.email)
			const existing = context.existingEmails.get(email)
			const earlier = seenEmails.get(email)
			if (existing !== undefined) fail('email', `A carer with this email address has already been added (${existing})`)
			else if (earlier !== undefined)
				fail('email', `This email address is also on row ${earlier}: each carer can be imported only once`)
			else seenEmails.set(email, row)
		}

		errors.sort(
			(a, b) =>
				CARER_IMPORT_COLUMNS.findIndex((column) => column.key === a.column) -
				CARER_IMPORT_COLUMNS.findIndex((column) => column.key === b.column)
		)
		if (errors.length > 0 || !details.ok) return { ok: false, errors }
		return { ok: true, carer: { ...details.value, row } }
	}
}

export type CarerImportCheck =
	| { ok: true; carers: ImportedCarer[]; errors: CarerImportError[]; ignoredColumns: string[] }
	| { ok: false; carers: []; errors: CarerImportError[]; ignoredColumns: string[] }

/** The whole file checked: the carers it would add and every error, row by row. */
export function checkCarerImport(text: string, context: Parameters<typeof createCarerRowChecker>[0]): CarerImportCheck {
	const file = readCarerImportFile(text)
	if (!file.ok) return { ok: false, carers: [], errors: file.errors, ignoredColumns: [] }
	const checkRow = createCarerRowChecker(context)
	const carers: ImportedCarer[] = []
	const errors: CarerImportError[] = []
	for (const row of file.rows) {
		const checked = checkRow(row)
		if (checked.ok) carers.push(checked.carer)
		else errors.push(...checked.errors)
	}
	return { ok: true, carers, errors, ignoredColumns: file.ignoredColumns }
}

/** The emails a file names, lower-cased: which of them are taken is asked of the database. */
export function importFileEmails(text: string): string[] {
	const file = readCarerImportFile(text)
	if (!file.ok) return []
	return [...new Set(file.rows.map((row) => normaliseEmail(row.values.email)).filter(Boolean))]
}

/** The template: the headings and two example rows. */
export function carerTemplateRows(): string[][] {
	return [
		CARER_IMPORT_COLUMNS.map((column) => column.key),
		['Jo Example', 'jo.example@example.com', '07700 900 982', 'foster_carer', '14/09/2021', 'no'],
		['Friends of Northdale Family Centre', 'hello@northdale-families.example', '', 'community_group', '', ''],
	]
}

// Reading and writing CSV (RFC 4180, as spreadsheets save it): quoted fields with commas, line
// breaks and doubled quotes inside them, a byte order mark at the start (Excel's "CSV UTF-8"),
// and CRLF, LF or CR line endings. Small enough to own rather than add a dependency for.

export type CsvRecord = {
	/** The record's row as a spreadsheet numbers it (1 is the first), counting blank rows. */
	row: number
	/** The line of the file the record starts on (differs from row when a field has line breaks). */
	line: number
	fields: string[]
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; error: string; line: number }

/** Every record of `text`, blank lines left out. */
export function parseCsv(text: string): CsvResult {
	const records: CsvRecord[] = []
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
	let fields: string[] = []
	let field = ''
	let line = 1
	let recordLine = 1
	let row = 0
	let quoted = false
	// True once the current field started with a quote (so `"a"b` is a mistake we can report).
	let closedQuote = false

	const endRecord = () => {
		fields.push(field)
		row++
		// A line with nothing on it (or only commas from a spreadsheet's empty rows) is not a record.
		if (fields.some((value) => value.trim() !== '')) records.push({ row, line: recordLine, fields })
		fields = []
		field = ''
		closedQuote = false
	}

	for (let i = 0; i < input.length; i++) {
		const char = input[i]!
		if (quoted) {
			if (char === '"') {
				if (input[i + 1] === '"') {
					field += '"'
					i++
				} else {
					quoted = false
					closedQuote = true
				}
			} else {
				if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) line++
				field += char
			}
			continue
		}
		if (char === ',') {
			fields.push(field)
			field = ''
			closedQuote = false
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && input[i + 1] === '\n') i++
			endRecord()
			line++
			recordLine = line
		} else if (char === '"' && field.trim() === '' && !closedQuote) {
			// Spaces before an opening quote are dropped, as spreadsheets do.
			field = ''
			quoted = true
		} else if (closedQuote) {
			if (char !== ' ' && char !== '\t')
				return { ok: false, line, error: `Line ${line} has text after a closing quote mark` }
		} else {
			field += char
		}
	}
	if (quoted) return { ok: false, line: recordLine, error: `Line ${recordLine} has a quote mark that is never closed` }
	endRecord()
	return { ok: true, records }
}

/** One field, quoted when it needs to be. */
function csvField(value: string): string {
	return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value
}

/** Rows as CSV text with CRLF line endings (what spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/**
 * The text of an uploaded file: UTF-8 (with or without a byte order mark), or Windows-1252 when
 * it is not valid UTF-8 (Excel's plain "CSV" on Windows), so "Siobhán" survives either way.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return new TextDecoder('windows-1252').decode(bytes)
	}
}

/**
 * A value typed by the public, made safe to open in a spreadsheet: one starting with =, +, -, @ or
 * a tab would be run as a formula (CSV injection), so it gets a leading apostrophe (OWASP's advice).
 */
export function spreadsheetSafe(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/**
 * A figure as a spreadsheet reads it: '1,204' → '1204', '−3' (a real minus sign) → '-3', '+3' →
 * '3', '12 (40%)' → '12' (the share is worked out again from the counts), '–' (none) → ''.
 */
export function spreadsheetNumber(cell: string): string {
	if (cell === '–') return ''
	return cell
		.replace(/ \(.*\)$/, '')
		.replace(/,/g, '')
		.replace(/^\+/, '')
		.replace(/^−/, '-')
}

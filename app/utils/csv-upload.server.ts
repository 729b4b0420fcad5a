// The CSV file posted by an import's upload form (households, carers), checked the same way for
// both: the form as the front door read it (null when it was over the limit), then the file field
// with GOV.UK's file upload messages, and the text decoded however the spreadsheet saved it.
import { decodeCsvBytes } from '~/domain/csv.ts'
import { cleanText } from '~/domain/enquiry-form.ts'

export type CsvUpload = { ok: true; filename: string; text: string } | { ok: false; error: string }

/** The file field's messages; `limit` is the largest size in words, such as '512KB'. */
function csvUploadMessages(limit: string) {
	return {
		missing: 'Select a CSV file',
		notCsv: 'The selected file must be a CSV',
		tooBig: `The selected file must be smaller than ${limit}`,
		empty: 'The selected file is empty',
	} as const
}

/** The uploaded file's name and text, or the message the field shows. */
export async function readCsvUpload(
	form: FormData | null,
	options: { maxBytes: number; limit: string; fallbackName: string }
): Promise<CsvUpload> {
	const messages = csvUploadMessages(options.limit)
	const refuse = (error: string): CsvUpload => ({ ok: false, error })
	if (!form) return refuse(messages.tooBig)
	const file = form.get('file')
	if (!(file instanceof Blob) || !('name' in file) || (file.size === 0 && !file.name)) return refuse(messages.missing)
	// The name as the manager's computer gave it, without its folders or anything unprintable.
	const filename = cleanText(String(file.name).split(/[\\/]/).pop()).slice(0, 200) || options.fallbackName
	if (!/\.csv$/i.test(filename)) return refuse(messages.notCsv)
	if (file.size === 0) return refuse(messages.empty)
	if (file.size > options.maxBytes) return refuse(messages.tooBig)
	return { ok: true, filename, text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) }
}

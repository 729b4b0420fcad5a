// A generated pipeline spreadsheet for the benches (bench:import imports it; bench:pipeline times
// the board while it imports): `rows` households across every stage and status, as CSV.
import { toCsv } from '../../app/domain/csv.ts'
import { importSheet, type ImportColumnKey } from '../../app/domain/pipeline-import.ts'

const STAGES = ['Enquiry', 'Initial contact', 'Initial visit', 'Application', 'Stage 1', 'Stage 2', 'Panel', 'Approved']
const CHANNELS = ['search', 'social', 'radio', 'Event', 'word_of_mouth']
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Efua', 'Finn', 'Grace', 'Hamza', 'Isla', 'Jamal']
const LAST = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Flynn', 'Green', "O'Neill", 'Smith-Jones', 'Wright']
const pad = (n: number) => String(n).padStart(2, '0')

/** The CSV of `rows` households; a third are owned by `ownerEmail`. `tag` keeps emails and references apart between files. */
export function importSheetCsv(rows: number, ownerEmail: string, tag = 'OLD'): string {
	const sheet = Array.from({ length: rows }, (_, i): Record<ImportColumnKey, string> => {
		const stage = STAGES[i % STAGES.length]!
		const month = (i % 12) + 1
		const closed = i % 5 === 1 && stage !== 'Approved'
		const onHold = !closed && i % 7 === 3 && stage !== 'Approved'
		return {
			reference: `${tag}-${i}`,
			firstName: FIRST[i % 10]!,
			lastName: LAST[Math.floor(i / 10) % 10]!,
			email: `person.${tag.toLowerCase()}.${i}@example.com`,
			phone: `07700 9${String(i).padStart(5, '0')}`,
			postcode: 'NE1 4ST',
			enquiryDate: `${pad((i % 27) + 1)}/${pad(month)}/2024`,
			channel: CHANNELS[i % CHANNELS.length]!,
			howHeard: '',
			stage,
			stageDate: stage === 'Enquiry' ? '' : `2025-${pad(month)}-${pad((i % 27) + 1)}`,
			status: closed ? 'closed' : onHold ? 'on hold' : 'open',
			exitReason: closed ? (stage === 'Panel' ? 'panel_against' : 'lost_contact') : '',
			exitDate: closed ? '2025-12-31' : '',
			holdReviewDate: onHold ? '2099-01-31' : '',
			ownerEmail: i % 3 === 0 ? ownerEmail : '',
			kinship: i % 11 === 0 ? 'yes' : 'no',
			notes: i % 4 === 0 ? 'Imported note, with a comma and "quotes"' : '',
		}
	})
	return toCsv(importSheet(sheet))
}

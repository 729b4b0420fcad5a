import { describe, expect, test } from 'vitest'
import { CHANNEL_LABELS } from './attribution.ts'
import { toCsv } from './csv.ts'
import {
	checkImport,
	IMPORT_COLUMNS,
	IMPORT_EXAMPLES,
	importSheet,
	importTemplateRows,
	parseImportDate,
	readImportFile,
	type ImportColumnKey,
	type ImportContext,
} from './pipeline-import.ts'
import { tryReplay } from './stage-machine.ts'
import { stageNames } from './stages.ts'

const TODAY = '2026-03-20'

const context: ImportContext = {
	today: TODAY,
	actor: { id: 'manager-1', role: 'manager' },
	filename: 'pipeline.csv',
	stageNames: stageNames({ stage_1: 'Checks' }),
	channels: Object.entries(CHANNEL_LABELS).map(([key, label]) => ({ id: `channel_${key}`, key, label })),
	exitReasons: [
		{ id: 'exit_timing', key: 'timing', label: 'Timing not right', endedBy: 'household' },
		{ id: 'exit_household_health', key: 'household_health', label: 'Health', endedBy: 'household' },
		{ id: 'exit_service_health', key: 'service_health', label: 'Health', endedBy: 'service' },
		{
			id: 'exit_panel_against',
			key: 'panel_against',
			label: 'Panel recommended against approval',
			endedBy: 'not_approved',
		},
		{ id: 'exit_old', key: 'old_reason', label: 'An old reason', endedBy: 'household', retired: true },
	],
	staff: [
		{ id: 'officer-1', email: 'olu.officer@northdale.example', role: 'officer', disabled: false },
		{ id: 'reader-1', email: 'rita.reader@northdale.example', role: 'read_only', disabled: false },
		{ id: 'gone-1', email: 'gone@northdale.example', role: 'officer', disabled: true },
	],
	existingEmails: new Map([['already@example.com', 'HH-7K3M9Q']]),
}

/** The template's first example: a household at Initial visit, enquired 14/01/2026, there since 03/02/2026. */
const GOOD = IMPORT_EXAMPLES[0]!

let emails = 0
/** A file of the given rows (each the good row with some cells changed), with the template's headings. */
function file(...rows: Partial<Record<ImportColumnKey, string>>[]) {
	return toCsv(
		importSheet(
			rows.map((row) => {
				emails += 1
				return { ...GOOD, email: `person.${emails}@example.com`, reference: `N-${emails}`, ...row }
			})
		)
	)
}

/** The errors of a one-row file, as "Column: message". */
function errorsOf(row: Partial<Record<ImportColumnKey, string>>) {
	return checkImport(file(row), context).errors.map((error) => `${error.column}: ${error.message}`)
}

describe('reading the file', () => {
	test('finds the columns by heading, in any order and however they are written', () => {
		const text = toCsv([
			[
				'EMAIL ADDRESS',
				'Surname',
				'first_name',
				'Phone number',
				'Post code',
				'Enquiry Date',
				'channel',
				'Stage',
				'Shoe size',
			],
			['a@example.com', 'Shah', 'Priya', '07700900982', 'NE1 4ST', '2026-01-14', 'radio', 'enquiry', '9'],
		])
		const result = readImportFile(text)
		expect(result.ok && result.rows[0]!.values).toMatchObject({
			email: 'a@example.com',
			lastName: 'Shah',
			firstName: 'Priya',
			postcode: 'NE1 4ST',
		})
		expect(result.ok && result.ignoredColumns).toEqual(['Shoe size'])
	})

	test('names each required column that is missing', () => {
		const result = readImportFile('First name,Last name,Email\nPriya,Shah,p@example.com\n')
		expect(result.ok ? [] : result.errors.map((error) => error.message)).toEqual([
			'The file has no “Phone” column: the first row must name the columns, as in the template',
			'The file has no “Postcode” column: the first row must name the columns, as in the template',
			'The file has no “Enquiry date” column: the first row must name the columns, as in the template',
			'The file has no “Channel” column: the first row must name the columns, as in the template',
			'The file has no “Stage” column: the first row must name the columns, as in the template',
		])
	})

	test('an empty file, a header with no rows, and a broken quote are refused with a message', () => {
		const message = (text: string) => {
			const result = readImportFile(text)
			return result.ok ? null : result.errors[0]!.message
		}
		expect(message('')).toBe('The selected file is empty')
		expect(message(toCsv([IMPORT_COLUMNS.map((column) => column.heading)]))).toBe(
			'The file has a header row but no households'
		)
		expect(message('First name\n"Priya\n')).toBe(
			'Line 2 has a quote mark that is never closed: check the file is a CSV saved from a spreadsheet'
		)
	})

	test('the template has every column and its example rows import cleanly', () => {
		const rows = importTemplateRows()
		expect(rows[0]).toEqual(IMPORT_COLUMNS.map((column) => column.heading))
		const result = checkImport(toCsv(rows), context)
		expect(result.errors).toEqual([])
		expect(result.households).toHaveLength(2)
	})
})

describe('dates', () => {
	test('accepts day first with slashes, dashes or dots, and year first', () => {
		expect(parseImportDate('27/03/2026')).toBe('2026-03-27')
		expect(parseImportDate('7/3/2026')).toBe('2026-03-07')
		expect(parseImportDate('27-03-2026')).toBe('2026-03-27')
		expect(parseImportDate('27.03.2026')).toBe('2026-03-27')
		expect(parseImportDate('2026-03-27')).toBe('2026-03-27')
		expect(parseImportDate('27/03/2026 00:00')).toBe('2026-03-27')
	})

	test('refuses dates that do not exist and other formats', () => {
		for (const value of ['31/02/2026', '2026-13-01', '03/27/26', 'March 2026', '27/03/26']) {
			expect(parseImportDate(value), value).toBeUndefined()
		}
	})

	test('an enquiry date that is not a date, or is in the future, is an error on its column', () => {
		expect(errorsOf({ enquiryDate: '31/02/2026' })).toEqual([
			'Enquiry date: Enquiry date must be a real date, like 27/03/2026 or 2026-03-27',
		])
		expect(errorsOf({ enquiryDate: '21/03/2026', stage: 'Enquiry', stageDate: '' })).toEqual([
			'Enquiry date: The date they reached Enquiry must be today or in the past',
		])
	})
})

describe('a household at a stage', () => {
	test('is entered at Enquiry on the enquiry date, then each stage in turn on the stage date, by the manager', () => {
		const [household] = checkImport(file({ stage: 'Checks', stageDate: '2026-02-03' }), context).households
		expect(household!.events.map((event) => [event.kind, event.toStage, event.businessDate])).toEqual([
			['entered', 'enquiry', '2026-01-14'],
			['entered', 'initial_contact', '2026-02-03'],
			['entered', 'initial_visit', '2026-02-03'],
			['entered', 'application', '2026-02-03'],
			['entered', 'stage_1', '2026-02-03'],
		])
		expect(
			household!.events.every(
				(event) => event.actorId === 'manager-1' && event.backdateReason === 'Imported from pipeline.csv'
			)
		).toBe(true)
		expect(household!.state).toMatchObject({ stage: 'stage_1', status: 'open', stageEnteredOn: '2026-02-03' })
		expect(tryReplay(household!.events).ok).toBe(true)
	})

	test('the stage may be given by its key, its default name, its long name or the service’s own name', () => {
		for (const stage of ['stage_1', 'Stage 1', 'Stage 1: checks and references', 'checks']) {
			expect(checkImport(file({ stage }), context).households[0]?.state.stage, stage).toBe('stage_1')
		}
	})

	test('the normalised answers are kept: postcode, phone, channel, how heard, kinship', () => {
		const [household] = checkImport(
			file({ postcode: 'ne1 4st', phone: '+44 7700 900982', channel: 'radio', kinship: 'yes' }),
			context
		).households
		expect(household).toMatchObject({
			postcode: 'NE1 4ST',
			phone: '07700900982',
			channelId: 'channel_radio',
			howHeard: 'search_engine',
			route: 'kinship',
		})
	})

	test('an unknown stage, a missing stage date and a stage date before the enquiry are errors', () => {
		expect(errorsOf({ stage: 'Interview' })).toEqual([
			'Stage: “Interview” is not a stage: use a stage’s name or key from the list',
		])
		expect(errorsOf({ stageDate: '' })).toEqual([
			'Stage date: Enter the stage date: the date they reached Initial visit',
		])
		expect(errorsOf({ stageDate: '01/01/2026' })).toEqual([
			'Stage date: The date they reached Initial contact must be the same as or after 14 January 2026, when they reached Enquiry',
		])
		expect(errorsOf({ stage: 'enquiry', stageDate: '15/01/2026' })).toEqual([
			'Stage date: At Enquiry the stage date is the enquiry date: leave it empty or make it the same',
		])
	})
})

describe('status', () => {
	test('closed needs an exit reason and an exit date, and ends the history with the exit', () => {
		expect(errorsOf({ status: 'closed' })).toEqual([
			'Exit reason: Enter the exit reason for a closed household',
			'Exit date: Enter the exit date for a closed household',
		])
		const [household] = checkImport(
			file({ status: 'Closed', exitReason: 'Timing not right', exitDate: '10/02/2026' }),
			context
		).households
		expect(household!.events.at(-1)).toMatchObject({
			kind: 'exit',
			fromStage: 'initial_visit',
			exitReasonKey: 'timing',
			businessDate: '2026-02-10',
		})
		expect(household!.state).toMatchObject({ status: 'closed', stage: 'initial_visit' })
	})

	test('an exit reason must be one of the service’s, unambiguous, current and allowed at the stage', () => {
		expect(errorsOf({ status: 'closed', exitReason: 'Bored', exitDate: '10/02/2026' })).toEqual([
			'Exit reason: “Bored” is not one of the service’s exit reasons: use a name or key from the list',
		])
		expect(errorsOf({ status: 'closed', exitReason: 'Health', exitDate: '10/02/2026' })).toEqual([
			'Exit reason: “Health” is the name of more than one exit reason: use its key (household_health or service_health)',
		])
		expect(
			checkImport(file({ status: 'closed', exitReason: 'service_health', exitDate: '10/02/2026' }), context).errors
		).toEqual([])
		expect(errorsOf({ status: 'closed', exitReason: 'old_reason', exitDate: '10/02/2026' })).toEqual([
			'Exit reason: “An old reason” is no longer used: select another reason',
		])
		expect(errorsOf({ status: 'closed', exitReason: 'panel_against', exitDate: '10/02/2026' })).toEqual([
			'Exit reason: A household can only be not approved after Panel',
		])
	})

	test('an exit date before the stage date, or an approved household closed, is refused by the stage rules', () => {
		expect(errorsOf({ status: 'closed', exitReason: 'timing', exitDate: '01/02/2026' })).toEqual([
			'Exit date: The date they left must be the same as or after 3 February 2026, when they reached Initial visit',
		])
		expect(errorsOf({ stage: 'approved', status: 'closed', exitReason: 'timing', exitDate: '10/02/2026' })).toEqual([
			'Status: An approved household has finished recruitment and cannot be closed',
		])
	})

	test('on hold needs a review date after today, and is put on hold today', () => {
		expect(errorsOf({ status: 'on hold' })).toEqual([
			'Hold review date: Enter the hold review date for a household on hold',
		])
		expect(errorsOf({ status: 'on hold', holdReviewDate: '20/03/2026' })).toEqual([
			'Hold review date: Review date must be in the future',
		])
		const [household] = checkImport(file({ status: 'On hold', holdReviewDate: '2026-04-30' }), context).households
		expect(household!.events.at(-1)).toMatchObject({
			kind: 'hold',
			businessDate: TODAY,
			reviewOn: '2026-04-30',
			backdateReason: null,
		})
		expect(household!.state.status).toBe('on_hold')
	})

	test('exit and hold cells on a household that is neither closed nor on hold are errors, not silently dropped', () => {
		expect(errorsOf({ exitReason: 'timing', exitDate: '10/02/2026', holdReviewDate: '2026-04-30' })).toEqual([
			'Exit reason: Leave the exit reason empty: the household is not closed',
			'Exit date: Leave the exit date empty: the household is not closed',
			'Hold review date: Leave the hold review date empty: the household is not on hold',
		])
	})

	test('an unknown status is an error', () => {
		expect(errorsOf({ status: 'pending' })).toEqual(['Status: Status must be open, on hold or closed'])
	})
})

describe('people and owners', () => {
	test('names, email, phone and postcode follow the enquiry form’s rules', () => {
		expect(
			errorsOf({ firstName: '', lastName: 'Sh@h', email: 'priya.example.com', phone: '12', postcode: 'NE1' })
		).toEqual([
			'First name: Enter a first name',
			'Last name: Last name must only include letters, spaces, hyphens and apostrophes',
			'Email: Enter an email address in the correct format, like name@example.com',
			'Phone: Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
			'Postcode: Enter a full UK postcode, like NE1 4ST',
		])
	})

	test('an email with a control character in it is an error, not cleaned into another address', () => {
		expect(errorsOf({ email: 'priya\u0000@example.com' })).toEqual([
			'Email: Enter an email address in the correct format, like name@example.com',
		])
	})

	test('a name starting with a combining mark is refused; GIR 0AA is a postcode', () => {
		expect(errorsOf({ firstName: '\u0301Priya' })).toEqual([
			'First name: First name must only include letters, spaces, hyphens and apostrophes',
		])
		const [household] = checkImport(file({ postcode: 'gir0aa' }), context).households
		expect(household?.postcode).toBe('GIR 0AA')
	})

	test('an email already in the pipeline, or twice in the file, is an error on the later row', () => {
		expect(errorsOf({ email: 'Already@Example.com' })).toEqual([
			'Email: A household with this email address is already in the pipeline (HH-7K3M9Q)',
		])
		const result = checkImport(file({ email: 'twice@example.com' }, {}, { email: 'TWICE@example.com' }), context)
		expect(result.households).toHaveLength(2)
		expect(result.errors).toEqual([
			{
				row: 4,
				column: 'Email',
				message: 'This email address is also on row 2: each household can be imported only once',
			},
		])
	})

	test('the owner must be a staff account that can look after households', () => {
		expect(checkImport(file({ ownerEmail: 'OLU.officer@northdale.example' }), context).households[0]!.ownerId).toBe(
			'officer-1'
		)
		expect(errorsOf({ ownerEmail: 'nobody@northdale.example' })).toEqual([
			'Owner email: No staff account has the email address nobody@northdale.example',
		])
		expect(errorsOf({ ownerEmail: 'rita.reader@northdale.example' })).toEqual([
			'Owner email: rita.reader@northdale.example cannot look after households: only managers, recruitment officers and social workers can',
		])
		expect(errorsOf({ ownerEmail: 'gone@northdale.example' })).toEqual([
			'Owner email: The staff account gone@northdale.example is turned off: choose someone else or leave it empty',
		])
	})

	test('channel, how heard and kinship must be values from their lists', () => {
		expect(errorsOf({ channel: 'Carrier pigeon', howHeard: 'Dreamt it', kinship: 'maybe' })).toEqual([
			'Channel: “Carrier pigeon” is not one of the service’s channels: use a name or key from the list',
			'How heard: “Dreamt it” is not an answer to “How did you hear about us?”: use one from the list, or leave it empty',
			'Kinship: Kinship must be yes or no',
		])
	})

	test('a reference used twice in the file is an error', () => {
		const result = checkImport(file({ reference: 'A1' }, { reference: 'a1' }), context)
		expect(result.errors).toEqual([{ row: 3, column: 'Reference', message: 'This reference is also on row 2' }])
	})

	test('every error of a row is reported, with its row as the spreadsheet numbers it', () => {
		const result = checkImport(file({}, { firstName: '', postcode: '' }), context)
		expect(result.totalRows).toBe(2)
		expect(result.households).toHaveLength(1)
		expect(result.errors).toEqual([
			{ row: 3, column: 'First name', message: 'Enter a first name' },
			{ row: 3, column: 'Postcode', message: 'Enter a postcode' },
		])
	})
})

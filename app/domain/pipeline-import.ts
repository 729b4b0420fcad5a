// Importing an existing pipeline from the spreadsheet a service keeps today: the CSV format, and
// the checks that turn each row into a household with a history the stage machine accepts. Pure:
// the caller supplies today, the service's channels, exit reasons and staff, and the email
// addresses already in the database.
//
// A row's history is built as the stage machine would have recorded it: entered at Enquiry on the
// enquiry date, then each stage in turn on the stage date (stages between share it: the machine
// never skips one), then put on hold today (with its review date) or closed on the exit date. Every
// event before today carries the reason "Imported from <file>".

import { HOW_HEARD_OPTIONS } from './attribution.ts'
import { parseCsv } from './csv.ts'
import { readEmailAddress } from './email-address.ts'
import { cleanMultiline, cleanText, EnquirySchema } from './enquiry-form.ts'
import type { EndedBy } from './exit-reasons.ts'
import {
	apply,
	applyEvent,
	startHousehold,
	tryReplay,
	type Actor,
	type CommandResult,
	type ErrorField,
	type HouseholdState,
	type NewStageEvent,
	type StageCommand,
} from './stage-machine.ts'
import { roleCan, type StaffRole } from './staff.ts'
import { DEFAULT_STAGE_NAMES, STAGE_KEYS, STAGES, type StageKey } from './stages.ts'
import { isCalendarDate, type CalendarDate } from './working-days.ts'

export const IMPORT_COLUMNS = [
	{
		key: 'reference',
		heading: 'Reference',
		required: false,
		about: 'Optional: your own reference, kept so you can find the household by it',
	},
	{ key: 'firstName', heading: 'First name', required: true, about: 'The applicant’s first name' },
	{ key: 'lastName', heading: 'Last name', required: true, about: 'The applicant’s last name' },
	{
		key: 'email',
		heading: 'Email',
		required: true,
		about: 'Each household once: an address already in the pipeline or twice in the file is an error',
	},
	{ key: 'phone', heading: 'Phone', required: true, about: 'A UK or international telephone number' },
	{ key: 'postcode', heading: 'Postcode', required: true, about: 'A full UK postcode' },
	{ key: 'enquiryDate', heading: 'Enquiry date', required: true, about: 'The date they first enquired' },
	{
		key: 'channel',
		heading: 'Channel',
		required: true,
		about: 'How they found the service: a channel’s name or key (listed below)',
	},
	{
		key: 'howHeard',
		heading: 'How heard',
		required: false,
		about: 'Optional: their answer to “How did you hear about us?” (listed below)',
	},
	{
		key: 'stage',
		heading: 'Stage',
		required: true,
		about: 'The stage they are at (or left from): its name or key (listed below)',
	},
	{
		key: 'stageDate',
		heading: 'Stage date',
		required: false,
		about: 'The date they reached that stage; may be left empty at Enquiry',
	},
	{ key: 'status', heading: 'Status', required: false, about: 'open, on hold or closed (empty means open)' },
	{
		key: 'exitReason',
		heading: 'Exit reason',
		required: false,
		about: 'Closed households only, and then required: a reason’s name or key (listed below)',
	},
	{
		key: 'exitDate',
		heading: 'Exit date',
		required: false,
		about: 'Closed households only, and then required: the date they left',
	},
	{
		key: 'holdReviewDate',
		heading: 'Hold review date',
		required: false,
		about: 'On hold households only, and then required: a date after today',
	},
	{
		key: 'ownerEmail',
		heading: 'Owner email',
		required: false,
		about: 'Optional: the email address of the member of staff who looks after them',
	},
	{
		key: 'kinship',
		heading: 'Kinship',
		required: false,
		about: 'yes for family and friends (kinship) care, otherwise no or empty',
	},
	{ key: 'notes', heading: 'Notes', required: false, about: 'Optional: added to the household’s record as a note' },
] as const

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key']
export type RawRow = { row: number; values: Record<ImportColumnKey, string> }

/** A problem with the file (row null) or with one cell of a row (column is its heading). */
export type ImportError = { row: number | null; column: string | null; message: string }

export const IMPORT_LIMITS = { notes: 5000, reference: 50 } as const
/** The largest file accepted (about 30,000 rows of a typical spreadsheet). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const DATE_EXAMPLE = 'like 27/03/2026 or 2026-03-27'

/** Headings as spreadsheets vary them: "First Name", "first_name", "Email address"... */
const HEADING_ALIASES: Partial<Record<ImportColumnKey, string[]>> = {
	email: ['email address', 'email'],
	phone: ['phone number', 'telephone', 'telephone number', 'phone'],
	firstName: ['first name', 'forename', 'given name'],
	lastName: ['last name', 'surname', 'family name'],
	ownerEmail: ['owner email', 'owner'],
	holdReviewDate: ['hold review date', 'review date'],
	notes: ['notes', 'note'],
}

const compact = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const heading = (key: ImportColumnKey) => IMPORT_COLUMNS.find((column) => column.key === key)!.heading

function columnFor(title: string): ImportColumnKey | undefined {
	const wanted = compact(title)
	for (const column of IMPORT_COLUMNS) {
		const names = [column.heading, column.key, ...(HEADING_ALIASES[column.key] ?? [])]
		if (names.some((name) => compact(name) === wanted)) return column.key
	}
	return undefined
}

export type ImportFile = { ok: true; rows: RawRow[]; ignoredColumns: string[] } | { ok: false; errors: ImportError[] }

/** The file's rows by column, or what stops it being read at all (no header, missing columns). */
export function readImportFile(text: string): ImportFile {
	const parsed = parseCsv(text)
	if (!parsed.ok)
		return {
			ok: false,
			errors: [
				{ row: null, column: null, message: `${parsed.error}: check the file is a CSV saved from a spreadsheet` },
			],
		}
	const [header, ...records] = parsed.records
	if (!header) return { ok: false, errors: [{ row: null, column: null, message: 'The selected file is empty' }] }

	const positions = new Map<ImportColumnKey, number>()
	const ignoredColumns: string[] = []
	const errors: ImportError[] = []
	header.fields.forEach((title, index) => {
		const key = columnFor(title)
		if (!key) {
			if (title.trim()) ignoredColumns.push(title.trim())
		} else if (positions.has(key)) {
			errors.push({
				row: null,
				column: heading(key),
				message: `The file has two “${heading(key)}” columns: remove one`,
			})
		} else positions.set(key, index)
	})
	for (const column of IMPORT_COLUMNS) {
		if (column.required && !positions.has(column.key))
			errors.push({
				row: null,
				column: column.heading,
				message: `The file has no “${column.heading}” column: the first row must name the columns, as in the template`,
			})
	}
	if (errors.length > 0) return { ok: false, errors }
	if (records.length === 0)
		return { ok: false, errors: [{ row: null, column: null, message: 'The file has a header row but no households' }] }

	const rows = records.map((record) => {
		const values = {} as Record<ImportColumnKey, string>
		for (const column of IMPORT_COLUMNS) {
			const index = positions.get(column.key)
			values[column.key] = index === undefined ? '' : (record.fields[index] ?? '')
		}
		return { row: record.row, values }
	})
	return { ok: true, rows, ignoredColumns }
}

/** "27/03/2026", "27/3/2026", "27-03-2026" or "2026-03-27" (a time after it, as Excel adds, is ignored). */
export function parseImportDate(value: string): CalendarDate | undefined {
	const text = value.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
	let date: string | undefined
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
	const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
	if (iso) date = `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`
	else if (dayFirst) date = `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`
	return date && isCalendarDate(date) ? date : undefined
}

export type ImportContext = {
	/** Today in Europe/London. */
	today: CalendarDate
	/** The manager importing: every event is recorded as theirs. */
	actor: Actor
	filename: string
	/** The service's own stage names (stageNames(config.stageNames)). */
	stageNames: Record<StageKey, string>
	channels: readonly { id: string; key: string; label: string }[]
	exitReasons: readonly { id: string; key: string; label: string; endedBy: EndedBy; retired?: boolean }[]
	staff: readonly { id: string; email: string; role: StaffRole; disabled: boolean }[]
	/** Households already in the database, by lower-cased applicant email: their reference. */
	existingEmails: ReadonlyMap<string, string>
}

/** A row that passed every check: the household to write, with its history. */
export type ImportedHousehold = {
	row: number
	theirReference: string | null
	firstName: string
	lastName: string
	email: string
	emailNormalized: string
	phone: string
	postcode: string
	enquiryDate: CalendarDate
	channelId: string
	howHeard: string
	route: 'mainstream' | 'kinship'
	ownerId: string | null
	notes: string | null
	/** In order; exitReasonKey is mapped to the reason's id by the caller. */
	events: NewStageEvent[]
	state: HouseholdState
}

export type RowCheck = { ok: true; household: ImportedHousehold } | { ok: false; errors: ImportError[] }

const STATUS_WORDS: Record<string, 'open' | 'on_hold' | 'closed'> = {
	'': 'open',
	open: 'open',
	onhold: 'on_hold',
	hold: 'on_hold',
	closed: 'closed',
}
const YES_NO: Record<string, boolean> = { '': false, no: false, n: false, false: false, yes: true, y: true, true: true }

/**
 * Checks rows one at a time, remembering the emails and references seen so far so a second row
 * for the same household is caught. Feed it every row of the file in order.
 */
// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): lookup tables and the row check together; build the lookups in a function of their own
export function createRowChecker(context: ImportContext) {
	const seenEmails = new Map<string, number>()
	const seenReferences = new Map<string, number>()
	const names = context.stageNames
	const stageByName = new Map<string, StageKey>()
	for (const key of STAGE_KEYS) {
		for (const name of [key, names[key], DEFAULT_STAGE_NAMES[key], STAGES.find((stage) => stage.key === key)!.name])
			stageByName.set(compact(name), key)
	}
	const channelByName = new Map<string, { id: string; key: string }>()
	for (const channel of context.channels) {
		channelByName.set(compact(channel.label), channel)
		channelByName.set(compact(channel.key), channel)
	}
	const howHeardByName = new Map<string, string>()
	for (const option of HOW_HEARD_OPTIONS) {
		howHeardByName.set(compact(option.label), option.value)
		howHeardByName.set(compact(option.value), option.value)
	}
	const staffByEmail = new Map(context.staff.map((member) => [member.email.toLowerCase(), member]))
	const backdateReason = `Imported from ${context.filename}`

	// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): one check per column in one function; one small check per column
	return function checkRow({ row, values: raw }: RawRow): RowCheck {
		const errors: ImportError[] = []
		const fail = (column: ImportColumnKey | null, message: string) =>
			errors.push({ row, column: column ? heading(column) : null, message })
		const text = (key: ImportColumnKey) => cleanText(raw[key])
		// The email address is not cleaned: one with a control character in it is refused, not changed.
		const answer = (key: ImportColumnKey) => (key === 'email' ? readEmailAddress(raw[key]) : text(key))

		// Names, email, phone and postcode: the enquiry form's own rules.
		const person = {} as Record<'firstName' | 'lastName' | 'email' | 'phone' | 'postcode', string>
		const missing = {
			firstName: 'Enter a first name',
			lastName: 'Enter a last name',
			email: 'Enter an email address',
			phone: 'Enter a telephone number',
			postcode: 'Enter a postcode',
		}
		for (const key of ['firstName', 'lastName', 'email', 'phone', 'postcode'] as const) {
			const value = answer(key)
			if (!value) {
				fail(key, missing[key])
				continue
			}
			const result = EnquirySchema.shape[key].safeParse(value)
			if (result.success) person[key] = result.data
			else fail(key, result.error.issues[0]!.message)
		}
		const emailNormalized = person.email?.toLowerCase()
		if (emailNormalized) {
			const existing = context.existingEmails.get(emailNormalized)
			const earlier = seenEmails.get(emailNormalized)
			if (existing) fail('email', `A household with this email address is already in the pipeline (${existing})`)
			else if (earlier)
				fail('email', `This email address is also on row ${earlier}: each household can be imported only once`)
			else seenEmails.set(emailNormalized, row)
		}

		const theirReference = text('reference') || null
		if (theirReference) {
			const earlier = seenReferences.get(theirReference.toLowerCase())
			if (theirReference.length > IMPORT_LIMITS.reference)
				fail('reference', `Reference must be ${IMPORT_LIMITS.reference} characters or less`)
			else if (earlier) fail('reference', `This reference is also on row ${earlier}`)
			else seenReferences.set(theirReference.toLowerCase(), row)
		}

		const date = (key: ImportColumnKey, required: string | null): CalendarDate | null | undefined => {
			const value = text(key)
			if (!value) {
				if (required) fail(key, required)
				return required ? undefined : null
			}
			const parsed = parseImportDate(value)
			if (!parsed) fail(key, `${heading(key)} must be a real date, ${DATE_EXAMPLE}`)
			return parsed
		}
		const enquiryDate = date('enquiryDate', 'Enter the enquiry date')

		const channel = channelByName.get(compact(text('channel')))
		if (!text('channel')) fail('channel', 'Enter the channel')
		else if (!channel)
			fail('channel', `“${text('channel')}” is not one of the service’s channels: use a name or key from the list`)

		const howHeardText = text('howHeard')
		const howHeard = howHeardText ? howHeardByName.get(compact(howHeardText)) : ''
		if (howHeard === undefined)
			fail(
				'howHeard',
				`“${howHeardText}” is not an answer to “How did you hear about us?”: use one from the list, or leave it empty`
			)

		const stage = stageByName.get(compact(text('stage')))
		if (!text('stage')) fail('stage', 'Enter the stage')
		else if (!stage) fail('stage', `“${text('stage')}” is not a stage: use a stage’s name or key from the list`)

		const status = STATUS_WORDS[compact(text('status'))]
		if (!status) fail('status', 'Status must be open, on hold or closed')

		const atEnquiry = stage === 'enquiry'
		const stageDate = date(
			'stageDate',
			stage && !atEnquiry ? `Enter the stage date: the date they reached ${names[stage]}` : null
		)
		if (atEnquiry && stageDate && enquiryDate && stageDate !== enquiryDate)
			fail('stageDate', 'At Enquiry the stage date is the enquiry date: leave it empty or make it the same')

		let exitReason: ImportContext['exitReasons'][number] | undefined
		const reasonText = text('exitReason')
		if (status === 'closed') {
			if (!reasonText) fail('exitReason', 'Enter the exit reason for a closed household')
			else {
				const matches = context.exitReasons.filter(
					(reason) => compact(reason.key) === compact(reasonText) || compact(reason.label) === compact(reasonText)
				)
				const byKey = matches.find((reason) => compact(reason.key) === compact(reasonText))
				if (byKey || matches.length === 1) exitReason = byKey ?? matches[0]
				else if (matches.length > 1)
					fail(
						'exitReason',
						`“${reasonText}” is the name of more than one exit reason: use its key (${matches
							.map((reason) => reason.key)
							.join(' or ')})`
					)
				else
					fail(
						'exitReason',
						`“${reasonText}” is not one of the service’s exit reasons: use a name or key from the list`
					)
			}
		} else if (reasonText) fail('exitReason', 'Leave the exit reason empty: the household is not closed')
		const exitDate = date('exitDate', status === 'closed' ? 'Enter the exit date for a closed household' : null)
		if (exitDate && status !== 'closed') fail('exitDate', 'Leave the exit date empty: the household is not closed')
		const reviewDate = date(
			'holdReviewDate',
			status === 'on_hold' ? 'Enter the hold review date for a household on hold' : null
		)
		if (reviewDate && status !== 'on_hold')
			fail('holdReviewDate', 'Leave the hold review date empty: the household is not on hold')

		let ownerId: string | null = null
		const ownerEmail = text('ownerEmail').toLowerCase()
		if (ownerEmail) {
			const owner = staffByEmail.get(ownerEmail)
			if (!owner) fail('ownerEmail', `No staff account has the email address ${ownerEmail}`)
			else if (owner.disabled)
				fail('ownerEmail', `The staff account ${ownerEmail} is turned off: choose someone else or leave it empty`)
			else if (!roleCan(owner.role, 'changeHouseholds'))
				fail(
					'ownerEmail',
					`${ownerEmail} cannot look after households: only managers, recruitment officers and social workers can`
				)
			else ownerId = owner.id
		}

		const kinship = YES_NO[compact(text('kinship'))]
		if (kinship === undefined) fail('kinship', 'Kinship must be yes or no')

		const notes = cleanMultiline(raw.notes)
		if (notes.length > IMPORT_LIMITS.notes) fail('notes', `Notes must be ${IMPORT_LIMITS.notes} characters or less`)

		// The history, checked by the stage machine itself: only when the cells it needs are sound.
		let built: { events: NewStageEvent[]; state: HouseholdState } | undefined
		if (
			enquiryDate &&
			stage &&
			status &&
			(atEnquiry || stageDate) &&
			(status !== 'closed' || (exitReason && exitDate)) &&
			(status !== 'on_hold' || reviewDate)
		) {
			const history = buildHistory(
				{ enquiryDate, stage, stageDate: stageDate ?? enquiryDate, status, exitReason, exitDate, reviewDate },
				context,
				backdateReason
			)
			if (history.ok) built = history
			else fail(history.column, history.error)
		}

		if (errors.length > 0 || !built) return { ok: false, errors }
		return {
			ok: true,
			household: {
				row,
				theirReference,
				firstName: person.firstName,
				lastName: person.lastName,
				email: person.email,
				emailNormalized: emailNormalized!,
				phone: person.phone,
				postcode: person.postcode,
				enquiryDate: enquiryDate!,
				channelId: channel!.id,
				howHeard: howHeard!,
				route: kinship ? 'kinship' : 'mainstream',
				ownerId,
				notes: notes || null,
				...built,
			},
		}
	}
}

type HistoryInput = {
	enquiryDate: CalendarDate
	stage: StageKey
	stageDate: CalendarDate
	status: 'open' | 'on_hold' | 'closed'
	exitReason?: { key: string; endedBy: EndedBy }
	exitDate?: CalendarDate | null
	reviewDate?: CalendarDate | null
}

/** The events the stage machine would have recorded, or its first objection and the column it is about. */
function buildHistory(
	input: HistoryInput,
	context: ImportContext,
	backdateReason: string
):
	| { ok: true; events: NewStageEvent[]; state: HouseholdState }
	| { ok: false; error: string; column: ImportColumnKey | null } {
	const machine = {
		today: context.today,
		actor: context.actor,
		exitReasons: context.exitReasons,
		stageNames: context.stageNames,
	}
	const dated = (businessDate: CalendarDate) => ({ businessDate, backdateReason })
	const events: NewStageEvent[] = []
	let state: HouseholdState | null = null
	const take = (
		result: CommandResult,
		dateColumn: ImportColumnKey,
		other: Partial<Record<NonNullable<ErrorField>, ImportColumnKey>> = {}
	) => {
		if (!result.ok)
			return {
				ok: false as const,
				error: result.error,
				column: result.field === 'businessDate' ? dateColumn : ((result.field && other[result.field]) ?? null),
			}
		state = applyEvent(state, { ...result.event, exitReasonId: null })
		events.push(result.event)
		return null
	}
	const run = (command: StageCommand) => apply(state!, command, machine)

	const refused =
		take(startHousehold({ stage: 'enquiry', ...dated(input.enquiryDate) }, machine), 'enquiryDate') ??
		STAGE_KEYS.slice(1, STAGE_KEYS.indexOf(input.stage) + 1).reduce<ReturnType<typeof take>>(
			(problem, toStage) =>
				problem ?? take(run({ type: 'move', toStage, ...dated(input.stageDate) }), 'stageDate', { toStage: 'stage' }),
			null
		) ??
		(input.status === 'on_hold'
			? take(run({ type: 'hold', reviewOn: input.reviewDate!, ...dated(context.today) }), 'stageDate', {
					reviewOn: 'holdReviewDate',
				})
			: input.status === 'closed'
				? take(
						run({
							type: 'close',
							endedBy: input.exitReason!.endedBy,
							exitReasonKey: input.exitReason!.key,
							...dated(input.exitDate!),
						}),
						'exitDate',
						{ endedBy: 'exitReason', exitReasonKey: 'exitReason' }
					)
				: null)
	if (refused) return { ...refused, column: refused.column ?? (input.status === 'open' ? 'stage' : 'status') }
	// The same check the integrity report runs on stored histories.
	const replayed = tryReplay(events)
	if (!replayed.ok) return { ok: false, error: `The history could not be built: ${replayed.problem}`, column: null }
	return { ok: true, events, state: replayed.state }
}

export type ImportCheck = {
	households: ImportedHousehold[]
	errors: ImportError[]
	totalRows: number
	ignoredColumns: string[]
}

/** Rows checked in order by one checker (createRowChecker): the households that passed, and every error. */
export function checkRows(rows: readonly RawRow[], checkRow: (row: RawRow) => RowCheck) {
	const households: ImportedHousehold[] = []
	const errors: ImportError[] = []
	for (const row of rows) {
		const result = checkRow(row)
		if (result.ok) households.push(result.household)
		else errors.push(...result.errors)
	}
	return { households, errors }
}

/** Every row of a file checked. */
export function checkImport(text: string, context: ImportContext): ImportCheck {
	const file = readImportFile(text)
	if (!file.ok) return { households: [], errors: file.errors, totalRows: 0, ignoredColumns: [] }
	return {
		...checkRows(file.rows, createRowChecker(context)),
		totalRows: file.rows.length,
		ignoredColumns: file.ignoredColumns,
	}
}

/** The template's example rows: a household at a stage, and one that left. */
export const IMPORT_EXAMPLES: readonly Record<ImportColumnKey, string>[] = [
	{
		reference: 'N-0412',
		firstName: 'Priya',
		lastName: 'Shah',
		email: 'priya.shah@example.com',
		phone: '07700 900982',
		postcode: 'NE1 4ST',
		enquiryDate: '14/01/2026',
		channel: 'Search engine',
		howHeard: 'Searching online',
		stage: 'Initial visit',
		stageDate: '03/02/2026',
		status: 'open',
		exitReason: '',
		exitDate: '',
		holdReviewDate: '',
		ownerEmail: '',
		kinship: 'no',
		notes: 'Prefers calls after 6pm',
	},
	{
		reference: 'N-0388',
		firstName: 'Tom',
		lastName: 'Reed',
		email: 'tom.reed@example.com',
		phone: '01632 960001',
		postcode: 'NE2 1AB',
		enquiryDate: '2025-11-20',
		channel: 'radio',
		howHeard: '',
		stage: 'Initial contact',
		stageDate: '2025-11-24',
		status: 'closed',
		exitReason: 'timing',
		exitDate: '2025-12-10',
		holdReviewDate: '',
		ownerEmail: '',
		kinship: 'no',
		notes: '',
	},
]

/** A spreadsheet of these rows in the template's layout: the headings, then one line a row. */
export function importSheet(rows: readonly Record<ImportColumnKey, string>[]): string[][] {
	return [
		IMPORT_COLUMNS.map((column) => column.heading),
		...rows.map((row) => IMPORT_COLUMNS.map((column) => row[column.key])),
	]
}

/** The template offered for download: the headings and the example rows. */
export function importTemplateRows(): string[][] {
	return importSheet(IMPORT_EXAMPLES)
}

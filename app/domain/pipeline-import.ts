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

type Status = 'open' | 'on_hold' | 'closed'
/** What earlier rows used (an email, a reference): the row it was on. */
type Seen = Map<string, number>

const STATUS_WORDS: Record<string, Status> = {
	'': 'open',
	open: 'open',
	onhold: 'on_hold',
	hold: 'on_hold',
	closed: 'closed',
}
const YES_NO: Record<string, boolean> = { '': false, no: false, n: false, false: false, yes: true, y: true, true: true }

/** The names a cell may use for a stage, channel, "how heard" answer or member of staff. */
type Lookups = {
	stageByName: Map<string, StageKey>
	channelByName: Map<string, { id: string; key: string }>
	howHeardByName: Map<string, string>
	staffByEmail: Map<string, ImportContext['staff'][number]>
}

/** Each stage by its key and its names (the service's, the default, the original), compacted. */
function importLookups(context: ImportContext): Lookups {
	const stageByName = new Map<string, StageKey>()
	for (const key of STAGE_KEYS) {
		const original = STAGES.find((stage) => stage.key === key)!.name
		for (const name of [key, context.stageNames[key], DEFAULT_STAGE_NAMES[key], original])
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
	return { stageByName, channelByName, howHeardByName, staffByEmail }
}

/** One row's cells as the checks read them; `fail` records a problem against its column. */
type Cells = {
	row: number
	raw: RawRow['values']
	text(key: ImportColumnKey): string
	fail(column: ImportColumnKey | null, message: string): void
	/** A date cell: the date, null when empty and optional, undefined when wrong (reported). */
	date(key: ImportColumnKey, required: string | null): CalendarDate | null | undefined
}

function readCells({ row, values: raw }: RawRow, errors: ImportError[]): Cells {
	const text = (key: ImportColumnKey) => cleanText(raw[key])
	const fail = (column: ImportColumnKey | null, message: string) => {
		errors.push({ row, column: column ? heading(column) : null, message })
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
	return { row, raw, text, fail, date }
}

const PERSON_KEYS = ['firstName', 'lastName', 'email', 'phone', 'postcode'] as const
type Person = Record<(typeof PERSON_KEYS)[number], string>
const PERSON_MISSING: Person = {
	firstName: 'Enter a first name',
	lastName: 'Enter a last name',
	email: 'Enter an email address',
	phone: 'Enter a telephone number',
	postcode: 'Enter a postcode',
}

/** Names, email, phone and postcode: the enquiry form's own rules. Only the sound ones are set. */
function checkPerson(cells: Cells): Partial<Person> {
	const person: Partial<Person> = {}
	for (const key of PERSON_KEYS) {
		// The email address is not cleaned: one with a control character in it is refused, not changed.
		const value = key === 'email' ? readEmailAddress(cells.raw[key]) : cells.text(key)
		if (!value) {
			cells.fail(key, PERSON_MISSING[key])
			continue
		}
		const result = EnquirySchema.shape[key].safeParse(value)
		if (result.success) person[key] = result.data
		else cells.fail(key, result.error.issues[0]!.message)
	}
	return person
}

/** Each household once: not already in the pipeline, nor on an earlier row. */
function checkEmailUnique(cells: Cells, email: string, existing: ImportContext['existingEmails'], seen: Seen) {
	const inPipeline = existing.get(email)
	const earlier = seen.get(email)
	if (inPipeline) cells.fail('email', `A household with this email address is already in the pipeline (${inPipeline})`)
	else if (earlier)
		cells.fail('email', `This email address is also on row ${earlier}: each household can be imported only once`)
	else seen.set(email, cells.row)
}

/** The service's own reference for the household: short enough, and on one row only. */
function checkReference(cells: Cells, seen: Seen): string | null {
	const reference = cells.text('reference') || null
	if (!reference) return null
	const earlier = seen.get(reference.toLowerCase())
	if (reference.length > IMPORT_LIMITS.reference)
		cells.fail('reference', `Reference must be ${IMPORT_LIMITS.reference} characters or less`)
	else if (earlier) cells.fail('reference', `This reference is also on row ${earlier}`)
	else seen.set(reference.toLowerCase(), cells.row)
	return reference
}

function checkChannel(cells: Cells, lookups: Lookups) {
	const channel = lookups.channelByName.get(compact(cells.text('channel')))
	if (!cells.text('channel')) cells.fail('channel', 'Enter the channel')
	else if (!channel)
		cells.fail(
			'channel',
			`“${cells.text('channel')}” is not one of the service’s channels: use a name or key from the list`
		)
	return channel
}

/** The answer to "How did you hear about us?": '' when empty, undefined when not an answer. */
function checkHowHeard(cells: Cells, lookups: Lookups) {
	const answer = cells.text('howHeard')
	const howHeard = answer ? lookups.howHeardByName.get(compact(answer)) : ''
	if (howHeard === undefined)
		cells.fail(
			'howHeard',
			`“${answer}” is not an answer to “How did you hear about us?”: use one from the list, or leave it empty`
		)
	return howHeard
}

function checkStage(cells: Cells, lookups: Lookups) {
	const stage = lookups.stageByName.get(compact(cells.text('stage')))
	if (!cells.text('stage')) cells.fail('stage', 'Enter the stage')
	else if (!stage)
		cells.fail('stage', `“${cells.text('stage')}” is not a stage: use a stage’s name or key from the list`)
	return stage
}

function checkStatus(cells: Cells) {
	const status = STATUS_WORDS[compact(cells.text('status'))]
	if (!status) cells.fail('status', 'Status must be open, on hold or closed')
	return status
}

/** The date they reached their stage: needed after Enquiry; at Enquiry, the enquiry date if given. */
function checkStageDate(
	cells: Cells,
	stage: StageKey | undefined,
	enquiryDate: CalendarDate | null | undefined,
	names: Record<StageKey, string>
) {
	const atEnquiry = stage === 'enquiry'
	const required = stage && !atEnquiry ? `Enter the stage date: the date they reached ${names[stage]}` : null
	const stageDate = cells.date('stageDate', required)
	if (atEnquiry && stageDate && enquiryDate && stageDate !== enquiryDate)
		cells.fail('stageDate', 'At Enquiry the stage date is the enquiry date: leave it empty or make it the same')
	return stageDate
}

/** A closed household's exit reason, by key or (when only one has it) by name; none for the others. */
function checkExitReason(cells: Cells, status: Status | undefined, reasons: ImportContext['exitReasons']) {
	const reasonText = cells.text('exitReason')
	if (status !== 'closed') {
		if (reasonText) cells.fail('exitReason', 'Leave the exit reason empty: the household is not closed')
		return undefined
	}
	if (!reasonText) {
		cells.fail('exitReason', 'Enter the exit reason for a closed household')
		return undefined
	}
	const wanted = compact(reasonText)
	const matches = reasons.filter((reason) => compact(reason.key) === wanted || compact(reason.label) === wanted)
	const byKey = matches.find((reason) => compact(reason.key) === wanted)
	if (byKey || matches.length === 1) return byKey ?? matches[0]!
	if (matches.length > 1)
		cells.fail(
			'exitReason',
			`“${reasonText}” is the name of more than one exit reason: use its key (${matches
				.map((reason) => reason.key)
				.join(' or ')})`
		)
	else
		cells.fail(
			'exitReason',
			`“${reasonText}” is not one of the service’s exit reasons: use a name or key from the list`
		)
	return undefined
}

/** The exit date (closed households only) and the hold review date (on hold only). */
function checkStatusDates(cells: Cells, status: Status | undefined) {
	const exitDate = cells.date('exitDate', status === 'closed' ? 'Enter the exit date for a closed household' : null)
	if (exitDate && status !== 'closed') cells.fail('exitDate', 'Leave the exit date empty: the household is not closed')
	const reviewDate = cells.date(
		'holdReviewDate',
		status === 'on_hold' ? 'Enter the hold review date for a household on hold' : null
	)
	if (reviewDate && status !== 'on_hold')
		cells.fail('holdReviewDate', 'Leave the hold review date empty: the household is not on hold')
	return { exitDate, reviewDate }
}

/** The member of staff named as owner: an active account that may look after households. */
function checkOwner(cells: Cells, lookups: Lookups): string | null {
	const ownerEmail = cells.text('ownerEmail').toLowerCase()
	if (!ownerEmail) return null
	const owner = lookups.staffByEmail.get(ownerEmail)
	if (!owner) cells.fail('ownerEmail', `No staff account has the email address ${ownerEmail}`)
	else if (owner.disabled)
		cells.fail('ownerEmail', `The staff account ${ownerEmail} is turned off: choose someone else or leave it empty`)
	else if (!roleCan(owner.role, 'changeHouseholds'))
		cells.fail(
			'ownerEmail',
			`${ownerEmail} cannot look after households: only managers, recruitment officers and social workers can`
		)
	else return owner.id
	return null
}

function checkKinshipAndNotes(cells: Cells) {
	const kinship = YES_NO[compact(cells.text('kinship'))]
	if (kinship === undefined) cells.fail('kinship', 'Kinship must be yes or no')
	const notes = cleanMultiline(cells.raw.notes)
	if (notes.length > IMPORT_LIMITS.notes) cells.fail('notes', `Notes must be ${IMPORT_LIMITS.notes} characters or less`)
	return { kinship, notes }
}

/**
 * Checks rows one at a time, remembering the emails and references seen so far so a second row
 * for the same household is caught. Feed it every row of the file in order.
 */
export function createRowChecker(context: ImportContext) {
	const seen = { emails: new Map<string, number>(), references: new Map<string, number>() }
	const lookups = importLookups(context)
	const backdateReason = `Imported from ${context.filename}`

	return function checkRow(raw: RawRow): RowCheck {
		const errors: ImportError[] = []
		const cells = readCells(raw, errors)
		const person = checkPerson(cells)
		const emailNormalized = person.email?.toLowerCase()
		if (emailNormalized) checkEmailUnique(cells, emailNormalized, context.existingEmails, seen.emails)
		const theirReference = checkReference(cells, seen.references)
		const enquiryDate = cells.date('enquiryDate', 'Enter the enquiry date')
		const channel = checkChannel(cells, lookups)
		const howHeard = checkHowHeard(cells, lookups)
		const stage = checkStage(cells, lookups)
		const status = checkStatus(cells)
		const stageDate = checkStageDate(cells, stage, enquiryDate, context.stageNames)
		const exitReason = checkExitReason(cells, status, context.exitReasons)
		const { exitDate, reviewDate } = checkStatusDates(cells, status)
		const ownerId = checkOwner(cells, lookups)
		const { kinship, notes } = checkKinshipAndNotes(cells)

		// The history, checked by the stage machine itself: only when the cells it needs are sound.
		let built: { events: NewStageEvent[]; state: HouseholdState } | undefined
		if (
			enquiryDate &&
			stage &&
			status &&
			(stage === 'enquiry' || stageDate) &&
			(status !== 'closed' || (exitReason && exitDate)) &&
			(status !== 'on_hold' || reviewDate)
		) {
			const history = buildHistory(
				{ enquiryDate, stage, stageDate: stageDate ?? enquiryDate, status, exitReason, exitDate, reviewDate },
				context,
				backdateReason
			)
			if (history.ok) built = history
			else cells.fail(history.column, history.error)
		}

		if (errors.length > 0 || !built) return { ok: false, errors }
		return {
			ok: true,
			household: {
				row: raw.row,
				theirReference,
				...(person as Person),
				emailNormalized: emailNormalized!,
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

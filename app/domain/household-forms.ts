import { dateParts, readDateInput, type DateParts } from './date-input.ts'
import { cleanText } from './enquiry-form.ts'
import { CONTACT_METHODS, CONTACT_OUTCOMES } from './timeline.ts'
import { BACKDATE_REASON_MAX } from './stage-machine.ts'
import type { EndedBy } from './exit-reasons.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import { londonInstant, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// The rules of the household record's forms (contact attempts, stage changes, closing, notes,
// tasks, owners), read from the posted form into plain values or GOV.UK messages. The stage rules
// themselves stay in the stage machine: these only check that each answer was given and is
// well-formed, so the machine's own messages cover the rest.

type Form = { get(name: string): unknown }
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export const NOTE_MAX = 5000
export const TASK_TITLE_MAX = 200

const text = (form: Form, name: string) => cleanText(form.get(name))
/** Free text that keeps its line breaks (notes), without control characters. */
const longText = (form: Form, name: string) =>
	String(form.get(name) ?? '')
		.replace(/\r\n?/g, '\n')
		// eslint-disable-next-line no-control-regex -- removing control characters is the point
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
		.trim()

/** The version of the household the form was shown with, for optimistic concurrency. */
export function readVersion(form: Form): number | null {
	const version = Number(form.get('version'))
	return Number.isInteger(version) && version > 0 ? version : null
}

export type DatedAnswers = { businessDate: CalendarDate; backdateReason: string; note: string }

/**
 * The business date (a GOV.UK date input called `businessDate`), the reason for back-dating and
 * a note, shared by every stage change. Whether a reason is needed is the stage machine's rule.
 */
export function readDated(form: Form, dateLabel: string): Parsed<DatedAnswers> & { parts: DateParts } {
	const parts = dateParts(form, 'businessDate')
	const date = readDateInput(parts, dateLabel)
	const backdateReason = text(form, 'backdateReason')
	const note = longText(form, 'note')
	const errors: FieldError[] = []
	if (!date.ok) errors.push({ field: 'businessDate', message: date.error })
	if (backdateReason.length > BACKDATE_REASON_MAX)
		errors.push({
			field: 'backdateReason',
			message: `Why you are recording a date in the past must be ${BACKDATE_REASON_MAX} characters or fewer`,
		})
	if (note.length > NOTE_MAX)
		errors.push({ field: 'note', message: `The note must be ${NOTE_MAX} characters or fewer` })
	if (errors.length > 0 || !date.ok) return { ok: false, errors, parts }
	return { ok: true, value: { businessDate: date.date, backdateReason, note }, parts }
}

// ---------------------------------------------------------------------------------------------
// Contact attempts

export type ContactMethod = (typeof CONTACT_METHODS)[number]['value']
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number]['value']
export type ContactAnswers = {
	method: ContactMethod
	outcome: ContactOutcome
	date: CalendarDate
	/** 'HH:MM' (24-hour), or null when not given. */
	time: string | null
	note: string
	backdateReason: string
}

/** A call or visit that got through: the household has spoken to someone, so Initial contact is done. */
export function isPersonalContact(method: string, outcome: string): boolean {
	return (method === 'call' || method === 'visit') && outcome === 'answered'
}

/** '14:30', '9:05', '2pm', '2.30pm' → 'HH:MM'; null if it is not a time. */
export function parseTime(value: string): string | null {
	const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim())
	if (!match) return null
	let hours = Number(match[1])
	const minutes = Number(match[2] ?? '0')
	const suffix = match[3]?.toLowerCase()
	if (!suffix && match[2] === undefined) return null
	if (suffix) {
		if (hours < 1 || hours > 12) return null
		hours = (hours % 12) + (suffix === 'pm' ? 12 : 0)
	}
	if (hours > 23 || minutes > 59) return null
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

export function readContactAttempt(form: Form, today: CalendarDate): Parsed<ContactAnswers> & { parts: DateParts } {
	const errors: FieldError[] = []
	const method = text(form, 'method')
	const outcome = text(form, 'outcome')
	if (!CONTACT_METHODS.some((option) => option.value === method))
		errors.push({ field: 'method', message: 'Select how you contacted them' })
	if (!CONTACT_OUTCOMES.some((option) => option.value === outcome))
		errors.push({ field: 'outcome', message: 'Select what happened' })
	const parts = dateParts(form, 'date')
	const date = readDateInput(parts, 'The date of the contact')
	if (!date.ok) errors.push({ field: 'date', message: date.error })
	else if (date.date > today)
		errors.push({ field: 'date', message: 'The date of the contact must be today or in the past' })
	const timeText = text(form, 'time')
	const time = timeText ? parseTime(timeText) : null
	if (timeText && !time) errors.push({ field: 'time', message: 'Enter the time like 14:30 or 2:30pm' })
	const note = longText(form, 'note')
	if (note.length > NOTE_MAX)
		errors.push({ field: 'note', message: `The note must be ${NOTE_MAX} characters or fewer` })
	const backdateReason = text(form, 'backdateReason')
	if (backdateReason.length > BACKDATE_REASON_MAX)
		errors.push({
			field: 'backdateReason',
			message: `Why you are recording this late must be ${BACKDATE_REASON_MAX} characters or fewer`,
		})
	if (errors.length > 0 || !date.ok) return { ok: false, errors, parts }
	return {
		ok: true,
		value: {
			method: method as ContactMethod,
			outcome: outcome as ContactOutcome,
			date: date.date,
			time,
			note,
			backdateReason,
		},
		parts,
	}
}

/** When the contact happened: the time given, or now when it was today, or midday on the day. */
export function contactInstant(answers: Pick<ContactAnswers, 'date' | 'time'>, now: Date, today: CalendarDate): Date {
	if (answers.time) return londonInstant(answers.date, answers.time)
	if (answers.date === today) return now
	return londonInstant(answers.date, '12:00')
}

// ---------------------------------------------------------------------------------------------
// Closing

export type ExitReasonChoice = { key: string; label: string; endedBy: EndedBy; retired: boolean }

/**
 * One list of reasons grouped under who ended it: the chosen reason says who ended it, so the
 * form asks one question and works without JavaScript.
 */
export function readExitReason(
	form: Form,
	reasons: readonly ExitReasonChoice[]
): Parsed<{ exitReasonKey: string; endedBy: EndedBy }> {
	const key = text(form, 'exitReasonKey')
	if (!key) return { ok: false, errors: [{ field: 'exitReasonKey', message: 'Select why the household left' }] }
	const reason = reasons.find((option) => option.key === key)
	if (!reason) return { ok: false, errors: [{ field: 'exitReasonKey', message: 'Select a reason from the list' }] }
	return { ok: true, value: { exitReasonKey: reason.key, endedBy: reason.endedBy } }
}

/** The reasons a household can be closed with now, grouped as the form shows them. */
export function exitReasonGroups(reasons: readonly ExitReasonChoice[], atPanel: boolean) {
	const groups: { endedBy: EndedBy; reasons: ExitReasonChoice[] }[] = []
	for (const endedBy of ['household', 'service', 'not_approved'] as const) {
		// "Not approved" is a panel outcome: offering it earlier would only lead to a refusal.
		if (endedBy === 'not_approved' && !atPanel) continue
		const open = reasons.filter((reason) => reason.endedBy === endedBy && !reason.retired)
		if (open.length > 0) groups.push({ endedBy, reasons: open })
	}
	return groups
}

// ---------------------------------------------------------------------------------------------
// Notes, tasks, owners

export function readNote(form: Form): Parsed<{ body: string }> {
	const body = longText(form, 'body')
	if (!body) return { ok: false, errors: [{ field: 'body', message: 'Enter the note' }] }
	if (body.length > NOTE_MAX)
		return { ok: false, errors: [{ field: 'body', message: `The note must be ${NOTE_MAX} characters or fewer` }] }
	return { ok: true, value: { body } }
}

export function readTask(
	form: Form,
	today: CalendarDate,
	assignees: readonly string[]
): Parsed<{ title: string; dueOn: CalendarDate; assigneeId: string | null }> & { parts: DateParts } {
	const errors: FieldError[] = []
	const title = text(form, 'title')
	if (!title) errors.push({ field: 'title', message: 'Enter what needs to be done' })
	else if (title.length > TASK_TITLE_MAX)
		errors.push({ field: 'title', message: `The task must be ${TASK_TITLE_MAX} characters or fewer` })
	const parts = dateParts(form, 'dueOn')
	const due = readDateInput(parts, 'The due date')
	if (!due.ok) errors.push({ field: 'dueOn', message: due.error })
	else if (due.date < today) errors.push({ field: 'dueOn', message: 'The due date must be today or in the future' })
	const assigneeId = text(form, 'assigneeId') || null
	if (assigneeId && !assignees.includes(assigneeId))
		errors.push({ field: 'assigneeId', message: 'Select someone from the list' })
	if (errors.length > 0 || !due.ok) return { ok: false, errors, parts }
	return { ok: true, value: { title, dueOn: due.date, assigneeId }, parts }
}

/** '' means "Unassigned". */
export function readOwner(form: Form, staffIds: readonly string[]): Parsed<{ ownerId: string | null }> {
	const ownerId = text(form, 'ownerId') || null
	if (ownerId && !staffIds.includes(ownerId))
		return { ok: false, errors: [{ field: 'ownerId', message: 'Select someone from the list' }] }
	return { ok: true, value: { ownerId } }
}

// ---------------------------------------------------------------------------------------------
// After a change

/** The green banner on the record after a change (`?done=` in the redirect). */
export const DONE_MESSAGES = {
	contact: 'Contact attempt logged',
	'contact-moved': 'Contact attempt logged and moved to Initial contact',
	moved: 'Stage changed',
	'stage-1-complete': 'Stage 1 recorded as complete',
	'checks-received': 'Last Stage 1 check recorded: the Stage 1 decision clock has started',
	held: 'Household put on hold',
	resumed: 'Household resumed',
	closed: 'Household closed',
	reopened: 'Household reopened',
	owner: 'Owner changed',
	note: 'Note added',
	task: 'Task added',
	'task-done': 'Task marked as done',
	'referral-counted': 'Referral attached: it counts for a bonus',
	'referral-not-eligible': 'Referral attached, but it does not count for a bonus: the reason is under Referral',
	'referral-awaiting':
		'Referral attached: this household may be one we already know, so it counts for a bonus only once that is decided',
	'match-confirmed': 'Possible match confirmed: the two records are now one household',
	'match-rejected': 'Possible match rejected: they are different households',
	'merged-here': 'The household you opened was merged into this one when a possible match was confirmed',
	'referral-detached': 'Referral detached',
	'referral-overridden': 'The referral now counts for a bonus',
} as const
export type DoneKey = keyof typeof DONE_MESSAGES

export function doneMessage(value: string | null): string | null {
	return value && Object.hasOwn(DONE_MESSAGES, value) ? DONE_MESSAGES[value as DoneKey] : null
}

// ---------------------------------------------------------------------------------------------
// What each action page offers

/** The stages a household can be moved to: the next one, and for managers any earlier one. */
export function moveChoices(stage: StageKey, canMoveBack: boolean): { stage: StageKey; direction: 'next' | 'back' }[] {
	const index = STAGE_KEYS.indexOf(stage)
	const next = STAGE_KEYS[index + 1]
	const choices: { stage: StageKey; direction: 'next' | 'back' }[] = next ? [{ stage: next, direction: 'next' }] : []
	if (canMoveBack) {
		for (const earlier of STAGE_KEYS.slice(0, index).reverse()) choices.push({ stage: earlier, direction: 'back' })
	}
	return choices
}

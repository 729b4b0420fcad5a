import type { StageKey } from './stages.ts'
import { isStageKey } from './stages.ts'
import { formatDate, londonDate, londonInstant, type CalendarDate } from './working-days.ts'

// A household's timeline: everything that happened to it, newest first, from the rows the record
// page loads (stage events, contacts, notes, emails, owner changes, tasks, enquiries). Pure, so the
// order and the words are tested without a database.

export type TimelineInput = {
	stageNames: Record<StageKey, string>
	stageEvents: {
		id: string
		kind: string
		fromStage: string | null
		toStage: string | null
		businessDate: CalendarDate
		recordedAt: Date
		actorName: string | null
		backdateReason: string | null
		exitReasonLabel: string | null
		exitEndedBy: string | null
		reviewOn: string | null
		note: string | null
	}[]
	contactAttempts: {
		id: string
		method: string
		outcome: string
		occurredAt: Date
		actorName: string | null
		note: string | null
	}[]
	notes: { id: string; body: string; createdAt: Date; authorName: string }[]
	emails: { id: string; subject: string; toAddress: string; status: string; createdAt: Date; sentAt: Date | null }[]
	ownerChanges: { id: string; fromName: string | null; toName: string | null; actorName: string; changedAt: Date }[]
	tasks: {
		id: string
		title: string
		dueOn: CalendarDate
		createdAt: Date
		createdByName: string
		assigneeName: string | null
		completedAt: Date | null
		completedByName: string | null
	}[]
	enquiries: { id: string; reference: string; source: string; receivedAt: Date }[]
}

export type TimelineType = 'stage' | 'contact' | 'note' | 'email' | 'owner' | 'task' | 'enquiry'

export type TimelineItem = {
	key: string
	type: TimelineType
	/** When it happened (ISO); back-dated stage events sit at their business date. */
	at: string
	title: string
	/** Who did it, when known. */
	actor: string | null
	details: { label: string; value: string }[]
}

export const CONTACT_METHODS = [
	{ value: 'call', label: 'Phone call' },
	{ value: 'email', label: 'Email' },
	{ value: 'text', label: 'Text message' },
	{ value: 'visit', label: 'Visit' },
] as const
export const CONTACT_OUTCOMES = [
	{ value: 'answered', label: 'Answered' },
	{ value: 'no_answer', label: 'No answer' },
	{ value: 'left_message', label: 'Left a message' },
] as const

export const ENDED_BY_LABELS: Record<string, string> = {
	household: 'Withdrawn by the household',
	service: 'Ended by the service',
	not_approved: 'Not approved',
}

const EMAIL_STATUS: Record<string, string> = { sent: 'Sent', pending: 'Waiting to be sent', dead: 'Could not be sent' }
const ENQUIRY_SOURCE: Record<string, string> = {
	web: 'the website',
	phone: 'a phone call',
	event: 'an event',
	import: 'an import',
}

/** The words for a stored option value (the value itself if the list no longer has it). */
export const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
	options.find((option) => option.value === value)?.label ?? value

/**
 * When a stage event goes on the timeline: when it was recorded if that was on its business date,
 * otherwise midday on the business date, so a back-dated move sits among what happened that day.
 */
export function stageEventInstant(event: { businessDate: CalendarDate; recordedAt: Date }): Date {
	if (londonDate(event.recordedAt) === event.businessDate) return event.recordedAt
	return londonInstant(event.businessDate, '12:00')
}

type StageNameOf = (stage: string | null) => string
type Item<T extends TimelineType> = TimelineItem & { type: T }

/** What a stage event of each kind is called on the timeline, and any details only it has. */
function describeStageEvent(
	event: TimelineInput['stageEvents'][number],
	name: StageNameOf
): { title: string; details: TimelineItem['details'] } {
	switch (event.kind) {
		case 'entered':
			return {
				title: event.fromStage ? `Moved to ${name(event.toStage)}` : `Started at ${name(event.toStage)}`,
				details: [],
			}
		case 'checks_received':
			// Starts the service's clock for the Stage 1 decision.
			return { title: `Last ${name('stage_1')} check received`, details: [] }
		case 'completed':
			return { title: `${name('stage_1')} complete`, details: [] }
		case 'hold':
			return {
				title: 'Put on hold',
				details: event.reviewOn ? [{ label: 'Review on', value: formatDate(event.reviewOn) }] : [],
			}
		case 'resume':
			return { title: 'Resumed after a hold', details: [] }
		case 'exit':
			return { title: `Closed at ${name(event.fromStage)}`, details: exitDetails(event) }
		case 'reopen':
			return {
				title:
					event.fromStage === event.toStage
						? `Reopened at ${name(event.toStage)}`
						: `Came back: reopened at ${name(event.toStage)}`,
				details: [],
			}
		case 'returned':
			return { title: 'Enquired again', details: [] }
		case 'contacted':
			return { title: 'First contact after their new enquiry', details: [] }
		default:
			return { title: event.kind, details: [] }
	}
}

function exitDetails(event: TimelineInput['stageEvents'][number]): TimelineItem['details'] {
	const details: TimelineItem['details'] = []
	if (event.exitEndedBy)
		details.push({ label: 'Who ended it', value: ENDED_BY_LABELS[event.exitEndedBy] ?? event.exitEndedBy })
	if (event.exitReasonLabel) details.push({ label: 'Reason', value: event.exitReasonLabel })
	return details
}

/** A stage event: its date, when it was recorded if later (and why), what it did, and its note. */
function stageItem(event: TimelineInput['stageEvents'][number], name: StageNameOf): Item<'stage'> {
	const recordedOn = londonDate(event.recordedAt)
	const { title, details } = describeStageEvent(event, name)
	return {
		key: `stage-${event.id}`,
		type: 'stage',
		at: stageEventInstant(event).toISOString(),
		title,
		actor: event.actorName,
		details: [
			{ label: 'Date', value: formatDate(event.businessDate) },
			...(recordedOn !== event.businessDate ? [{ label: 'Recorded on', value: formatDate(recordedOn) }] : []),
			...(event.backdateReason ? [{ label: 'Why it was recorded late', value: event.backdateReason }] : []),
			...details,
			...(event.note ? [{ label: 'Note', value: event.note }] : []),
		],
	}
}

function contactItem(contact: TimelineInput['contactAttempts'][number]): Item<'contact'> {
	return {
		key: `contact-${contact.id}`,
		type: 'contact',
		at: contact.occurredAt.toISOString(),
		title: `${labelOf(CONTACT_METHODS, contact.method)}: ${labelOf(CONTACT_OUTCOMES, contact.outcome).toLowerCase()}`,
		actor: contact.actorName,
		details: contact.note ? [{ label: 'Note', value: contact.note }] : [],
	}
}

function noteItem(note: TimelineInput['notes'][number]): Item<'note'> {
	return {
		key: `note-${note.id}`,
		type: 'note',
		at: note.createdAt.toISOString(),
		title: 'Note added',
		actor: note.authorName,
		details: [{ label: 'Note', value: note.body }],
	}
}

function emailItem(email: TimelineInput['emails'][number]): Item<'email'> {
	return {
		key: `email-${email.id}`,
		type: 'email',
		at: email.createdAt.toISOString(),
		title: `Email: ${email.subject}`,
		actor: null,
		details: [
			{ label: 'To', value: email.toAddress },
			{ label: 'Status', value: EMAIL_STATUS[email.status] ?? email.status },
		],
	}
}

function ownerItem(change: TimelineInput['ownerChanges'][number]): Item<'owner'> {
	return {
		key: `owner-${change.id}`,
		type: 'owner',
		at: change.changedAt.toISOString(),
		title: change.toName ? `Assigned to ${change.toName}` : 'Owner removed: unassigned',
		actor: change.actorName,
		details: [{ label: 'Previous owner', value: change.fromName ?? 'Unassigned' }],
	}
}

/** A task: when it was added and, once done, when it was done (two entries). */
function taskItems(task: TimelineInput['tasks'][number]): Item<'task'>[] {
	const added: Item<'task'> = {
		key: `task-${task.id}`,
		type: 'task',
		at: task.createdAt.toISOString(),
		title: `Task added: ${task.title}`,
		actor: task.createdByName,
		details: [
			{ label: 'Due', value: formatDate(task.dueOn) },
			{ label: 'Assigned to', value: task.assigneeName ?? 'Unassigned' },
		],
	}
	if (!task.completedAt) return [added]
	const done: Item<'task'> = {
		key: `task-done-${task.id}`,
		type: 'task',
		at: task.completedAt.toISOString(),
		title: `Task done: ${task.title}`,
		actor: task.completedByName,
		details: [],
	}
	return [added, done]
}

function enquiryItem(enquiry: TimelineInput['enquiries'][number]): Item<'enquiry'> {
	return {
		key: `enquiry-${enquiry.id}`,
		type: 'enquiry',
		at: enquiry.receivedAt.toISOString(),
		title: `Enquiry received from ${ENQUIRY_SOURCE[enquiry.source] ?? enquiry.source}`,
		actor: null,
		details: [{ label: 'Reference', value: enquiry.reference }],
	}
}

export function buildTimeline(input: TimelineInput): TimelineItem[] {
	const name: StageNameOf = (stage) => (stage && isStageKey(stage) ? input.stageNames[stage] : (stage ?? ''))
	const items: TimelineItem[] = [
		...input.stageEvents.map((event) => stageItem(event, name)),
		...input.contactAttempts.map(contactItem),
		...input.notes.map(noteItem),
		...input.emails.map(emailItem),
		...input.ownerChanges.map(ownerItem),
		...input.tasks.flatMap(taskItems),
		...input.enquiries.map(enquiryItem),
	]
	// Newest first; the key breaks ties so the order never depends on the order of the inputs.
	return items.sort((a, b) => (a.at === b.at ? (a.key < b.key ? 1 : -1) : a.at < b.at ? 1 : -1))
}

// An enquiry taken by staff, by phone or at an event: the public form's questions and rules
// (app/domain/enquiry-form.ts, unchanged), plus what only staff are asked: how and when it came
// in (a date before today needs a reason, as every back-dated stage change does: the stage
// machine's startHousehold decides) and which channel it came through.

import { dateParts, readDateInput, type DateParts } from './date-input.ts'
import {
	cleanMultiline,
	cleanText,
	FIELD_ORDER,
	readEnquiryValues,
	validateEnquiry,
	type EnquiryFormFields,
	type EnquiryValues,
	type ValidEnquiry,
} from './enquiry-form.ts'
import { startHousehold, type Actor } from './stage-machine.ts'
import type { StageKey } from './stages.ts'
import type { CalendarDate } from './working-days.ts'
import { inPageOrder, type FieldError } from './field-errors.ts'

export const RECEIVED_BY = [
	{ value: 'phone', label: 'By phone' },
	{ value: 'event', label: 'At an event' },
] as const
export type ReceivedBy = (typeof RECEIVED_BY)[number]['value']

const STAFF_FIELDS = ['receivedBy', 'eventName', 'receivedOn', 'backdateReason', 'channel'] as const
type StaffField = (typeof STAFF_FIELDS)[number]
export type StaffEnquiryField = StaffField | EnquiryFormFields

export type StaffEnquiryValues = {
	answers: EnquiryValues
	receivedBy: string
	eventName: string
	receivedOn: DateParts
	backdateReason: string
	channel: string
}

export const STAFF_CONSENT_MESSAGE = 'Select that they agreed to be contacted about fostering'
const EVENT_NAME_MAX = 200

export function readStaffEnquiryValues(form: {
	get(name: string): unknown
	getAll(name: string): unknown[]
}): StaffEnquiryValues {
	return {
		answers: readEnquiryValues(form),
		receivedBy: cleanText(form.get('receivedBy')),
		eventName: cleanText(form.get('eventName')),
		receivedOn: dateParts(form, 'receivedOn'),
		backdateReason: cleanMultiline(form.get('backdateReason')),
		channel: cleanText(form.get('channel')),
	}
}

export type StaffEnquiryContext = {
	today: CalendarDate
	actor: Actor
	stageNames: Record<StageKey, string>
	/** The channels staff may choose (active ones). */
	channels: readonly { key: string }[]
}

export type ValidStaffEnquiry = {
	enquiry: ValidEnquiry
	receivedBy: ReceivedBy
	eventName: string | null
	receivedOn: CalendarDate
	backdateReason: string | null
	channel: string
}

export type StaffEnquiryValidation =
	{ ok: true; value: ValidStaffEnquiry } | { ok: false; errors: FieldError<StaffEnquiryField>[] }

export function validateStaffEnquiry(values: StaffEnquiryValues, context: StaffEnquiryContext): StaffEnquiryValidation {
	const errors: { field: StaffEnquiryField; message: string }[] = []
	const fail = (field: StaffEnquiryField, message: string) => errors.push({ field, message })
	const form = validateEnquiry(values.answers)
	// The same rules as the public form; consent in words for the member of staff who confirms it.
	if (!form.ok)
		for (const error of form.errors)
			fail(error.field!, error.field === 'consent' ? STAFF_CONSENT_MESSAGE : error.message)

	const receivedBy = RECEIVED_BY.find((option) => option.value === values.receivedBy)?.value
	if (!receivedBy) fail('receivedBy', 'Select how the enquiry came in')
	if (values.eventName.length > EVENT_NAME_MAX)
		fail('eventName', `Event name must be ${EVENT_NAME_MAX} characters or less`)

	let receivedOn: CalendarDate | undefined
	const date = readDateInput(values.receivedOn, `The date they reached ${context.stageNames.enquiry}`)
	if (!date.ok) fail('receivedOn', date.error)
	else {
		const start = startHousehold(
			{ stage: 'enquiry', businessDate: date.date, backdateReason: values.backdateReason },
			{ today: context.today, actor: context.actor, stageNames: context.stageNames }
		)
		if (start.ok) receivedOn = date.date
		else if (start.field === 'backdateReason') fail('backdateReason', start.error)
		else fail('receivedOn', start.error)
	}

	if (!values.channel) fail('channel', 'Select the channel the enquiry came from')
	else if (!context.channels.some((channel) => channel.key === values.channel))
		fail('channel', 'Select a channel from the list')

	// Listed as the page asks: how it came in first, then the form's questions (consent last).
	if (!form.ok || !receivedBy || !receivedOn || errors.length > 0)
		return { ok: false, errors: inPageOrder(errors, [...STAFF_FIELDS, ...FIELD_ORDER]) }
	return {
		ok: true,
		value: {
			enquiry: form.enquiry,
			receivedBy,
			eventName: receivedBy === 'event' ? values.eventName || null : null,
			receivedOn,
			backdateReason: receivedOn < context.today ? values.backdateReason : null,
			channel: values.channel,
		},
	}
}

/** The words the member of staff confirmed, kept with the enquiry as the record of consent. */
export function staffConsentWording(input: {
	receivedBy: ReceivedBy
	eventName: string | null
	organisationName: string
	officerName: string
}): string {
	const how =
		input.receivedBy === 'phone' ? 'by phone' : input.eventName ? `at an event (${input.eventName})` : 'at an event'
	return `Agreed ${how} to ${input.organisationName} contacting them about fostering by phone, email or text, recorded by ${input.officerName}`
}

/** The audit log's words for the change. */
export function staffEnquiryAudit(receivedBy: ReceivedBy): string {
	return receivedBy === 'phone' ? 'Added an enquiry taken by phone' : 'Added an enquiry taken at an event'
}

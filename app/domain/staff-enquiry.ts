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

export const RECEIVED_BY = [
	{ value: 'phone', label: 'By phone' },
	{ value: 'event', label: 'At an event' },
] as const
export type ReceivedBy = (typeof RECEIVED_BY)[number]['value']

const STAFF_FIELDS = ['receivedBy', 'eventName', 'receivedOn', 'backdateReason', 'channel'] as const
type StaffField = (typeof STAFF_FIELDS)[number]
export type StaffEnquiryField = StaffField | EnquiryFormFields
export type StaffEnquiryErrors = Partial<Record<StaffEnquiryField, string>>

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

export type StaffEnquiryValidation = { ok: true; value: ValidStaffEnquiry } | { ok: false; errors: StaffEnquiryErrors }

export function validateStaffEnquiry(values: StaffEnquiryValues, context: StaffEnquiryContext): StaffEnquiryValidation {
	const errors: StaffEnquiryErrors = {}
	const form = validateEnquiry(values.answers)
	if (!form.ok) Object.assign(errors, form.errors)
	// The same rule as the public form, in words for the member of staff who confirms it.
	if (errors.consent) errors.consent = STAFF_CONSENT_MESSAGE

	const receivedBy = RECEIVED_BY.find((option) => option.value === values.receivedBy)?.value
	if (!receivedBy) errors.receivedBy = 'Select how the enquiry came in'
	if (values.eventName.length > EVENT_NAME_MAX)
		errors.eventName = `Event name must be ${EVENT_NAME_MAX} characters or less`

	let receivedOn: CalendarDate | undefined
	const date = readDateInput(values.receivedOn, `The date they reached ${context.stageNames.enquiry}`)
	if (!date.ok) errors.receivedOn = date.error
	else {
		const start = startHousehold(
			{ stage: 'enquiry', businessDate: date.date, backdateReason: values.backdateReason },
			{ today: context.today, actor: context.actor, stageNames: context.stageNames }
		)
		if (start.ok) receivedOn = date.date
		else if (start.field === 'backdateReason') errors.backdateReason = start.error
		else errors.receivedOn = start.error
	}

	if (!values.channel) errors.channel = 'Select the channel the enquiry came from'
	else if (!context.channels.some((channel) => channel.key === values.channel))
		errors.channel = 'Select a channel from the list'

	if (!form.ok || !receivedBy || !receivedOn || Object.keys(errors).length > 0) return { ok: false, errors }
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

/** Field order on the page: how it came in first, then the form's questions (consent last). */
export function orderedStaffErrors(errors: StaffEnquiryErrors): { field: string; message: string }[] {
	const order: StaffEnquiryField[] = [...STAFF_FIELDS, ...FIELD_ORDER]
	return order.flatMap((field) => {
		const message = errors[field]
		if (!message) return []
		// The date input's first box has the field's id; the error summary links to it.
		return [{ field, message }]
	})
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

import { REFERRER_KIND_LABELS, REFERRER_KINDS } from './bonus-scheme.ts'
import { readDateInput, type DateParts } from './date-input.ts'
import { formatDate, type CalendarDate } from './working-days.ts'

// What the staff pages about carers show and ask besides the carer's details (those are checked
// by readCarerInput in app/domain/carers.ts, for the form and the CSV import alike): the choices,
// the labels, and the approval date as the form and the file write it.

export const CARER_KIND_CHOICES = REFERRER_KINDS.map((kind) => ({ value: kind, label: REFERRER_KIND_LABELS[kind] }))

export const CARER_STATUS_LABELS = { active: 'Active', inactive: 'Inactive' } as const
export type CarerStatus = keyof typeof CARER_STATUS_LABELS

/** Why an approval date cannot be right, or null: carers are approved before they are added. */
export function approvalDateProblem(date: CalendarDate, today: CalendarDate): string | null {
	return date > today
		? `The date they were approved must be today or in the past (today is ${formatDate(today)})`
		: null
}

/** The add-a-carer form's optional approval date: empty is fine, anything typed must be a real past date. */
export function readApprovalDate(
	parts: DateParts,
	today: CalendarDate
): { ok: true; date: CalendarDate | null } | { ok: false; error: string } {
	if (!parts.day && !parts.month && !parts.year) return { ok: true, date: null }
	const read = readDateInput(parts, 'The date they were approved')
	if (!read.ok) return { ok: false, error: read.error }
	const problem = approvalDateProblem(read.date, today)
	return problem ? { ok: false, error: problem } : { ok: true, date: read.date }
}

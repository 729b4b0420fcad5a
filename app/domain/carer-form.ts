import { z } from 'zod'
import { REFERRER_KIND_LABELS, REFERRER_KINDS, type ReferrerKind } from './bonus-scheme.ts'
import { readDateInput, type DateParts } from './date-input.ts'
import { cleanText, normalisePhone } from './enquiry-form.ts'
import { formatDate, type CalendarDate } from './working-days.ts'

// The details staff give for a carer, one by one (/staff/carers/new) or a row of a CSV import:
// one set of rules for both, so an imported carer is held to what the form asks.

export const CARER_LIMITS = { name: 100, email: 254 } as const

export const CARER_KIND_CHOICES = REFERRER_KINDS.map((kind) => ({ value: kind, label: REFERRER_KIND_LABELS[kind] }))

export const CARER_STATUS_LABELS = { active: 'Active', inactive: 'Inactive' } as const
export type CarerStatus = keyof typeof CARER_STATUS_LABELS

export type CarerField = 'name' | 'email' | 'phone' | 'kind' | 'approvedOn' | 'shortBreakOnly'
export type CarerFieldError = { field: CarerField; message: string }

export type CarerDetails = {
	name: string
	email: string
	/** Lower-cased: how a carer is found by email, and what makes two carers the same person. */
	emailNormalized: string
	phone: string | null
	kind: ReferrerKind
	approvedOn: CalendarDate | null
	shortBreakOnly: boolean
}

const EmailSchema = z
	.string()
	.max(CARER_LIMITS.email, `Email address must be ${CARER_LIMITS.email} characters or less`)
	.pipe(z.email('Enter an email address in the correct format, like name@example.com'))

/** The carer's email as it is compared: trimmed and lower-cased. */
export function normaliseCarerEmail(email: string): string {
	return cleanText(email).toLowerCase()
}

/**
 * Checks the details other than the approval date (the form and the CSV write dates differently:
 * each reads its own and passes it in, already checked with `approvalDateProblem`).
 */
export function checkCarerDetails(
	raw: { name: string; email: string; phone: string; kind: string; shortBreakOnly: boolean },
	approvedOn: CalendarDate | null
): { ok: true; value: CarerDetails } | { ok: false; errors: CarerFieldError[] } {
	const errors: CarerFieldError[] = []
	const name = cleanText(raw.name)
	if (!name) errors.push({ field: 'name', message: 'Enter the carer’s name' })
	else if (name.length > CARER_LIMITS.name)
		errors.push({ field: 'name', message: `Name must be ${CARER_LIMITS.name} characters or less` })

	const emailText = cleanText(raw.email)
	let email = ''
	if (!emailText) errors.push({ field: 'email', message: 'Enter the carer’s email address' })
	else {
		const parsed = EmailSchema.safeParse(emailText)
		if (parsed.success) email = parsed.data
		else errors.push({ field: 'email', message: parsed.error.issues[0]!.message })
	}

	const phoneText = cleanText(raw.phone)
	const phone = phoneText ? normalisePhone(phoneText) : null
	if (phone === undefined)
		errors.push({
			field: 'phone',
			message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
		})

	const kind = (REFERRER_KINDS as readonly string[]).includes(raw.kind) ? (raw.kind as ReferrerKind) : null
	if (!kind) errors.push({ field: 'kind', message: 'Select what kind of referrer they are' })

	if (errors.length > 0 || !kind || phone === undefined) return { ok: false, errors }
	return {
		ok: true,
		value: {
			name,
			email,
			emailNormalized: email.toLowerCase(),
			phone,
			kind,
			approvedOn,
			shortBreakOnly: raw.shortBreakOnly,
		},
	}
}

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

export const DUPLICATE_CARER_EMAIL = 'A carer with this email address has already been added'

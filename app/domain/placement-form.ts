import { readDateInput, type DateParts } from './date-input.ts'
import { cleanText } from './enquiry-form.ts'
import { formatDate, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// The "Record a placement" form on a carer's record: when a child was placed with them, when the
// placement ended (if it has), and the child's reference in the children's case system. No child's
// name is ever asked for.

export const CHILD_REFERENCE_MAX = 50

export type PlacementField = 'startedOn' | 'endedOn' | 'childReference'
export type PlacementAnswers = { startedOn: CalendarDate; endedOn: CalendarDate | null; childReference: string | null }

export function readPlacementForm(
	input: { startedOn: DateParts; endedOn: DateParts; childReference: string },
	today: CalendarDate
): { ok: true; value: PlacementAnswers } | { ok: false; errors: FieldError<PlacementField>[] } {
	const errors: FieldError<PlacementField>[] = []
	const notFuture = (date: CalendarDate, label: string) =>
		date > today ? `${label} must be today or in the past (today is ${formatDate(today)})` : null

	const start = readDateInput(input.startedOn, 'The date the placement started')
	let startedOn: CalendarDate | null = null
	if (!start.ok) errors.push({ field: 'startedOn', message: start.error })
	else {
		const problem = notFuture(start.date, 'The date the placement started')
		if (problem) errors.push({ field: 'startedOn', message: problem })
		else startedOn = start.date
	}

	let endedOn: CalendarDate | null = null
	const { day, month, year } = input.endedOn
	if (day || month || year) {
		const end = readDateInput(input.endedOn, 'The date the placement ended')
		if (!end.ok) errors.push({ field: 'endedOn', message: end.error })
		else {
			const problem = notFuture(end.date, 'The date the placement ended')
			if (problem) errors.push({ field: 'endedOn', message: problem })
			else if (startedOn && end.date < startedOn)
				errors.push({
					field: 'endedOn',
					message: 'The date the placement ended must be on or after the date it started',
				})
			else endedOn = end.date
		}
	}

	const childReference = cleanText(input.childReference)
	if (childReference.length > CHILD_REFERENCE_MAX)
		errors.push({
			field: 'childReference',
			message: `The child’s reference must be ${CHILD_REFERENCE_MAX} characters or less`,
		})

	if (errors.length > 0 || !startedOn) return { ok: false, errors }
	return { ok: true, value: { startedOn, endedOn, childReference: childReference || null } }
}

import { isCalendarDate, type CalendarDate } from './working-days.ts'

// Reading a GOV.UK date input (day, month, year fields) into a calendar date, with the Design
// System's error messages ("Date of the visit must include a month", "... must be a real date").

export type DateParts = { day: string; month: string; year: string }
export type DateInputResult =
	{ ok: true; date: CalendarDate; parts: DateParts } | { ok: false; error: string; parts: DateParts }

/** The parts of the date input called `name` in a submitted form. */
export function dateParts(form: { get(name: string): unknown }, name: string): DateParts {
	const read = (part: string) => String(form.get(`${name}-${part}`) ?? '').trim()
	return { day: read('day'), month: read('month'), year: read('year') }
}

/** `label` starts the messages: "The date they reached Stage 1". */
export function readDateInput(parts: DateParts, label: string): DateInputResult {
	const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '')
	const lower = `${label.charAt(0).toLowerCase()}${label.slice(1)}`
	if (missing.length === 3) return { ok: false, error: `Enter ${lower}`, parts }
	if (missing.length > 0) return { ok: false, error: `${label} must include a ${missing.join(' and ')}`, parts }
	if (![parts.day, parts.month, parts.year].every((part) => /^\d+$/.test(part)) || parts.year.length !== 4) {
		return { ok: false, error: `${label} must be a real date`, parts }
	}
	const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`
	if (!isCalendarDate(date)) return { ok: false, error: `${label} must be a real date`, parts }
	return { ok: true, date, parts }
}

import { onlyOffered, readChoices } from './choices.ts'
import { REMINDER_KINDS } from './reminders.ts'
import { CLOCK_LABELS, STATUTORY_PANEL_MONTHS, type ClockTargets } from './response-clocks.ts'
import type { ServiceConfig } from './service-config.ts'
import { bankHolidays, isCalendarDate, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// The rules of the response-time settings pages that need no database: what the targets, the
// reminder and closure-day forms accept, in GOV.UK words.

export type TargetField = {
	key: keyof ClockTargets
	label: string
	unit: 'working days' | 'months'
	max: number
	hint?: string
}

/** The five targets in the order of the journey, with the form field each is edited in. */
export const TARGET_FIELDS: readonly TargetField[] = [
	{ key: 'firstContactWorkingDays', label: CLOCK_LABELS.first_contact, unit: 'working days', max: 260 },
	{ key: 'initialVisitWorkingDays', label: CLOCK_LABELS.initial_visit, unit: 'working days', max: 260 },
	{ key: 'stage1DecisionWorkingDays', label: CLOCK_LABELS.stage_1_decision, unit: 'working days', max: 260 },
	{
		key: 'applicationToPanelMonths',
		label: CLOCK_LABELS.application_to_panel,
		unit: 'months',
		max: STATUTORY_PANEL_MONTHS,
		hint: `The law allows at most ${STATUTORY_PANEL_MONTHS} months (Fostering National Minimum Standard 14.4); this is the service’s own target within it.`,
	},
	{ key: 'panelToDecisionWorkingDays', label: CLOCK_LABELS.panel_to_decision, unit: 'working days', max: 260 },
]

function unitPhrase(amount: number, unit: TargetField['unit']) {
	return `${amount} ${amount === 1 ? unit.replace(/s$/, '') : unit}`
}

/** '1 working day', '6 months'. */
export function targetPhrase(field: TargetField, targets: ClockTargets): string {
	return unitPhrase(targets[field.key], field.unit)
}

/** A whole number typed into a form, or the GOV.UK message for it. `what` starts the messages. */
function readWholeNumber(
	raw: string,
	what: string,
	range: { min: number; max: number; unit: TargetField['unit'] }
): { value?: number; error?: string } {
	const typed = raw.trim()
	if (typed === '') return { error: `Enter ${what.charAt(0).toLowerCase()}${what.slice(1)}` }
	if (!/^\d+$/.test(typed)) return { error: `${what} must be a whole number` }
	const value = Number(typed)
	if (value < range.min) return { error: `${what} must be ${unitPhrase(range.min, range.unit)} or more` }
	if (value > range.max) return { error: `${what} must be ${unitPhrase(range.max, range.unit)} or fewer` }
	return { value }
}

export function readTargetsForm(
	read: (field: string) => string
): { ok: true; value: ClockTargets } | { ok: false; errors: FieldError[]; values: Record<string, string> } {
	const errors: FieldError[] = []
	const values: Record<string, string> = {}
	const targets: Partial<ClockTargets> = {}
	for (const field of TARGET_FIELDS) {
		values[field.key] = read(field.key)
		const what = `The target for ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`
		const { value, error } = readWholeNumber(values[field.key]!, what, { min: 1, max: field.max, unit: field.unit })
		if (error) {
			// Over the maximum months is over the law's limit, and the message says so.
			const statutory = field.unit === 'months' && error.endsWith('or fewer') ? ' (the statutory limit)' : ''
			errors.push({ field: field.key, message: `${error}${statutory}` })
		} else targets[field.key] = value
	}
	return errors.length > 0 ? { ok: false, errors, values } : { ok: true, value: targets as ClockTargets }
}

export function sameTargets(a: ClockTargets, b: ClockTargets): boolean {
	return TARGET_FIELDS.every((field) => a[field.key] === b[field.key])
}

export const AT_RISK_PERCENT_RANGE = { min: 50, max: 95 } as const

export type ClockSettings = ServiceConfig['clocks']

/** The reminders form: the at-risk share and which reminders go (checkboxes named `reminders`). */
export function readClockSettingsForm(form: {
	atRiskPercent: string
	reminders: readonly unknown[]
}): { ok: true; value: ClockSettings } | { ok: false; errors: FieldError[]; values: { atRiskPercent: string } } {
	const raw = form.atRiskPercent.trim().replace(/%$/, '').trim()
	const { min, max } = AT_RISK_PERCENT_RANGE
	const message = `Enter the at-risk point as a whole number between ${min} and ${max}`
	const value = /^\d+$/.test(raw) ? Number(raw) : NaN
	const errors: FieldError[] = []
	if (!(value >= min && value <= max)) {
		errors.push({ field: 'atRiskPercent', message: raw === '' ? 'Enter the at-risk point' : message })
	}
	const reminders = readChoices(form.reminders)
	const offered = REMINDER_KINDS.map((kind) => kind.key)
	if (!onlyOffered(reminders, offered)) errors.push({ field: 'reminders', message: 'Select reminders from the list' })
	if (errors.length > 0) return { ok: false, errors, values: { atRiskPercent: form.atRiskPercent } }
	const on = (kind: (typeof offered)[number]) => reminders.includes(kind)
	return {
		ok: true,
		value: {
			atRiskPercent: value,
			remindAtRisk: on('remindAtRisk'),
			escalateOverdue: on('escalateOverdue'),
			morningDigest: on('morningDigest'),
		},
	}
}

export const CLOSURE_LABEL_MAX = 80

export function readClosureForm(input: {
	date: { ok: true; date: CalendarDate } | { ok: false; error: string }
	label: string
	existing: ReadonlySet<CalendarDate>
}): { ok: true; value: { date: CalendarDate; label: string } } | { ok: false; errors: FieldError[] } {
	const errors: FieldError[] = []
	const label = input.label.trim().replace(/\s+/g, ' ')
	if (!input.date.ok) errors.push({ field: 'date', message: input.date.error })
	else if (input.existing.has(input.date.date)) {
		errors.push({ field: 'date', message: 'That day is already a closure day' })
	}
	if (label === '') errors.push({ field: 'label', message: 'Enter why the service is closed' })
	else if (label.length > CLOSURE_LABEL_MAX) {
		errors.push({ field: 'label', message: `The reason must be ${CLOSURE_LABEL_MAX} characters or fewer` })
	}
	if (errors.length > 0 || !input.date.ok) return { ok: false, errors }
	return { ok: true, value: { date: input.date.date, label } }
}

/**
 * Why a day is not a working day already, if it is not: 'a Saturday', 'a bank holiday: Boxing
 * Day'. A closure on such a day changes nothing, which the page says when it is added.
 */
export function alreadyNotWorking(date: CalendarDate): string | null {
	if (!isCalendarDate(date)) return null
	const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
	if (weekday === 6) return 'a Saturday'
	if (weekday === 0) return 'a Sunday'
	const holiday = bankHolidays(Number(date.slice(0, 4))).find((day) => day.date === date)
	return holiday ? `a bank holiday: ${holiday.title}` : null
}

import {
	BonusRulesSchema,
	MAX_MILESTONE_PENCE,
	REFERRER_KINDS,
	formatPounds,
	schemeInForce,
	type BonusRules,
	type ReferrerKind,
} from './bonus-scheme.ts'
import { onlyOffered, readChoices } from './choices.ts'
import { readDateInput, type DateParts } from './date-input.ts'
import type { CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// The form managers use to make a new version of the refer-a-friend bonus scheme: amounts typed
// in pounds (stored as whole pence), whole numbers for weeks, percentages and months, who may
// earn, and the day it takes effect (today or later: a scheme never changes what referrals already
// made were promised). Pure, so every GOV.UK message is unit-tested.

export type SchemeFormValues = {
	approvedPounds: string
	placementPounds: string
	placementWeeks: string
	welcomePounds: string
	shortBreakPercent: string
	contactWindowMonths: string
	eligibleReferrerKinds: string[]
	effectiveFrom: DateParts
}

export type SchemeFormResult =
	| { ok: true; value: { effectiveFrom: CalendarDate; rules: BonusRules } }
	| { ok: false; errors: FieldError[]; values: SchemeFormValues }

/** Pence as a manager would type them back: 25000 → '250', 1250 → '12.50'. */
export function poundsForInput(pence: number): string {
	return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

/** The form filled in with a scheme's rules (the one in force), to change from. */
export function schemeFormValues(rules: BonusRules, effectiveFrom: DateParts): SchemeFormValues {
	return {
		approvedPounds: poundsForInput(rules.approvedPence),
		placementPounds: poundsForInput(rules.placementPence),
		placementWeeks: String(rules.placementWeeks),
		welcomePounds: poundsForInput(rules.welcomePence),
		shortBreakPercent: String(rules.shortBreakPercent),
		contactWindowMonths: String(rules.contactWindowMonths),
		eligibleReferrerKinds: [...rules.eligibleReferrerKinds],
		effectiveFrom,
	}
}

/** An amount in pounds as people type it ('250', '£1,500', '12.50') in whole pence, or why not. */
export function readPounds(raw: string, what: string): { pence?: number; error?: string } {
	const typed = raw
		.trim()
		.replace(/^£\s*/, '')
		.replace(/,(?=\d{3}(\D|$))/g, '')
	if (raw.trim() === '') return { error: `Enter ${what}` }
	const match = /^(\d+)(?:\.(\d{2}))?$/.exec(typed)
	if (!match) return { error: `${capitalise(what)} must be an amount in pounds, like 250 or 12.50` }
	const pence = Number(match[1]) * 100 + Number(match[2] ?? '0')
	if (pence > MAX_MILESTONE_PENCE) {
		return { error: `${capitalise(what)} must be ${formatPounds(MAX_MILESTONE_PENCE)} or less` }
	}
	return { pence }
}

function capitalise(text: string) {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

function readWhole(
	raw: string,
	what: string,
	min: number,
	max: number,
	unit: string
): { value?: number; error?: string } {
	const typed = raw.trim().replace(/%$/, '').trim()
	if (typed === '') return { error: `Enter ${what}` }
	if (!/^\d+$/.test(typed)) return { error: `${capitalise(what)} must be a whole number` }
	const value = Number(typed)
	if (value < min || value > max) return { error: `${capitalise(what)} must be between ${min} and ${max}${unit}` }
	return { value }
}

export const SCHEME_FIELD_LABELS = {
	approvedPounds: 'the bonus when the referred household is approved',
	placementPounds: 'the bonus when their first placement has lasted the qualifying weeks',
	placementWeeks: 'the number of qualifying weeks',
	welcomePounds: 'the welcome bonus for the new carers',
	shortBreakPercent: 'the share paid for short-break carers',
	contactWindowMonths: 'the contact window',
} as const

export function readSchemeForm(
	form: Omit<SchemeFormValues, 'eligibleReferrerKinds'> & { eligibleReferrerKinds: readonly string[] },
	today: CalendarDate
): SchemeFormResult {
	const values: SchemeFormValues = { ...form, eligibleReferrerKinds: readChoices(form.eligibleReferrerKinds) }
	const errors: FieldError[] = []
	const pounds = (field: 'approvedPounds' | 'placementPounds' | 'welcomePounds') => {
		const { pence, error } = readPounds(form[field], SCHEME_FIELD_LABELS[field])
		if (error) errors.push({ field, message: error })
		return pence ?? 0
	}
	const whole = (
		field: 'placementWeeks' | 'shortBreakPercent' | 'contactWindowMonths',
		min: number,
		max: number,
		unit: string
	) => {
		const { value, error } = readWhole(form[field], SCHEME_FIELD_LABELS[field], min, max, unit)
		if (error) errors.push({ field, message: error })
		return value ?? 0
	}
	const approvedPence = pounds('approvedPounds')
	const placementPence = pounds('placementPounds')
	const placementWeeks = whole('placementWeeks', 1, 104, '')
	const welcomePence = pounds('welcomePounds')
	const shortBreakPercent = whole('shortBreakPercent', 0, 100, '%')
	// Each kind once; one the form does not offer is refused rather than left out.
	const kinds = REFERRER_KINDS.filter((kind) => values.eligibleReferrerKinds.includes(kind))
	if (kinds.length === 0 || !onlyOffered(values.eligibleReferrerKinds, REFERRER_KINDS)) {
		errors.push({ field: 'eligibleReferrerKinds', message: 'Select who can earn a bonus' })
	}
	const contactWindowMonths = whole('contactWindowMonths', 0, 60, ' months')

	const date = readDateInput(form.effectiveFrom, 'The date the scheme starts')
	if (!date.ok) errors.push({ field: 'effectiveFrom', message: date.error })
	else if (date.date < today) {
		errors.push({ field: 'effectiveFrom', message: 'The date the scheme starts must be today or in the future' })
	}

	if (errors.length > 0 || !date.ok) return { ok: false, errors, values }
	const rules = BonusRulesSchema.parse({
		approvedPence,
		placementPence,
		placementWeeks,
		welcomePence,
		shortBreakPercent,
		eligibleReferrerKinds: kinds satisfies ReferrerKind[],
		contactWindowMonths,
	})
	return { ok: true, value: { effectiveFrom: date.date, rules } }
}

/** The rules in words, one line each, for the history and the page showing the scheme in force. */
export function describeRules(rules: BonusRules, kindLabels: Record<ReferrerKind, string>): string[] {
	const shortBreaks =
		rules.shortBreakPercent === 100
			? 'Short-break carers: the full amounts'
			: `Short-break carers: ${rules.shortBreakPercent}% of each amount`
	return [
		`When the referred household is approved: ${formatPounds(rules.approvedPence)}`,
		`When their first placement has lasted ${rules.placementWeeks} ${
			rules.placementWeeks === 1 ? 'week' : 'weeks'
		}: ${formatPounds(rules.placementPence)}`,
		rules.welcomePence > 0
			? `Welcome bonus for the new carers: ${formatPounds(rules.welcomePence)}`
			: 'No welcome bonus for the new carers',
		shortBreaks,
		`Who can earn: ${rules.eligibleReferrerKinds.map((kind) => kindLabels[kind].toLowerCase()).join(', ')}`,
		`Households in contact in the ${rules.contactWindowMonths} ${
			rules.contactWindowMonths === 1 ? 'month' : 'months'
		} before the referral earn nothing`,
	]
}

export type SchemeStatus = 'in_force' | 'scheduled' | 'ended' | 'replaced'

export const SCHEME_STATUS_LABELS: Record<SchemeStatus, string> = {
	in_force: 'In force',
	scheduled: 'Starts later',
	ended: 'Ended',
	replaced: 'Replaced before it started',
}

/**
 * Where each version stands today (`schemes` in the order they were made): the one in force, those
 * still to come, those that ended, and those replaced by a later version made for the same day
 * (which never applied to any referral).
 */
export function schemeStatuses<S extends { id: string; effectiveFrom: CalendarDate }>(
	schemes: readonly S[],
	today: CalendarDate
): Map<string, SchemeStatus> {
	const inForce = schemeInForce(schemes, today)
	const statuses = new Map<string, SchemeStatus>()
	for (const scheme of schemes) {
		if (scheme.id === inForce?.id) statuses.set(scheme.id, 'in_force')
		else if (schemeInForce(schemes, scheme.effectiveFrom)?.id !== scheme.id) statuses.set(scheme.id, 'replaced')
		else statuses.set(scheme.id, scheme.effectiveFrom > today ? 'scheduled' : 'ended')
	}
	return statuses
}

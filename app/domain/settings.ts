import { CHANNEL_KEYS } from './attribution.ts'
import type { EndedBy, OfstedWithdrawalCode } from './exit-reasons.ts'
import { STAGE_KEYS, stageNames, type StageKey } from './stages.ts'
import type { FieldError } from './field-errors.ts'

// The rules of the settings pages (stage names, exit reasons, channels) that need no database:
// what each form accepts, in GOV.UK words, and how a new reason or channel gets its key.

export const ENDED_BY_LABELS: Record<EndedBy, string> = {
	household: 'The household withdrew',
	service: 'The service ended it',
	not_approved: 'Not approved',
}
export const ENDED_BY_KEYS = Object.keys(ENDED_BY_LABELS) as EndedBy[]

/** Ofsted's withdrawal codes for the annual fostering return, with what each means. */
export const OFSTED_WITHDRAWAL_CODES: Record<OfstedWithdrawalCode, string> = {
	AW0: 'AW0: other reasons or reasons not known',
	AW1: 'AW1: fostering not what they expected',
	AW2: 'AW2: the assessment process',
	AW3: 'AW3: change in personal circumstances',
	AW4: 'AW4: work or financial reasons',
	AW5: 'AW5: concerns about allegations',
}

export const LABEL_MAX = 80

/**
 * A stable key from a label: lower case, ASCII letters and digits joined by underscores
 * ("Moved abroad (work)" → "moved_abroad_work"); `taken` keys get a number on the end.
 */
export function keyFromLabel(label: string, taken: Iterable<string>): string {
	const base =
		label
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 40)
			.replace(/_+$/, '') || 'item'
	const used = new Set(taken)
	if (!used.has(base)) return base
	for (let n = 2; ; n += 1) if (!used.has(`${base}_${n}`)) return `${base}_${n}`
}

/** Labels compare without case or extra spaces, so "Health" and " health " are the same reason. */
export function sameLabel(a: string, b: string): boolean {
	const tidy = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase()
	return tidy(a) === tidy(b)
}

function readLabel(raw: string, what: string): { label: string; error?: string } {
	const label = raw.trim().replace(/\s+/g, ' ')
	if (label === '') return { label, error: `Enter the name of the ${what}` }
	if (label.length > LABEL_MAX) return { label, error: `The name must be ${LABEL_MAX} characters or fewer` }
	return { label }
}

export type ExitReasonInput = {
	label: string
	endedBy: EndedBy
	ofstedCode: OfstedWithdrawalCode | null
	nurture: boolean
}

/** A new exit reason: household withdrawals need their Ofsted code; the others have none. */
export function readExitReasonForm(form: {
	label: string
	endedBy: string
	ofstedCode: string
	nurture: boolean
}): { ok: true; value: ExitReasonInput } | { ok: false; errors: FieldError<'label' | 'endedBy' | 'ofstedCode'>[] } {
	const { label, error } = readLabel(form.label, 'reason')
	const errors: FieldError<'label' | 'endedBy' | 'ofstedCode'>[] = []
	if (error) errors.push({ field: 'label', message: error })
	const endedBy = (ENDED_BY_KEYS as string[]).includes(form.endedBy) ? (form.endedBy as EndedBy) : null
	if (!endedBy) errors.push({ field: 'endedBy', message: 'Select who ended it' })
	const code = form.ofstedCode in OFSTED_WITHDRAWAL_CODES ? (form.ofstedCode as OfstedWithdrawalCode) : null
	if (endedBy === 'household' && !code) {
		errors.push({ field: 'ofstedCode', message: 'Select the Ofsted withdrawal code for this reason' })
	}
	if (errors.length > 0 || !endedBy) return { ok: false, errors }
	return {
		ok: true,
		value: { label, endedBy, ofstedCode: endedBy === 'household' ? code : null, nurture: form.nurture },
	}
}

export function readNameForm(raw: string, what: 'reason' | 'channel') {
	return readLabel(raw, what)
}

export function duplicateMessage(what: 'reason' | 'channel', label: string) {
	return what === 'reason'
		? `There is already an exit reason called ‘${label}’`
		: `There is already a channel called ‘${label}’`
}

/** The online form sorts every enquiry into one of these channels, so they stay in use. */
export function isBuiltInChannel(key: string): boolean {
	return (CHANNEL_KEYS as readonly string[]).includes(key)
}

export const STAGE_NAME_MAX = 40

/**
 * The stage names form: one field per stage named `stage-<key>`. A blank field means the default
 * name, so it is left out of ServiceConfig.stageNames.
 */
export function readStageNamesForm(
	read: (field: string) => string
):
	| { ok: true; value: Partial<Record<StageKey, string>> }
	| { ok: false; errors: FieldError<string>[]; values: Record<string, string> } {
	const names: Partial<Record<StageKey, string>> = {}
	const values: Record<string, string> = {}
	const errors: FieldError<string>[] = []
	for (const key of STAGE_KEYS) {
		const value = read(`stage-${key}`).trim().replace(/\s+/g, ' ')
		values[key] = value
		if (value === '') continue
		if (value.length > STAGE_NAME_MAX) {
			errors.push({ field: `stage-${key}`, message: `Stage names must be ${STAGE_NAME_MAX} characters or fewer` })
			continue
		}
		names[key] = value
	}
	// Two stages with one name would make the board and the reports ambiguous.
	const effective = stageNames(names)
	const seen = new Map<string, StageKey>()
	for (const key of STAGE_KEYS) {
		const name = effective[key].toLowerCase()
		const first = seen.get(name)
		if (first) {
			// Point at the name the person typed, not at a default they left alone.
			const field = names[key] ? key : first
			errors.push({
				field: `stage-${field}`,
				message: `Each stage needs its own name: ‘${effective[key]}’ is used twice`,
			})
		}
		seen.set(name, first ?? key)
	}
	return errors.length > 0 ? { ok: false, errors, values } : { ok: true, value: names }
}

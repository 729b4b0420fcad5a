// Possible matches (docs/decisions/016): a new enquiry's household that may be one the service
// already knows. An email address alone proves nothing (a stranger can type anyone's), so every
// enquiry gets a household of its own, and a match on email, phone or last name and postcode only
// asks an officer to decide. These are the pure rules: the keys households are matched by, the
// officer's answer, and how the two histories become one when they confirm.

import { cleanText } from './enquiry-form.ts'
import { phoneDigits } from './household-search.ts'
import { replay, tryReplay, type HouseholdState, type RecordedStageEvent } from './stage-machine.ts'
import type { StageKey } from './stages.ts'
import type { CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

export const MATCH_KINDS = ['email', 'phone', 'name_postcode'] as const
export type MatchKind = (typeof MATCH_KINDS)[number]

const MATCH_WORDS: Record<MatchKind, string> = {
	email: 'email address',
	phone: 'phone number',
	name_postcode: 'last name and postcode',
}

/** At most this many known households are offered for one new household: the likeliest first. */
export const MAX_MATCHES_PER_HOUSEHOLD = 3

export type MatchKeys = { email: string; phone: string; name: string }

/** Without case or any kind of space. */
const squeeze = (value: string) => cleanText(value).toLowerCase().replace(/\s+/g, '')

/** "Shah", "LS1 4AP" → "shah|ls14ap": the last name and postcode, as one key. */
export function nameKey(lastName: string, postcode: string): string {
	return `${squeeze(lastName)}|${squeeze(postcode)}`
}

/** The columns Applicant keeps so a household can be found by them (emailNormalized, phoneKey, nameKey). */
export function applicantKeys(applicant: { email: string; phone: string; lastName: string }, postcode: string) {
	return {
		emailNormalized: applicant.email.trim().toLowerCase(),
		phoneKey: phoneDigits(applicant.phone),
		nameKey: nameKey(applicant.lastName, postcode),
	}
}

export function matchKeys(applicant: { email: string; phone: string; lastName: string }, postcode: string): MatchKeys {
	const keys = applicantKeys(applicant, postcode)
	return { email: keys.emailNormalized, phone: keys.phoneKey, name: keys.nameKey }
}

/**
 * What two households have in common, strongest first; [] when nothing. An empty key (no phone
 * digits, say) never matches, and neither does a name or postcode left blank.
 */
export function matchedOn(a: readonly MatchKeys[], b: readonly MatchKeys[]): MatchKind[] {
	const shared = (pick: (keys: MatchKeys) => string, usable: (key: string) => boolean) => {
		const theirs = new Set(b.map(pick).filter(usable))
		return a.some((keys) => usable(pick(keys)) && theirs.has(pick(keys)))
	}
	const kinds: MatchKind[] = []
	if (
		shared(
			(keys) => keys.email,
			(key) => key !== ''
		)
	)
		kinds.push('email')
	if (
		shared(
			(keys) => keys.phone,
			(key) => key.length >= 6
		)
	)
		kinds.push('phone')
	if (
		shared(
			(keys) => keys.name,
			(key) => !key.startsWith('|') && !key.endsWith('|')
		)
	)
		kinds.push('name_postcode')
	return kinds
}

/** Stronger matches first: an email, then a phone, then a name and postcode; ties keep their order. */
export function matchStrength(kinds: readonly MatchKind[]): number {
	return kinds.reduce((sum, kind) => sum + 2 ** (MATCH_KINDS.length - MATCH_KINDS.indexOf(kind)), 0)
}

export function parseMatchedOn(json: string): MatchKind[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? MATCH_KINDS.filter((kind) => value.includes(kind)) : []
	} catch {
		return []
	}
}

/** "Same email address and phone number". */
export function describeMatchedOn(kinds: readonly MatchKind[]): string {
	const words = kinds.map((kind) => MATCH_WORDS[kind])
	if (words.length === 0) return 'Nothing in common'
	const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`
	return `Same ${list}`
}

// ---------------------------------------------------------------------------------------------
// The officer's answer

export const MATCH_REASON_MAX = 1000
export const KEEP_DETAILS = ['existing', 'new'] as const
export type KeepDetails = (typeof KEEP_DETAILS)[number]

export type MatchDecision = { same: true; keep: KeepDetails; reason: string } | { same: false; reason: string }

type Form = { get(name: string): unknown }

/**
 * One question (are they the same household?), with which contact details to keep when they are
 * (the known household's unless the officer chooses the new enquiry's) and an optional reason.
 */
export function readMatchDecision(
	form: Form
): { ok: true; value: MatchDecision } | { ok: false; errors: FieldError[] } {
	const decision = cleanText(form.get('decision'))
	const reason = cleanText(form.get('reason'))
	const keep = cleanText(form.get('keep')) || 'existing'
	const errors: FieldError[] = []
	if (decision !== 'same' && decision !== 'different')
		errors.push({ field: 'decision', message: 'Select whether these are the same household' })
	if (decision === 'same' && !(KEEP_DETAILS as readonly string[]).includes(keep))
		errors.push({ field: 'keep', message: 'Select which contact details to keep' })
	if (reason.length > MATCH_REASON_MAX)
		errors.push({ field: 'reason', message: `The reason must be ${MATCH_REASON_MAX} characters or fewer` })
	if (errors.length > 0) return { ok: false, errors }
	return {
		ok: true,
		value: decision === 'same' ? { same: true, keep: keep as KeepDetails, reason } : { same: false, reason },
	}
}

// ---------------------------------------------------------------------------------------------
// Making one history of two

export type BridgeEvent = {
	kind: 'reopen' | 'returned'
	fromStage: StageKey | null
	toStage: StageKey | null
	businessDate: CalendarDate
}

export type MergePlan = {
	/** What the known household's history gains for the new enquiry, as for a returning enquirer. */
	bridge: BridgeEvent
	/**
	 * Whether the new household's own later events (after it entered Enquiry: contacts that moved
	 * it on, holds, a close) follow the bridge in the kept history. They do only if the stage
	 * machine accepts them there; otherwise the kept household stays where the bridge leaves it.
	 */
	carried: boolean
	/** The kept household's state afterwards. */
	state: HouseholdState
}

/**
 * How confirming a match joins the two histories. The known household's history stays as it was
 * and gains a bridge for the new enquiry: a `reopen` to Enquiry if it had left (dated the enquiry's
 * date, or the day it left if that was later: a history never goes back in time), or a `returned`
 * if it is still in the pipeline, which ends a hold and starts a first-contact clock (ADR 031). Then the new household's later events, if the machine accepts
 * them after the bridge: a household that had left and enquired again, and was called since,
 * ends where that call left it.
 */
export function planMerge(
	existing: readonly RecordedStageEvent[],
	incoming: readonly RecordedStageEvent[],
	enquiredOn: CalendarDate
): MergePlan {
	const state = replay(existing)
	const bridge: BridgeEvent =
		state.status === 'closed' && state.closed
			? {
					kind: 'reopen',
					fromStage: state.closed.fromStage,
					toStage: 'enquiry',
					businessDate: enquiredOn > state.lastChange.on ? enquiredOn : state.lastChange.on,
				}
			: {
					kind: 'returned',
					fromStage: null,
					toStage: null,
					// On hold it ends the hold (ADR 031), so it keeps the history in date order as a reopen does.
					businessDate:
						state.status === 'on_hold' && enquiredOn < state.lastChange.on ? state.lastChange.on : enquiredOn,
				}
	const later = incoming.slice(1)
	if (later.length > 0) {
		const joined = tryReplay([...existing, bridge, ...later])
		if (joined.ok) return { bridge, carried: true, state: joined.state }
	}
	return { bridge, carried: false, state: replay([...existing, bridge]) }
}

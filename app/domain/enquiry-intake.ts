// An enquiry's intake, pure: which enquiries of a batch are new and which repeat one already
// recorded (sortArrivals), and a new one's household, started by the stage machine, as the
// household writer takes it (enquiryIntake). app/models/enquiries.server.ts finds what these need
// in the database (the stored repeats, the held-back enquiries still there, channels, referral
// codes, references) and writes what they decide, in one transaction per batch.

import type { Attribution } from './attribution.ts'
import type { ValidEnquiry } from './enquiry-form.ts'
import type { HouseholdIntake } from './household-intake.ts'
import { startHousehold } from './stage-machine.ts'
import type { StaffRole } from './staff.ts'
import { formatLongDate, londonDate, type CalendarDate } from './working-days.ts'

/** An enquiry arriving, as the repeat rules see it. */
export type Arrival = { submissionKey: string; fingerprint: string; receivedAt: Date; releaseId: string | null }

/** An enquiry already stored that a new one may repeat, with what to answer a repeat with. */
export type StoredArrival<R> = { submissionKey: string; fingerprint: string | null; receivedAt: Date; receipt: R }

/**
 * What happens to each enquiry of a batch: `new` writes a household; `repeat` answers with the
 * first one's receipt (a stored one, or an earlier new one of the batch by its index), and
 * `releases` when it also releases a held-back enquiry that is still there; `gone` is a release
 * of an enquiry someone else released or deleted first.
 */
export type Verdict<R> =
	{ kind: 'new' } | { kind: 'repeat'; of: { receipt: R } | { item: number }; releases: boolean } | { kind: 'gone' }

/**
 * The repeat rules: the same submission key, or the same answers (fingerprint) received within
 * `windowMs` of each other (a released or back-dated enquiry is compared with what arrived around
 * its own time, not with what arrived since). Stored enquiries come first, oldest first; within a
 * batch an enquiry may repeat an earlier one of the same batch. A release of a held-back enquiry
 * that is no longer held is gone, unless it repeats one recorded already.
 */
export function sortArrivals<R>(
	arrivals: readonly Arrival[],
	stored: readonly StoredArrival<R>[],
	stillHeld: ReadonlySet<string>,
	windowMs: number
): Verdict<R>[] {
	type Source = { receipt: R } | { item: number }
	const byKey = new Map<string, Source>()
	const byAnswers = new Map<string, { source: Source; at: number }[]>()
	const remember = (key: string, fingerprint: string | null, at: Date, source: Source) => {
		byKey.set(key, source)
		if (fingerprint) byAnswers.set(fingerprint, [...(byAnswers.get(fingerprint) ?? []), { source, at: at.getTime() }])
	}
	const repeatOf = (arrival: Arrival) =>
		byKey.get(arrival.submissionKey) ??
		byAnswers
			.get(arrival.fingerprint)
			?.find((earlier) => Math.abs(earlier.at - arrival.receivedAt.getTime()) <= windowMs)?.source
	for (const enquiry of stored)
		remember(enquiry.submissionKey, enquiry.fingerprint, enquiry.receivedAt, { receipt: enquiry.receipt })

	const held = new Set(stillHeld)
	return arrivals.map((arrival, index): Verdict<R> => {
		const repeat = repeatOf(arrival)
		if (repeat) {
			// Already recorded (a double click on Release, or the same answers sent again without the
			// trap): releasing it records nothing more than the release.
			const releases = arrival.releaseId !== null && held.delete(arrival.releaseId)
			return { kind: 'repeat', of: repeat, releases }
		}
		if (arrival.releaseId !== null && !held.delete(arrival.releaseId)) return { kind: 'gone' }
		remember(arrival.submissionKey, arrival.fingerprint, arrival.receivedAt, { item: index })
		return { kind: 'new' }
	})
}

/** An enquiry as the form or a member of staff sends it (NewEnquiry in app/models/enquiries.server.ts). */
export type EnquiryIntakeInput = {
	submissionKey: string
	source: 'web' | 'phone' | 'event'
	answers: ValidEnquiry
	attribution: Attribution
	/** How the referral code came: the carer's link (the `ref` it carried) or typed in the form. */
	referralVia?: 'link' | 'code'
	consentWording: string
	receivedAt: Date
	/**
	 * An enquiry staff took by phone or at an event: they are its first event's actor (with the
	 * reason for a date before today) and the new household's owner, and the audit says so.
	 */
	staff?: { actorId: string; role: StaffRole; backdateReason: string | null; audit: string }
	/**
	 * An enquiry the spam trap held back, released by a member of staff: its row goes in the same
	 * transaction (so it is released once), it keeps the reference its sender was shown, and the
	 * release is audited. Refused (gone) if someone released or deleted it first.
	 */
	release?: { quarantineId: string; reference: string; actorId: string }
}

/** What was found or drawn for one new enquiry. */
export type EnquiryFound = {
	householdId: string
	householdReference: string
	enquiryId: string
	/** A released enquiry keeps the reference its sender was shown. */
	enquiryReference: string
	fingerprint: string
	channelId: string
	/** The active referral code it came with, if any. */
	referralCodeId: string | null
	privacyNoticeUrl: string
	/** Today in London: a staff enquiry dated before it needs a reason. */
	today: CalendarDate
}

/**
 * A new enquiry's household: the applicant and the enquiry as sent, and its first event from the
 * stage machine. An enquiry from the public starts at Enquiry on the day it was received; staff
 * may date theirs earlier with a reason, and they own the household they add. Throws if the
 * machine refuses the start (the forms check the same rules first).
 */
export function enquiryIntake(input: EnquiryIntakeInput, found: EnquiryFound): HouseholdIntake {
	const { answers, staff } = input
	const receivedOn = londonDate(input.receivedAt)
	const start = startHousehold(
		{ stage: 'enquiry', businessDate: receivedOn, backdateReason: staff?.backdateReason ?? undefined },
		staff ? { today: found.today, actor: { id: staff.actorId, role: staff.role } } : { today: receivedOn, actor: null }
	)
	if (!start.ok) throw new Error(`The stage machine refused enquiry ${found.enquiryReference}: ${start.error}`)
	const audit = [
		...(staff ? [{ actorId: staff.actorId, action: 'changed' as const, detail: staff.audit }] : []),
		...(input.release
			? [
					{
						actorId: input.release.actorId,
						action: 'changed' as const,
						detail: releaseAudit(found.enquiryReference, receivedOn),
					},
				]
			: []),
	]
	return {
		id: found.householdId,
		reference: found.householdReference,
		route: answers.kinship === 'yes' ? 'kinship' : 'mainstream',
		people: [{ firstName: answers.firstName, lastName: answers.lastName, email: answers.email, phone: answers.phone }],
		postcode: answers.postcode,
		spareBedroom: answers.spareBedroom,
		householdMembers: answers.householdMembers,
		fosteringInterests: JSON.stringify(answers.fosteringInterests),
		channelId: found.channelId,
		ownerId: staff?.actorId ?? null,
		ownerGivenBy: staff?.actorId ?? null,
		enquiries: [enquiryRecord(input, found)],
		events: [{ ...start.event, exitReasonId: null }],
		audit,
	}
}

function releaseAudit(reference: string, receivedOn: CalendarDate) {
	return `Released enquiry ${reference}, held back by the spam trap since ${formatLongDate(receivedOn)}`
}

function enquiryRecord(input: EnquiryIntakeInput, found: EnquiryFound) {
	const { answers, attribution } = input
	const isKinship = answers.kinship === 'yes'
	return {
		id: found.enquiryId,
		submissionKey: input.submissionKey,
		fingerprint: found.fingerprint,
		reference: found.enquiryReference,
		source: input.source,
		receivedAt: input.receivedAt,
		firstName: answers.firstName,
		lastName: answers.lastName,
		email: answers.email,
		phone: answers.phone,
		postcode: answers.postcode,
		bestTimeToCall: answers.bestTimeToCall,
		spareBedroom: answers.spareBedroom,
		householdMembers: answers.householdMembers,
		fosteringInterests: JSON.stringify(answers.fosteringInterests),
		isKinship,
		kinshipDetails: isKinship ? answers.kinshipDetails || null : null,
		howHeard: answers.howHeard,
		howHeardOther: answers.howHeard === 'other' ? answers.howHeardOther : null,
		channelId: found.channelId,
		utmSource: attribution.utmSource ?? null,
		utmMedium: attribution.utmMedium ?? null,
		utmCampaign: attribution.utmCampaign ?? null,
		utmContent: attribution.utmContent ?? null,
		referringSite: attribution.referringSite ?? null,
		landingPage: attribution.landingPage ?? null,
		referralCodeText: attribution.referralCode ?? null,
		referralCodeId: found.referralCodeId,
		consentGiven: true,
		consentWording: input.consentWording,
		privacyNoticeUrl: found.privacyNoticeUrl,
		referralVia: found.referralCodeId ? (input.referralVia ?? 'code') : undefined,
	}
}

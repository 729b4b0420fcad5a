import {
	milestoneAmount,
	milestonesOf,
	parseBonusRules,
	type BonusRules,
	type Milestone,
} from '~/domain/bonus-scheme.ts'
import {
	assessReferral,
	ineligibleReasonText,
	referralChangeRefusal,
	type IneligibleReason,
} from '~/domain/referral-eligibility.ts'
import type { ReferrerKind } from '~/domain/bonus-scheme.ts'
import { normaliseReferralCode } from '~/domain/attribution.ts'
import { londonDate, type CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { applyLedgerAction } from './bonus-ledger.server.ts'
import { earnReachedMilestones } from './bonus-milestones.server.ts'
import { schemeForDate } from './bonus-schemes.server.ts'
import { changeHousehold } from './households.server.ts'

// Referrals: a carer's link or code on an enquiry, or staff attaching one, ties a household to its
// referrer. Whether it can earn is decided once, when it is made, by the pure rules in
// app/domain/referral-eligibility.ts under the scheme in force that day; a counted referral gets
// one pending ledger entry per milestone of that scheme. Staff attach, detach or override with a
// reason, through changeHousehold (the household's version and audit).

export type ReferralVia = 'link' | 'code' | 'staff'

type NewReferral = {
	referrerId: string
	householdId: string
	enquiryId?: string | null
	via: ReferralVia
	referredOn: CalendarDate
	/** Staff attaching a referral: who, and why. */
	staff?: { actorId: string; reason: string }
}

/**
 * Records a referral inside the caller's transaction and says whether it counts. A second referral
 * of the same household by the same referrer is the first one again. A household that may be one
 * the service already knows (an open possible match, ADR 016) has its referral recorded but not
 * judged: it earns nothing until an officer decides (judgeAwaitingReferrals).
 */
export async function createReferral(tx: Prisma.TransactionClient, input: NewReferral) {
	const existing = await tx.referral.findUnique({
		where: { referrerId_householdId: { referrerId: input.referrerId, householdId: input.householdId } },
	})
	if (existing) return { referral: existing, created: false }
	if (await awaitingMatch(tx, input.householdId)) {
		const scheme = await schemeForDate(input.referredOn, tx)
		const referral = await tx.referral.create({
			data: { ...referralFields(input), status: 'awaiting_match', schemeId: scheme.id },
		})
		return { referral, created: true }
	}
	const judged = await judge(tx, { ...input, excludeEnquiryId: input.enquiryId ?? null })
	const referral = await tx.referral.create({
		data: { ...referralFields(input), ...judged.fields, schemeId: judged.scheme.id },
	})
	if (judged.eligible) await openLedger(tx, referral, judged.scheme.rules, judged.household)
	return { referral, created: true }
}

/** What a new referral records whether or not it is judged yet: who, whom, how, when, and any staff reason. */
function referralFields(input: NewReferral) {
	return {
		referrerId: input.referrerId,
		householdId: input.householdId,
		enquiryId: input.enquiryId ?? null,
		via: input.via,
		referredOn: input.referredOn,
		staffReason: input.staff?.reason ?? null,
		changedById: input.staff?.actorId ?? null,
	}
}

/** Whether the household is the new side of an open possible match: its referrals wait. */
async function awaitingMatch(tx: Prisma.TransactionClient, householdId: string) {
	return (await tx.possibleMatch.count({ where: { newHouseholdId: householdId, status: 'open' } })) > 0
}

/**
 * The rules' verdict on a referral of this household, as of `referredOn` under the scheme in force
 * that day: the household's latest other enquiry is its earlier contact, and a referral already
 * counted for it comes first. Used when a referral is made, and when one that waited for a
 * possible match is judged (against the household it ended up in).
 */
async function judge(
	tx: Prisma.TransactionClient,
	input: { referrerId: string; householdId: string; referredOn: CalendarDate; excludeEnquiryId: string | null }
) {
	const [referrer, household, counted, lastEnquiry, scheme] = await Promise.all([
		tx.carer.findUniqueOrThrow({ where: { id: input.referrerId } }),
		tx.household.findUniqueOrThrow({ where: { id: input.householdId }, include: { applicants: true } }),
		tx.referral.findUnique({ where: { countedHouseholdId: input.householdId } }),
		// The household's contact before this referral: its latest other enquiry.
		tx.enquiry.findFirst({
			where: {
				householdId: input.householdId,
				...(input.excludeEnquiryId ? { id: { not: input.excludeEnquiryId } } : {}),
			},
			orderBy: { receivedAt: 'desc' },
			select: { receivedAt: true },
		}),
		schemeForDate(input.referredOn, tx),
	])
	const earlierContact = lastEnquiry ? londonDate(lastEnquiry.receivedAt) : null
	const eligibility = assessReferral({
		referrer: {
			id: referrer.id,
			kind: referrer.kind as ReferrerKind,
			active: referrer.status === 'active',
			householdId: referrer.householdId,
			emailNormalized: referrer.emailNormalized,
		},
		household: {
			id: household.id,
			route: household.route === 'kinship' ? 'kinship' : 'mainstream',
			applicantEmails: household.applicants.map((applicant) => applicant.emailNormalized),
			lastContactBefore: earlierContact && earlierContact <= input.referredOn ? earlierContact : null,
			countedReferrerId: counted?.referrerId ?? null,
		},
		rules: scheme.rules,
		referredOn: input.referredOn,
	})
	return {
		eligible: eligibility.eligible,
		scheme,
		household: { approved: household.stage === 'approved' },
		fields: {
			status: eligibility.eligible ? 'counted' : 'not_eligible',
			ineligibleReason: eligibility.eligible ? null : eligibility.reason,
			countedHouseholdId: eligibility.eligible ? household.id : null,
		},
	}
}

/**
 * Judges the household's referrals that waited for a possible match, oldest first, once it is no
 * longer the new side of an open one: after an officer said it is a different household (each
 * judged as it would have been when made), or after its enquiries were merged into the household
 * it matched (judged against that household: its earlier enquiries are earlier contact, and a
 * referral already counted for it comes first). Returns how many were judged.
 */
export async function judgeAwaitingReferrals(tx: Prisma.TransactionClient, householdId: string) {
	if (await awaitingMatch(tx, householdId)) return 0
	const waiting = await tx.referral.findMany({
		where: { householdId, status: 'awaiting_match' },
		orderBy: [{ referredOn: 'asc' }, { createdAt: 'asc' }],
	})
	for (const referral of waiting) {
		const judged = await judge(tx, {
			referrerId: referral.referrerId,
			householdId,
			referredOn: referral.referredOn,
			excludeEnquiryId: referral.enquiryId,
		})
		// The scheme is the one in force on the referral's day, as when it was made.
		await tx.referral.update({ where: { id: referral.id }, data: { ...judged.fields, schemeId: judged.scheme.id } })
		if (judged.eligible) await openLedger(tx, referral, judged.scheme.rules, judged.household)
	}
	return waiting.length
}

/**
 * A merged household's referrals go to the household it was merged into. A referrer who had
 * referred that household already made one referral, not two: the second record is dropped.
 */
export async function moveReferrals(tx: Prisma.TransactionClient, fromHouseholdId: string, toHouseholdId: string) {
	const moving = await tx.referral.findMany({
		where: { householdId: fromHouseholdId },
		include: { bonusEntries: { select: { id: true } } },
	})
	for (const referral of moving) {
		const twin = await tx.referral.findUnique({
			where: { referrerId_householdId: { referrerId: referral.referrerId, householdId: toHouseholdId } },
		})
		if (twin && referral.bonusEntries.length === 0) {
			await tx.referral.delete({ where: { id: referral.id } })
			continue
		}
		// A counted referral keeps counting only as the kept household's one counted referral.
		const counted = referral.countedHouseholdId
			? await tx.referral.count({ where: { countedHouseholdId: toHouseholdId } })
			: 0
		await tx.referral.update({
			where: { id: referral.id },
			data: {
				householdId: toHouseholdId,
				countedHouseholdId: referral.countedHouseholdId && counted === 0 ? toHouseholdId : null,
				...(referral.countedHouseholdId && counted > 0
					? { status: 'not_eligible', ineligibleReason: 'already_referred' }
					: {}),
			},
		})
	}
}

/**
 * A counted referral's pending entries, one per milestone of its scheme; a household already
 * approved (staff attaching a referral late) earns what it has reached straight away.
 */
async function openLedger(
	tx: Prisma.TransactionClient,
	referral: { id: string; referrerId: string; householdId: string },
	rules: BonusRules,
	household: { approved: boolean }
) {
	await tx.bonusEntry.createMany({
		data: milestonesOf(rules).map((milestone: Milestone) => ({
			referralId: referral.id,
			milestone,
			payeeId: milestone === 'welcome' ? null : referral.referrerId,
			amountPence: milestoneAmount(rules, milestone),
		})),
	})
	if (household.approved) await earnReachedMilestones(tx, referral.householdId)
}

/**
 * Referrals carried by new enquiries (a code typed in the form, or the carer's link): called by
 * the enquiry commit after the enquiries are written. Codes no longer active, or belonging to no
 * carer, attach nothing.
 */
export async function referralsFromEnquiries(
	tx: Prisma.TransactionClient,
	items: { householdId: string; enquiryId: string; referralCodeId: string; via: 'link' | 'code'; receivedAt: Date }[]
) {
	if (items.length === 0) return
	const codes = await tx.referralCode.findMany({
		where: { id: { in: items.map((item) => item.referralCodeId) }, active: true, carerId: { not: null } },
	})
	const carerByCode = new Map(codes.map((code) => [code.id, code.carerId!]))
	for (const item of items) {
		const referrerId = carerByCode.get(item.referralCodeId)
		if (!referrerId) continue
		await createReferral(tx, {
			referrerId,
			householdId: item.householdId,
			enquiryId: item.enquiryId,
			via: item.via,
			referredOn: londonDate(item.receivedAt),
		})
	}
}

export type ReferralChangeOutcome = { status: string; reasonText: string | null }

function describeOutcome(referral: { status: string; ineligibleReason: string | null }, contactWindowMonths: number) {
	return {
		status: referral.status,
		reasonText: referral.ineligibleReason
			? ineligibleReasonText(referral.ineligibleReason as IneligibleReason, { contactWindowMonths })
			: null,
	}
}

/** Staff attach a referral by the referrer's code, with a reason. It counts only if the rules allow. */
export function attachReferral(input: {
	householdId: string
	expectedVersion: number
	actor: StaffIdentity
	code: string
	reason: string
}) {
	return changeHousehold<ReferralChangeOutcome & { referrerName: string }>(
		{
			...input,
			audit: (value) => `Attached a referral from ${value.referrerName}: ${input.reason}`,
		},
		async (tx, household) => {
			const code = await tx.referralCode.findUnique({
				where: { code: normaliseReferralCode(input.code) },
				include: { carer: true },
			})
			if (!code?.carer) {
				return { ok: false, error: 'There is no carer with that referral code', field: 'code' }
			}
			const existing = await tx.referral.findUnique({
				where: { referrerId_householdId: { referrerId: code.carer.id, householdId: household.id } },
			})
			if (existing) {
				return {
					ok: false,
					error: `${code.carer.name}’s referral of this household is already recorded`,
					field: 'code',
				}
			}
			// The referral is the household's latest enquiry (the friend mentioned the carer then), so
			// the scheme in force and the earlier-contact window are counted from its date.
			const enquiry = await tx.enquiry.findFirst({
				where: { householdId: household.id },
				orderBy: { receivedAt: 'desc' },
				select: { id: true, receivedAt: true },
			})
			const { referral } = await createReferral(tx, {
				referrerId: code.carer.id,
				householdId: household.id,
				enquiryId: enquiry?.id ?? null,
				via: 'staff',
				referredOn: enquiry ? londonDate(enquiry.receivedAt) : today(),
				staff: { actorId: input.actor.id, reason: input.reason },
			})
			const scheme = await tx.bonusScheme.findUniqueOrThrow({ where: { id: referral.schemeId } })
			return {
				ok: true,
				value: {
					...describeOutcome(referral, parseBonusRules(scheme.rules).contactWindowMonths),
					referrerName: code.carer.name,
				},
			}
		}
	)
}

/** Void whatever of a referral's bonus is not yet paid. Refuses (returns false) if any of it was paid or is being paid. */
async function voidUnpaid(tx: Prisma.TransactionClient, referralId: string, reason: string, actor: StaffIdentity) {
	const entries = await tx.bonusEntry.findMany({ where: { referralId }, include: { payments: true } })
	const paying = entries.some(
		(entry) => entry.status === 'paid' || entry.payments.some((payment) => payment.liveEntryId !== null)
	)
	if (paying) return false
	for (const entry of entries) {
		if (entry.status !== 'void') await applyLedgerAction(tx, entry.id, { kind: 'void', reason }, actor)
	}
	return true
}

const PAID_REFUSAL =
	'A bonus for this referral has been paid or is being paid, so it cannot be detached. Ask a manager to make the payment void first if it was a mistake.'

/** A member of staff's change to one of a household's referrals, with their reason. */
type ReferralChange = {
	householdId: string
	expectedVersion: number
	actor: StaffIdentity
	referralId: string
	reason: string
}

/**
 * Detaches a referral: its unpaid bonus is void and it no longer counts. False, and nothing
 * changed, when a bonus of it has been paid or is being paid.
 */
async function detach(
	tx: Prisma.TransactionClient,
	referralId: string,
	why: { voided: string; staffReason: string; actor: StaffIdentity }
): Promise<boolean> {
	if (!(await voidUnpaid(tx, referralId, why.voided, why.actor))) return false
	await tx.referral.update({
		where: { id: referralId },
		data: { status: 'detached', countedHouseholdId: null, staffReason: why.staffReason, changedById: why.actor.id },
	})
	return true
}

/** Staff detach a referral, with a reason: it no longer counts and its unpaid bonus is void. */
export function detachReferral(input: ReferralChange) {
	return changeHousehold<{ referrerName: string }>(
		{ ...input, audit: (value) => `Detached the referral from ${value.referrerName}: ${input.reason}` },
		async (tx, household) => {
			const referral = await tx.referral.findFirst({
				where: { id: input.referralId, householdId: household.id },
				include: { referrer: true },
			})
			const refusal = referral ? referralChangeRefusal('detach', referral) : 'This referral has already been detached'
			if (!referral || refusal) return { ok: false, error: refusal!, field: null }
			const why = { voided: `Referral detached: ${input.reason}`, staffReason: input.reason, actor: input.actor }
			if (!(await detach(tx, referral.id, why))) return { ok: false, error: PAID_REFUSAL, field: null }
			return { ok: true, value: { referrerName: referral.referrer.name } }
		}
	)
}

/**
 * Staff count a referral the rules turned down (another referrer came first, or the household's
 * earlier contact does not matter), with a reason. The referral that counted before is detached.
 */
export function overrideReferral(input: ReferralChange) {
	return changeHousehold<{ referrerName: string }>(
		{ ...input, audit: (value) => `Counted the referral from ${value.referrerName} instead: ${input.reason}` },
		async (tx, household) => {
			const referral = await tx.referral.findFirst({
				where: { id: input.referralId, householdId: household.id },
				include: { referrer: true, scheme: true },
			})
			const refusal = referral
				? referralChangeRefusal('count', referral)
				: 'Only a referral that does not count can be counted instead'
			if (!referral || refusal) return { ok: false, error: refusal!, field: null }
			const counted = await tx.referral.findUnique({ where: { countedHouseholdId: household.id } })
			const instead = `Another referral counted instead: ${input.reason}`
			if (counted && !(await detach(tx, counted.id, { voided: instead, staffReason: instead, actor: input.actor })))
				return { ok: false, error: PAID_REFUSAL, field: null }
			await tx.referral.update({
				where: { id: referral.id },
				data: {
					status: 'counted',
					countedHouseholdId: household.id,
					staffReason: input.reason,
					changedById: input.actor.id,
				},
			})
			await openLedger(
				tx,
				{ id: referral.id, referrerId: referral.referrerId, householdId: household.id },
				parseBonusRules(referral.scheme.rules),
				{ approved: household.stage === 'approved' }
			)
			return { ok: true, value: { referrerName: referral.referrer.name } }
		}
	)
}

/** A household's referrals for its record, newest first, with the reason in staff's words. */
export async function householdReferrals(tx: Prisma.TransactionClient, householdId: string) {
	const referrals = await tx.referral.findMany({
		where: { householdId },
		include: { referrer: { select: { id: true, name: true } }, scheme: true, bonusEntries: true },
		orderBy: { createdAt: 'desc' },
	})
	return referrals.map((referral) => {
		const rules = parseBonusRules(referral.scheme.rules)
		return {
			id: referral.id,
			referrer: referral.referrer,
			via: referral.via as ReferralVia,
			referredOn: referral.referredOn,
			status: referral.status as 'counted' | 'not_eligible' | 'detached' | 'awaiting_match',
			reasonText: referral.ineligibleReason
				? ineligibleReasonText(referral.ineligibleReason as IneligibleReason, rules)
				: null,
			// Why staff cannot detach it or count it instead (null: they can), as its pages and the changes say.
			refusals: { detach: referralChangeRefusal('detach', referral), count: referralChangeRefusal('count', referral) },
			overridable: referralChangeRefusal('count', referral) === null,
			staffReason: referral.staffReason,
			bonusEntries: referral.bonusEntries.map((entry) => ({
				id: entry.id,
				milestone: entry.milestone as Milestone,
				amountPence: entry.amountPence,
				status: entry.status,
			})),
		}
	})
}

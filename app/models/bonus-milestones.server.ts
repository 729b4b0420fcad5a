import {
	earnedAmount,
	parseBonusRules,
	placementMilestoneReachedOn,
	type BonusRules,
	type Milestone,
} from '~/domain/bonus-scheme.ts'
import { isShortBreakOnly, newReferralCode } from '~/domain/carers.ts'
import { normaliseEmail } from '~/domain/email-address.ts'
import { readStoredInterests } from '~/domain/enquiry-form.ts'
import type { CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { today as clockToday } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { applyLedgerAction } from './bonus-ledger.server.ts'

// When a referred household reaches a milestone, its pending ledger entries become earned: at
// approval (the approved and welcome milestones, after the household has been made a carer) and
// when a placement with the new carers has lasted the scheme's weeks. One function looks at what
// the household has reached and earns whatever is still pending, so the pipeline, a placement
// recorded by staff and the daily scheduler can all call it, as often as they like.

const MAX_CODE_ATTEMPTS = 5

/** Creates a carer (or referrer) with a fresh referral code, inside the caller's transaction. */
export async function createCarerWithCode(
	tx: Prisma.TransactionClient,
	data: Omit<Prisma.CarerUncheckedCreateInput, 'emailNormalized'>
) {
	const carer = await tx.carer.create({ data: { ...data, emailNormalized: normaliseEmail(data.email) } })
	for (let attempt = 1; ; attempt++) {
		const code = newReferralCode()
		if ((await tx.referralCode.count({ where: { code } })) === 0) {
			await tx.referralCode.create({ data: { code, carerId: carer.id } })
			return carer
		}
		if (attempt >= MAX_CODE_ATTEMPTS) throw new Error('Could not find an unused referral code')
	}
}

/**
 * A household approved in the pipeline becomes a carer (or, if staff had already added a carer
 * with the primary applicant's email, is linked to that record), and its referral earns what
 * approval earns. Runs in the transaction that records the approval.
 */
export async function householdApproved(tx: Prisma.TransactionClient, householdId: string, approvedOn: CalendarDate) {
	const household = await tx.household.findUniqueOrThrow({
		where: { id: householdId },
		include: { applicants: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] }, carer: true },
	})
	if (!household.carer) {
		const primary = household.applicants[0]
		if (primary) {
			const existing = await tx.carer.findUnique({ where: { emailNormalized: primary.emailNormalized } })
			const shortBreakOnly = isShortBreakOnly(readStoredInterests(household.fosteringInterests))
			if (existing) {
				if (existing.householdId === null) {
					await tx.carer.update({
						where: { id: existing.id },
						data: { householdId, approvedOn: existing.approvedOn ?? approvedOn },
					})
				}
			} else {
				await createCarerWithCode(tx, {
					kind: 'foster_carer',
					name: household.displayName || `${primary.firstName} ${primary.lastName}`,
					email: primary.email,
					phone: primary.phone || null,
					householdId,
					approvedOn,
					shortBreakOnly,
				})
			}
		}
	}
	await earnReachedMilestones(tx, householdId)
}

/** The day the household was (last) approved, from its stage events. */
async function approvedOn(tx: Prisma.TransactionClient, householdId: string): Promise<CalendarDate | null> {
	const event = await tx.stageEvent.findFirst({
		where: { householdId, kind: 'entered', toStage: 'approved' },
		orderBy: [{ businessDate: 'desc' }, { recordedAt: 'desc' }],
		select: { businessDate: true },
	})
	return event?.businessDate ?? null
}

/**
 * Earns every pending milestone the household's counted referral has reached by today. Returns how
 * many entries it earned.
 */
export async function earnReachedMilestones(
	tx: Prisma.TransactionClient,
	householdId: string,
	today: CalendarDate = clockToday()
): Promise<number> {
	const referral = await tx.referral.findUnique({
		where: { countedHouseholdId: householdId },
		include: { scheme: true, bonusEntries: { where: { status: 'pending' } } },
	})
	if (!referral || referral.bonusEntries.length === 0) return 0
	const rules: BonusRules = parseBonusRules(referral.scheme.rules)
	const carer = await tx.carer.findUnique({ where: { householdId }, include: { placements: true } })
	const approved = await approvedOn(tx, householdId)
	const shortBreakOnly = carer?.shortBreakOnly ?? false
	const reachedOn: Record<Milestone, CalendarDate | null> = {
		approved: approved,
		welcome: approved && carer ? approved : null,
		placement: carer ? placementMilestoneReachedOn(carer.placements, rules.placementWeeks, today) : null,
	}
	let earned = 0
	for (const entry of referral.bonusEntries) {
		const milestone = entry.milestone as Milestone
		const on = reachedOn[milestone]
		if (!on) continue
		const outcome = await applyLedgerAction(
			tx,
			entry.id,
			{ kind: 'earn', on, amountPence: earnedAmount(rules, milestone, shortBreakOnly) },
			null,
			milestone === 'welcome' && carer ? { payeeId: carer.id } : {}
		)
		if (outcome.ok) earned++
	}
	return earned
}

/**
 * The scheduler's daily pass: placement milestones are reached by time passing, not by anything
 * staff do, so each run earns those now due. Each household in its own short transaction.
 */
export async function earnDuePlacementMilestones(today: CalendarDate = clockToday()): Promise<number> {
	const due = await prisma.bonusEntry.findMany({
		where: {
			status: 'pending',
			milestone: 'placement',
			referral: { status: 'counted', household: { carer: { placements: { some: { startedOn: { lte: today } } } } } },
		},
		select: { referral: { select: { householdId: true } } },
	})
	let earned = 0
	for (const { referral } of due) {
		earned += await prisma.$transaction((tx) => earnReachedMilestones(tx, referral.householdId, today))
	}
	return earned
}

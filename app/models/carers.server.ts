import type { CarerFieldError, CarerInput } from '~/domain/carers.ts'
import { normaliseEmail } from '~/domain/email-address.ts'
import { formatDate, type CalendarDate } from '~/domain/working-days.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { createCarerWithCode, earnReachedMilestones } from './bonus-milestones.server.ts'

// Carers and other referrers as staff add them, and the placements staff record with them. Input
// has been checked by app/domain/carers.ts (readCarerInput) before it gets here.

export const DUPLICATE_CARER_MESSAGE = 'A carer with this email address has already been added'

export async function addCarer(
	input: CarerInput & { actor: StaffIdentity }
): Promise<{ ok: true; carer: { id: string; code: string } } | { ok: false; errors: CarerFieldError[] }> {
	const { actor, ...details } = input
	return prisma.$transaction(async (tx) => {
		if (await tx.carer.findUnique({ where: { emailNormalized: normaliseEmail(details.email) } })) {
			return { ok: false as const, errors: [{ field: 'email' as const, message: DUPLICATE_CARER_MESSAGE }] }
		}
		const carer = await createCarerWithCode(tx, { ...details, createdById: actor.id })
		await recordAudit(tx, {
			actorId: actor.id,
			householdId: null,
			action: 'changed',
			detail: `Added ${carer.name} as a carer who can refer friends`,
		})
		const code = await tx.referralCode.findFirstOrThrow({ where: { carerId: carer.id } })
		return { ok: true as const, carer: { id: carer.id, code: code.code } }
	})
}

export function findCarerByEmail(email: string) {
	return prisma.carer.findUnique({ where: { emailNormalized: normaliseEmail(email) } })
}

/** A carer with their active referral code (the newest, if several were ever issued). */
export async function getCarer(id: string) {
	const carer = await prisma.carer.findUnique({
		where: { id },
		include: { referralCodes: { where: { active: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
	})
	if (!carer) return null
	const { referralCodes, ...rest } = carer
	return { ...rest, code: referralCodes[0]?.code ?? null }
}

/** An inactive carer can no longer sign in at /refer, and new referrals from them do not count. */
export async function setCarerStatus(input: { carerId: string; active: boolean; actor: StaffIdentity }) {
	await prisma.$transaction(async (tx) => {
		const carer = await tx.carer.update({
			where: { id: input.carerId },
			data: { status: input.active ? 'active' : 'inactive' },
		})
		if (!input.active) await tx.portalSession.deleteMany({ where: { audience: 'carer', subjectId: carer.id } })
		await recordAudit(tx, {
			actorId: input.actor.id,
			householdId: carer.householdId,
			action: 'changed',
			detail: input.active
				? `Made ${carer.name} active as a referrer again`
				: `Made ${carer.name} inactive as a referrer`,
		})
	})
}

/**
 * Records a child placed with a carer. If the carer was referred, a placement that has already
 * lasted the scheme's weeks (a placement recorded late) earns the placement bonus straight away;
 * otherwise the scheduler earns it on the day it has.
 */
export async function recordPlacement(input: {
	carerId: string
	startedOn: CalendarDate
	endedOn: CalendarDate | null
	childReference: string | null
	actor: StaffIdentity
}) {
	return prisma.$transaction(async (tx) => {
		const carer = await tx.carer.findUniqueOrThrow({ where: { id: input.carerId } })
		const placement = await tx.placement.create({
			data: {
				carerId: carer.id,
				startedOn: input.startedOn,
				endedOn: input.endedOn,
				childReference: input.childReference,
				recordedById: input.actor.id,
			},
		})
		await recordAudit(tx, {
			actorId: input.actor.id,
			householdId: carer.householdId,
			action: 'changed',
			detail: `Recorded a placement with ${carer.name} from ${formatDate(input.startedOn)}${
				input.endedOn ? ` to ${formatDate(input.endedOn)}` : ''
			}`,
		})
		const earned = carer.householdId ? await earnReachedMilestones(tx, carer.householdId) : 0
		return { placement, earned }
	})
}

/** Ends a placement (it can no longer earn a bonus it had not yet earned). */
export async function endPlacement(input: { placementId: string; endedOn: CalendarDate; actor: StaffIdentity }) {
	return prisma.$transaction(async (tx) => {
		const placement = await tx.placement.update({
			where: { id: input.placementId },
			data: { endedOn: input.endedOn },
			include: { carer: true },
		})
		await recordAudit(tx, {
			actorId: input.actor.id,
			householdId: placement.carer.householdId,
			action: 'changed',
			detail: `Recorded the end of a placement with ${placement.carer.name} on ${formatDate(input.endedOn)}`,
		})
		return placement
	})
}

import crypto from 'node:crypto'
import { Prisma } from '~/generated/prisma/client.ts'
import type { BonusRules } from '~/domain/bonus-scheme.ts'
import {
	firstNameOf,
	INVITATION_MESSAGES,
	INVITATIONS_PER_DAY,
	validateInvitation,
	type InvitationError,
	type InvitationValues,
} from '~/domain/referral-invitation.ts'
import { furthestStage, referralProgress, type ReferralProgress } from '~/domain/referral-progress.ts'
import { normaliseEmail } from '~/domain/email-address.ts'
import { SECRET_PLACEHOLDER } from '~/domain/email-secrets.ts'
import { signInLinkExpiresAt, signInLinkTemplate } from '~/domain/sign-in-links.ts'
import { londonDate, startOfLondonDay, type CalendarDate } from '~/domain/working-days.ts'
import { friendRows } from '~/domain/referral-list.ts'
import { prisma } from '~/utils/db.server.ts'
import { renderCarerSignInLink } from '../../emails/carer-sign-in-link.ts'
import { renderReferralInvitation } from '../../emails/referral-invitation.ts'
import { schemeForDate } from './bonus-schemes.server.ts'
import { findCarerByEmail, getCarer } from './carers.server.ts'
import { enqueueEmail } from './outbox.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { hashToken, issueSignInLink, newToken } from './sign-in-links.server.ts'
import { siteOrigin, siteUrl } from '~/utils/site-url.server.ts'

// What the refer-a-friend portal (/refer) reads and writes for a signed-in carer. What a carer
// sees of the households they referred is deliberately thin: the date, the first name the carer
// typed if they invited that friend, one of four privacy-safe steps and what has been paid to them.
// Never a name the household gave, contact detail, stage name, exit reason or eligibility reason:
// those belong to the household, not to the friend who referred them.

/** Whether this carer may use the portal: they exist and staff have not turned them inactive. */
export async function carerMaySignIn(carerId: string): Promise<boolean> {
	const carer = await prisma.carer.findUnique({ where: { id: carerId }, select: { status: true } })
	return carer?.status === 'active'
}

/**
 * Emails a sign-in link to the active carer with this address, if there is one. The caller shows
 * the same page either way, so the page never says whether an address is known; returns whether
 * a link was sent for the tests and the caller's outbox wake-up.
 */
export async function requestCarerSignInLink(input: { email: string; now: Date }): Promise<boolean> {
	const [carer, config] = await Promise.all([findCarerByEmail(input.email), getServiceConfig()])
	// The same work whether or not the address is known (a token made, an email rendered), so the
	// time the answer takes says as little as practical; only the writes are skipped.
	const token = newToken()
	// The token goes into the outbox apart from the words, so it is not kept once sent (ADR 017).
	const email = renderCarerSignInLink({
		name: carer?.name ?? '',
		url: siteUrl(`/refer/sign-in/${SECRET_PLACEHOLDER}`),
		serviceName: config.serviceName,
		organisationName: config.organisationName,
	})
	hashToken(token)
	if (!carer || carer.status !== 'active') return false
	await prisma.$transaction(async (tx) => {
		await issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: input.now, token })
		await enqueueEmail(tx, {
			...email,
			template: signInLinkTemplate('carer'),
			to: carer.email,
			secret: { token, expiresAt: signInLinkExpiresAt(input.now) },
		})
	})
	return true
}

export type PortalCarer = { id: string; name: string; email: string; code: string | null }

/** The signed-in carer's name, address and current referral code (their newest active one). */
export async function portalCarer(carerId: string): Promise<PortalCarer | null> {
	const carer = await getCarer(carerId)
	return carer && { id: carer.id, name: carer.name, email: carer.email, code: carer.code }
}

/** The bonus rules that apply to a referral made on `date` (the scheme in force that day). */
export async function bonusRulesOn(date: CalendarDate): Promise<BonusRules> {
	return (await schemeForDate(date)).rules
}

/** A row of the carer's list: the name they typed when inviting, if any, and how far it got. */
export type PortalReferral = {
	friendName: string | null
	date: CalendarDate
	/** 'invited': an invitation no referral answers yet. */
	progress: ReferralProgress | 'invited'
	paidPence: number
}

export const REFERRALS_PER_PAGE = 20

/**
 * One page of the carer's friends as the carer may see them (app/domain/referral-list.ts), newest
 * first, and the total of bonuses paid to them. The referred households' addresses are read only
 * to hash them and find the carer's own invitation; nothing the friend gave is returned. A
 * referral staff detached (made by mistake, or not really theirs) is not shown: it would tell
 * this carer about someone else's household.
 */
export async function portalReferrals(
	carerId: string,
	requestedPage = 1
): Promise<{ referrals: PortalReferral[]; total: number; page: number; pages: number; totalPaidPence: number }> {
	const where = { referrerId: carerId, status: { in: ['counted', 'not_eligible', 'awaiting_match'] } }
	const [invitations, made, paid] = await Promise.all([
		prisma.referralInvitation.findMany({
			where: { carerId },
			select: { friendName: true, friendEmailHash: true, createdAt: true },
		}),
		prisma.referral.findMany({
			where,
			orderBy: [{ referredOn: 'desc' }, { createdAt: 'desc' }],
			select: { id: true, referredOn: true, household: { select: { applicants: { select: { email: true } } } } },
		}),
		prisma.bonusEntry.aggregate({ where: { payeeId: carerId, status: 'paid' }, _sum: { amountPence: true } }),
	])
	const rows = friendRows(
		invitations.map((invitation) => ({
			friendName: invitation.friendName,
			sentOn: londonDate(invitation.createdAt),
			emailHash: invitation.friendEmailHash,
		})),
		made.map((referral) => ({
			id: referral.id,
			referredOn: referral.referredOn,
			emailHashes: referral.household.applicants.map((applicant) => friendEmailHash(carerId, applicant.email)),
		}))
	)
	const pages = Math.max(1, Math.ceil(rows.length / REFERRALS_PER_PAGE))
	const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages)
	const shown = rows.slice((page - 1) * REFERRALS_PER_PAGE, page * REFERRALS_PER_PAGE)
	const progress = await referralProgressOf(
		carerId,
		shown.flatMap((row) => (row.kind === 'referral' ? [row.referralId] : []))
	)
	return {
		referrals: shown.map((row) =>
			row.kind === 'invitation'
				? { friendName: row.friendName, date: row.date, progress: 'invited', paidPence: 0 }
				: { friendName: row.friendName, date: row.date, ...progress.get(row.referralId)! }
		),
		total: rows.length,
		page,
		pages,
		totalPaidPence: paid._sum.amountPence ?? 0,
	}
}

/** How far each of these referrals got, in the four privacy-safe steps, and what it paid this carer. */
async function referralProgressOf(
	carerId: string,
	ids: string[]
): Promise<Map<string, { progress: ReferralProgress; paidPence: number }>> {
	const referrals = await prisma.referral.findMany({
		where: { id: { in: ids } },
		select: {
			id: true,
			household: {
				select: { stageEvents: { where: { toStage: { not: null } }, select: { kind: true, toStage: true } } },
			},
			bonusEntries: { where: { payeeId: carerId, status: 'paid' }, select: { amountPence: true } },
		},
	})
	return new Map(
		referrals.map((referral) => [
			referral.id,
			{
				progress: referralProgress({
					furthestStage: furthestStage(referral.household.stageEvents),
					bonusPaid: referral.bonusEntries.length > 0,
				}),
				paidPence: referral.bonusEntries.reduce((sum, entry) => sum + entry.amountPence, 0),
			},
		])
	)
}

/**
 * The friend's address, kept only to refuse a second invitation to the same person. Hashed with
 * the carer's id, so the same address leaves no matching trace across carers.
 */
export function friendEmailHash(carerId: string, email: string) {
	return crypto
		.createHash('sha256')
		.update(`${carerId}\n${normaliseEmail(email)}`)
		.digest('hex')
}

export type InvitationResult = { ok: true } | { ok: false; errors: InvitationError[] }

/**
 * Sends a friend an invitation from this carer through the outbox, once per friend and at most
 * INVITATIONS_PER_DAY a day (counted from midnight in London).
 */
export async function inviteFriend(input: {
	carerId: string
	values: InvitationValues
	now: Date
	today: CalendarDate
}): Promise<InvitationResult> {
	const carer = await portalCarer(input.carerId)
	if (!carer) throw new Error(`No carer ${input.carerId}`)
	const errors = validateInvitation(input.values, carer.email)
	if (errors.length > 0) return { ok: false, errors }
	if (!carer.code) return { ok: false, errors: [{ message: NO_CODE_MESSAGE }] }
	const config = await getServiceConfig()
	const hash = friendEmailHash(carer.id, input.values.friendEmail)
	const alreadyInvited: InvitationResult = {
		ok: false,
		errors: [{ field: 'friendEmail', message: INVITATION_MESSAGES.alreadyInvited }],
	}
	const sent = prisma.$transaction(async (tx): Promise<InvitationResult> => {
		const already = await tx.referralInvitation.findUnique({
			where: { carerId_friendEmailHash: { carerId: carer.id, friendEmailHash: hash } },
			select: { id: true },
		})
		if (already) return alreadyInvited
		const sentToday = await tx.referralInvitation.count({
			where: { carerId: carer.id, createdAt: { gte: startOfLondonDay(input.today) } },
		})
		if (sentToday >= INVITATIONS_PER_DAY) return { ok: false, errors: [{ message: INVITATION_MESSAGES.tooMany }] }
		await tx.referralInvitation.create({
			data: { carerId: carer.id, friendName: input.values.friendName, friendEmailHash: hash, createdAt: input.now },
		})
		const email = renderReferralInvitation({
			friendName: input.values.friendName,
			carerFirstName: firstNameOf(carer.name),
			referralUrl: siteUrl(`/r/${carer.code}`),
			origin: siteOrigin(),
			serviceName: config.serviceName,
			organisationName: config.organisationName,
		})
		await enqueueEmail(tx, { ...email, template: 'referral-invitation', to: input.values.friendEmail })
		return { ok: true }
	})
	// The same invitation sent twice at once: the unique index lets only one through.
	return sent.catch((error: unknown) => {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return alreadyInvited
		throw error
	})
}

export const NO_CODE_MESSAGE =
	'Your referral code is not ready yet. Contact the fostering team and they will set one up for you.'

/**
 * Where a /r/CODE link goes: the code when it is active and its carer may still refer, with the
 * name the friend is told ("Carol invited you"): a person's first name only, a community group's
 * whole name, none for a code with no referrer. Else null.
 */
export async function activeReferralCode(code: string): Promise<{ code: string; invitedBy: string | null } | null> {
	const found = await prisma.referralCode.findUnique({
		where: { code },
		select: { code: true, active: true, carer: { select: { status: true, name: true, kind: true } } },
	})
	if (!found || !found.active) return null
	if (found.carer && found.carer.status !== 'active') return null
	const carer = found.carer
	const invitedBy = !carer ? null : carer.kind === 'community_group' ? carer.name.trim() : firstNameOf(carer.name)
	return { code: found.code, invitedBy: invitedBy || null }
}

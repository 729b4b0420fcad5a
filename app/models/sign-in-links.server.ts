import crypto from 'node:crypto'
import type { Prisma } from '~/generated/prisma/client.ts'
import {
	looksLikeSignInToken,
	signInLinkExpiresAt,
	signInLinkState,
	type PortalAudience,
	type SignInLinkState,
} from '~/domain/sign-in-links.ts'
import { prisma } from '~/utils/db.server.ts'

// Emailed sign-in links and the portal sessions they start, for any audience (carers now,
// applicants later). The token in a link or cookie is 32 random bytes; SignInLink and
// PortalSession keep only its SHA-256 hash, so a copy of the database signs nobody in.

export function hashToken(token: string) {
	return crypto.createHash('sha256').update(token).digest('hex')
}

export function newToken() {
	return crypto.randomBytes(32).toString('base64url')
}

/**
 * Stores a new link for this person and returns its token (`token`: one made earlier with
 * newToken), to be put in an email in the same transaction, apart from the email's words (the
 * outbox keeps it only until the email is sent; ADR 017). Older unused links keep working until
 * one of them is used: emails can arrive out of order, and the person may click whichever they
 * open first.
 */
export async function issueSignInLink(
	tx: Prisma.TransactionClient,
	input: { audience: PortalAudience; subjectId: string; now: Date; lifetimeMs?: number; token?: string }
): Promise<string> {
	const token = input.token ?? newToken()
	// Tidy as we go: this person's links that have run out are no use to anyone.
	await tx.signInLink.deleteMany({
		where: { audience: input.audience, subjectId: input.subjectId, expiresAt: { lte: input.now } },
	})
	await tx.signInLink.create({
		data: {
			id: hashToken(token),
			audience: input.audience,
			subjectId: input.subjectId,
			createdAt: input.now,
			expiresAt: signInLinkExpiresAt(input.now, input.lifetimeMs),
		},
	})
	return token
}

/** The link's state, without using it: what the page the link opens shows. */
export async function findSignInLink(
	token: string,
	audience: PortalAudience,
	now: Date
): Promise<{ state: SignInLinkState; subjectId: string | null }> {
	if (!looksLikeSignInToken(token)) return { state: 'unknown', subjectId: null }
	const link = await prisma.signInLink.findUnique({ where: { id: hashToken(token) } })
	// A link for another audience is no link at all here.
	const state = signInLinkState(link?.audience === audience ? link : null, now)
	return { state, subjectId: state === 'usable' ? link!.subjectId : null }
}

/**
 * Uses the link: returns whose it was, or null, changing nothing, when it is unknown, used or
 * expired. Claiming and checking happen in one statement, so two tabs sending the form at once
 * cannot both sign in with it. The person's other unused links are no longer needed.
 */
export async function consumeSignInLink(token: string, audience: PortalAudience, now: Date): Promise<string | null> {
	if (!looksLikeSignInToken(token)) return null
	const id = hashToken(token)
	return prisma.$transaction(async (tx) => {
		const claimed = await tx.signInLink.updateMany({
			where: { id, audience, usedAt: null, expiresAt: { gt: now } },
			data: { usedAt: now },
		})
		if (claimed.count === 0) return null
		const link = await tx.signInLink.findUniqueOrThrow({ where: { id } })
		await tx.signInLink.deleteMany({ where: { audience, subjectId: link.subjectId, usedAt: null } })
		return link.subjectId
	})
}

export async function createPortalSession(data: {
	id: string
	audience: PortalAudience
	subjectId: string
	csrfToken: string
	now: Date
	expiresAt: Date
}) {
	const { now, ...rest } = data
	await prisma.$transaction([
		// Sessions of this person that ran out are removed as a new one starts.
		prisma.portalSession.deleteMany({
			where: { audience: data.audience, subjectId: data.subjectId, expiresAt: { lte: now } },
		}),
		prisma.portalSession.create({ data: { ...rest, createdAt: now, lastSeenAt: now } }),
	])
}

export function findPortalSession(id: string) {
	return prisma.portalSession.findUnique({ where: { id } })
}

export async function touchPortalSession(id: string, at: Date) {
	await prisma.portalSession.updateMany({ where: { id }, data: { lastSeenAt: at } })
}

export async function deletePortalSession(id: string) {
	await prisma.portalSession.deleteMany({ where: { id } })
}

import crypto from 'node:crypto'
import { SECRET_PLACEHOLDER } from '~/domain/email-secrets.ts'
import {
	looksLikeResetToken,
	passwordLinkTemplate,
	resetLinkExpiresAt,
	resetLinkState,
	type ResetLinkKind,
} from '~/domain/password-reset.ts'
import { prisma } from '~/utils/db.server.ts'
import { renderPasswordLink } from '../../emails/password-link.ts'
import { enqueueEmail } from './outbox.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'

// Links to set or reset a staff password (docs/decisions/007-password-reset-and-staff-accounts.md). The emailed token
// is 32 random bytes; PasswordReset keeps only its SHA-256 hash, so a copy of the database cannot
// be used to take over an account. A new link replaces the person's older unused ones. The email
// goes into the outbox with the token apart from its words, so it is not kept once sent (ADR 017).

function hashToken(token: string) {
	return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * Makes a link for this member of staff and puts the email carrying it in the outbox, in one
 * transaction. The caller wakes the outbox after it returns.
 */
export async function issuePasswordLink(input: { userId: string; kind: ResetLinkKind; now: Date }) {
	const config = await getServiceConfig()
	const token = crypto.randomBytes(32).toString('base64url')
	const expiresAt = resetLinkExpiresAt(input.kind, input.now)
	await prisma.$transaction(async (tx) => {
		const user = await tx.staffUser.findUniqueOrThrow({ where: { id: input.userId } })
		await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } })
		await tx.passwordReset.create({
			data: {
				id: hashToken(token),
				userId: user.id,
				createdAt: input.now,
				expiresAt,
			},
		})
		const email = renderPasswordLink({
			kind: input.kind,
			name: user.name,
			url: siteUrl(`/staff/reset-password/${SECRET_PLACEHOLDER}`),
			serviceName: config.serviceName,
			organisationName: config.organisationName,
		})
		await enqueueEmail(tx, {
			...email,
			template: passwordLinkTemplate(input.kind),
			to: user.email,
			secret: { token, expiresAt },
		})
	})
}

/** The link's state and, when it can still be used, whose it is. */
export async function findPasswordLink(token: string, now: Date) {
	if (!looksLikeResetToken(token)) return { state: 'unknown' as const, user: null }
	const link = await prisma.passwordReset.findUnique({
		where: { id: hashToken(token) },
		include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
	})
	const state = resetLinkState(link, now)
	// A turned-off account cannot be brought back by an old link.
	if (!link || state !== 'usable' || link.user.disabledAt)
		return { state: state === 'usable' ? ('unknown' as const) : state, user: null }
	return { state, user: { id: link.user.id, email: link.user.email, name: link.user.name } }
}

/**
 * Uses the link: sets the new password and ends every session the person had (someone who knew
 * the old password is signed out). Returns false, changing nothing, when the link has been used,
 * has run out or was replaced in the meantime.
 */
export async function usePasswordLink(input: { token: string; passwordHash: string; now: Date }): Promise<boolean> {
	if (!looksLikeResetToken(input.token)) return false
	return prisma.$transaction(async (tx) => {
		// Claiming the link and checking it in one statement: two tabs sending the form at once
		// cannot both use it.
		const claimed = await tx.passwordReset.updateMany({
			where: { id: hashToken(input.token), usedAt: null, expiresAt: { gt: input.now }, user: { disabledAt: null } },
			data: { usedAt: input.now },
		})
		if (claimed.count === 0) return false
		const link = await tx.passwordReset.findUniqueOrThrow({ where: { id: hashToken(input.token) } })
		await tx.staffUser.update({
			where: { id: link.userId },
			data: { passwordHash: input.passwordHash },
		})
		await tx.staffSession.deleteMany({ where: { userId: link.userId } })
		// Any other link the person still holds is no longer needed.
		await tx.passwordReset.deleteMany({ where: { userId: link.userId, usedAt: null } })
		return true
	})
}

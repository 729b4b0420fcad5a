// Links to set or reset a staff password (docs/decisions/007-password-reset-and-staff-accounts.md). The link carries
// a random token; the database keeps only its hash, when it runs out and when it was used.

/** reset: the member of staff asked (or an administrator sent one); welcome: a new account. */
export type ResetLinkKind = 'reset' | 'welcome'

export const RESET_LINK_LIFETIME_MS: Record<ResetLinkKind, number> = {
	reset: 60 * 60_000,
	// Someone given a new account may not read their email the same day.
	welcome: 7 * 24 * 60 * 60_000,
}

/** How long the link lasts, in words for the email: "1 hour", "7 days". */
export function resetLinkLifetimePhrase(kind: ResetLinkKind): string {
	return kind === 'reset' ? '1 hour' : '7 days'
}

export function resetLinkExpiresAt(kind: ResetLinkKind, now: Date): Date {
	return new Date(now.getTime() + RESET_LINK_LIFETIME_MS[kind])
}

export type ResetLinkState = 'usable' | 'expired' | 'used' | 'unknown'

/** Whether a stored link may still set a password. A link is good until the instant it expires. */
export function resetLinkState(link: { expiresAt: Date; usedAt: Date | null } | null, now: Date): ResetLinkState {
	if (!link) return 'unknown'
	if (link.usedAt) return 'used'
	if (now.getTime() >= link.expiresAt.getTime()) return 'expired'
	return 'usable'
}

/** The shape of a token we issue (32 random bytes in base64url): anything else is not looked up. */
export function looksLikeResetToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token)
}

/** The outbox template of a password link email (`password-reset`, `password-welcome`). */
export function passwordLinkTemplate(kind: ResetLinkKind): string {
	return `password-${kind}`
}

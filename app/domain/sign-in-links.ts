// Signing in by emailed link, for people who are not staff: carers at /refer now, applicants later.
// Nobody outside the staff has a password to forget; the link in their inbox is the proof that
// the address is theirs. The link carries a random token; the database keeps only its hash, when
// it runs out and when it was used (see app/models/sign-in-links.server.ts).

/** Who a link or portal session is for. Each audience has its own cookie and its own pages. */
export const PORTAL_AUDIENCES = ['carer', 'applicant'] as const
export type PortalAudience = (typeof PORTAL_AUDIENCES)[number]

export function isPortalAudience(value: unknown): value is PortalAudience {
	return typeof value === 'string' && (PORTAL_AUDIENCES as readonly string[]).includes(value)
}

const DAY_MS = 24 * 60 * 60_000

/** A link lasts a week by default: people do not always read their email the day it arrives. */
export const DEFAULT_SIGN_IN_LINK_LIFETIME_MS = 7 * DAY_MS

export function signInLinkExpiresAt(now: Date, lifetimeMs = DEFAULT_SIGN_IN_LINK_LIFETIME_MS): Date {
	return new Date(now.getTime() + lifetimeMs)
}

/** "7 days", "1 day", "12 hours", "30 minutes": how long a link lasts, in words for the email. */
export function lifetimePhrase(lifetimeMs = DEFAULT_SIGN_IN_LINK_LIFETIME_MS): string {
	const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`
	if (lifetimeMs % DAY_MS === 0) return plural(lifetimeMs / DAY_MS, 'day')
	if (lifetimeMs % 3_600_000 === 0) return plural(lifetimeMs / 3_600_000, 'hour')
	return plural(Math.max(1, Math.round(lifetimeMs / 60_000)), 'minute')
}

export type SignInLinkState = 'usable' | 'expired' | 'used' | 'unknown'

/** Whether a stored link may still sign someone in. A link is good until the instant it expires. */
export function signInLinkState(link: { expiresAt: Date; usedAt: Date | null } | null, now: Date): SignInLinkState {
	if (!link) return 'unknown'
	if (link.usedAt) return 'used'
	if (now.getTime() >= link.expiresAt.getTime()) return 'expired'
	return 'usable'
}

/** The shape of a token we issue (32 random bytes in base64url): anything else is not looked up. */
export function looksLikeSignInToken(token: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(token)
}

/**
 * How long a portal session lasts. Shorter than a link, because a session on a shared or lost
 * phone should not last for days: idle for 2 hours, or a day after signing in, and the person asks
 * for a new link.
 */
export const PORTAL_SESSION_POLICY = { idleMinutes: 120, absoluteMinutes: 24 * 60 } as const

/** Whether a portal session has run out, idle or absolutely. */
export function portalSessionExpired(
	session: { expiresAt: Date; lastSeenAt: Date },
	now: Date,
	policy: { idleMinutes: number } = PORTAL_SESSION_POLICY
): boolean {
	return (
		now.getTime() >= session.expiresAt.getTime() ||
		now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000
	)
}

/** The outbox template of a sign-in link email: `sign-in-carer`, `sign-in-applicant`. */
export function signInLinkTemplate(audience: PortalAudience): string {
	return `sign-in-${audience}`
}

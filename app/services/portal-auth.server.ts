import crypto from 'node:crypto'
import { redirect } from '@remix-run/node'
import { PORTAL_SESSION_POLICY, portalSessionExpired, type PortalAudience } from '~/domain/sign-in-links.ts'
import { carerMaySignIn } from '~/models/referral-portal.server.ts'
import {
	consumeSignInLink,
	createPortalSession,
	deletePortalSession,
	findPortalSession,
	hashToken,
	newToken,
	touchPortalSession,
} from '~/models/sign-in-links.server.ts'
import { now } from '~/utils/clock.server.ts'
import { getEnv } from '~/utils/env.server.ts'

// Sessions for people who sign in with an emailed link (carers at /refer; applicants later). As
// for staff, the cookie holds a random token and the database only its hash; each audience has
// its own cookie, so being signed in as a carer never opens an applicant's pages. Every portal
// form carries the session's CSRF token (field `csrf`, as CsrfField renders it).

export const PORTAL_CSRF_FIELD = 'csrf'

export type PortalSession = { id: string; audience: PortalAudience; subjectId: string; csrfToken: string }

type AudienceRules = {
	/** Where someone signed out (or whose session ran out) goes to ask for a link. */
	signInPath: string
	/** Whether the person may still use the portal (e.g. staff have not turned a carer inactive). */
	mayUse: (subjectId: string) => Promise<boolean>
}

const AUDIENCES: Record<PortalAudience, AudienceRules> = {
	carer: { signInPath: '/refer', mayUse: carerMaySignIn },
	// Applicants cannot sign in until their side is built; then it names its page and its check.
	applicant: { signInPath: '/', mayUse: async () => false },
}

/** `__Host-` needs https, so the prefix (and Secure) are for production only. */
export function portalCookieName(audience: PortalAudience) {
	return getEnv().NODE_ENV === 'production' ? `__Host-portal-${audience}` : `portal-${audience}`
}

function cookieAttributes(maxAge?: number) {
	const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax']
	if (getEnv().NODE_ENV === 'production') attributes.push('Secure')
	if (maxAge !== undefined) attributes.push(`Max-Age=${maxAge}`)
	return attributes.join('; ')
}

function readToken(request: Request, audience: PortalAudience): string | undefined {
	const name = portalCookieName(audience)
	for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=')
		if (key === name) return value.join('=') || undefined
	}
	return undefined
}

/** Starts a session; returns the Set-Cookie header for the response. */
export async function startPortalSession(audience: PortalAudience, subjectId: string, at = now()) {
	const token = newToken()
	await createPortalSession({
		id: hashToken(token),
		audience,
		subjectId,
		csrfToken: newToken(),
		now: at,
		expiresAt: new Date(at.getTime() + PORTAL_SESSION_POLICY.absoluteMinutes * 60_000),
	})
	return `${portalCookieName(audience)}=${token}; ${cookieAttributes()}`
}

/**
 * Uses an emailed link and starts a session for its owner. Returns the Set-Cookie header, or null
 * when the link is unknown, used or expired, or its owner may no longer use the portal.
 */
export async function signInWithLink(token: string, audience: PortalAudience, at = now()): Promise<string | null> {
	const subjectId = await consumeSignInLink(token, audience, at)
	if (!subjectId || !(await AUDIENCES[audience].mayUse(subjectId))) return null
	return startPortalSession(audience, subjectId, at)
}

/** The signed-in person's session for this audience, or null when signed out, expired or turned off. */
export async function getPortalSession(
	request: Request,
	audience: PortalAudience,
	at = now()
): Promise<PortalSession | null> {
	const token = readToken(request, audience)
	if (!token || token.length > 100) return null
	const id = hashToken(token)
	const session = await findPortalSession(id)
	if (!session || session.audience !== audience) return null
	if (portalSessionExpired(session, at) || !(await AUDIENCES[audience].mayUse(session.subjectId))) {
		await deletePortalSession(id)
		return null
	}
	// One write a minute at most, not one per request.
	if (at.getTime() - session.lastSeenAt.getTime() > 60_000) await touchPortalSession(id, at)
	return { id, audience, subjectId: session.subjectId, csrfToken: session.csrfToken }
}

/** Ends the session; returns the Set-Cookie header that clears the cookie. */
export async function endPortalSession(audience: PortalAudience, session: PortalSession | null) {
	if (session) await deletePortalSession(session.id)
	return `${portalCookieName(audience)}=; ${cookieAttributes(0)}`
}

/**
 * The signed-in person, for every portal loader and action. Signed out or expired: a redirect
 * (303) to the audience's sign-in page, clearing a stale cookie on the way.
 */
export async function requirePortalSession(
	request: Request,
	audience: PortalAudience,
	at = now()
): Promise<PortalSession> {
	const session = await getPortalSession(request, audience, at)
	if (session) return session
	throw redirect(AUDIENCES[audience].signInPath, {
		status: 303,
		headers: readToken(request, audience) ? { 'Set-Cookie': await endPortalSession(audience, null) } : undefined,
	})
}

/**
 * Refuses (403) a portal form that does not carry this session's CSRF token, or that a browser
 * says came from another site.
 */
export function verifyPortalCsrf(request: Request, form: FormData, session: PortalSession) {
	if (request.headers.get('Sec-Fetch-Site') === 'cross-site') {
		throw new Response('This form was sent from another website.', { status: 403 })
	}
	const sent = Buffer.from(String(form.get(PORTAL_CSRF_FIELD) ?? ''))
	const expected = Buffer.from(session.csrfToken)
	if (sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected)) {
		throw new Response('This form has expired. Go back, reload the page and try again.', { status: 403 })
	}
}

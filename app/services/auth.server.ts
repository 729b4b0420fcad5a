import crypto from 'node:crypto'
import { redirect } from '@remix-run/node'
import { emailAddressError, normaliseEmail, readEmailAddress } from '~/domain/email-address.ts'
import { waitInWords } from '~/domain/rate-limits.ts'
import { isStaffRole, SIGN_IN_POLICY, type StaffIdentity, type StaffRole } from '~/domain/staff.ts'
import {
	checkSlowDown,
	clearRateLimits,
	giveBack,
	hitRateLimits,
	recordSlowDownFailure,
} from '~/models/rate-limits.server.ts'
import {
	createStaffSession,
	deleteStaffSession,
	findStaffByEmail,
	findStaffSession,
	touchStaffSession,
} from '~/models/staff.server.ts'
import { now } from '~/utils/clock.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import { MAX_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from '~/utils/password.server.ts'
import { oncePerRequest } from '~/utils/request-scope.server.ts'
import type { FieldError } from '~/domain/field-errors.ts'

// Staff sign-in and sessions. The session cookie holds a random 32-byte token; the database holds
// only its SHA-256 hash. Sessions end after 2 hours idle or 12 hours after sign-in, and every staff
// form carries the session's CSRF token. Wrong passwords are slowed down by client and by the
// address typed, never by locking the account (docs/decisions/018-rate-limits-and-sign-in-slow-down.md).

export const CSRF_FIELD = 'csrf'

export type StaffSession = { id: string; csrfToken: string; user: StaffIdentity }

export const SIGN_IN_MESSAGES = {
	emailMissing: 'Enter your email address',
	passwordMissing: 'Enter your password',
	// The same words for an unknown email and a wrong password, so the page does not say which
	// addresses have accounts.
	wrong: 'Enter a correct email address and password',
	disabled: 'Your account has been turned off. Ask your administrator to turn it back on.',
	/** This client has got too many sign-ins wrong (on any address, or on this one). */
	tooManyFromClient: (wait: string) => `You have tried to sign in too many times. Wait ${wait}, then try again.`,
	/** Many wrong passwords for this address from anywhere: the slow-down. */
	tooManyForAddress: (wait: string) =>
		`There have been too many attempts to sign in with this email address. Wait ${wait}, then try again.`,
} as const

export type SignInResult =
	| { ok: true; user: StaffIdentity }
	| { ok: false; errors: FieldError<'email' | 'password'>[]; retryAfterSeconds?: number }

/** `__Host-` needs https, so the prefix (and Secure) are for production only. */
export function staffCookieName() {
	return getEnv().NODE_ENV === 'production' ? '__Host-staff' : 'staff'
}

function cookieAttributes(maxAge?: number) {
	const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax']
	if (getEnv().NODE_ENV === 'production') attributes.push('Secure')
	// Without Max-Age the browser forgets the cookie when it closes; the server enforces the limits.
	if (maxAge !== undefined) attributes.push(`Max-Age=${maxAge}`)
	return attributes.join('; ')
}

function hashToken(token: string) {
	return crypto.createHash('sha256').update(token).digest('hex')
}

function readToken(request: Request): string | undefined {
	const name = staffCookieName()
	for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=')
		if (key === name) return value.join('=') || undefined
	}
	return undefined
}

/**
 * Checks an email address and password typed into the sign-in form from `clientIp`. Every rule
 * keys on the address typed, never on whether it has an account, so a known and an unknown
 * address get the same answers at the same moments; an unknown one costs the same hashing time.
 *
 * - The address is slowed down once it has had many wrong passwords from anywhere: an attempt
 *   too soon after the last wrong one is refused with how long to wait (at most a minute).
 * - The attempt is counted against the client and against the client with this address before
 *   the password is checked, so many attempts sent at once cannot all slip under the limit.
 * - A wrong password is counted against the address, for the slow-down.
 * - A right password gives its hits back and clears the address's counts (this client's with
 *   it), as only someone who knows the password can.
 */
export async function signIn(
	input: { email: string; password: string; clientIp: string },
	at = now()
): Promise<SignInResult> {
	const email = readEmailAddress(input.email)
	const password = input.password
	const missing: FieldError<'email' | 'password'>[] = []
	// An address that is not one (empty, malformed, a control character in it) is never looked up.
	const emailError = emailAddressError(email, { missing: SIGN_IN_MESSAGES.emailMissing })
	if (emailError) missing.push({ field: 'email', message: emailError })
	if (password === '') missing.push({ field: 'password', message: SIGN_IN_MESSAGES.passwordMissing })
	if (missing.length > 0) return { ok: false, errors: missing }

	const address = normaliseEmail(email)
	const slowed = await checkSlowDown('signInPerAddress', address, at)
	if (!slowed.allowed) return tooMany(SIGN_IN_MESSAGES.tooManyForAddress, slowed.retryAfterSeconds)
	const counted = await hitRateLimits(
		[
			{ name: 'signInPerClient', key: input.clientIp },
			{ name: 'signInPerAddressAndClient', key: [address, input.clientIp] },
		],
		at
	)
	if (!counted.allowed) return tooMany(SIGN_IN_MESSAGES.tooManyFromClient, counted.retryAfterSeconds)

	const user = password.length <= MAX_PASSWORD_LENGTH ? await findStaffByEmail(email) : null
	const right = user?.passwordHash
		? await verifyPassword(password, user.passwordHash)
		: await verifyAgainstDummy(password)
	if (!user || !right) {
		await recordSlowDownFailure('signInPerAddress', address, at)
		return { ok: false, errors: [{ field: 'email', message: SIGN_IN_MESSAGES.wrong }] }
	}
	// The right password: this attempt was not a guess, and earlier slips on this address are forgiven.
	await giveBack(counted.hits)
	await clearRateLimits([
		{ name: 'signInPerAddressAndClient', key: [address, input.clientIp] },
		{ name: 'signInPerAddress', key: address },
	])
	// Only someone who knows the password learns that the account is turned off.
	if (user.disabledAt) return { ok: false, errors: [{ message: SIGN_IN_MESSAGES.disabled }] }
	if (!isStaffRole(user.role)) throw new Error(`Staff user ${user.id} has an unknown role`)
	return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } }
}

function tooMany(message: (wait: string) => string, retryAfterSeconds: number): SignInResult {
	return { ok: false, errors: [{ message: message(waitInWords(retryAfterSeconds)) }], retryAfterSeconds }
}

/** Starts a session for a signed-in user; returns the Set-Cookie header for the response. */
export async function startStaffSession(userId: string, at = now()) {
	const token = crypto.randomBytes(32).toString('base64url')
	await createStaffSession({
		id: hashToken(token),
		userId,
		csrfToken: crypto.randomBytes(32).toString('base64url'),
		now: at,
		expiresAt: new Date(at.getTime() + SIGN_IN_POLICY.absoluteMinutes * 60_000),
	})
	return `${staffCookieName()}=${token}; ${cookieAttributes()}`
}

/**
 * The signed-in staff member's session, or null when signed out, expired or turned off. A page
 * view reads it once: the staff layout's loader and the page's own share the answer (ADR 029).
 */
export function getStaffSession(request: Request, at = now()): Promise<StaffSession | null> {
	const token = readToken(request)
	if (!token || token.length > 100) return Promise.resolve(null)
	return oncePerRequest(`staff session ${token}`, () => readStaffSession(token, at))
}

async function readStaffSession(token: string, at: Date): Promise<StaffSession | null> {
	const id = hashToken(token)
	const session = await findStaffSession(id)
	if (!session) return null
	const idleEnd = session.lastSeenAt.getTime() + SIGN_IN_POLICY.idleMinutes * 60_000
	if (
		at >= session.expiresAt ||
		at.getTime() >= idleEnd ||
		session.user.disabledAt ||
		!isStaffRole(session.user.role)
	) {
		await deleteStaffSession(id)
		return null
	}
	// One write a minute at most, not one per request.
	if (at.getTime() - session.lastSeenAt.getTime() > 60_000) await touchStaffSession(id, at)
	const { user } = session
	const role = user.role as StaffRole
	return { id, csrfToken: session.csrfToken, user: { id: user.id, email: user.email, name: user.name, role } }
}

/** Ends the session; returns the Set-Cookie header that clears the cookie. */
export async function endStaffSession(session: StaffSession | null) {
	if (session) await deleteStaffSession(session.id)
	return `${staffCookieName()}=; ${cookieAttributes(0)}`
}

/**
 * The signed-in staff member, for every staff loader and action. Signed out (or expired): a
 * redirect to sign in, coming back here afterwards. Signed in with a role the page does not
 * allow: 403.
 */
export async function requireStaff(
	request: Request,
	{ roles, now }: { roles?: readonly StaffRole[]; now?: Date } = {}
): Promise<StaffSession> {
	const session = await getStaffSession(request, now)
	if (!session) {
		const url = new URL(request.url)
		throw redirect(`/staff/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`, {
			// A stale cookie is cleared on the way.
			headers: readToken(request) ? { 'Set-Cookie': await endStaffSession(null) } : undefined,
		})
	}
	if (roles && !roles.includes(session.user.role)) {
		throw new Response('You do not have permission to see this page', { status: 403 })
	}
	return session
}

/**
 * Refuses (403) a staff form that does not carry this session's CSRF token, or that a browser says
 * came from another site.
 */
export function verifyCsrf(request: Request, form: FormData, session: StaffSession) {
	if (request.headers.get('Sec-Fetch-Site') === 'cross-site') {
		throw new Response('This form was sent from another website.', { status: 403 })
	}
	const sent = Buffer.from(String(form.get(CSRF_FIELD) ?? ''))
	const expected = Buffer.from(session.csrfToken)
	if (sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected)) {
		throw new Response('This form has expired. Go back, reload the page and try again.', { status: 403 })
	}
}

import crypto from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'

// Staff sign-in, sessions, roles and CSRF against a real SQLite file: what a member of staff
// would see, and what is left in the database.

const { prisma } = await import('~/utils/db.server.ts')
const { hashPassword } = await import('~/utils/password.server.ts')
const auth = await import('~/utils/auth.server.ts')
const login = await import('~/routes/staff.login.tsx')
const logout = await import('~/routes/staff.logout.tsx')
const home = await import('~/routes/staff._index.tsx')

const PASSWORD = 'a-long-staff-password'
let passwordHash: string
let people = 0

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	passwordHash = await hashPassword(PASSWORD)
})

async function staffMember(role: StaffRole = 'officer', extra: { disabledAt?: Date } = {}) {
	people += 1
	return prisma.staffUser.create({
		data: { email: `person.${people}@northdale.example`, name: `Person ${people}`, role, passwordHash, ...extra },
	})
}

function cookieFrom(setCookie: string) {
	return setCookie.split(';')[0]!
}

async function signedInCookie(userId: string, now = new Date()) {
	return cookieFrom(await auth.startStaffSession(userId, now))
}

function request(path: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
	const headers = new Headers()
	if (init.cookie) headers.set('Cookie', init.cookie)
	if (init.form) headers.set('Content-Type', 'application/x-www-form-urlencoded')
	return new Request(`http://localhost${path}`, {
		method: init.form ? 'POST' : 'GET',
		headers,
		body: init.form ? new URLSearchParams(init.form).toString() : undefined,
	})
}

/** Runs a loader or action and gives back what was thrown or returned. */
async function run(fn: () => Promise<unknown>) {
	try {
		const result = (await fn()) as { data?: unknown; init?: { status?: number } } | Record<string, unknown>
		if (result && typeof result === 'object' && 'init' in result) {
			return { status: (result.init as { status?: number } | undefined)?.status ?? 200, data: result.data, headers: new Headers() }
		}
		return { status: 200, data: result, headers: new Headers() }
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return { status: thrown.status, data: await thrown.text(), headers: thrown.headers }
	}
}

const args = (req: Request) => ({ request: req, context: { cspNonce: '', clientIp: '127.0.0.1' }, params: {} })

describe('signing in', () => {
	test('with the right email and password starts a session whose token is stored only as a hash', async () => {
		const user = await staffMember()
		const result = await auth.signIn({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD })
		expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: 'officer' } })

		const setCookie = await auth.startStaffSession(user.id)
		// Not production here, so no __Host- prefix and no Secure (they need https).
		expect(setCookie).toMatch(/^staff=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/)
		const token = cookieFrom(setCookie).split('=')[1]!
		const sessions = await prisma.staffSession.findMany({ where: { userId: user.id } })
		expect(sessions).toHaveLength(1)
		expect(sessions[0]!.id).toBe(crypto.createHash('sha256').update(token).digest('hex'))
		expect(JSON.stringify(sessions)).not.toContain(token)
	})

	test('gives the same message for a wrong password as for an email with no account', async () => {
		const user = await staffMember()
		const wrong = await auth.signIn({ email: user.email, password: 'not-the-password' })
		const unknown = await auth.signIn({ email: 'nobody@northdale.example', password: PASSWORD })
		expect(wrong).toEqual({ ok: false, errors: [{ field: 'email', message: 'Enter a correct email address and password' }] })
		expect(unknown).toEqual(wrong)
	})

	test('asks for whatever is missing', async () => {
		expect(await auth.signIn({ email: '  ', password: '' })).toEqual({
			ok: false,
			errors: [
				{ field: 'email', message: 'Enter your email address' },
				{ field: 'password', message: 'Enter your password' },
			],
		})
	})

	test('locks the account for 15 minutes after 5 wrong passwords in a row, even against the right one', async () => {
		const user = await staffMember()
		const other = await staffMember()
		const start = new Date('2026-11-23T09:00:00Z')
		for (let attempt = 1; attempt <= 4; attempt++) {
			const result = await auth.signIn({ email: user.email, password: `wrong-${attempt}` }, start)
			expect(result.ok).toBe(false)
			expect(JSON.stringify(result)).toContain('Enter a correct email address and password')
		}
		const fifth = await auth.signIn({ email: user.email, password: 'wrong-5' }, start)
		const locked = { ok: false, errors: [{ message: 'You entered the wrong password too many times. Wait 15 minutes, then try again.' }] }
		expect(fifth).toEqual(locked)

		const fourteenMinutesOn = new Date(start.getTime() + 14 * 60_000)
		expect(await auth.signIn({ email: user.email, password: PASSWORD }, fourteenMinutesOn)).toEqual(locked)
		// Counted per account: someone else's failures do not lock this one.
		expect((await auth.signIn({ email: other.email, password: PASSWORD }, fourteenMinutesOn)).ok).toBe(true)

		const fifteenMinutesOn = new Date(start.getTime() + 15 * 60_000 + 1)
		expect((await auth.signIn({ email: user.email, password: PASSWORD }, fifteenMinutesOn)).ok).toBe(true)
		expect(await prisma.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedSignIns: 0, lockedUntil: null })
	})

	test('a right password clears the count, so only failures in a row lock the account', async () => {
		const user = await staffMember()
		for (let attempt = 1; attempt <= 4; attempt++) await auth.signIn({ email: user.email, password: 'wrong' })
		expect((await auth.signIn({ email: user.email, password: PASSWORD })).ok).toBe(true)
		for (let attempt = 1; attempt <= 4; attempt++) await auth.signIn({ email: user.email, password: 'wrong' })
		expect((await auth.signIn({ email: user.email, password: PASSWORD })).ok).toBe(true)
	})

	test('is refused for a turned-off account, and its existing sessions stop working', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		expect(await auth.getStaffSession(request('/staff', { cookie }))).not.toBeNull()

		await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		expect(await auth.signIn({ email: user.email, password: PASSWORD })).toEqual({
			ok: false,
			errors: [{ message: 'Your account has been turned off. Ask your administrator to turn it back on.' }],
		})
		// Without the password, it looks like any other wrong sign-in.
		expect(JSON.stringify(await auth.signIn({ email: user.email, password: 'guess' }))).toContain(
			'Enter a correct email address and password',
		)
		expect(await auth.getStaffSession(request('/staff', { cookie }))).toBeNull()
	})
})

describe('the sign-in page', () => {
	test('signs in and goes back to the staff page asked for, with a session cookie', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(args(request('/staff/login', { form: { email: user.email, password: PASSWORD, redirectTo: '/staff/pipeline?stage=enquiry' } })) as ActionFunctionArgs),
		)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('Location')).toBe('/staff/pipeline?stage=enquiry')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^staff=/)
	})

	test('never sends anyone off the staff area after signing in', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(args(request('/staff/login', { form: { email: user.email, password: PASSWORD, redirectTo: '//evil.example/staff' } })) as ActionFunctionArgs),
		)
		expect(answer.headers.get('Location')).toBe('/staff')
	})

	test('shows the error, keeps the email and sets no cookie after a wrong password', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(args(request('/staff/login', { form: { email: user.email, password: 'nope', redirectTo: '/staff' } })) as ActionFunctionArgs),
		)
		expect(answer.status).toBe(400)
		expect(answer.data).toEqual({ errors: [{ field: 'email', message: 'Enter a correct email address and password' }], email: user.email })
		expect(answer.headers.get('Set-Cookie')).toBeNull()
	})

	test('one client address may get 20 sign-ins wrong in 15 minutes, across any accounts; then it waits, even with a right password', async () => {
		const from = (clientIp: string, form: Record<string, string>) =>
			run(() =>
				login.action({
					...args(request('/staff/login', { form: { ...form, redirectTo: '/staff' } })),
					context: { cspNonce: '', clientIp },
				} as ActionFunctionArgs)
			)
		const sprayer = '198.51.100.20'
		// Missing answers are not guesses and do not count.
		expect((await from(sprayer, { email: '', password: '' })).status).toBe(400)
		for (let attempt = 1; attempt <= 20; attempt++) {
			const target = attempt % 2 === 0 ? (await staffMember()).email : `guess.${attempt}@northdale.example`
			expect((await from(sprayer, { email: target, password: 'Winter2026!' })).status).toBe(400)
		}
		const user = await staffMember()
		const refused = await from(sprayer, { email: user.email, password: PASSWORD })
		expect(refused.status).toBe(429)
		expect(refused.data).toEqual({
			errors: [{ message: 'You have tried to sign in too many times. Wait 15 minutes, then try again.' }],
			email: user.email,
		})
		expect(refused.headers.get('Set-Cookie')).toBeNull()
		// Someone else is not held up.
		expect((await from('198.51.100.21', { email: user.email, password: PASSWORD })).status).toBe(303)
	})
})

describe('sessions', () => {
	test('end after 2 hours without a request', async () => {
		const user = await staffMember()
		const start = new Date('2026-11-23T09:00:00Z')
		const cookie = await signedInCookie(user.id, start)
		const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000)
		expect((await auth.getStaffSession(request('/staff', { cookie }), at(119)))?.user.id).toBe(user.id)
		// Each request moves the idle limit on.
		expect((await auth.getStaffSession(request('/staff', { cookie }), at(119 + 119)))?.user.id).toBe(user.id)
		expect(await auth.getStaffSession(request('/staff', { cookie }), at(119 + 120 + 120))).toBeNull()
		expect(await prisma.staffSession.count({ where: { userId: user.id } })).toBe(0)
	})

	test('end 12 hours after signing in, however busy', async () => {
		const user = await staffMember()
		const start = new Date('2026-11-23T08:00:00Z')
		const cookie = await signedInCookie(user.id, start)
		for (let hour = 1; hour < 12; hour++) {
			expect(await auth.getStaffSession(request('/staff', { cookie }), new Date(start.getTime() + hour * 3_600_000))).not.toBeNull()
		}
		expect(await auth.getStaffSession(request('/staff', { cookie }), new Date(start.getTime() + 12 * 3_600_000))).toBeNull()
	})

	test('are not found from a made-up or tampered cookie', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		expect(await auth.getStaffSession(request('/staff', { cookie: `${cookie}x` }))).toBeNull()
		expect(await auth.getStaffSession(request('/staff', { cookie: 'staff=' + 'A'.repeat(43) }))).toBeNull()
	})
})

describe('staff pages', () => {
	test('send someone signed out to sign in, then back to the page they wanted', async () => {
		const answer = await run(() => auth.requireStaff(request('/staff/pipeline?owner=me')))
		expect(answer.status).toBe(302)
		expect(answer.headers.get('Location')).toBe('/staff/login?redirectTo=%2Fstaff%2Fpipeline%3Fowner%3Dme')
	})

	test('refuse (403) a role the page does not allow, and let the allowed roles in', async () => {
		const reader = await staffMember('read_only')
		const manager = await staffMember('manager')
		const page = (cookie: string) => auth.requireStaff(request('/staff/settings', { cookie }), { roles: ['administrator', 'manager'] })
		const readerCookie = await signedInCookie(reader.id)
		const forbidden = await run(() => page(readerCookie))
		expect(forbidden.status).toBe(403)
		expect(forbidden.data).toBe('You do not have permission to see this page')
		expect((await page(await signedInCookie(manager.id))).user.name).toBe(manager.name)
	})

	test('the staff home shows who is signed in and their role', async () => {
		const user = await staffMember('social_worker')
		const cookie = await signedInCookie(user.id)
		const answer = await run(() => home.loader(args(request('/staff', { cookie })) as LoaderFunctionArgs))
		expect(answer.data).toMatchObject({ name: user.name, email: user.email, role: 'Assessing social worker' })
	})
})

describe('signing out', () => {
	test('is refused without the session’s CSRF token, and the session carries on', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		for (const csrf of ['', 'forged-token']) {
			const answer = await run(() => logout.action(args(request('/staff/logout', { cookie, form: { csrf } })) as ActionFunctionArgs))
			expect(answer.status).toBe(403)
		}
		expect(await auth.getStaffSession(request('/staff', { cookie }))).not.toBeNull()
	})

	test('with the token deletes the session and clears the cookie', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		const session = await auth.getStaffSession(request('/staff', { cookie }))
		const answer = await run(() =>
			logout.action(args(request('/staff/logout', { cookie, form: { csrf: session!.csrfToken } })) as ActionFunctionArgs),
		)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('Location')).toBe('/staff/login?signedOut')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^staff=; .*Max-Age=0/)
		expect(await prisma.staffSession.count({ where: { userId: user.id } })).toBe(0)
		expect(await auth.getStaffSession(request('/staff', { cookie }))).toBeNull()
	})
})

import crypto from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import { runRoute } from '../support/staff.ts'

// Staff sign-in, sessions, roles and CSRF against a real SQLite file: what a member of staff
// would see, and what is left in the database.

const { prisma } = await import('~/utils/db.server.ts')
const { hashPassword } = await import('~/utils/password.server.ts')
const auth = await import('~/services/auth.server.ts')
const login = await import('~/routes/staff+/_auth+/login.tsx')
const logout = await import('~/routes/staff+/_auth+/logout.tsx')
const home = await import('~/routes/staff+/_index.tsx')
const { inRequestScope } = await import('~/utils/request-scope.server.ts')

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
			return {
				status: (result.init as { status?: number } | undefined)?.status ?? 200,
				data: result.data,
				headers: new Headers(),
			}
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
		const result = await auth.signIn({
			email: ` ${user.email.toUpperCase()} `,
			password: PASSWORD,
			clientIp: '192.0.2.1',
		})
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
		const wrong = await auth.signIn({ email: user.email, password: 'not-the-password', clientIp: '192.0.2.2' })
		const unknown = await auth.signIn({ email: 'nobody@northdale.example', password: PASSWORD, clientIp: '192.0.2.2' })
		expect(wrong).toEqual({
			ok: false,
			errors: [{ field: 'email', message: 'Enter a correct email address and password' }],
		})
		expect(unknown).toEqual(wrong)
	})

	test('asks for whatever is missing', async () => {
		expect(await auth.signIn({ email: '  ', password: '', clientIp: '192.0.2.3' })).toEqual({
			ok: false,
			errors: [
				{ field: 'email', message: 'Enter your email address' },
				{ field: 'password', message: 'Enter your password' },
			],
		})
	})

	test('is refused for a turned-off account, and its existing sessions stop working', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		expect(await auth.getStaffSession(request('/staff', { cookie }))).not.toBeNull()

		await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
		expect(await auth.signIn({ email: user.email, password: PASSWORD, clientIp: '192.0.2.4' })).toEqual({
			ok: false,
			errors: [{ message: 'Your account has been turned off. Ask your administrator to turn it back on.' }],
		})
		// Without the password, it looks like any other wrong sign-in.
		expect(
			JSON.stringify(await auth.signIn({ email: user.email, password: 'guess', clientIp: '192.0.2.4' }))
		).toContain('Enter a correct email address and password')
		expect(await auth.getStaffSession(request('/staff', { cookie }))).toBeNull()
	})
})

describe('the sign-in page', () => {
	test('signs in and goes back to the staff page asked for, with a session cookie', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(
				args(
					request('/staff/login', {
						form: { email: user.email, password: PASSWORD, redirectTo: '/staff/pipeline?stage=enquiry' },
					})
				) as ActionFunctionArgs
			)
		)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('Location')).toBe('/staff/pipeline?stage=enquiry')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^staff=/)
	})

	test('never sends anyone off the staff area after signing in', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(
				args(
					request('/staff/login', {
						form: { email: user.email, password: PASSWORD, redirectTo: '//evil.example/staff' },
					})
				) as ActionFunctionArgs
			)
		)
		expect(answer.headers.get('Location')).toBe('/staff')
	})

	test('shows the error, keeps the email and sets no cookie after a wrong password', async () => {
		const user = await staffMember()
		const answer = await run(() =>
			login.action(
				args(
					request('/staff/login', { form: { email: user.email, password: 'nope', redirectTo: '/staff' } })
				) as ActionFunctionArgs
			)
		)
		expect(answer.status).toBe(400)
		expect(answer.data).toEqual({
			errors: [{ field: 'email', message: 'Enter a correct email address and password' }],
			email: user.email,
		})
		expect(answer.headers.get('Set-Cookie')).toBeNull()
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
			expect(
				await auth.getStaffSession(request('/staff', { cookie }), new Date(start.getTime() + hour * 3_600_000))
			).not.toBeNull()
		}
		expect(
			await auth.getStaffSession(request('/staff', { cookie }), new Date(start.getTime() + 12 * 3_600_000))
		).toBeNull()
	})

	test('are read once per page view, and afresh by every request after it (ADR 029)', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		const page = () => request('/staff', { cookie })
		// The staff layout's loader and the page's each ask; the account is turned off in between.
		const asked = await inRequestScope('GET', async () => {
			const first = await auth.getStaffSession(page())
			await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
			return { first, second: await auth.requireStaff(page()) }
		})
		expect(asked.second).toEqual(asked.first)
		expect(asked.first?.user.id).toBe(user.id)
		// The next page view, and any read outside one, finds the account turned off.
		expect(await inRequestScope('GET', () => auth.getStaffSession(page()))).toBeNull()
		expect(await prisma.staffSession.count({ where: { userId: user.id } })).toBe(0)
	})

	test('are read afresh by each step of a form’s POST, whose action may sign out (ADR 029)', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		const afterSignOut = await inRequestScope('POST', async () => {
			const session = await auth.getStaffSession(request('/staff', { cookie }))
			await auth.endStaffSession(session)
			return auth.getStaffSession(request('/staff', { cookie }))
		})
		expect(afterSignOut).toBeNull()
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
		const page = (cookie: string) =>
			auth.requireStaff(request('/staff/settings', { cookie }), { roles: ['administrator', 'manager'] })
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
			const answer = await run(() =>
				logout.action(args(request('/staff/logout', { cookie, form: { csrf } })) as ActionFunctionArgs)
			)
			expect(answer.status).toBe(403)
		}
		expect(await auth.getStaffSession(request('/staff', { cookie }))).not.toBeNull()
	})

	test('with the token deletes the session and clears the cookie', async () => {
		const user = await staffMember()
		const cookie = await signedInCookie(user.id)
		const session = await auth.getStaffSession(request('/staff', { cookie }))
		const answer = await run(() =>
			logout.action(
				args(request('/staff/logout', { cookie, form: { csrf: session!.csrfToken } })) as ActionFunctionArgs
			)
		)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('Location')).toBe('/staff/login?signedOut')
		expect(answer.headers.get('Set-Cookie')).toMatch(/^staff=; .*Max-Age=0/)
		expect(await prisma.staffSession.count({ where: { userId: user.id } })).toBe(0)
		expect(await auth.getStaffSession(request('/staff', { cookie }))).toBeNull()
	})
})

describe('slowing down guessing, with the same answers for every address (ADR 018)', () => {
	// Each step happens at a stated instant so that every wait can be worked out by hand. Windows
	// start at whole multiples of their length since 1970, so 10:03 UTC is 3 minutes into a
	// 15-minute window.
	const T0 = Date.parse('2026-12-07T10:03:00Z')
	let seconds = 0
	function at(offsetSeconds: number) {
		seconds = offsetSeconds
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(T0 + offsetSeconds * 1000)
	}
	const wait = (more: number) => at(seconds + more)
	afterEach(() => {
		vi.useRealTimers()
	})
	/** Each wrong password costs an argon2id hash (50–100 ms, more on a busy machine). */
	const HASHING_TIMEOUT_MS = 60_000

	async function attempt(clientIp: string, email: string, password: string, route = login) {
		const answer = await runRoute(
			(routeArgs) => route.action({ ...routeArgs, context: { ...routeArgs.context, clientIp } } as ActionFunctionArgs),
			request('/staff/login', { form: { email, password, redirectTo: '/staff' } })
		)
		return {
			status: answer.status,
			errors: answer.status === 303 ? undefined : answer.data.errors,
			email: answer.status === 303 ? undefined : answer.data.email,
			retryAfter: answer.headers.get('Retry-After'),
		}
	}

	const WRONG = {
		status: 400,
		errors: [{ field: 'email', message: 'Enter a correct email address and password' }],
		retryAfter: null,
	}
	const CLIENT_WAITS = (wait: string, retryAfter: string) => ({
		status: 429,
		errors: [{ message: `You have tried to sign in too many times. Wait ${wait}, then try again.` }],
		retryAfter,
	})
	const ADDRESS_WAITS = (wait: string, retryAfter: string) => ({
		status: 429,
		errors: [
			{
				message: `There have been too many attempts to sign in with this email address. Wait ${wait}, then try again.`,
			},
		],
		retryAfter,
	})

	/**
	 * Wrong passwords for one address: six from one client, five from a second, then one client
	 * after another as the address slows down. What each attempt got, in order.
	 */
	async function guessingRun(email: string, network: string) {
		const answers: Awaited<ReturnType<typeof attempt>>[] = []
		at(0)
		for (let i = 1; i <= 6; i++) answers.push(await attempt(`${network}.1`, email, `guess-a${i}`))
		for (let i = 1; i <= 5; i++) answers.push(await attempt(`${network}.2`, email, `guess-b${i}`))
		for (let client = 3; client <= 9; client++) {
			const refused = await attempt(`${network}.${client}`, email, 'guess-c')
			answers.push(refused)
			wait(Number(refused.retryAfter ?? 0))
			answers.push(await attempt(`${network}.${client}`, email, 'guess-d'))
		}
		return answers
	}

	test(
		'a known and an unknown address get the same answers, with the same waits, through a whole run of wrong passwords',
		async () => {
			const user = await staffMember()
			const known = await guessingRun(user.email, '198.51.100')
			const unknown = await guessingRun('nobody.here@northdale.example', '203.0.113')
			const withoutEmail = (answers: typeof known) => answers.map(({ email: _, ...answer }) => answer)
			expect(withoutEmail(known)).toEqual([
				// Five wrong from one client, then that client is refused on that address: 5 failures 3
				// minutes into the window are still counted as 5 × (1 − 3/15) = 4 when 15 minutes have
				// gone by, which leaves room for one more.
				WRONG,
				WRONG,
				WRONG,
				WRONG,
				WRONG,
				CLIENT_WAITS('15 minutes', '900'),
				// Another client may still try: 10 failures on the address in all.
				WRONG,
				WRONG,
				WRONG,
				WRONG,
				WRONG,
				// From the 10th failure on one address, from anywhere, each attempt waits 2 seconds after
				// the last failure, doubling with each further failure up to a minute.
				ADDRESS_WAITS('2 seconds', '2'),
				WRONG,
				ADDRESS_WAITS('4 seconds', '4'),
				WRONG,
				ADDRESS_WAITS('8 seconds', '8'),
				WRONG,
				ADDRESS_WAITS('16 seconds', '16'),
				WRONG,
				ADDRESS_WAITS('32 seconds', '32'),
				WRONG,
				ADDRESS_WAITS('1 minute', '60'),
				WRONG,
				ADDRESS_WAITS('1 minute', '60'),
				WRONG,
			])
			expect(withoutEmail(unknown)).toEqual(withoutEmail(known))
			// What was typed is kept every time.
			expect(new Set(known.map((answer) => answer.email))).toEqual(new Set([user.email]))
			expect(new Set(unknown.map((answer) => answer.email))).toEqual(new Set(['nobody.here@northdale.example']))
		},
		HASHING_TIMEOUT_MS
	)

	test('a stranger’s wrong passwords from one client do not stop the real person signing in from another', async () => {
		const user = await staffMember()
		at(0)
		for (let i = 1; i <= 5; i++) expect(await attempt('192.0.2.66', user.email, `guess-${i}`)).toMatchObject(WRONG)
		expect(await attempt('192.0.2.66', user.email, PASSWORD)).toMatchObject({ status: 429 })
		expect(await attempt('192.0.2.67', user.email, PASSWORD)).toMatchObject({ status: 303 })
	})

	test(
		'however many strangers guess, the real person is asked to wait a minute at most, then signs in',
		async () => {
			const user = await staffMember()
			at(0)
			// 16 failures on the address from four clients, a minute apart at the end.
			for (let client = 1; client <= 4; client++) {
				for (let i = 1; i <= 4; i++) {
					const answer = await attempt(`192.0.2.${100 + client}`, user.email, 'guess')
					if (answer.status === 429) {
						wait(Number(answer.retryAfter))
						expect(await attempt(`192.0.2.${100 + client}`, user.email, 'guess')).toMatchObject(WRONG)
					} else {
						expect(answer).toMatchObject(WRONG)
					}
				}
			}
			const asked = await attempt('192.0.2.200', user.email, PASSWORD)
			expect(asked).toMatchObject(ADDRESS_WAITS('1 minute', '60'))
			wait(60)
			expect(await attempt('192.0.2.200', user.email, PASSWORD)).toMatchObject({ status: 303 })
		},
		HASHING_TIMEOUT_MS
	)

	test('a right password lets the person start afresh on that client', async () => {
		const user = await staffMember()
		at(0)
		for (let round = 1; round <= 3; round++) {
			for (let i = 1; i <= 4; i++) expect(await attempt('192.0.2.77', user.email, 'wrong')).toMatchObject(WRONG)
			expect(await attempt('192.0.2.77', user.email, PASSWORD)).toMatchObject({ status: 303 })
		}
	})

	test(
		'the counts are in the database: a restarted server (a fresh module with its own connection) still refuses, and holds no address in clear',
		async () => {
			at(0)
			const sprayer = '198.51.100.250'
			// 20 wrong sign-ins across addresses (four each), then the client is refused even with a
			// right password until 45 seconds into the next window (12 minutes and 45 seconds on), when
			// they count as 20 × (1 − 45/900) = 19, room for one more.
			for (let i = 1; i <= 20; i++) {
				expect(await attempt(sprayer, `spray.${Math.ceil(i / 4)}@northdale.example`, 'Winter2026!')).toMatchObject(
					WRONG
				)
			}
			const user = await staffMember()
			expect(await attempt(sprayer, user.email, PASSWORD)).toEqual({
				...CLIENT_WAITS('13 minutes', '765'),
				email: user.email,
			})

			vi.resetModules()
			const restarted = await import('~/routes/staff+/_auth+/login.tsx')
			const { prisma: secondConnection } = await import('~/utils/db.server.ts')
			try {
				expect(secondConnection).not.toBe(prisma)
				expect(await attempt(sprayer, user.email, PASSWORD, restarted)).toMatchObject(CLIENT_WAITS('13 minutes', '765'))
				expect(await attempt('198.51.100.251', user.email, PASSWORD, restarted)).toMatchObject({ status: 303 })
				const rows = await secondConnection.$queryRawUnsafe<{ name: string; key: string }[]>(
					'SELECT "name", "key" FROM "RateLimitWindow"'
				)
				expect(rows.length).toBeGreaterThan(0)
				for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/)
				const stored = JSON.stringify(rows)
				expect(stored).not.toContain(sprayer)
				expect(stored).not.toContain('northdale.example')
			} finally {
				await secondConnection.$disconnect()
			}
		},
		HASHING_TIMEOUT_MS
	)
})

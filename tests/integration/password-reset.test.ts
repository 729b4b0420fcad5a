import crypto from 'node:crypto'
import { beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest'
import { asSent } from '../support/outbox.ts'
import { createStaff, runRoute, signIn, staffRequest } from '../support/staff.ts'

// Forgotten passwords end to end: the form, the email in the outbox (and as a file in the local
// mailbox), the link, the new password, and every way a link can be refused.

const { prisma } = await import('~/utils/db.server.ts')
const { hashPassword, verifyPassword, MAX_PASSWORD_LENGTH } = await import('~/utils/password.server.ts')
const { PASSWORD_POLICY } = await import('~/domain/password-policy.ts')
const { issuePasswordLink, redeemPasswordLink } = await import('~/models/password-reset.server.ts')
const { getStaffSession } = await import('~/services/auth.server.ts')
const { startOutboxWorker } = await import('~/integrations/outbox-worker.server.ts')
const { createMailer, readMailbox } = await import('~/integrations/mailer.server.ts')
const forgot = await import('~/routes/staff+/_auth+/forgot-password.tsx')
const reset = await import('~/routes/staff+/_auth+/reset-password.$token.tsx')
const login = await import('~/routes/staff+/_auth+/login.tsx')

const OLD_PASSWORD = 'the-old-staff-password'
const NEW_PASSWORD = 'a brand new passphrase'
let oldHash: string
let clients = 0

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	oldHash = await hashPassword(OLD_PASSWORD)
})

/** Each test asks from its own client address, so the per-address limit is tested on purpose only. */
function fromClient(ip = `192.0.2.${++clients}`) {
	return <Args extends { context: object }, Answer>(fn: (args: Args) => Answer) =>
		(args: Args) =>
			fn({ ...args, context: { ...args.context, clientIp: ip } })
}

function post(path: string, form: Record<string, string>) {
	return new Request(`http://localhost${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	})
}

async function staffWithPassword(role: 'officer' | 'manager' = 'officer') {
	const staff = await createStaff(role)
	await prisma.staffUser.update({ where: { id: staff.id }, data: { passwordHash: oldHash } })
	return staff
}

async function askForLink(email: string, client = fromClient()) {
	return runRoute(client(forgot.action), post('/staff/forgot-password', { email }))
}

/** The emails to this address in the outbox, as they will be sent (their links' tokens put in). */
async function outboxFor(email: string) {
	const rows = await prisma.outboxMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: 'asc' } })
	return rows.map(asSent)
}

function linkIn(text: string) {
	const match = /https:\/\/fostering\.northdale\.example\/staff\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)
	expect(match, 'a reset link in the email').not.toBeNull()
	return { url: match![0], token: match![1]! }
}

describe('asking for a link', () => {
	test('a known address gets an email with a one-hour link; only the token’s hash is stored', async () => {
		const staff = await staffWithPassword()
		const answer = await askForLink(` ${staff.email.toUpperCase()} `)
		expect(answer.status).toBe(303)
		expect(answer.location).toBe('/staff/forgot-password?sent')

		const [email] = await outboxFor(staff.email)
		expect(email).toMatchObject({
			template: 'password-reset',
			status: 'pending',
			subject: expect.stringContaining('Reset your'),
		})
		const { token } = linkIn(email!.text)
		const stored = await prisma.passwordReset.findMany({ where: { userId: staff.id } })
		expect(stored).toHaveLength(1)
		expect(stored[0]!.id).toBe(crypto.createHash('sha256').update(token).digest('hex'))
		expect(JSON.stringify(stored)).not.toContain(token)
		expect(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()).toBe(60 * 60_000)

		const page = await runRoute(forgot.loader, new Request('http://localhost/staff/forgot-password?sent'))
		expect(page.data).toEqual({ sent: true })
	})

	test('an unknown or turned-off address gets the same answer, and nothing is sent', async () => {
		const before = await prisma.outboxMessage.count()
		const unknown = await askForLink('nobody.here@northdale.example')
		const off = await staffWithPassword()
		await prisma.staffUser.update({ where: { id: off.id }, data: { disabledAt: new Date() } })
		const disabled = await askForLink(off.email)
		for (const answer of [unknown, disabled]) {
			expect(answer.status).toBe(303)
			expect(answer.location).toBe('/staff/forgot-password?sent')
		}
		expect(await prisma.outboxMessage.count()).toBe(before)
	})

	test('a missing or malformed address is asked for again in GOV.UK words', async () => {
		const missing = await askForLink('')
		expect(missing.status).toBe(400)
		expect(missing.data.errors).toEqual([{ field: 'email', message: 'Enter your email address' }])
		const malformed = await askForLink('not an email')
		expect(malformed.data.errors[0].message).toBe('Enter an email address in the correct format, like name@example.com')
	})

	test('one address gets at most 3 links an hour, silently; one client may ask 10 times in 15 minutes', async () => {
		// 90 seconds into a 15-minute window (they start at whole multiples of 15 minutes since 1970).
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(Date.parse('2026-12-07T10:01:30Z'))
		onTestFinished(() => {
			vi.useRealTimers()
		})
		const staff = await staffWithPassword()
		for (let i = 0; i < 5; i += 1) {
			const answer = await askForLink(staff.email)
			expect(answer.location).toBe('/staff/forgot-password?sent')
		}
		expect(await outboxFor(staff.email)).toHaveLength(3)

		const client = fromClient('198.51.100.7')
		for (let i = 0; i < 10; i += 1)
			expect((await askForLink(`someone.${i}@northdale.example`, client)).status).toBe(303)
		const refused = await askForLink('someone.else@northdale.example', client)
		// 10 asked 90 s into the window count as 10 × (1 − 90/900) = 9 when 15 minutes have gone by
		// (90 s into the next window): room for one more.
		expect(refused.status).toBe(429)
		expect(refused.data).toEqual({
			errors: [{ message: 'You have asked for too many links. Wait 15 minutes, then try again.' }],
			email: 'someone.else@northdale.example',
		})
		expect(refused.headers.get('Retry-After')).toBe('900')
		// Another client is not held up.
		expect((await askForLink('someone.else@northdale.example')).status).toBe(303)
	})
})

describe('using the link', () => {
	test('end to end through the mailbox: a new password, every old session ended', async () => {
		const staff = await staffWithPassword()
		const oldSession = await signIn(staff)
		await askForLink(staff.email)

		// The real outbox worker writes the email to this test's mailbox directory.
		const mailer = createMailer({
			mailboxDir: process.env.MAILBOX_DIR!,
			from: 'Fostering <no-reply@northdale.example>',
		})
		const worker = startOutboxWorker({ mailer, pollMs: 50 })
		let delivered: Awaited<ReturnType<typeof readMailbox>> = []
		for (let i = 0; i < 100 && delivered.length === 0; i += 1) {
			await new Promise((resolve) => setTimeout(resolve, 50))
			delivered = (await readMailbox(process.env.MAILBOX_DIR!)).filter((message) => message.to.includes(staff.email))
		}
		await worker.stop()
		expect(delivered).toHaveLength(1)
		const { token } = linkIn(delivered[0]!.text!)

		const page = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${token}`), { token })
		expect(page.status).toBe(200)
		expect(page.data).toEqual({ usable: true, name: staff.name, email: staff.email })

		const saved = await runRoute(
			reset.action,
			post(`/staff/reset-password/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
			{ token }
		)
		expect(saved.status).toBe(303)
		expect(saved.location).toBe('/staff/login?passwordSet')

		const user = await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })
		expect(await verifyPassword(NEW_PASSWORD, user.passwordHash!)).toBe(true)
		expect(await verifyPassword(OLD_PASSWORD, user.passwordHash!)).toBe(false)
		expect(await getStaffSession(staffRequest('/staff', oldSession))).toBeNull()

		const signInPage = await runRoute(login.loader, new Request('http://localhost/staff/login?passwordSet'))
		expect(signInPage.data.passwordSet).toBe(true)
		const signedIn = await runRoute(login.action, post('/staff/login', { email: staff.email, password: NEW_PASSWORD }))
		expect(signedIn.status).toBe(303)
	})

	test('works once: the same link again shows the page for a used link and changes nothing', async () => {
		const staff = await staffWithPassword()
		await askForLink(staff.email)
		const { token } = linkIn((await outboxFor(staff.email))[0]!.text)
		const first = await runRoute(
			reset.action,
			post(`/staff/reset-password/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
			{ token }
		)
		expect(first.status).toBe(303)
		const hashAfterFirst = (await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash

		const again = await runRoute(
			reset.action,
			post(`/staff/reset-password/${token}`, { password: 'yet another passphrase', confirm: 'yet another passphrase' }),
			{ token }
		)
		expect(again.status).toBe(410)
		expect(again.data).toEqual({ invalid: true })
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(hashAfterFirst)
		const page = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${token}`), { token })
		expect(page.status).toBe(410)
	})

	test('a reset link expires after an hour; a new account’s after 7 days', async () => {
		const staff = await staffWithPassword()
		const issuedAt = new Date('2026-01-10T09:00:00Z')
		await issuePasswordLink({ userId: staff.id, kind: 'reset', now: issuedAt })
		const { token } = linkIn((await outboxFor(staff.email)).at(-1)!.text)
		const hash = await hashPassword(NEW_PASSWORD)
		expect(await redeemPasswordLink({ token, passwordHash: hash, now: new Date('2026-01-10T10:00:00Z') })).toBe(false)
		expect(await redeemPasswordLink({ token, passwordHash: hash, now: new Date('2026-01-10T09:59:59Z') })).toBe(true)

		const newcomer = await createStaff('officer')
		await issuePasswordLink({ userId: newcomer.id, kind: 'welcome', now: issuedAt })
		const welcome = linkIn((await outboxFor(newcomer.email)).at(-1)!.text)
		expect(
			await redeemPasswordLink({ token: welcome.token, passwordHash: hash, now: new Date('2026-01-17T09:00:00Z') })
		).toBe(false)
		expect(
			await redeemPasswordLink({ token: welcome.token, passwordHash: hash, now: new Date('2026-01-17T08:59:59Z') })
		).toBe(true)

		// The page today, long after the hour: the clear "expired" page.
		const stale = await staffWithPassword()
		await issuePasswordLink({
			userId: stale.id,
			kind: 'reset',
			now: new Date(Date.now() - 61 * 60_000),
		})
		const old = linkIn((await outboxFor(stale.email)).at(-1)!.text)
		const page = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${old.token}`), {
			token: old.token,
		})
		expect(page.status).toBe(410)
		expect(page.data).toEqual({ usable: false })
	})

	test('a new link replaces the older one', async () => {
		const staff = await staffWithPassword()
		await prisma.staffUser.update({ where: { id: staff.id }, data: { email: `replaced.${staff.email}` } })
		const email = `replaced.${staff.email}`
		await askForLink(email)
		await askForLink(email)
		const [older, newer] = await outboxFor(email)
		const first = linkIn(older!.text).token
		const second = linkIn(newer!.text).token
		expect(first).not.toBe(second)
		const olderPage = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${first}`), {
			token: first,
		})
		expect(olderPage.status).toBe(404)
		const newerPage = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${second}`), {
			token: second,
		})
		expect(newerPage.status).toBe(200)
	})

	test('an unknown or malformed token shows the same clear page', async () => {
		for (const token of ['A'.repeat(43), 'not-a-token', '../../etc']) {
			const page = await runRoute(reset.loader, new Request('http://localhost/staff/reset-password/x'), { token })
			expect(page.status).toBe(404)
			expect(page.data).toEqual({ usable: false })
		}
	})

	test('the new password must follow the rules, in GOV.UK words; the link stays usable meanwhile', async () => {
		const staff = await staffWithPassword()
		await askForLink(staff.email)
		const { token } = linkIn((await outboxFor(staff.email))[0]!.text)
		const attempt = (password: string, confirm = password) =>
			runRoute(reset.action, post(`/staff/reset-password/${token}`, { password, confirm }), { token })

		expect((await attempt('short')).data.errors).toEqual([
			{ field: 'password', message: 'Password must be 12 characters or more' },
		])
		expect((await attempt('fostering-demo-2026')).data.errors[0].message).toMatch(/widely known/)
		expect((await attempt(staff.email)).data.errors[0].message).toBe('Password must not be your email address')
		expect((await attempt(NEW_PASSWORD, 'something else entirely')).data.errors).toEqual([
			{ field: 'confirm', message: 'The passwords do not match' },
		])
		expect((await attempt('')).status).toBe(400)
		expect(await prisma.passwordReset.count({ where: { userId: staff.id, usedAt: null } })).toBe(1)
		expect(PASSWORD_POLICY.maxLength).toBe(MAX_PASSWORD_LENGTH)
	})

	test('a link for an account turned off since is refused', async () => {
		const staff = await staffWithPassword()
		await askForLink(staff.email)
		const { token } = linkIn((await outboxFor(staff.email))[0]!.text)
		await prisma.staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } })
		const saved = await runRoute(
			reset.action,
			post(`/staff/reset-password/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
			{
				token,
			}
		)
		expect(saved.data).toEqual({ invalid: true })
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(oldHash)
	})

	test('turning an account off voids its links: turning it back on does not bring an old link back to life', async () => {
		const { changeStaffAccount } = await import('~/models/staff.server.ts')
		const admin = await createStaff('administrator')
		const staff = await staffWithPassword()
		await askForLink(staff.email)
		const { token } = linkIn((await outboxFor(staff.email))[0]!.text)
		for (const disable of [true, false]) {
			expect(
				await changeStaffAccount({ id: staff.id, actorId: admin.id, change: { disable }, now: new Date() })
			).toEqual({
				ok: true,
			})
		}
		const page = await runRoute(reset.loader, new Request(`http://localhost/staff/reset-password/${token}`), { token })
		expect(page.data).toEqual({ usable: false })
		const saved = await runRoute(
			reset.action,
			post(`/staff/reset-password/${token}`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
			{ token }
		)
		expect(saved.data).toEqual({ invalid: true })
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBe(oldHash)
	})
})

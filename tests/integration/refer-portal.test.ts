import crypto from 'node:crypto'
import { describe, expect, onTestFinished, test, vi } from 'vitest'
import { asSent } from '../support/outbox.ts'
import { createHousehold, runRoute } from '../support/staff.ts'

// The refer-a-friend portal end to end through its routes: asking for an emailed link (never
// saying whether an address is known), using it once, sessions, inviting a friend, the /r/CODE
// link, and what a carer may see of the households they referred.

const { prisma } = await import('~/utils/db.server.ts')
const { rateLimits } = await import('~/models/rate-limits.server.ts')
const { issueSignInLink, hashToken } = await import('~/models/sign-in-links.server.ts')
const { getPortalSession, startPortalSession } = await import('~/services/portal-auth.server.ts')
const { INVITATION_MESSAGES, INVITATIONS_PER_DAY } = await import('~/domain/referral-invitation.ts')
const { londonDate } = await import('~/domain/working-days.ts')
const refer = await import('~/routes/refer+/_index.tsx')
const signInPage = await import('~/routes/refer+/sign-in.$token.tsx')
const home = await import('~/routes/refer+/home.tsx')
const invite = await import('~/routes/refer+/invite.tsx')
const signOut = await import('~/routes/refer+/sign-out.tsx')
const shortLink = await import('~/routes/_enquiry+/r.$code.tsx')
const enquire = await import('~/routes/_enquiry+/enquire.tsx')

let carers = 0
let clients = 0

async function createCarer(options: { name?: string; status?: string; codeActive?: boolean } = {}) {
	carers += 1
	const email = `carer.${carers}.${crypto.randomUUID().slice(0, 6)}@example.com`
	const code = `TEST${String(carers).padStart(2, '0')}${crypto.randomUUID().slice(0, 2).toUpperCase()}`.replace(
		/[^A-Z0-9]/g,
		'X'
	)
	const carer = await prisma.carer.create({
		data: {
			name: options.name ?? `Grace Carer${carers}`,
			email,
			emailNormalized: email,
			status: options.status ?? 'active',
			approvedOn: '2024-05-01',
			referralCodes: { create: { code, active: options.codeActive ?? true } },
		},
	})
	return { ...carer, code }
}

function post(path: string, form: Record<string, string>, cookie?: string) {
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (cookie) headers.set('Cookie', cookie)
	return new Request(`http://localhost${path}`, { method: 'POST', headers, body: new URLSearchParams(form).toString() })
}

function get(path: string, cookie?: string) {
	return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

/** Runs a route as a browser at its own address, so the per-client limit is tested on purpose only. */
function fromClient(ip = `192.0.2.${++clients}`) {
	return <Args extends { context: object }, Answer>(fn: (args: Args) => Answer) =>
		(args: Args) =>
			fn({ ...args, context: { ...args.context, clientIp: ip } })
}

async function askForLink(email: string, client = fromClient()) {
	return runRoute(client(refer.action), post('/refer', { email }))
}

/** The sign-in emails to this address in the outbox, as they will be sent (their links' tokens put in). */
async function signInLinkEmailsTo(address: string) {
	const rows = await prisma.outboxMessage.findMany({ where: { toAddress: address, template: 'sign-in-carer' } })
	return rows.map(asSent)
}

function tokenIn(text: string) {
	return /\/refer\/sign-in\/([A-Za-z0-9_-]{43})/.exec(text)?.[1]
}

/** A signed-in carer: the cookie their browser would send and their forms' CSRF token. */
async function signedInCarer(carer: { id: string }) {
	const cookie = (await startPortalSession('carer', carer.id)).split(';')[0]!
	const session = await getPortalSession(get('/refer/home', cookie), 'carer')
	return { cookie, csrf: session!.csrfToken }
}

describe('asking for a sign-in link', () => {
	test('a carer gets an email with a link; only its hash is stored', async () => {
		const carer = await createCarer({ name: 'Grace Mensah' })
		const answer = await askForLink(carer.email.toUpperCase())
		expect(answer.status).toBe(303)
		expect(answer.location).toBe('/refer/check-email')

		const [email, ...more] = await signInLinkEmailsTo(carer.email)
		expect(more).toEqual([])
		expect(email!.subject).toContain('Sign in to refer a friend')
		expect(email!.text).toContain('Dear Grace Mensah,')
		const token = tokenIn(email!.text)!
		expect(token).toBeDefined()
		const links = await prisma.signInLink.findMany({ where: { subjectId: carer.id } })
		expect(links.map((link) => link.id)).toEqual([hashToken(token)])
		expect(links[0]!.audience).toBe('carer')
		// The default lifetime: 7 days.
		expect(links[0]!.expiresAt.getTime() - links[0]!.createdAt.getTime()).toBe(7 * 24 * 3600_000)
	})

	test('an unknown address, or an inactive carer, gets the same answer and nothing is sent', async () => {
		const known = await askForLink((await createCarer()).email)
		const inactive = await createCarer({ status: 'inactive' })
		const outboxBefore = await prisma.outboxMessage.count()
		const linksBefore = await prisma.signInLink.count()
		for (const address of ['nobody.here@example.com', inactive.email]) {
			const answer = await askForLink(address)
			expect({ status: answer.status, location: answer.location, data: answer.data }).toEqual({
				status: known.status,
				location: known.location,
				data: known.data,
			})
		}
		expect(await prisma.outboxMessage.count()).toBe(outboxBefore)
		expect(await prisma.signInLink.count()).toBe(linksBefore)
	})

	test('a missing or malformed address gets a GOV.UK message', async () => {
		const empty = await askForLink('  ')
		expect(empty.status).toBe(400)
		expect(empty.data.errors).toEqual([{ field: 'email', message: 'Enter your email address' }])
		const malformed = await askForLink('grace@')
		expect(malformed.data.errors[0].message).toBe('Enter an email address in the correct format, like name@example.com')
	})

	test('past the limit for one address the answer is the same but nothing more is sent', async () => {
		const carer = await createCarer()
		const answers = []
		for (let i = 0; i <= rateLimits().signInLinkPerAddress.limit; i++) answers.push(await askForLink(carer.email))
		expect(new Set(answers.map((answer) => `${answer.status} ${answer.location}`))).toEqual(
			new Set(['303 /refer/check-email'])
		)
		expect(await signInLinkEmailsTo(carer.email)).toHaveLength(rateLimits().signInLinkPerAddress.limit)
	})

	test('one client asking for too many links is told to wait', async () => {
		// 90 seconds into a 15-minute window (they start at whole multiples of 15 minutes since 1970).
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(Date.parse('2026-12-07T10:01:30Z'))
		onTestFinished(() => {
			vi.useRealTimers()
		})
		const client = fromClient('198.51.100.9')
		for (let i = 0; i < rateLimits().signInLinkPerClient.limit; i++) {
			expect((await askForLink(`probe.${i}@example.com`, client)).status).toBe(303)
		}
		const refused = await askForLink('probe.last@example.com', client)
		// 10 asked 90 s into the window count as 10 × (1 − 90/900) = 9 when 15 minutes have gone by
		// (90 s into the next window): room for one more.
		expect(refused.status).toBe(429)
		expect(refused.data).toEqual({
			errors: [{ message: 'You have asked for too many links. Wait 15 minutes, then try again.' }],
			email: 'probe.last@example.com',
		})
		expect(refused.headers.get('Retry-After')).toBe('900')
		// Another client is not held up.
		expect((await askForLink('probe.last@example.com')).status).toBe(303)
	})
})

describe('using the emailed link', () => {
	async function emailedToken(carer: { email: string }) {
		await askForLink(carer.email)
		const [email] = await signInLinkEmailsTo(carer.email)
		return tokenIn(email!.text)!
	}

	test('opening it changes nothing (mail scanners open links); pressing Sign in starts a session, once', async () => {
		const carer = await createCarer()
		const token = await emailedToken(carer)
		for (let i = 0; i < 2; i++) {
			const page = await runRoute(signInPage.loader, get(`/refer/sign-in/${token}`), { token })
			expect(page.status).toBe(200)
			expect(page.data.usable).toBe(true)
		}
		const signedIn = await runRoute(signInPage.action, post(`/refer/sign-in/${token}`, {}), { token })
		expect(signedIn.status).toBe(303)
		expect(signedIn.location).toBe('/refer/home')
		const cookie = signedIn.headers.get('Set-Cookie')!
		expect(cookie).toMatch(/^portal-carer=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/)
		const session = await getPortalSession(get('/refer/home', cookie.split(';')[0]), 'carer')
		expect(session?.subjectId).toBe(carer.id)
		// The session is stored by hash too.
		expect(await prisma.portalSession.findUnique({ where: { id: hashToken(cookie.split(/[=;]/)[1]!) } })).not.toBeNull()

		const again = await runRoute(signInPage.action, post(`/refer/sign-in/${token}`, {}), { token })
		expect(again.status).toBe(410)
		expect(again.headers.get('Set-Cookie')).toBeNull()
		expect((await runRoute(signInPage.loader, get(`/refer/sign-in/${token}`), { token })).status).toBe(410)
	})

	test('an expired link, an unknown one, or one for an inactive carer signs nobody in', async () => {
		const carer = await createCarer()
		const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600_000)
		const expired = await prisma.$transaction((tx) =>
			issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: eightDaysAgo })
		)
		expect((await runRoute(signInPage.loader, get('/'), { token: expired })).status).toBe(410)
		expect((await runRoute(signInPage.action, post('/', {}), { token: expired })).status).toBe(410)

		const unknown = crypto.randomBytes(32).toString('base64url')
		expect((await runRoute(signInPage.loader, get('/'), { token: unknown })).status).toBe(404)
		expect((await runRoute(signInPage.action, post('/', {}), { token: unknown })).status).toBe(410)

		const turnedOff = await emailedToken(carer)
		await prisma.carer.update({ where: { id: carer.id }, data: { status: 'inactive' } })
		expect((await runRoute(signInPage.action, post('/', {}), { token: turnedOff })).status).toBe(410)
	})

	test('using one link retires the carer’s other unused links', async () => {
		const carer = await createCarer()
		const [first, second] = await prisma.$transaction(async (tx) => [
			await issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: new Date() }),
			await issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: new Date() }),
		])
		expect((await runRoute(signInPage.action, post('/', {}), { token: second! })).status).toBe(303)
		expect((await runRoute(signInPage.action, post('/', {}), { token: first! })).status).toBe(410)
	})

	test('links and sessions that ran out are removed when the person gets new ones', async () => {
		const carer = await createCarer()
		const longAgo = new Date(Date.now() - 30 * 24 * 3600_000)
		await prisma.$transaction((tx) => issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: longAgo }))
		await startPortalSession('carer', carer.id, longAgo)
		const token = await prisma.$transaction((tx) =>
			issueSignInLink(tx, { audience: 'carer', subjectId: carer.id, now: new Date() })
		)
		expect(await prisma.signInLink.findMany({ where: { subjectId: carer.id }, select: { id: true } })).toEqual([
			{ id: hashToken(token) },
		])
		await runRoute(signInPage.action, post('/', {}), { token })
		expect(await prisma.portalSession.count({ where: { subjectId: carer.id } })).toBe(1)
	})

	test('a link for another audience does not sign anyone in as a carer', async () => {
		const carer = await createCarer()
		const token = await prisma.$transaction((tx) =>
			issueSignInLink(tx, { audience: 'applicant', subjectId: carer.id, now: new Date() })
		)
		expect((await runRoute(signInPage.loader, get('/'), { token })).status).toBe(404)
		expect((await runRoute(signInPage.action, post('/', {}), { token })).status).toBe(410)
	})
})

describe('portal sessions', () => {
	test('the portal needs a session; without one it goes to /refer', async () => {
		const answer = await runRoute(home.loader, get('/refer/home'))
		expect(answer.status).toBe(303)
		expect(answer.location).toBe('/refer')
		const stale = await runRoute(home.loader, get('/refer/home', 'portal-carer=not-a-real-session'))
		expect(stale.location).toBe('/refer')
		expect(stale.headers.get('Set-Cookie')).toContain('Max-Age=0')
	})

	test('a session ends after 2 hours idle, or when staff turn the carer inactive', async () => {
		const carer = await createCarer()
		const { cookie } = await signedInCarer(carer)
		const request = get('/refer/home', cookie)
		expect(await getPortalSession(request, 'carer', new Date(Date.now() + 119 * 60_000))).not.toBeNull()
		expect(await getPortalSession(request, 'carer', new Date(Date.now() + 4 * 3600_000))).toBeNull()

		const other = await createCarer()
		const signedIn = await signedInCarer(other)
		await prisma.carer.update({ where: { id: other.id }, data: { status: 'inactive' } })
		expect((await runRoute(home.loader, get('/refer/home', signedIn.cookie))).location).toBe('/refer')
	})

	test('signing out needs the session’s CSRF token, then ends the session', async () => {
		const carer = await createCarer()
		const { cookie, csrf } = await signedInCarer(carer)
		expect((await runRoute(signOut.action, post('/refer/sign-out', {}, cookie))).status).toBe(403)
		const out = await runRoute(signOut.action, post('/refer/sign-out', { csrf }, cookie))
		expect(out.status).toBe(303)
		expect(out.location).toBe('/refer?signedOut')
		expect(out.headers.get('Set-Cookie')).toContain('Max-Age=0')
		expect(await getPortalSession(get('/', cookie), 'carer')).toBeNull()
	})
})

describe('the portal home', () => {
	test('shows the personal link, the code and an empty list', async () => {
		const carer = await createCarer({ name: 'Grace Mensah' })
		const { cookie } = await signedInCarer(carer)
		const page = await runRoute(home.loader, get('/refer/home', cookie))
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			name: 'Grace Mensah',
			code: carer.code,
			link: `https://fostering.northdale.example/r/${carer.code}`,
			total: 0,
			referrals: [],
		})
	})
})

describe('what a carer sees of the households they referred', () => {
	const SECRETS = ['Siobhán', 'Secretname', '07700', '@example.com', 'LS1', 'HH-', 'ENQ-']

	async function refer(
		carerId: string,
		household: { id: string },
		options: { status?: string; referredOn?: string } = {}
	) {
		const scheme = await prisma.bonusScheme.findFirstOrThrow()
		return prisma.referral.create({
			data: {
				referrerId: carerId,
				householdId: household.id,
				via: 'link',
				referredOn: options.referredOn ?? '2026-01-10',
				status: options.status ?? 'counted',
				countedHouseholdId: (options.status ?? 'counted') === 'counted' ? household.id : null,
				ineligibleReason: options.status === 'not_eligible' ? 'recent_contact' : null,
				schemeId: scheme.id,
			},
		})
	}

	test('only the date, a privacy-safe step and what was paid to them: never names, contacts, stages or reasons', async () => {
		const carer = await createCarer()
		const otherCarer = await createCarer()
		// Reached Stage 2, then left the process with a reason.
		const left = await createHousehold({
			stage: 'stage_2',
			firstName: 'Siobhán',
			lastName: 'Secretname',
			enquiredOn: '2026-01-10',
		})
		const reason = await prisma.exitReason.findFirstOrThrow()
		await prisma.stageEvent.create({
			data: {
				householdId: left.id,
				kind: 'exit',
				fromStage: 'stage_2',
				businessDate: '2026-03-01',
				exitReasonId: reason.id,
			},
		})
		await prisma.household.update({ where: { id: left.id }, data: { stage: 'initial_contact' } })
		await refer(carer.id, left, { referredOn: '2026-01-10' })
		// Approved, one bonus paid to this carer and one still approved (not paid).
		const approved = await createHousehold({
			stage: 'approved',
			firstName: 'Siobhán',
			lastName: 'Secretname',
			enquiredOn: '2025-06-01',
		})
		const referral = await refer(carer.id, approved, { referredOn: '2025-06-01' })
		await prisma.bonusEntry.create({
			data: {
				referralId: referral.id,
				milestone: 'approved',
				payeeId: carer.id,
				amountPence: 25_000,
				status: 'paid',
				paidOn: '2026-02-01',
			},
		})
		await prisma.bonusEntry.create({
			data: {
				referralId: referral.id,
				milestone: 'placement',
				payeeId: carer.id,
				amountPence: 25_000,
				status: 'approved',
			},
		})
		// Not eligible (in contact recently): still theirs to follow, without the reason.
		const recent = await createHousehold({
			stage: 'enquiry',
			firstName: 'Siobhán',
			lastName: 'Secretname',
			enquiredOn: '2026-02-02',
		})
		await refer(carer.id, recent, { status: 'not_eligible', referredOn: '2026-02-02' })
		// Detached by staff, and another carer's referral: not shown.
		const detached = await createHousehold({ stage: 'panel', firstName: 'Siobhán', lastName: 'Secretname' })
		await refer(carer.id, detached, { status: 'detached', referredOn: '2026-02-03' })
		await refer(otherCarer.id, await createHousehold({ stage: 'approved' }), { referredOn: '2026-02-04' })

		const { cookie } = await signedInCarer(carer)
		const page = await runRoute(home.loader, get('/refer/home', cookie))
		expect(page.data.referrals).toEqual([
			{ friend: 'Used your link or code', date: '2 February 2026', progress: 'Enquired', paid: null },
			{ friend: 'Used your link or code', date: '10 January 2026', progress: 'Applied', paid: null },
			{ friend: 'Used your link or code', date: '1 June 2025', progress: 'Bonus paid', paid: '£250' },
		])
		expect(page.data.total).toBe(3)
		expect(page.data.totalPaid).toBe('£250')

		const everything = JSON.stringify(page.data)
		for (const secret of [
			...SECRETS,
			reason.label,
			reason.key,
			'recent_contact',
			'Stage 2',
			'stage_2',
			'Panel',
			'not_eligible',
		]) {
			expect(everything, `the carer's page shows "${secret}"`).not.toContain(secret)
		}
	})

	test('a long list is paged, 20 at a time', async () => {
		const carer = await createCarer()
		for (let day = 1; day <= 21; day++) {
			await refer(carer.id, await createHousehold(), { referredOn: `2026-01-${String(day).padStart(2, '0')}` })
		}
		const { cookie } = await signedInCarer(carer)
		const first = await runRoute(home.loader, get('/refer/home', cookie))
		expect(first.data).toMatchObject({ total: 21, page: 1, pages: 2 })
		expect(first.data.referrals).toHaveLength(20)
		const second = await runRoute(home.loader, get('/refer/home?page=2', cookie))
		expect(second.data.referrals).toEqual([
			{ friend: 'Used your link or code', date: '1 January 2026', progress: 'Enquired', paid: null },
		])
	})

	test('friends are told apart by the first name the carer typed, and an invitation just sent is listed', async () => {
		const carer = await createCarer({ name: 'Grace Mensah' })
		const signedIn = await signedInCarer(carer)
		const today = londonDate(new Date())
		const friends = [
			['Carol', 'carol.friend@example.com'],
			['Dev', 'dev.friend@example.com'],
		] as const
		for (const [friendName, friendEmail] of friends) {
			const sent = await runRoute(
				invite.action,
				post('/refer/invite', { csrf: signedIn.csrf, friendName, friendEmail, consent: 'yes' }, signedIn.cookie)
			)
			expect(sent.status).toBe(303)
		}
		// Carol enquires through the link, giving the service another first name and her address in capitals.
		const carol = await createHousehold({
			stage: 'application',
			firstName: 'Caroline',
			lastName: 'Secretname',
			email: 'Carol.Friend@example.com',
			enquiredOn: today,
		})
		await refer(carer.id, carol, { referredOn: today })

		const page = await runRoute(home.loader, get('/refer/home', signedIn.cookie))
		const date = page.data.referrals[0].date
		expect(page.data.referrals).toEqual([
			{ friend: 'Dev', date, progress: 'Invited by email', paid: null },
			{ friend: 'Carol', date, progress: 'Applied', paid: null },
		])
		expect(page.data.total).toBe(2)
		const everything = JSON.stringify(page.data)
		for (const secret of ['Caroline', 'Secretname', 'carol.friend', 'dev.friend']) {
			expect(everything, `the carer's page shows "${secret}"`).not.toContain(secret)
		}
	})
})

describe('inviting a friend', () => {
	const friend = { friendName: 'Siobhán', friendEmail: 'siobhan.friend@example.com', consent: 'yes' }

	async function sendInvite(signedIn: { cookie: string; csrf: string }, form: Record<string, string>) {
		return runRoute(invite.action, post('/refer/invite', { csrf: signedIn.csrf, ...form }, signedIn.cookie))
	}

	test('sends one email through the outbox with the carer’s link, and keeps only a hash of the address', async () => {
		const carer = await createCarer({ name: 'Grace Mensah' })
		const signedIn = await signedInCarer(carer)
		const sent = await sendInvite(signedIn, friend)
		expect(sent.status).toBe(303)
		expect(sent.location).toBe('/refer/home?invited')

		const emails = await prisma.outboxMessage.findMany({ where: { toAddress: friend.friendEmail } })
		expect(emails).toHaveLength(1)
		expect(emails[0]!.template).toBe('referral-invitation')
		expect(emails[0]!.subject).toContain('Grace thinks you could foster')
		expect(emails[0]!.text).toContain(`https://fostering.northdale.example/r/${carer.code}`)
		expect(emails[0]!.text).not.toContain('Mensah')
		const [invitation] = await prisma.referralInvitation.findMany({ where: { carerId: carer.id } })
		expect(invitation!.friendName).toBe('Siobhán')
		expect(invitation!.friendEmailHash).toMatch(/^[0-9a-f]{64}$/)
		expect(JSON.stringify(invitation)).not.toContain('siobhan.friend')
	})

	test('refuses a second invitation to the same friend, however the address is typed', async () => {
		const carer = await createCarer()
		const signedIn = await signedInCarer(carer)
		expect((await sendInvite(signedIn, friend)).status).toBe(303)
		const again = await sendInvite(signedIn, { ...friend, friendEmail: ' Siobhan.Friend@Example.com ' })
		expect(again.status).toBe(400)
		expect(again.data.errors).toEqual([{ field: 'friendEmail', message: INVITATION_MESSAGES.alreadyInvited }])
		expect(await prisma.referralInvitation.count({ where: { carerId: carer.id } })).toBe(1)
	})

	test('refuses without the friend’s permission, and sends nothing', async () => {
		const carer = await createCarer()
		const signedIn = await signedInCarer(carer)
		const refused = await sendInvite(signedIn, { friendName: 'Jo', friendEmail: 'jo.nopermission@example.com' })
		expect(refused.status).toBe(400)
		expect(refused.data.errors).toEqual([{ field: 'consent', message: INVITATION_MESSAGES.consentMissing }])
		expect(await prisma.outboxMessage.count({ where: { toAddress: 'jo.nopermission@example.com' } })).toBe(0)
	})

	test(`stops at ${INVITATIONS_PER_DAY} a day`, async () => {
		const carer = await createCarer()
		const signedIn = await signedInCarer(carer)
		for (let i = 0; i < INVITATIONS_PER_DAY; i++) {
			expect((await sendInvite(signedIn, { ...friend, friendEmail: `friend.${i}@example.com` })).status).toBe(303)
		}
		const refused = await sendInvite(signedIn, { ...friend, friendEmail: 'one.too.many@example.com' })
		expect(refused.status).toBe(400)
		expect(refused.data.errors).toEqual([{ message: INVITATION_MESSAGES.tooMany }])
		// Yesterday's invitations do not count today.
		await prisma.referralInvitation.updateMany({
			where: { carerId: carer.id },
			data: { createdAt: new Date(Date.now() - 2 * 24 * 3600_000) },
		})
		expect((await sendInvite(signedIn, { ...friend, friendEmail: 'one.too.many@example.com' })).status).toBe(303)
	})

	test('needs a session and the session’s CSRF token', async () => {
		const carer = await createCarer()
		const signedIn = await signedInCarer(carer)
		expect((await runRoute(invite.action, post('/refer/invite', friend))).location).toBe('/refer')
		expect((await runRoute(invite.action, post('/refer/invite', friend, signedIn.cookie))).status).toBe(403)
	})
})

describe('the personal link /r/CODE', () => {
	test('an active code lands on a page naming the carer by first name, and keeps the code in a cookie for 30 days', async () => {
		const carer = await createCarer({ name: 'Carol Privatesurname' })
		const answer = await runRoute(shortLink.loader, get(`/r/${carer.code}`), { code: carer.code })
		expect(answer.status).toBe(200)
		expect(answer.data).toEqual({ code: carer.code, invitedBy: 'Carol', fosterWith: 'foster with Northdale' })
		expect(JSON.stringify(answer.data)).not.toContain('Privatesurname')
		// PUBLIC_URL is https in the tests, so the cookie is Secure.
		expect(answer.headers.get('Set-Cookie')).toBe(
			`referral=${carer.code}; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax; Secure`
		)
		// One carer's name is never kept for another visitor.
		expect(answer.headers.get('Cache-Control')).toBe('no-store')
		const typed = `${carer.code.slice(0, 4).toLowerCase()}-${carer.code.slice(4)}`
		expect((await runRoute(shortLink.loader, get('/'), { code: typed })).data).toMatchObject({ code: carer.code })
	})

	test('a friend who comes back later without the link finds the code in the enquiry form', async () => {
		const carer = await createCarer()
		const later = new Request('https://fostering.northdale.example/enquire', {
			headers: { Cookie: `_ga=GA1.1; referral=${carer.code.toLowerCase()}` },
		})
		expect((await runRoute(enquire.loader, later)).data).toMatchObject({ referralCode: carer.code })
		// A code in the address (another carer's link followed since) wins over the cookie.
		const linked = new Request(`https://fostering.northdale.example/enquire?ref=OTHER22`, {
			headers: { Cookie: `referral=${carer.code}` },
		})
		expect((await runRoute(enquire.loader, linked)).data).toMatchObject({ referralCode: 'OTHER22' })
		expect((await runRoute(enquire.loader, get('/enquire'))).data).toMatchObject({ referralCode: '' })
	})

	test('an unknown or inactive code, or an inactive carer’s, lands on the home page without it', async () => {
		const inactiveCode = await createCarer({ codeActive: false })
		const inactiveCarer = await createCarer({ status: 'inactive' })
		for (const code of ['NOSUCH22', inactiveCode.code, inactiveCarer.code, 'x'.repeat(200)]) {
			const answer = await runRoute(shortLink.loader, get('/'), { code })
			expect(answer.status).toBe(302)
			expect(answer.location).toBe('/')
			expect(answer.headers.get('Set-Cookie')).toBeNull()
		}
	})
})

describe('the /refer page', () => {
	const rules = (approvedPence: number) =>
		JSON.stringify({
			approvedPence,
			placementPence: approvedPence,
			placementWeeks: 12,
			welcomePence: 10_000,
			shortBreakPercent: 50,
			eligibleReferrerKinds: ['foster_carer', 'staff'],
			contactWindowMonths: 6,
		})

	test('shows the bonuses of the scheme in force today, not one that starts later', async () => {
		const page = await runRoute(refer.loader, get('/refer'))
		expect(page.data.scheme).toMatchObject({ approved: '£250', placement: '£250', placementWeeks: 12, welcome: null })
		expect(page.data.scheme.whoMayEarn).toBe('approved foster carers')

		const tomorrow = londonDate(new Date(Date.now() + 24 * 3600_000))
		await prisma.bonusScheme.create({ data: { effectiveFrom: tomorrow, rules: rules(150_000) } })
		expect((await runRoute(refer.loader, get('/refer'))).data.scheme.approved).toBe('£250')

		await prisma.bonusScheme.create({ data: { effectiveFrom: londonDate(new Date()), rules: rules(100_000) } })
		expect((await runRoute(refer.loader, get('/refer'))).data.scheme).toMatchObject({
			approved: '£1,000',
			placement: '£1,000',
			welcome: '£100',
			shortBreakPercent: 50,
			whoMayEarn: 'approved foster carers and members of staff',
		})
	})

	test('offers the way back in to a carer who is already signed in', async () => {
		const { cookie } = await signedInCarer(await createCarer())
		expect((await runRoute(refer.loader, get('/refer', cookie))).data.signedIn).toBe(true)
		expect((await runRoute(refer.loader, get('/refer'))).data.signedIn).toBe(false)
	})
})

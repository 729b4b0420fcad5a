// Staff members, signed-in requests and households for integration tests, made directly in the
// test's own database (as the epic-stack does): no argon2 hashing, no sign-in form per test.
import crypto from 'node:crypto'
import type { StaffRole } from '~/domain/staff.ts'
import type { StageKey } from '~/domain/stages.ts'
import { londonDate, startOfLondonDay } from '~/domain/working-days.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { testHouseholdIntake } from './households.ts'

const { prisma } = await import('~/utils/db.server.ts')
const auth = await import('~/services/auth.server.ts')

let people = 0

export async function createStaff(role: StaffRole = 'officer', name?: string): Promise<StaffIdentity> {
	people += 1
	const user = await prisma.staffUser.create({
		data: {
			email: `staff.${people}.${crypto.randomUUID().slice(0, 6)}@northdale.example`,
			name: name ?? `Staff Member ${people}`,
			role,
		},
	})
	return { id: user.id, email: user.email, name: user.name, role }
}

export type SignedIn = { staff: StaffIdentity; cookie: string; csrf: string }

/** A session for the staff member: the cookie to send and the CSRF token its forms carry. */
export async function signIn(staff: StaffIdentity): Promise<SignedIn> {
	const setCookie = await auth.startStaffSession(staff.id)
	const cookie = setCookie.split(';')[0]!
	const session = await auth.getStaffSession(new Request('http://localhost/', { headers: { Cookie: cookie } }))
	return { staff, cookie, csrf: session!.csrfToken }
}

export async function signedInAs(role: StaffRole = 'officer', name?: string) {
	return signIn(await createStaff(role, name))
}

/** A GET (no form) or a POST of `form` (with the session's CSRF token added) as this staff member. */
export function staffRequest(path: string, as: SignedIn | null, form?: Record<string, string | string[]>) {
	const headers = new Headers()
	if (as) headers.set('Cookie', as.cookie)
	let body: string | undefined
	if (form) {
		headers.set('Content-Type', 'application/x-www-form-urlencoded')
		const params = new URLSearchParams()
		if (as) params.append('csrf', as.csrf)
		for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) params.append(name, one)
		body = params.toString()
	}
	return new Request(`http://localhost${path}`, { method: form ? 'POST' : 'GET', headers, body })
}

/** What a handler answered. `data` is read by shape, as a browser would: each test names what it expects in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typing every route's answer would put a cast in hundreds of assertions
export type RouteAnswer = { status: number; data: any; headers: Headers; location: string | null }

/** What Remix's `data()` returns: the data with its status and headers. */
function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		'init' in value &&
		'data' in value &&
		(value as { type?: unknown }).type === 'DataWithResponseInit'
	)
}

/**
 * Runs a loader or action and gives back what a browser would get: the status, the data (or the
 * text of a thrown response) and, for redirects, where to.
 */
export async function runRoute(
	fn: (args: {
		request: Request
		context: { cspNonce: string; clientIp: string }
		params: Record<string, string>
	}) => Promise<unknown>,
	request: Request,
	params: Record<string, string> = {}
): Promise<RouteAnswer> {
	try {
		const result = await fn({ request, context: { cspNonce: '', clientIp: '127.0.0.1' }, params })
		if (result instanceof Response) {
			return {
				status: result.status,
				data: await result.text(),
				headers: result.headers,
				location: result.headers.get('Location'),
			}
		}
		if (isDataWithInit(result)) {
			return {
				status: result.init?.status ?? 200,
				data: result.data,
				headers: new Headers(result.init?.headers),
				location: null,
			}
		}
		return { status: 200, data: result, headers: new Headers(), location: null }
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return {
			status: thrown.status,
			data: await thrown.text(),
			headers: thrown.headers,
			location: thrown.headers.get('Location'),
		}
	}
}

let households = 0

/**
 * A household that enquired on `enquiredOn` (default today) and, with `stage`, moved forward one
 * stage a day from then on, as the stage machine would record it, written by the household writer
 * (tests/support/households.ts).
 */
export async function createHousehold(
	options: {
		stage?: StageKey
		firstName?: string
		lastName?: string
		email?: string
		enquiredOn?: string
		ownerId?: string | null
		route?: 'mainstream' | 'kinship'
		channel?: string
		phone?: string
		postcode?: string
	} = {}
) {
	households += 1
	const n = households
	const enquiredOn = options.enquiredOn ?? londonDate(new Date())
	// 10:00 on the day, or a minute ago if that is still to come (but not before the day began): the
	// household's events are recorded a second apart from here, and one recorded in the future would
	// sort after the change a test then makes (before 10:00 UTC, every test of a change failed).
	const latest = Math.min(Date.parse(`${enquiredOn}T10:00:00Z`), Date.now() - 60_000)
	const at = new Date(Math.max(latest, startOfLondonDay(enquiredOn).getTime()))
	const intake = testHouseholdIntake({
		id: crypto.randomUUID(),
		reference: `HH-T${String(n).padStart(5, '0')}${crypto.randomUUID().slice(0, 4).toUpperCase()}`,
		enquiryReference: `ENQ-T${String(n).padStart(5, '0')}${crypto.randomUUID().slice(0, 4).toUpperCase()}`,
		firstName: options.firstName ?? 'Sam',
		lastName: options.lastName ?? `Testhouse${n}`,
		email: options.email ?? `household.${n}.${crypto.randomUUID().slice(0, 6)}@example.com`,
		phone: options.phone ?? `07700 900${String(n).padStart(3, '0')}`,
		postcode: options.postcode ?? 'LS1 4AP',
		route: options.route,
		channel: options.channel,
		ownerId: options.ownerId,
		stage: options.stage,
		receivedAt: at,
		// One stage a day, never after today.
		movedOn: (_stage, index) => londonDate(new Date(Math.min(at.getTime() + (index + 1) * 86_400_000, Date.now()))),
		bestTimeToCall: 'anytime',
		howHeard: 'search',
	})
	const { createHouseholds } = await import('~/models/household-writer.server.ts')
	await prisma.$transaction((tx) => createHouseholds(tx, [intake]))
	return prisma.household.findUniqueOrThrow({ where: { id: intake.id } })
}

/** A FunnelFact row's fields, as a test states them (the rest take the defaults below). */
export type TestFunnelFact = Partial<Record<string, string | number | boolean | null>> & { enquiredOn: string }

/**
 * A household whose FunnelFact row is exactly `fact`: the app keeps the row in step with the
 * stage events, but a test of the figures fixes it by hand, so every figure can be worked out
 * from the facts the test states.
 */
export async function householdWithFact(
	fact: TestFunnelFact,
	options: { route?: 'mainstream' | 'kinship'; name?: string } = {}
) {
	const { id } = await createHousehold({ enquiredOn: fact.enquiredOn, route: options.route, lastName: options.name })
	await prisma.funnelFact.deleteMany({ where: { householdId: id } })
	await prisma.funnelFact.create({
		data: {
			householdId: id,
			route: options.route ?? 'mainstream',
			enquiredMonth: fact.enquiredOn.slice(0, 7),
			channelKey: 'search',
			postcodeDistrict: 'LS1',
			status: 'open',
			currentStage: 'enquiry',
			...fact,
		} as never,
	})
	return id
}

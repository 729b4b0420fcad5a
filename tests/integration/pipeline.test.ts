import { beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, addWorkingDays, londonDate } from '~/domain/working-days.ts'
import {
	createHousehold,
	createStaff,
	signIn,
	signedInAs,
	runRoute,
	staffRequest,
	type SignedIn,
} from '../support/staff.ts'

// The pipeline views' loaders against a real SQLite file: the board's counts and cards, each list
// filter narrowing what a member of staff sees, pagination, messages for a bad filter, and who may
// look at all.

const { prisma } = await import('~/utils/db.server.ts')
const board = await import('~/routes/staff+/_pipeline+/pipeline._index.tsx')
const list = await import('~/routes/staff+/_pipeline+/pipeline.list.tsx')
const mine = await import('~/routes/staff+/_pipeline+/my-households.tsx')

const today = londonDate(new Date())
const daysAgo = (days: number) => addCalendarDays(today, -days)

let officer: SignedIn
let colleague: Awaited<ReturnType<typeof createStaff>>
const ids: Record<string, string> = {}

async function setStatus(id: string, status: 'on_hold' | 'closed') {
	await prisma.household.update({ where: { id }, data: { status } })
}

beforeAll(async () => {
	officer = await signedInAs('officer', 'Olive Officer')
	colleague = await createStaff('social_worker', 'Sunil Worker')
	const add = async (key: string, options: Parameters<typeof createHousehold>[0]) => {
		ids[key] = (await createHousehold(options)).id
	}
	// Enquiry: three live (one on hold, one kinship), one closed.
	await add('oldest', { firstName: 'Ada', lastName: 'Lovelace', enquiredOn: daysAgo(30), ownerId: officer.staff.id })
	await add('held', { firstName: 'Ben', lastName: 'Holden', enquiredOn: daysAgo(20), channel: 'radio' })
	await add('kin', { firstName: 'Kim', lastName: 'Kinsella', enquiredOn: daysAgo(10), route: 'kinship' })
	await add('gone', { firstName: 'Gail', lastName: 'Gone', enquiredOn: daysAgo(5) })
	// Further on.
	await add('stage1', {
		firstName: 'Priya',
		lastName: 'Shah',
		stage: 'stage_1',
		enquiredOn: daysAgo(60),
		ownerId: colleague.id,
		email: 'priya.shah@example.com',
	})
	await add('visit', {
		firstName: 'Tom',
		lastName: 'Reed',
		stage: 'initial_visit',
		enquiredOn: daysAgo(3),
		ownerId: officer.staff.id,
		channel: 'event',
	})
	await setStatus(ids.held!, 'on_hold')
	await setStatus(ids.gone!, 'closed')
})

describe('the board', () => {
	it('counts the live households at each stage and shows the longest waiting first', async () => {
		const { status, data } = await runRoute(board.loader, staffRequest('/staff/pipeline', officer))
		expect(status).toBe(200)
		const column = (stage: string) => data.columns.find((c: { stage: string }) => c.stage === stage)
		expect(data.total).toBe(5)
		expect(column('enquiry').count).toBe(3)
		expect(column('initial_visit').count).toBe(1)
		expect(column('stage_1').count).toBe(1)
		expect(column('approved').count).toBe(0)
		expect(column('enquiry').households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Ada Lovelace',
			'Ben Holden',
			'Kim Kinsella',
		])
		const [ada, ben, kim] = column('enquiry').households
		expect(ada).toMatchObject({
			daysInStage: 30,
			ownerName: 'Olive Officer',
			status: 'open',
			kinship: false,
			// Made as the app makes households, so its first-contact clock ran out long ago.
			deadline: { key: 'first_contact', on: addWorkingDays(daysAgo(30), 1), status: 'overdue' },
		})
		expect(ben).toMatchObject({ status: 'on_hold', ownerName: null })
		expect(kim).toMatchObject({ kinship: true, daysInStage: 10 })
		expect(column('stage_1').households[0]).toMatchObject({
			ownerName: 'Sunil Worker',
			reference: expect.stringMatching(/^HH-/),
		})
		expect(data.names.stage_1).toBe('Stage 1')
	})

	it('shows one route when asked, and both for anything else', async () => {
		const kinship = await runRoute(board.loader, staffRequest('/staff/pipeline?route=kinship', officer))
		expect(kinship.data.total).toBe(1)
		expect(kinship.data.route).toBe('kinship')
		const crafted = await runRoute(board.loader, staffRequest('/staff/pipeline?route=%3Cscript%3E', officer))
		expect(crafted.data.total).toBe(5)
	})
})

async function listed(query: string, as: SignedIn = officer) {
	const { status, data } = await runRoute(list.loader, staffRequest(`/staff/pipeline/list${query}`, as))
	expect(status, JSON.stringify(data.errors)).toBe(200)
	return (data.result.households as { displayName: string }[]).map((h) => h.displayName).sort()
}

describe('the list', () => {
	it('shows the households at work by default, nearest deadline first, and says so; other orders on request', async () => {
		const { data } = await runRoute(list.loader, staffRequest('/staff/pipeline/list', officer))
		expect(data.result.total).toBe(5)
		expect(data.sort).toBe('deadline')
		// First contacts due 30, 20 and 10 days ago, then Priya's panel in months; Tom has no clock running.
		expect(data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Ada Lovelace',
			'Ben Holden',
			'Kim Kinsella',
			'Priya Shah',
			'Tom Reed',
		])
		// The old default still works when asked for: Priya has been at Stage 1 for 56 days.
		const inStage = await runRoute(list.loader, staffRequest('/staff/pipeline/list?sort=in_stage', officer))
		expect(inStage.data.result.households[0].displayName).toBe('Priya Shah')
	})

	it('narrows by each filter', async () => {
		expect(await listed('?stage=enquiry')).toEqual(['Ada Lovelace', 'Ben Holden', 'Kim Kinsella'])
		expect(await listed('?stage=stage_1&stage=initial_visit')).toEqual(['Priya Shah', 'Tom Reed'])
		expect(await listed(`?owner=${officer.staff.id}`)).toEqual(['Ada Lovelace', 'Tom Reed'])
		expect(await listed('?owner=none')).toEqual(['Ben Holden', 'Kim Kinsella'])
		expect(await listed('?channel=radio')).toEqual(['Ben Holden'])
		expect(await listed('?channel=event')).toEqual(['Tom Reed'])
		expect(await listed('?route=kinship')).toEqual(['Kim Kinsella'])
		expect(await listed('?route=mainstream&stage=enquiry')).toEqual(['Ada Lovelace', 'Ben Holden'])
		expect(await listed('?status=on_hold')).toEqual(['Ben Holden'])
		expect(await listed('?status=closed')).toEqual(['Gail Gone'])
		expect(await listed('?status=open&status=closed&stage=enquiry')).toEqual([
			'Ada Lovelace',
			'Gail Gone',
			'Kim Kinsella',
		])
		const [from, to] = [daysAgo(25), daysAgo(4)]
		const range = `from-day=${from.slice(8)}&from-month=${from.slice(5, 7)}&from-year=${from.slice(
			0,
			4
		)}&to-day=${to.slice(8)}&to-month=${to.slice(5, 7)}&to-year=${to.slice(0, 4)}`
		expect(await listed(`?${range}`)).toEqual(['Ben Holden', 'Kim Kinsella'])
		expect(await listed(`?${range}&status=closed&status=open&status=on_hold`)).toEqual([
			'Ben Holden',
			'Gail Gone',
			'Kim Kinsella',
		])
	})

	it('finds a household by name, email, phone, postcode or reference', async () => {
		const priya = await prisma.household.findUniqueOrThrow({
			where: { id: ids.stage1! },
			include: { applicants: true },
		})
		expect(await listed('?q=PRIYA+shah')).toEqual(['Priya Shah'])
		expect(await listed('?q=priya.shah%40example')).toEqual(['Priya Shah'])
		expect(await listed(`?q=${encodeURIComponent(priya.applicants[0]!.phone.replace('07700', '+44 7700'))}`)).toEqual([
			'Priya Shah',
		])
		expect(await listed(`?q=${priya.reference.toLowerCase()}`)).toEqual(['Priya Shah'])
		expect((await listed('?q=ls14ap')).length).toBe(5)
		expect(await listed('?q=nobody+by+this+name')).toEqual([])
	})

	it('sorts by newest enquiry or by name', async () => {
		const newest = await runRoute(list.loader, staffRequest('/staff/pipeline/list?sort=newest', officer))
		expect(newest.data.result.households[0].displayName).toBe('Tom Reed')
		const byName = await runRoute(list.loader, staffRequest('/staff/pipeline/list?sort=name', officer))
		expect(byName.data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Ada Lovelace',
			'Ben Holden',
			'Kim Kinsella',
			'Priya Shah',
			'Tom Reed',
		])
	})

	it('pages through 50 at a time', async () => {
		const owner = await createStaff('officer', 'Busy Officer')
		for (let i = 0; i < 52; i++)
			await createHousehold({ lastName: `Pager${String(i).padStart(2, '0')}`, ownerId: owner.id })
		const first = await runRoute(list.loader, staffRequest(`/staff/pipeline/list?owner=${owner.id}&sort=name`, officer))
		expect(first.data.result).toMatchObject({ total: 52, page: 1, pages: 2 })
		expect(first.data.result.households).toHaveLength(50)
		const second = await runRoute(
			list.loader,
			staffRequest(`/staff/pipeline/list?owner=${owner.id}&sort=name&page=2`, officer)
		)
		expect(second.data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Sam Pager50',
			'Sam Pager51',
		])
		const past = await runRoute(list.loader, staffRequest(`/staff/pipeline/list?owner=${owner.id}&page=9`, officer))
		expect(past.data.result).toMatchObject({ page: 2, pages: 2 })
	})

	it('keeps only the chosen filters in the address to share', async () => {
		const { status, location } = await runRoute(
			list.loader,
			staffRequest('/staff/pipeline/list?q=&owner=&stage=enquiry&sort=', officer)
		)
		expect(status).toBe(302)
		expect(location).toBe('/staff/pipeline/list?stage=enquiry')
	})

	it('explains a filter it cannot use instead of failing', async () => {
		const { status, data } = await runRoute(
			list.loader,
			staffRequest(
				'/staff/pipeline/list?stage=limbo&owner=nobody-at-all&channel=carrier_pigeon&from-day=31&from-month=2&from-year=2026&q=x',
				officer
			)
		)
		expect(status).toBe(400)
		expect(data.result).toBeNull()
		expect(data.errors).toEqual([
			{ field: 'stage', message: 'Select stages from the list' },
			{ field: 'q', message: 'Search must be 2 characters or more' },
			{ field: 'from', message: 'Enquiry date from must be a real date' },
			{ field: 'owner', message: 'Select an owner from the list' },
			{ field: 'channel', message: 'Select a channel from the list' },
		])
		expect(data.values.q).toBe('x')
	})
})

describe('my households', () => {
	it('shows only the signed-in officer’s households, with the same filters', async () => {
		const { data } = await runRoute(mine.loader, staffRequest('/staff/my-households', officer))
		expect(data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Ada Lovelace',
			'Tom Reed',
		])
		// An owner in the URL cannot widen it to someone else's.
		const widened = await runRoute(
			mine.loader,
			staffRequest(`/staff/my-households?owner=${colleague.id}&stage=enquiry`, officer)
		)
		expect(widened.data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual(['Ada Lovelace'])
		const someoneElse = await signIn(colleague)
		const theirs = await runRoute(mine.loader, staffRequest('/staff/my-households', someoneElse))
		expect(theirs.data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual(['Priya Shah'])
	})
})

describe('my households, with an owner in the URL', () => {
	it('is not refused for an owner filter the page does not have', async () => {
		// An old bookmark of the list, or a crafted link: the page has no owner field to correct.
		const { status, data } = await runRoute(
			mine.loader,
			staffRequest('/staff/my-households?owner=no+such+person', officer)
		)
		expect(status).toBe(200)
		expect(data.errors).toEqual([])
		expect(data.result.households.map((h: { displayName: string }) => h.displayName)).toEqual([
			'Ada Lovelace',
			'Tom Reed',
		])
	})
})

describe('who may look', () => {
	const pages = [
		['the board', board.loader, '/staff/pipeline'],
		['the list', list.loader, '/staff/pipeline/list'],
		['my households', mine.loader, '/staff/my-households'],
	] as const

	it.each(pages)('%s refuses read-only staff and administrators', async (_name, loader, path) => {
		for (const role of ['read_only', 'administrator'] as const) {
			const { status } = await runRoute(loader, staffRequest(path, await signedInAs(role)))
			expect(status, role).toBe(403)
		}
		for (const role of ['manager', 'social_worker'] as const) {
			const { status } = await runRoute(loader, staffRequest(path, await signedInAs(role)))
			expect(status, role).toBe(200)
		}
	})

	it.each(pages)('%s sends someone signed out to sign in, and back afterwards', async (_name, loader, path) => {
		const { status, location } = await runRoute(loader, staffRequest(`${path}?stage=enquiry`, null))
		expect(status).toBe(302)
		expect(location).toBe(`/staff/login?redirectTo=${encodeURIComponent(`${path}?stage=enquiry`)}`)
	})
})

describe('approved households in the list', () => {
	it('are left out unless Approved is ticked: they finished recruitment', async () => {
		await createHousehold({ firstName: 'Alma', lastName: 'Approved', stage: 'approved', enquiredOn: daysAgo(300) })
		expect(await listed('')).not.toContain('Alma Approved')
		expect(await listed('?stage=approved')).toEqual(['Alma Approved'])
	})
})

import { beforeAll, describe, expect, it } from 'vitest'
import { addCalendarDays, addMonths, addWorkingDays } from '~/domain/working-days.ts'
import { createHousehold, createStaff, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Response times made visible: the board's and list's flags, sort and filter, My work, the
// record's table of clocks and the "last Stage 1 check" action, against a real SQLite file.
// Every household is dated in the past relative to the real today, so none of this needs the
// clock moved; working days are counted with the app's own calendar.

const { prisma } = await import('~/utils/db.server.ts')
const { refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const { runStageCommand } = await import('~/models/households.server.ts')
const { today: clockToday } = await import('~/utils/clock.server.ts')
const board = await import('~/routes/staff+/_pipeline+/pipeline._index.tsx')
const list = await import('~/routes/staff+/_pipeline+/pipeline.list.tsx')
const myWork = await import('~/routes/staff+/_pipeline+/my-work.tsx')
const home = await import('~/routes/staff+/_index.tsx')
const record = await import('~/routes/staff+/_households+/households.$id._index.tsx')
const checks = await import('~/routes/staff+/_households+/households.$id.checks-received.tsx')

const today = clockToday()
const dateFields = (name: string, date: string) => ({
	[`${name}-day`]: String(Number(date.slice(8, 10))),
	[`${name}-month`]: String(Number(date.slice(5, 7))),
	[`${name}-year`]: date.slice(0, 4),
})
/** createHousehold moves one stage a day: enquiring the day before puts the last stage on `on`. */
const reachedOn = (on: string) => addCalendarDays(on, -1)

let officer: SignedIn
const ids: Record<string, string> = {}

beforeAll(async () => {
	officer = await signedInAs('officer', 'Olive Officer')
	const colleague = await createStaff('officer', 'Carl Colleague')
	const add = async (key: string, options: Parameters<typeof createHousehold>[0]) => {
		ids[key] = (await createHousehold(options)).id
	}
	// Enquired 3 working days ago and never contacted: first contact (1 working day) is overdue.
	await add('overdue', {
		firstName: 'Olga',
		lastName: 'Overdue',
		enquiredOn: addWorkingDays(today, -3),
		ownerId: officer.staff.id,
	})
	// Contacted 8 working days before the last working day (today, but Friday at a weekend): 8 of
	// the 10 days to the initial visit have gone, so at risk.
	await add('atRisk', {
		firstName: 'Rita',
		lastName: 'Risk',
		stage: 'initial_contact',
		enquiredOn: reachedOn(addWorkingDays(addWorkingDays(addWorkingDays(today, 1), -1), -8)),
		ownerId: officer.staff.id,
	})
	// Enquired and contacted today: on track.
	await add('onTrack', {
		firstName: 'Tara',
		lastName: 'Track',
		stage: 'initial_contact',
		enquiredOn: today,
		ownerId: officer.staff.id,
	})
	// Someone else's, overdue too.
	await add('theirs', {
		firstName: 'Theo',
		lastName: 'Theirs',
		enquiredOn: addWorkingDays(today, -5),
		ownerId: colleague.id,
	})
	// Mine, on hold: no deadline runs.
	await add('held', {
		firstName: 'Hal',
		lastName: 'Held',
		stage: 'initial_contact',
		enquiredOn: today,
		ownerId: officer.staff.id,
	})
	await refreshAllClocks()
	const held = await runStageCommand({
		householdId: ids.held!,
		expectedVersion: 1,
		actor: officer.staff,
		command: { type: 'hold', businessDate: today, reviewOn: addCalendarDays(today, 30) },
		audit: 'Put on hold',
	})
	expect(held.ok).toBe(true)
})

type Card = { id: string; displayName: string; deadline: { key: string; on: string; status: string } | null }

describe('the board', () => {
	it('flags each card from its nearest deadline and counts the flags in each column', async () => {
		const { data } = await runRoute(board.loader, staffRequest('/staff/pipeline', officer))
		const cards: Card[] = data.columns.flatMap((column: { households: Card[] }) => column.households)
		const card = (key: string) => cards.find((one) => one.id === ids[key])!
		expect(card('overdue').deadline).toEqual({
			key: 'first_contact',
			on: addWorkingDays(addWorkingDays(today, -3), 1),
			status: 'overdue',
		})
		expect(card('atRisk').deadline).toMatchObject({ key: 'initial_visit', status: 'at_risk' })
		expect(card('onTrack').deadline).toEqual({
			key: 'initial_visit',
			on: addWorkingDays(today, 10),
			status: 'on_track',
		})
		expect(card('held').deadline).toBeNull()
		const column = (stage: string) => data.columns.find((one: { stage: string }) => one.stage === stage)
		expect(column('enquiry')).toMatchObject({ count: 2, overdue: 2, atRisk: 0 })
		expect(column('initial_contact')).toMatchObject({ count: 3, overdue: 0, atRisk: 1 })
		expect(data.today).toBe(today)
	})
})

describe('the list', () => {
	const names = (data: { result: { households: Card[] } }) => data.result.households.map((one) => one.displayName)

	it('sorts by the nearest deadline, households with none last', async () => {
		const { data } = await runRoute(list.loader, staffRequest('/staff/pipeline/list?sort=deadline', officer))
		expect(names(data)).toEqual(['Theo Theirs', 'Olga Overdue', 'Rita Risk', 'Tara Track', 'Hal Held'])
	})

	it('filters to households at risk, overdue, or either', async () => {
		const at = async (query: string) =>
			names((await runRoute(list.loader, staffRequest(`/staff/pipeline/list?sort=deadline&${query}`, officer))).data)
		expect(await at('deadline=overdue')).toEqual(['Theo Theirs', 'Olga Overdue'])
		expect(await at('deadline=at_risk')).toEqual(['Rita Risk'])
		expect(await at('deadline=at_risk&deadline=overdue')).toEqual(['Theo Theirs', 'Olga Overdue', 'Rita Risk'])
	})

	it('answers a crafted response-time filter with a GOV.UK message', async () => {
		const { status, data } = await runRoute(list.loader, staffRequest('/staff/pipeline/list?deadline=soon', officer))
		expect(status).toBe(400)
		expect(data.errors).toEqual([{ field: 'deadline', message: 'Select at risk or overdue' }])
		expect(data.result).toBeNull()
	})
})

describe('My work', () => {
	it('groups my households and my tasks by when they are due, on hold last, and nobody else’s', async () => {
		const creator = await createStaff('manager')
		await prisma.householdTask.create({
			data: {
				householdId: ids.onTrack!,
				title: 'Book the initial visit',
				dueOn: today,
				assigneeId: officer.staff.id,
				createdById: creator.id,
			},
		})
		// Someone else's task and a finished one are not mine to do.
		await prisma.householdTask.create({
			data: {
				householdId: ids.overdue!,
				title: 'Not mine',
				dueOn: today,
				assigneeId: creator.id,
				createdById: creator.id,
			},
		})
		await prisma.householdTask.create({
			data: {
				householdId: ids.overdue!,
				title: 'Already done',
				dueOn: today,
				assigneeId: officer.staff.id,
				createdById: creator.id,
				completedAt: new Date(),
			},
		})
		const { status, data } = await runRoute(myWork.loader, staffRequest('/staff/my-work', officer))
		expect(status).toBe(200)
		const groups = Object.fromEntries(
			data.groups.map((group: { heading: string; items: { householdName: string; what: string }[] }) => [
				group.heading,
				group.items.map((item) => [item.householdName, item.what]),
			])
		)
		expect(Object.keys(groups)).toEqual(expect.arrayContaining(['Overdue', 'Due today', 'Later', 'On hold']))
		expect(Object.keys(groups).at(-1)).toBe('On hold')
		expect(groups['Overdue']).toEqual([
			['Olga Overdue', expect.stringMatching(/^First personal contact was due \w+day /)],
		])
		expect(groups['Due today']).toEqual([
			['Tara Track', expect.stringMatching(/^Task due by .+: Book the initial visit$/)],
		])
		expect(groups['Later']).toContainEqual(['Tara Track', expect.stringMatching(/^Initial visit due by /)])
		expect(groups['On hold']).toEqual([['Hal Held', expect.stringMatching(/^On hold: review by /)]])
		// Rita's visit is due in 2 working days: this week, or later over a long holiday.
		const rita = [...(groups['Due this week'] ?? []), ...(groups['Later'] ?? [])]
		expect(rita).toContainEqual(['Rita Risk', expect.stringMatching(/^Initial visit due by /)])
		expect(JSON.stringify(data.groups)).not.toMatch(/Theo Theirs|Not mine|Already done/)
		expect(data.counts).toEqual({ households: 3, onHold: 1, tasks: 1 })
	})

	it('shows officers and managers the open households nobody owns, and a manager the team’s overdue and at-risk work (ADR 031)', async () => {
		await createHousehold({ firstName: 'Una', lastName: 'Owned', enquiredOn: addWorkingDays(today, -2), ownerId: null })
		type Shared = { items: { householdName: string; ownerName: string | null; status: string | null }[]; count: number }
		const sharedOf = async (as: SignedIn) =>
			(await runRoute(myWork.loader, staffRequest('/staff/my-work', as))).data.shared as {
				unassigned: Shared | null
				team: Shared | null
			}

		const mine = await sharedOf(officer)
		expect(mine.unassigned!.items).toContainEqual(
			expect.objectContaining({ householdName: 'Una Owned', ownerName: null, status: 'overdue' })
		)
		expect(mine.unassigned!.items.map((item) => item.householdName)).not.toContain('Theo Theirs')
		expect(mine.team).toBeNull()

		const manager = await sharedOf(await signedInAs('manager', 'Maya Manager'))
		// Carl's and Olive's overdue first contacts and Rita's visit at risk; not Tara (on track) or Hal (on hold).
		expect(manager.team!.items.map((item) => [item.householdName, item.ownerName, item.status])).toEqual([
			['Theo Theirs', 'Carl Colleague', 'overdue'],
			['Olga Overdue', 'Olive Officer', 'overdue'],
			['Rita Risk', 'Olive Officer', 'at_risk'],
		])
		expect(manager.unassigned!.items.map((item) => item.householdName)).toContain('Una Owned')

		// A social worker works the households given to them: neither.
		expect(await sharedOf(await signedInAs('social_worker'))).toEqual({ unassigned: null, team: null })
	})

	it('is for staff who work on households only', async () => {
		for (const role of ['read_only', 'administrator'] as const) {
			const { status } = await runRoute(myWork.loader, staffRequest('/staff/my-work', await signedInAs(role)))
			expect(status, role).toBe(403)
		}
		const { status, location } = await runRoute(myWork.loader, staffRequest('/staff/my-work', null))
		expect(status).toBe(302)
		expect(location).toMatch(/^\/staff\/login/)
	})
})

describe('the staff home (ADR 031)', () => {
	it('counts each role’s work today, the new enquiries and the figures; read-only staff get the figures only', async () => {
		const dashboard = async (as: SignedIn) =>
			(await runRoute(home.loader, staffRequest('/staff', as))).data.dashboard as Record<string, unknown>

		// Olga overdue and Rita at risk are Olive's; Carl's Theo is overdue.
		const mine = await dashboard(officer)
		expect(mine).toMatchObject({ myWork: { overdue: 1, atRisk: 1 }, team: null })
		expect(mine.unassigned).toEqual(await prisma.household.count({ where: { status: 'open', ownerId: null } }))
		// Tara and Hal enquired today (Una, two working days ago, only on a Monday or Tuesday).
		expect(mine.newEnquiries).toBeGreaterThanOrEqual(2)
		expect(mine.firstContact).toMatchObject({ targetWorkingDays: 1 })
		expect(mine.funnel).toMatchObject({ enquired: expect.any(Number), approved: 0 })

		const manager = await dashboard(await signedInAs('manager', 'Mo Manager'))
		expect(manager.team).toEqual({ overdue: 2, atRisk: 1 })

		const readOnly = await dashboard(await signedInAs('read_only'))
		expect(readOnly).toMatchObject({ myWork: null, unassigned: null, team: null, newEnquiries: null })
		expect(readOnly.funnel).not.toBeNull()
	})
})

describe('the household record', () => {
	it('shows every clock, and the statutory panel limit on its own row', async () => {
		const enquiredOn = addCalendarDays(today, -40)
		const { id } = await createHousehold({ stage: 'application', enquiredOn })
		const { data } = await runRoute(record.loader, staffRequest(`/staff/households/${id}`, officer), { id })
		const appliedOn = addCalendarDays(enquiredOn, 3)
		expect(
			data.clocks.map((row: Record<string, unknown>) => [row.what, row.startedOn, row.target, row.deadline, row.status])
		).toEqual([
			['Enquiry to first personal contact', enquiredOn, '1 working day', addWorkingDays(enquiredOn, 1), 'met'],
			[
				'First contact to initial visit',
				addCalendarDays(enquiredOn, 1),
				'10 working days',
				addWorkingDays(addCalendarDays(enquiredOn, 1), 10),
				'met',
			],
			['Application to panel', appliedOn, '6 months', addMonths(appliedOn, 6), 'on_track'],
			['Application to panel: statutory limit', appliedOn, '8 months', addMonths(appliedOn, 8), 'on_track'],
		])
	})

	it('keeps the target a running clock started with after the service changes it', async () => {
		const { id } = await createHousehold({ stage: 'enquiry', enquiredOn: addCalendarDays(today, -2) })
		// The targets history: 3 working days from long ago, 1 from today.
		const before = await prisma.targetSetting.create({
			data: {
				effectiveFrom: new Date('2020-01-01T00:00:00Z'),
				targets: JSON.stringify({
					firstContactWorkingDays: 3,
					initialVisitWorkingDays: 10,
					stage1DecisionWorkingDays: 10,
					applicationToPanelMonths: 6,
					panelToDecisionWorkingDays: 7,
				}),
			},
		})
		const change = await prisma.targetSetting.create({
			data: {
				effectiveFrom: new Date(),
				targets: JSON.stringify({
					firstContactWorkingDays: 1,
					initialVisitWorkingDays: 10,
					stage1DecisionWorkingDays: 10,
					applicationToPanelMonths: 6,
					panelToDecisionWorkingDays: 7,
				}),
			},
		})
		try {
			const { data } = await runRoute(record.loader, staffRequest(`/staff/households/${id}`, officer), { id })
			expect(data.clocks[0]).toMatchObject({ what: 'Enquiry to first personal contact', target: '3 working days' })
		} finally {
			await prisma.targetSetting.deleteMany({ where: { id: { in: [before.id, change.id] } } })
		}
	})
})

describe('recording the last Stage 1 check', () => {
	const post = async (as: SignedIn, id: string, form: Record<string, string>) => {
		const { version } = await prisma.household.findUniqueOrThrow({ where: { id } })
		return runRoute(
			checks.action,
			staffRequest(`/staff/households/${id}/checks-received`, as, { version: String(version), ...form }),
			{ id }
		)
	}

	it('starts the Stage 1 decision clock, which becomes the nearest deadline', async () => {
		const { id } = await createHousehold({ stage: 'stage_1', enquiredOn: addCalendarDays(today, -30) })
		await refreshAllClocks()
		expect(await prisma.household.findUniqueOrThrow({ where: { id } })).toMatchObject({
			nextClockKey: 'application_to_panel',
		})
		const before = await runRoute(record.loader, staffRequest(`/staff/households/${id}`, officer), { id })
		expect(before.data.state.checksReceivedOn).toBeNull()
		const page = await runRoute(checks.loader, staffRequest(`/staff/households/${id}/checks-received`, officer), { id })
		expect(page.data.blocked).toBeNull()

		const answer = await post(officer, id, dateFields('businessDate', today))
		expect(answer.location).toBe(`/staff/households/${id}?done=checks-received`)
		expect(await prisma.household.findUniqueOrThrow({ where: { id } })).toMatchObject({
			nextClockKey: 'stage_1_decision',
			nextClockDeadline: addWorkingDays(today, 10),
			nextClockAtRiskOn: addWorkingDays(today, 8),
		})
		const after = await runRoute(record.loader, staffRequest(`/staff/households/${id}`, officer), { id })
		expect(after.data.state.checksReceivedOn).toBe(today)
		expect(after.data.timeline.items[0]).toMatchObject({ title: 'Last Stage 1 check received', actor: 'Olive Officer' })
		expect(after.data.clocks).toContainEqual(
			expect.objectContaining({
				what: 'Last Stage 1 check to Stage 1 decision',
				startedOn: today,
				target: '10 working days',
				status: 'on_track',
			})
		)
		const audit = await prisma.auditEntry.findFirst({
			where: { householdId: id, action: { not: 'viewed' } },
			orderBy: { at: 'desc' },
		})
		expect(audit?.detail).toMatch(/Recorded that the last Stage 1 check arrived on/)

		// Once is enough: the page says so, and a second post is refused.
		const blocked = await runRoute(checks.loader, staffRequest(`/staff/households/${id}/checks-received`, officer), {
			id,
		})
		expect(blocked.data.blocked).toMatch(/^You have already recorded that the last Stage 1 check arrived on/)
		const again = await post(officer, id, dateFields('businessDate', today))
		expect(again.status).toBe(400)
		expect(again.data.errors[0].message).toMatch(/^You have already recorded that the last Stage 1 check arrived/)
	})

	it('refuses a household not at Stage 1, a missing date, a late date without a reason and a read-only user', async () => {
		const { id: early } = await createHousehold({ stage: 'initial_visit', enquiredOn: addCalendarDays(today, -5) })
		const page = await runRoute(checks.loader, staffRequest(`/staff/households/${early}/checks-received`, officer), {
			id: early,
		})
		expect(page.data.blocked).toBe('The household has not started Stage 1')
		const notYet = await post(officer, early, dateFields('businessDate', today))
		expect(notYet.data.errors).toEqual([{ field: null, message: 'The household has not started Stage 1' }])

		const { id } = await createHousehold({ stage: 'stage_1', enquiredOn: addCalendarDays(today, -30) })
		const noDate = await post(officer, id, {})
		expect(noDate.status).toBe(400)
		expect(noDate.data.errors[0]).toMatchObject({ field: 'businessDate' })
		const late = await post(officer, id, dateFields('businessDate', addCalendarDays(today, -1)))
		expect(late.data.errors[0]).toMatchObject({ field: 'backdateReason' })

		const readOnly = await signedInAs('read_only')
		const refused = await runRoute(
			checks.action,
			staffRequest(`/staff/households/${id}/checks-received`, readOnly, {
				version: '1',
				...dateFields('businessDate', today),
			}),
			{ id }
		)
		expect(refused.status).toBe(403)
		expect(await prisma.stageEvent.count({ where: { householdId: id, kind: 'checks_received' } })).toBe(0)
	})
})

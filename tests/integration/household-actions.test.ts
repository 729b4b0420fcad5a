import { afterEach, describe, expect, test } from 'vitest'
import { addCalendarDays, londonDate } from '~/domain/working-days.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Every action on the household record, as staff would send it from its page: what is saved, what
// is refused and with which message, and that the Household row never disagrees with its events.

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements, STALE_MESSAGE } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
const routes = {
	contact: await import('~/routes/staff+/_households+/households.$id.contact.tsx'),
	move: await import('~/routes/staff+/_households+/households.$id.move.tsx'),
	stage1: await import('~/routes/staff+/_households+/households.$id.stage-1-complete.tsx'),
	hold: await import('~/routes/staff+/_households+/households.$id.hold.tsx'),
	resume: await import('~/routes/staff+/_households+/households.$id.resume.tsx'),
	close: await import('~/routes/staff+/_households+/households.$id.close.tsx'),
	reopen: await import('~/routes/staff+/_households+/households.$id.reopen.tsx'),
	owner: await import('~/routes/staff+/_households+/households.$id.owner.tsx'),
	note: await import('~/routes/staff+/_households+/households.$id.note.tsx'),
	task: await import('~/routes/staff+/_households+/households.$id.task.tsx'),
	record: await import('~/routes/staff+/_households+/households.$id._index.tsx'),
}
type RouteName = keyof typeof routes

const today = () => londonDate(new Date())
const dateFields = (name: string, date: string) => ({
	[`${name}-day`]: String(Number(date.slice(8, 10))),
	[`${name}-month`]: String(Number(date.slice(5, 7))),
	[`${name}-year`]: date.slice(0, 4),
})

async function versionOf(householdId: string) {
	return (await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).version
}

/** Posts the route's form as `as`, with the household's current version unless one is given. */
async function post(
	route: RouteName,
	as: SignedIn,
	householdId: string,
	form: Record<string, string>,
	version?: number
) {
	const path =
		route === 'record' ? `/staff/households/${householdId}?index` : `/staff/households/${householdId}/${route}`
	const body = { version: String(version ?? (await versionOf(householdId))), ...form }
	return runRoute(routes[route].action, staffRequest(path, as, body), { id: householdId })
}

const household = (id: string) =>
	prisma.household.findUniqueOrThrow({ where: { id }, include: { stageEvents: { orderBy: { recordedAt: 'asc' } } } })

afterEach(async () => {
	expect(await findStageDisagreements()).toEqual([])
	// Every action keeps the household's funnel row in step with its history.
	expect(await findFunnelFactDisagreements()).toEqual([])
})

describe('logging a contact attempt', () => {
	test('an answered call at Enquiry also records Initial contact, dated the call, in one change', async () => {
		const { id } = await createHousehold()
		const officer = await signedInAs('officer', 'Ada Officer')
		const answer = await post('contact', officer, id, {
			method: 'call',
			outcome: 'answered',
			...dateFields('date', today()),
			time: '09:30',
		})
		expect(answer.status).toBe(303)
		expect(answer.location).toBe(`/staff/households/${id}?done=contact-moved`)
		const after = await household(id)
		expect(after).toMatchObject({ stage: 'initial_contact', stageEnteredOn: today(), version: 2 })
		expect(after.stageEvents.at(-1)).toMatchObject({
			kind: 'entered',
			toStage: 'initial_contact',
			businessDate: today(),
			actorId: officer.staff.id,
		})
		expect(await prisma.contactAttempt.findMany({ where: { householdId: id } })).toMatchObject([
			{ method: 'call', outcome: 'answered', actorId: officer.staff.id },
		])
		const [entry] = await prisma.auditEntry.findMany({ where: { householdId: id, action: 'changed' } })
		expect(entry!.detail).toMatch(/^Logged a contact attempt: Phone call \(answered\) on .*; moved to Initial contact$/)
	})

	test('a call with no answer is logged but the household stays at Enquiry', async () => {
		const { id } = await createHousehold()
		const answer = await post('contact', await signedInAs('officer'), id, {
			method: 'call',
			outcome: 'no_answer',
			...dateFields('date', today()),
		})
		expect(answer.location).toBe(`/staff/households/${id}?done=contact`)
		expect((await household(id)).stage).toBe('enquiry')
		expect(await prisma.contactAttempt.count({ where: { householdId: id } })).toBe(1)
	})

	test('an answered call recorded late needs a reason; without one nothing at all is saved', async () => {
		const enquiredOn = addCalendarDays(today(), -3)
		const { id } = await createHousehold({ enquiredOn })
		const officer = await signedInAs('officer')
		const yesterday = addCalendarDays(today(), -1)
		const refused = await post('contact', officer, id, {
			method: 'visit',
			outcome: 'answered',
			...dateFields('date', yesterday),
		})
		expect(refused.status).toBe(400)
		expect(refused.data.errors).toEqual([
			{ field: 'backdateReason', message: 'Enter why you are recording a date in the past' },
		])
		expect(await prisma.contactAttempt.count({ where: { householdId: id } })).toBe(0)
		expect(await household(id)).toMatchObject({ stage: 'enquiry', version: 1 })

		const saved = await post('contact', officer, id, {
			method: 'visit',
			outcome: 'answered',
			...dateFields('date', yesterday),
			backdateReason: 'Forgot to log it',
		})
		expect(saved.status).toBe(303)
		expect((await household(id)).stageEvents.at(-1)).toMatchObject({
			businessDate: yesterday,
			backdateReason: 'Forgot to log it',
		})
	})

	test('missing answers are listed with GOV.UK messages', async () => {
		const { id } = await createHousehold()
		const answer = await post('contact', await signedInAs('officer'), id, {})
		expect(answer.status).toBe(400)
		expect(answer.data.errors.map((error: { message: string }) => error.message)).toEqual([
			'Select how you contacted them',
			'Select what happened',
			'Enter the date of the contact',
		])
	})
})

describe('moving between stages', () => {
	test('an officer moves a household on to the next stage', async () => {
		const { id } = await createHousehold({ stage: 'initial_contact' })
		const answer = await post('move', await signedInAs('officer'), id, {
			toStage: 'initial_visit',
			...dateFields('businessDate', today()),
		})
		expect(answer.location).toBe(`/staff/households/${id}?done=moved`)
		expect((await household(id)).stage).toBe('initial_visit')
		expect(await prisma.auditEntry.findFirst({ where: { householdId: id, action: 'changed' } })).toMatchObject({
			detail: expect.stringMatching(/^Moved to Initial visit, dated /),
		})
	})

	test('stages cannot be skipped, and only a manager moves a household back', async () => {
		const { id } = await createHousehold({ stage: 'application' })
		const officer = await signedInAs('officer')
		const skip = await post('move', officer, id, { toStage: 'stage_2', ...dateFields('businessDate', today()) })
		expect(skip.data.errors).toEqual([
			{ field: 'toStage', message: 'Move the household to Stage 1 first: stages cannot be skipped' },
		])
		const back = await post('move', officer, id, { toStage: 'initial_visit', ...dateFields('businessDate', today()) })
		expect(back.data.errors).toEqual([
			{ field: 'toStage', message: 'Only a manager can move a household back to an earlier stage' },
		])
		expect((await household(id)).stage).toBe('application')

		const manager = await signedInAs('manager')
		const corrected = await post('move', manager, id, {
			toStage: 'initial_visit',
			...dateFields('businessDate', today()),
		})
		expect(corrected.status).toBe(303)
		expect((await household(id)).stage).toBe('initial_visit')
	})

	test('a back-dated move needs a reason; a missing stage or date is asked for', async () => {
		const { id } = await createHousehold({ stage: 'initial_contact', enquiredOn: addCalendarDays(today(), -10) })
		const officer = await signedInAs('officer')
		const missing = await post('move', officer, id, {})
		expect(missing.data.errors).toEqual([
			{ field: 'toStage', message: 'Select a stage' },
			{ field: 'businessDate', message: 'Enter the date they reached the stage' },
		])
		const date = addCalendarDays(today(), -2)
		const noReason = await post('move', officer, id, { toStage: 'initial_visit', ...dateFields('businessDate', date) })
		expect(noReason.data.errors).toEqual([
			{ field: 'backdateReason', message: 'Enter why you are recording a date in the past' },
		])
		const withReason = await post('move', officer, id, {
			toStage: 'initial_visit',
			...dateFields('businessDate', date),
			backdateReason: 'Visit notes arrived late',
		})
		expect(withReason.status).toBe(303)
		expect(await household(id)).toMatchObject({ stage: 'initial_visit', stageEnteredOn: date })
	})

	test('Stage 1 complete closes the parallel Stage 1 while Stage 2 runs on', async () => {
		const { id } = await createHousehold({ stage: 'stage_2' })
		const answer = await post('stage1', await signedInAs('social_worker'), id, dateFields('businessDate', today()))
		expect(answer.location).toBe(`/staff/households/${id}?done=stage-1-complete`)
		expect((await household(id)).stageEvents.at(-1)).toMatchObject({ kind: 'completed', fromStage: 'stage_1' })
		const again = await post('stage1', await signedInAs('officer'), id, dateFields('businessDate', today()))
		expect(again.data.errors).toEqual([{ field: null, message: 'Stage 1 is already complete' }])
	})
})

describe('holding and resuming', () => {
	test('a hold needs a review date in the future; resume takes it off hold', async () => {
		const { id } = await createHousehold({ stage: 'initial_visit' })
		const officer = await signedInAs('officer')
		const noReview = await post('hold', officer, id, dateFields('businessDate', today()))
		expect(noReview.data.errors).toEqual([{ field: 'reviewOn', message: 'Enter the review date' }])
		const past = await post('hold', officer, id, {
			...dateFields('businessDate', today()),
			...dateFields('reviewOn', today()),
		})
		expect(past.data.errors).toEqual([{ field: 'reviewOn', message: 'Review date must be in the future' }])

		const reviewOn = addCalendarDays(today(), 30)
		const held = await post('hold', officer, id, {
			...dateFields('businessDate', today()),
			...dateFields('reviewOn', reviewOn),
		})
		expect(held.location).toBe(`/staff/households/${id}?done=held`)
		expect(await household(id)).toMatchObject({ status: 'on_hold' })
		expect((await household(id)).stageEvents.at(-1)).toMatchObject({ kind: 'hold', reviewOn })

		const moveWhileHeld = await post('move', officer, id, {
			toStage: 'application',
			...dateFields('businessDate', today()),
		})
		expect(moveWhileHeld.data.errors[0].message).toBe(
			'This household is on hold. Resume it before you change anything else'
		)

		const resumed = await post('resume', officer, id, dateFields('businessDate', today()))
		expect(resumed.location).toBe(`/staff/households/${id}?done=resumed`)
		expect(await household(id)).toMatchObject({ status: 'open', stage: 'initial_visit' })
	})
})

describe('closing and reopening', () => {
	test('closing needs a reason; the reason says who ended it', async () => {
		const { id } = await createHousehold({ stage: 'initial_visit' })
		const officer = await signedInAs('officer')
		const noReason = await post('close', officer, id, dateFields('businessDate', today()))
		expect(noReason.status).toBe(400)
		expect(noReason.data.errors).toEqual([{ field: 'exitReasonKey', message: 'Select why the household left' }])
		expect((await household(id)).status).toBe('open')

		const notApproved = await post('close', officer, id, {
			exitReasonKey: 'panel_against',
			...dateFields('businessDate', today()),
		})
		expect(notApproved.data.errors).toEqual([
			{ field: 'exitReasonKey', message: 'A household can only be not approved after Panel' },
		])

		const closed = await post('close', officer, id, {
			exitReasonKey: 'counselled_out_visit',
			...dateFields('businessDate', today()),
		})
		expect(closed.location).toBe(`/staff/households/${id}?done=closed`)
		const after = await household(id)
		expect(after.status).toBe('closed')
		const exit = await prisma.stageEvent.findFirstOrThrow({
			where: { householdId: id, kind: 'exit' },
			include: { exitReason: true },
		})
		expect(exit.exitReason).toMatchObject({ key: 'counselled_out_visit', endedBy: 'service' })
	})

	test('a retired reason is refused', async () => {
		const { id } = await createHousehold({ stage: 'initial_contact' })
		await prisma.exitReason.update({ where: { key: 'housing' }, data: { retiredAt: new Date() } })
		try {
			const answer = await post('close', await signedInAs('officer'), id, {
				exitReasonKey: 'housing',
				...dateFields('businessDate', today()),
			})
			expect(answer.data.errors[0]).toMatchObject({
				field: 'exitReasonKey',
				message: expect.stringMatching(/is no longer used/),
			})
		} finally {
			await prisma.exitReason.update({ where: { key: 'housing' }, data: { retiredAt: null } })
		}
	})

	test('an officer cannot reopen a closed household; a manager can, at the stage it left', async () => {
		const { id } = await createHousehold({ stage: 'application' })
		const officer = await signedInAs('officer')
		await post('close', officer, id, { exitReasonKey: 'timing', ...dateFields('businessDate', today()) })
		const forbidden = await post('reopen', officer, id, dateFields('businessDate', today()))
		expect(forbidden.status).toBe(403)
		const frozen = await post('move', officer, id, { toStage: 'stage_1', ...dateFields('businessDate', today()) })
		expect(frozen.data.errors[0].message).toBe(
			'This household is closed. A manager must reopen it before anything else can change'
		)

		const reopened = await post('reopen', await signedInAs('manager'), id, dateFields('businessDate', today()))
		expect(reopened.location).toBe(`/staff/households/${id}?done=reopened`)
		expect(await household(id)).toMatchObject({ status: 'open', stage: 'application' })
	})
})

describe('what the record offers, its pages and the server agree (app/domain/household-actions.ts)', () => {
	test('an officer on a household on hold: the record offers resume and close, not hold or move; their pages and posts say the same', async () => {
		const { id } = await createHousehold({ stage: 'initial_visit' })
		const officer = await signedInAs('officer')
		await post('hold', officer, id, {
			...dateFields('businessDate', today()),
			...dateFields('reviewOn', addCalendarDays(today(), 30)),
		})
		const record = await runRoute(routes.record.loader, staffRequest(`/staff/households/${id}`, officer), { id })
		expect(record.data.actions).toEqual(expect.arrayContaining(['resume', 'close']))
		expect(record.data.actions).not.toContain('hold')
		expect(record.data.actions).not.toContain('move')

		for (const [route, form] of [
			['hold', { ...dateFields('reviewOn', addCalendarDays(today(), 60)) }],
			['move', { toStage: 'application' }],
		] as const) {
			const page = await runRoute(routes[route].loader, staffRequest(`/staff/households/${id}/${route}`, officer), {
				id,
			})
			const posted = await post(route, officer, id, { ...dateFields('businessDate', today()), ...form })
			expect(posted.status).toBe(400)
			expect(posted.data.errors).toEqual([{ field: null, message: page.data.blocked }])
		}
		for (const route of ['resume', 'close'] as const) {
			const page = await runRoute(routes[route].loader, staffRequest(`/staff/households/${id}/${route}`, officer), {
				id,
			})
			expect(page.data.blocked).toBeNull()
		}
	})

	test('only a manager is offered a reopen, and only a manager’s is accepted', async () => {
		const { id } = await createHousehold({ stage: 'application' })
		const officer = await signedInAs('officer')
		await post('close', officer, id, { exitReasonKey: 'timing', ...dateFields('businessDate', today()) })
		const manager = await signedInAs('manager')
		const offered = async (as: SignedIn) =>
			(await runRoute(routes.record.loader, staffRequest(`/staff/households/${id}`, as), { id })).data.actions
		expect(await offered(officer)).not.toContain('reopen')
		expect(await offered(manager)).toContain('reopen')
		expect(
			(await runRoute(routes.reopen.loader, staffRequest(`/staff/households/${id}/reopen`, officer), { id })).status
		).toBe(403)
		const page = await runRoute(routes.reopen.loader, staffRequest(`/staff/households/${id}/reopen`, manager), { id })
		expect(page.data.blocked).toBeNull()
	})
})

describe('owners, notes and tasks', () => {
	test('assigning an owner records who had it and who has it now', async () => {
		const { id } = await createHousehold()
		const manager = await signedInAs('manager', 'Max Manager')
		const officer = await signedInAs('officer', 'Ada Officer')
		const assigned = await post('owner', manager, id, { ownerId: officer.staff.id })
		expect(assigned.location).toBe(`/staff/households/${id}?done=owner`)
		const unassigned = await post('owner', manager, id, { ownerId: '' })
		expect(unassigned.status).toBe(303)
		expect((await household(id)).ownerId).toBeNull()
		expect(
			await prisma.ownerChange.findMany({ where: { householdId: id }, orderBy: { changedAt: 'asc' } })
		).toMatchObject([
			{ fromOwnerId: null, toOwnerId: officer.staff.id, actorId: manager.staff.id },
			{ fromOwnerId: officer.staff.id, toOwnerId: null },
		])
		const same = await post('owner', manager, id, { ownerId: '' })
		expect(same.data.errors).toEqual([{ field: 'ownerId', message: 'This household is already unassigned' }])
		const stranger = await post('owner', manager, id, { ownerId: (await signedInAs('read_only')).staff.id })
		expect(stranger.data.errors).toEqual([{ field: 'ownerId', message: 'Select someone from the list' }])
		const details = (await prisma.auditEntry.findMany({ where: { householdId: id }, orderBy: { at: 'asc' } })).map(
			(e) => e.detail
		)
		expect(details).toEqual(['Assigned the household to Ada Officer', 'Made the household unassigned'])
	})

	test('a note is saved with its author, and an empty one is asked for', async () => {
		const { id } = await createHousehold()
		const officer = await signedInAs('officer')
		expect((await post('note', officer, id, { body: ' ' })).data.errors).toEqual([
			{ field: 'body', message: 'Enter the note' },
		])
		const saved = await post('note', officer, id, { body: 'Asked about short breaks' })
		expect(saved.location).toBe(`/staff/households/${id}?done=note`)
		expect(await prisma.householdNote.findMany({ where: { householdId: id } })).toMatchObject([
			{ body: 'Asked about short breaks', authorId: officer.staff.id },
		])
	})

	test('a task is added with a due date and someone to do it, then marked as done', async () => {
		const { id } = await createHousehold()
		const officer = await signedInAs('officer')
		const missing = await post('task', officer, id, {})
		expect(missing.data.errors.map((error: { field: string }) => error.field)).toEqual(['title', 'dueOn'])
		const dueOn = addCalendarDays(today(), 2)
		const added = await post('task', officer, id, {
			title: 'Call back',
			...dateFields('dueOn', dueOn),
			assigneeId: officer.staff.id,
		})
		expect(added.location).toBe(`/staff/households/${id}?done=task`)
		const task = await prisma.householdTask.findFirstOrThrow({ where: { householdId: id } })
		expect(task).toMatchObject({ title: 'Call back', dueOn, assigneeId: officer.staff.id, completedAt: null })

		const done = await post('record', officer, id, { taskId: task.id })
		expect(done.location).toBe(`/staff/households/${id}?done=task-done`)
		expect((await prisma.householdTask.findUniqueOrThrow({ where: { id: task.id } })).completedById).toBe(
			officer.staff.id
		)
		const again = await post('record', officer, id, { taskId: task.id })
		expect(again.data.errors).toEqual([{ field: null, message: '“Call back” is already done' }])
	})
})

describe('refused before anything is read or written', () => {
	test('read-only staff cannot use any action', async () => {
		const { id } = await createHousehold()
		const readOnly = await signedInAs('read_only')
		for (const route of Object.keys(routes) as RouteName[]) {
			expect((await post(route, readOnly, id, {})).status, route).toBe(403)
		}
		expect(await versionOf(id)).toBe(1)
	})

	test('a form without the CSRF token is refused', async () => {
		const { id } = await createHousehold()
		const officer = await signedInAs('officer')
		const request = staffRequest(
			`/staff/households/${id}/note`,
			{ ...officer, csrf: 'wrong-token-wrong-token-wrong-token-wrong' },
			{
				version: '1',
				body: 'Sneaky',
			}
		)
		const answer = await runRoute(routes.note.action, request, { id })
		expect(answer.status).toBe(403)
		expect(await prisma.householdNote.count({ where: { householdId: id } })).toBe(0)
	})
})

describe('two officers at once', () => {
	test('the second save, made from an older version, is refused and the first is kept', async () => {
		const { id } = await createHousehold({ stage: 'initial_contact' })
		const first = await signedInAs('officer', 'First Officer')
		const second = await signedInAs('officer', 'Second Officer')
		const seen = await versionOf(id)

		const saved = await post(
			'move',
			first,
			id,
			{ toStage: 'initial_visit', ...dateFields('businessDate', today()) },
			seen
		)
		expect(saved.status).toBe(303)
		const stale = await post(
			'close',
			second,
			id,
			{ exitReasonKey: 'timing', ...dateFields('businessDate', today()) },
			seen
		)
		expect(stale.status).toBe(409)
		expect(stale.data.errors).toEqual([{ field: null, message: STALE_MESSAGE }])
		// What the second officer typed comes back, for them to send again.
		expect(stale.data.values.exitReasonKey).toBe('timing')

		const after = await household(id)
		expect(after).toMatchObject({ stage: 'initial_visit', status: 'open', version: seen + 1 })
		expect(after.stageEvents.filter((event) => event.kind === 'exit')).toHaveLength(0)
		const staleNote = await post('note', second, id, { body: 'Written over?' }, seen)
		expect(staleNote.status).toBe(409)
		expect(await prisma.householdNote.count({ where: { householdId: id } })).toBe(0)
	})
})

import type { ActionFunctionArgs } from '@remix-run/node'
import { afterEach, describe, expect, test } from 'vitest'
import { addCalendarDays, addWorkingDays, londonDate } from '~/domain/working-days.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { createHousehold, createStaff, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Possible matches (issue 12, defect 6; docs/decisions/016): an enquiry whose email, phone or last
// name and postcode are already known gets a household of its own and a possible match; nothing on
// the known household changes until an officer says whether they are the same household. Yes
// merges them in one transaction; no leaves both. A referral on the new enquiry waits until then.

const { action: enquire } = await import('~/routes/_enquiry+/enquire.tsx')
const matchPage = await import('~/routes/staff+/_households+/households.$id.match.$matchId.tsx')
const recordPage = await import('~/routes/staff+/_households+/households.$id._index.tsx')
const listPage = await import('~/routes/staff+/_pipeline+/possible-matches.tsx')
const board = await import('~/routes/staff+/_pipeline+/pipeline._index.tsx')
const myWork = await import('~/routes/staff+/_pipeline+/my-work.tsx')
const contactPage = await import('~/routes/staff+/_households+/households.$id.contact.tsx')
const { prisma } = await import('~/utils/db.server.ts')
const { runStageCommand, findStageDisagreements } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
const { addCarer } = await import('~/models/carers.server.ts')
const { DECIDED_MESSAGE } = await import('~/models/possible-matches.server.ts')

const today = londonDate(new Date())
const manager = await createStaff('manager', 'Mina Manager')

afterEach(async () => {
	// Whatever was decided, every household's stage copy and funnel row agree with its history.
	expect(await findStageDisagreements()).toEqual([])
	expect(await findFunnelFactDisagreements()).toEqual([])
})

let ip = 0
/** The public form, as a person sends it: the new enquiry's reference and household. */
async function enquireWith(fields: Record<string, string>) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(validEnquiryFields(fields)).toString(),
	})
	const thrown = await enquire({
		request,
		context: { cspNonce: '', clientIp: `198.51.100.${++ip}` },
		params: {},
	} as ActionFunctionArgs).catch((error: unknown) => error)
	if (!(thrown instanceof Response) || thrown.status !== 303) throw new Error('the enquiry was not taken')
	const reference = new URL(thrown.headers.get('Location')!, 'http://localhost').searchParams.get('reference')!
	const enquiry = await prisma.enquiry.findUniqueOrThrow({ where: { reference } })
	return { reference, householdId: enquiry.householdId }
}

/** A household that enquired `daysAgo` and left at Enquiry a few days later, as staff record it. */
async function householdThatLeft(options: Parameters<typeof createHousehold>[0] & { daysAgo: number }) {
	const household = await createHousehold({ ...options, enquiredOn: addCalendarDays(today, -options.daysAgo) })
	const closed = await runStageCommand({
		householdId: household.id,
		expectedVersion: household.version,
		actor: manager,
		audit: 'Closed',
		command: {
			type: 'close',
			endedBy: 'household',
			exitReasonKey: 'timing',
			businessDate: addCalendarDays(today, 5 - options.daysAgo),
			backdateReason: 'Recorded from the old spreadsheet',
		},
	})
	if (!closed.ok) throw new Error(closed.error)
	return household
}

const snapshot = (id: string) =>
	prisma.household.findUniqueOrThrow({
		where: { id },
		include: {
			applicants: true,
			stageEvents: true,
			enquiries: true,
			notes: true,
			tasks: true,
			contactAttempts: true,
			referrals: true,
			funnelFact: true,
		},
	})

const matchOf = (newHouseholdId: string) => prisma.possibleMatch.findFirstOrThrow({ where: { newHouseholdId } })
const versionOf = async (id: string) => (await prisma.household.findUniqueOrThrow({ where: { id } })).version

/** The officer's answer on the match page, with the versions of the two households as shown. */
async function decide(as: SignedIn, householdId: string, matchId: string, form: Record<string, string>) {
	const match = await prisma.possibleMatch.findUniqueOrThrow({ where: { id: matchId } })
	const body = {
		newVersion: String(await versionOf(match.newHouseholdId)),
		existingVersion: String(await versionOf(match.existingHouseholdId)),
		...form,
	}
	return runRoute(matchPage.action, staffRequest(`/staff/households/${householdId}/match/${matchId}`, as, body), {
		id: householdId,
		matchId,
	})
}

async function newCarer(name: string) {
	const added = await addCarer({
		name,
		email: `${name.split(' ')[0]!.toLowerCase()}.${crypto.randomUUID().slice(0, 6)}@example.com`,
		phone: null,
		kind: 'foster_carer',
		approvedOn: '2023-05-01',
		shortBreakOnly: false,
		actor: manager,
	})
	if (!added.ok) throw new Error('carer not added')
	return added.carer
}

describe('a new enquiry that may be a household already known', () => {
	test('a stranger with a closed household’s email address gets a household of their own; the closed one is untouched and their referral waits', async () => {
		const carer = await newCarer('Gwen Referrer')
		const known = await householdThatLeft({ email: 'known.family@example.com', lastName: 'Original', daysAgo: 300 })
		const before = await snapshot(known.id)

		const { householdId } = await enquireWith({
			email: 'Known.Family@example.com',
			firstName: 'Sam',
			lastName: 'Stranger',
			phone: '07700 900555',
			postcode: 'M1 1AE',
			referralCode: carer.code,
		})

		// Not reopened, nothing replaced, no referral attached: exactly as it was.
		expect(await snapshot(known.id)).toEqual(before)
		// A household of its own at Enquiry, its first-contact clock running.
		expect(householdId).not.toBe(known.id)
		expect(await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
			stage: 'enquiry',
			status: 'open',
			stageEnteredOn: today,
			nextClockKey: 'first_contact',
			displayName: 'Sam Stranger',
		})
		expect(await matchOf(householdId)).toMatchObject({
			existingHouseholdId: known.id,
			matchedOn: '["email"]',
			status: 'open',
			decidedById: null,
		})
		// The referral is recorded but judged only once someone decides: it earns nothing yet.
		const referral = await prisma.referral.findFirstOrThrow({ where: { householdId }, include: { bonusEntries: true } })
		expect(referral).toMatchObject({ status: 'awaiting_match', countedHouseholdId: null, referrerId: carer.id })
		expect(referral.bonusEntries).toEqual([])
	})

	test('a phone number (however it is written) or a last name and postcode (whatever the case and spaces) match too; a first name does not', async () => {
		const known = await createHousehold({ lastName: 'McAllister', phone: '07700 900777', postcode: 'LS1 4AP' })
		const byPhone = await enquireWith({ phone: '+44 7700 900 777', lastName: 'Other', postcode: 'M1 1AE' })
		const byName = await enquireWith({ lastName: 'mcallister', postcode: 'ls14ap', phone: '01632 960999' })
		const byFirstName = await enquireWith({
			firstName: 'Sam',
			lastName: 'Unrelated',
			postcode: 'M1 1AE',
			phone: '01632 960998',
		})
		expect(await matchOf(byPhone.householdId)).toMatchObject({ existingHouseholdId: known.id, matchedOn: '["phone"]' })
		expect(await matchOf(byName.householdId)).toMatchObject({
			existingHouseholdId: known.id,
			matchedOn: '["name_postcode"]',
		})
		expect(await prisma.possibleMatch.count({ where: { newHouseholdId: byFirstName.householdId } })).toBe(0)
	})

	test('two enquiries from the same new person match each other, not themselves', async () => {
		const first = await enquireWith({ email: 'twice@example.com', phone: '07700 900888' })
		const second = await enquireWith({ email: 'twice@example.com', phone: '07700 900888', householdMembers: 'Changed' })
		expect(await prisma.possibleMatch.count({ where: { newHouseholdId: first.householdId } })).toBe(0)
		expect(await matchOf(second.householdId)).toMatchObject({
			existingHouseholdId: first.householdId,
			matchedOn: '["email","phone"]',
		})
	})

	test('staff see it on both records, on the pipeline board, in My work and in the list; read-only staff cannot open it', async () => {
		const officer = await signedInAs('officer')
		const known = await createHousehold({ email: 'seen@example.com' })
		const { householdId } = await enquireWith({ email: 'seen@example.com' })
		const match = await matchOf(householdId)

		for (const [id, side] of [
			[householdId, 'new'],
			[known.id, 'existing'],
		] as const) {
			const record = await runRoute(recordPage.loader, staffRequest(`/staff/households/${id}`, officer), { id })
			expect(record.data.possibleMatches).toMatchObject([{ id: match.id, side }])
		}
		const boardPage = await runRoute(board.loader, staffRequest('/staff/pipeline', officer))
		expect(boardPage.data.openMatches).toBeGreaterThan(0)
		expect((await runRoute(myWork.loader, staffRequest('/staff/my-work', officer))).data.openMatches).toBe(
			boardPage.data.openMatches
		)
		const list = await runRoute(listPage.loader, staffRequest('/staff/possible-matches', officer))
		expect(list.data.matches.map((row: { id: string }) => row.id)).toContain(match.id)

		const page = await runRoute(
			matchPage.loader,
			staffRequest(`/staff/households/${known.id}/match/${match.id}`, officer),
			{ id: known.id, matchId: match.id }
		)
		expect(page.status).toBe(200)
		expect(page.data.newHousehold.id).toBe(householdId)
		expect(page.data.existingHousehold.id).toBe(known.id)
		// Opening it shows both households' personal data: both audits say so.
		expect(
			await prisma.auditEntry.count({
				where: { householdId: { in: [known.id, householdId] }, detail: 'Viewed a possible match' },
			})
		).toBe(2)

		const readOnly = await signedInAs('read_only')
		const refused = await runRoute(
			matchPage.loader,
			staffRequest(`/staff/households/${known.id}/match/${match.id}`, readOnly),
			{ id: known.id, matchId: match.id }
		)
		expect(refused.status).toBe(403)
		// A match reached through a household that is not one of its two sides does not exist.
		const stranger = await createHousehold()
		expect(
			(
				await runRoute(matchPage.loader, staffRequest(`/staff/households/${stranger.id}/match/${match.id}`, officer), {
					id: stranger.id,
					matchId: match.id,
				})
			).status
		).toBe(404)
	})
})

describe('“Yes, these are the same household”', () => {
	test('merges the new household into the one that had left: reopened at Enquiry on the enquiry’s date, with everything the new one had, which is removed', async () => {
		const officer = await signedInAs('officer', 'Olu Officer')
		const carer = await newCarer('Ruth Referrer')
		const known = await householdThatLeft({ email: 'merge.me@example.com', lastName: 'Merger', daysAgo: 300 })
		const { householdId, reference } = await enquireWith({
			email: 'merge.me@example.com',
			lastName: 'Merger',
			postcode: 'LS1 4AP',
			referralCode: carer.code,
		})
		await prisma.householdNote.create({ data: { householdId, authorId: officer.staff.id, body: 'Called back later' } })
		await prisma.householdTask.create({
			data: { householdId, title: 'Send the information pack', dueOn: today, createdById: officer.staff.id },
		})
		await prisma.contactAttempt.create({
			data: { householdId, method: 'call', outcome: 'no_answer', occurredAt: new Date(), actorId: officer.staff.id },
		})
		const match = await matchOf(householdId)
		expect(JSON.parse(match.matchedOn)).toEqual(['email', 'name_postcode'])

		const answer = await decide(officer, householdId, match.id, {
			decision: 'same',
			reason: 'Spoke to them: same family',
		})
		expect(answer.status).toBe(303)
		expect(answer.location).toBe(`/staff/households/${known.id}?done=match-confirmed`)

		const kept = await snapshot(known.id)
		// Reopened at Enquiry, dated the new enquiry's day, with its first-contact clock.
		expect(kept).toMatchObject({
			status: 'open',
			stage: 'enquiry',
			stageEnteredOn: today,
			nextClockKey: 'first_contact',
		})
		expect(kept.stageEvents.at(-1)).toMatchObject({
			kind: 'reopen',
			fromStage: 'enquiry',
			toStage: 'enquiry',
			businessDate: today,
			actorId: officer.staff.id,
		})
		expect(kept.enquiries.map((enquiry) => enquiry.reference)).toContain(reference)
		expect(kept.notes.map((note) => note.body)).toContain('Called back later')
		expect(kept.tasks.map((task) => task.title)).toContain('Send the information pack')
		expect(kept.contactAttempts).toHaveLength(1)
		expect(kept.funnelFact).toMatchObject({ status: 'open', currentStage: 'enquiry', referred: true })
		// The known household's details are kept (the default), and search finds it by the new reference.
		expect(kept.applicants).toEqual(before(kept.applicants))
		expect(kept.searchText).toContain(reference.toLowerCase())
		// The duplicate is gone, with its funnel row; the match records who decided and when.
		expect(await prisma.household.count({ where: { id: householdId } })).toBe(0)
		expect(await prisma.funnelFact.count({ where: { householdId } })).toBe(0)
		expect(await prisma.possibleMatch.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({
			status: 'confirmed',
			decidedById: officer.staff.id,
			decidedAt: expect.any(Date),
			reason: 'Spoke to them: same family',
			keptDetails: 'existing',
		})
		// The audit names both ids, on the kept household's log and on the one that outlives the other.
		const keptAudit = await prisma.auditEntry.findFirstOrThrow({
			where: { householdId: known.id, actorId: officer.staff.id, action: 'changed' },
		})
		expect(keptAudit.detail).toContain(householdId)
		expect(keptAudit.detail).toContain(known.id)
		expect(keptAudit.detail).toContain('Reason: Spoke to them: same family')
		const goneAudit = await prisma.auditEntry.findFirstOrThrow({
			where: { householdId, actorId: officer.staff.id, action: 'changed' },
		})
		expect(goneAudit.detail).toContain(`Merged into ${known.reference} (household ${known.id})`)
		// The referral moved with it and was judged against the merged household: its earlier
		// enquiry was 300 days ago, outside the 6-month window, so it counts, with its ledger.
		const referral = await prisma.referral.findFirstOrThrow({
			where: { referrerId: carer.id },
			include: { bonusEntries: true },
		})
		expect(referral).toMatchObject({ householdId: known.id, status: 'counted', countedHouseholdId: known.id })
		expect(referral.bonusEntries.map((entry) => entry.status)).toEqual(['pending', 'pending'])
		// An old link to the merged household goes to the kept one.
		const old = await runRoute(recordPage.loader, staffRequest(`/staff/households/${householdId}`, officer), {
			id: householdId,
		})
		expect(old.location).toBe(`/staff/households/${known.id}?done=merged-here`)

		function before(applicants: typeof kept.applicants) {
			return applicants.map((applicant) => ({ ...applicant, lastName: 'Merger', email: 'merge.me@example.com' }))
		}
	})

	test('ends the hold of a household on hold and owes its enquirer a first contact within a working day, which a call answers (ADR 031)', async () => {
		const officer = await signedInAs('officer', 'Hana Holder')
		const known = await createHousehold({
			email: 'on.hold@example.com',
			lastName: 'Held',
			stage: 'initial_contact',
			enquiredOn: addCalendarDays(today, -12),
		})
		const held = await runStageCommand({
			householdId: known.id,
			expectedVersion: await versionOf(known.id),
			actor: manager,
			audit: 'Put on hold',
			command: {
				type: 'hold',
				reviewOn: addCalendarDays(today, 60),
				businessDate: addCalendarDays(today, -10),
				backdateReason: 'Recorded late',
			},
		})
		if (!held.ok) throw new Error(held.error)
		expect(await snapshot(known.id)).toMatchObject({ status: 'on_hold', nextClockDeadline: null })

		const { householdId } = await enquireWith({ email: 'on.hold@example.com', lastName: 'Held', postcode: 'LS1 4AP' })
		const answer = await decide(officer, householdId, (await matchOf(householdId)).id, { decision: 'same' })
		expect(answer.status).toBe(303)

		// Open again where it was, the new enquiry on its timeline, and due a first contact.
		const kept = await snapshot(known.id)
		expect(kept).toMatchObject({
			status: 'open',
			stage: 'initial_contact',
			nextClockKey: 'first_contact',
			nextClockDeadline: addWorkingDays(today, 1),
		})
		expect(kept.stageEvents.at(-1)).toMatchObject({ kind: 'returned', businessDate: today, actorId: officer.staff.id })

		const called = await runRoute(
			contactPage.action,
			staffRequest(`/staff/households/${known.id}/contact`, officer, {
				version: String(await versionOf(known.id)),
				method: 'call',
				outcome: 'answered',
				'date-day': String(Number(today.slice(8, 10))),
				'date-month': String(Number(today.slice(5, 7))),
				'date-year': today.slice(0, 4),
			}),
			{ id: known.id }
		)
		expect(called.status).toBe(303)
		const answered = await snapshot(known.id)
		expect(answered.stageEvents.at(-1)).toMatchObject({ kind: 'contacted', businessDate: today })
		// The visit's clock, which the hold paused, is the next deadline now.
		expect(answered).toMatchObject({ stage: 'initial_contact', nextClockKey: 'initial_visit' })
	})

	test('the officer may keep the new enquiry’s contact details instead', async () => {
		const officer = await signedInAs('officer')
		const known = await createHousehold({ email: 'old.address@example.com', lastName: 'Keeper', phone: '07700 900321' })
		const { householdId } = await enquireWith({
			email: 'new.address@example.com',
			firstName: 'Kay',
			lastName: 'Keeper',
			phone: '07700 900321',
			postcode: 'M1 1AE',
		})
		const match = await matchOf(householdId)
		await decide(officer, known.id, match.id, { decision: 'same', keep: 'new' })
		const kept = await snapshot(known.id)
		expect(kept.applicants).toMatchObject([
			{
				firstName: 'Kay',
				lastName: 'Keeper',
				email: 'new.address@example.com',
				emailNormalized: 'new.address@example.com',
				phone: '07700900321',
				nameKey: 'keeper|m11ae',
			},
		])
		expect(kept).toMatchObject({ postcode: 'M1 1AE', displayName: 'Kay Keeper', stage: 'enquiry' })
		// Still in the pipeline: it gained a returned, and stayed at the stage it was at.
		expect(kept.stageEvents.map((event) => event.kind)).toEqual(['entered', 'returned'])
	})

	test('a household that moved on while it waited follows on from the one that had left; one the known household’s history cannot take is noted instead', async () => {
		const officer = await signedInAs('officer')
		const left = await householdThatLeft({ email: 'moved.on@example.com', daysAgo: 200 })
		const moved = await enquireWith({ email: 'moved.on@example.com' })
		const contact = async (householdId: string) => {
			const answer = await runRoute(
				contactPage.action,
				staffRequest(`/staff/households/${householdId}/contact`, officer, {
					version: String(await versionOf(householdId)),
					method: 'call',
					outcome: 'answered',
					'date-day': String(Number(today.slice(8, 10))),
					'date-month': String(Number(today.slice(5, 7))),
					'date-year': today.slice(0, 4),
				}),
				{ id: householdId }
			)
			expect(answer.status).toBe(303)
		}
		await contact(moved.householdId)
		await decide(officer, left.id, (await matchOf(moved.householdId)).id, { decision: 'same' })
		expect(await snapshot(left.id)).toMatchObject({ stage: 'initial_contact', status: 'open', stageEnteredOn: today })
		expect((await snapshot(left.id)).stageEvents.map((event) => event.kind)).toEqual([
			'entered',
			'exit',
			'reopen',
			'entered',
		])

		const inProgress = await createHousehold({ email: 'in.progress@example.com', stage: 'initial_visit' })
		const second = await enquireWith({ email: 'in.progress@example.com' })
		await contact(second.householdId)
		await decide(officer, inProgress.id, (await matchOf(second.householdId)).id, { decision: 'same' })
		const kept = await snapshot(inProgress.id)
		expect(kept).toMatchObject({ stage: 'initial_visit', status: 'open' })
		expect(kept.contactAttempts).toHaveLength(1)
		expect(kept.notes.map((note) => note.body)).toEqual([
			expect.stringMatching(/was at Initial contact .* not carried over/),
		])
	})

	test('is refused, and nothing merged, when someone changed either household meanwhile or the match was already decided', async () => {
		const officer = await signedInAs('officer')
		const known = await createHousehold({ email: 'stale@example.com' })
		const { householdId } = await enquireWith({ email: 'stale@example.com' })
		const match = await matchOf(householdId)
		const staleVersions = {
			newVersion: String(await versionOf(householdId)),
			existingVersion: String(await versionOf(known.id)),
		}
		// A colleague adds a note to the new household after the page was drawn.
		await runStageCommand({
			householdId,
			expectedVersion: await versionOf(householdId),
			actor: manager,
			audit: 'Held',
			command: { type: 'hold', businessDate: today, reviewOn: addCalendarDays(today, 30) },
		})
		const stale = await runRoute(
			matchPage.action,
			staffRequest(`/staff/households/${known.id}/match/${match.id}`, officer, { ...staleVersions, decision: 'same' }),
			{ id: known.id, matchId: match.id }
		)
		expect(stale.status).toBe(409)
		expect(await prisma.household.count({ where: { id: householdId } })).toBe(1)
		expect(await prisma.possibleMatch.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({ status: 'open' })

		// Two officers decide at once: one merge, and the other is told it has been decided.
		const [first, second] = await Promise.all([
			decide(officer, known.id, match.id, { decision: 'same' }),
			decide(await signedInAs('officer'), known.id, match.id, { decision: 'same' }),
		])
		// The other is told someone saved first, or that it has been decided: either way, one merge.
		const statuses = [first.status, second.status].sort()
		expect(statuses[0]).toBe(303)
		expect([400, 409]).toContain(statuses[1])
		// A page left open since: told it has been decided, and nothing changes.
		const again = await runRoute(
			matchPage.action,
			staffRequest(`/staff/households/${known.id}/match/${match.id}`, officer, {
				...staleVersions,
				decision: 'different',
			}),
			{ id: known.id, matchId: match.id }
		)
		expect(again.status).toBe(400)
		expect(again.data.errors).toEqual([{ field: null, message: DECIDED_MESSAGE }])
		expect(await prisma.possibleMatch.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({
			status: 'confirmed',
		})
		expect(await prisma.stageEvent.count({ where: { householdId: known.id, kind: 'returned' } })).toBe(1)
	})
})

describe('“No, these are different households”', () => {
	test('leaves both as they were, records who and when, and judges the waiting referral as it would have been', async () => {
		const officer = await signedInAs('officer', 'Rita Rejecter')
		const carer = await newCarer('Pat Referrer')
		const known = await createHousehold({ email: 'shared.inbox@example.com', enquiredOn: addCalendarDays(today, -30) })
		const before = await snapshot(known.id)
		const { householdId } = await enquireWith({ email: 'shared.inbox@example.com', referralCode: carer.code })
		const match = await matchOf(householdId)

		const answer = await decide(officer, householdId, match.id, {
			decision: 'different',
			reason: 'Different people: a shared email',
		})
		expect(answer.location).toBe(`/staff/households/${householdId}?done=match-rejected`)
		expect(await snapshot(known.id)).toEqual({ ...before, funnelFact: before.funnelFact })
		expect(await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
			stage: 'enquiry',
			status: 'open',
		})
		expect(await prisma.possibleMatch.findUniqueOrThrow({ where: { id: match.id } })).toMatchObject({
			status: 'rejected',
			decidedById: officer.staff.id,
			decidedAt: expect.any(Date),
			reason: 'Different people: a shared email',
		})
		// Judged as a referral of a household new to the service, on the enquiry's day: it counts.
		expect(await prisma.referral.findFirstOrThrow({ where: { householdId } })).toMatchObject({
			status: 'counted',
			countedHouseholdId: householdId,
		})
		expect(await prisma.bonusEntry.count({ where: { referral: { householdId } } })).toBe(2)
		for (const id of [known.id, householdId])
			expect(
				await prisma.auditEntry.count({
					where: { householdId: id, actorId: officer.staff.id, detail: { contains: 'possible match rejected' } },
				})
			).toBe(1)
		// The notice has gone from both records.
		const record = await runRoute(recordPage.loader, staffRequest(`/staff/households/${known.id}`, officer), {
			id: known.id,
		})
		expect(record.data.possibleMatches).toEqual([])
	})

	test('an answer that is not one of the choices gets the form back with a message, and nothing changes', async () => {
		const officer = await signedInAs('officer')
		await createHousehold({ email: 'unanswered@example.com' })
		const { householdId } = await enquireWith({ email: 'unanswered@example.com' })
		const match = await matchOf(householdId)
		const answer = await decide(officer, householdId, match.id, { decision: '' })
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([{ field: 'decision', message: 'Select whether these are the same household' }])
		expect((await matchOf(householdId)).status).toBe('open')
		// Without the session's CSRF token, nothing is read.
		const forged = await runRoute(
			matchPage.action,
			new Request(`http://localhost/staff/households/${householdId}/match/${match.id}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: officer.cookie },
				body: 'decision=same',
			}),
			{ id: householdId, matchId: match.id }
		)
		expect(forged.status).toBe(403)
	})
})

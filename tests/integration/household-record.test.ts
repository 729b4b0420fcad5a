import { afterEach, describe, expect, test } from 'vitest'
import { createHousehold, createStaff, runRoute, signedInAs, signIn, staffRequest } from '../support/staff.ts'

// The household record page: who may open it, what it shows, and that every opening is audited.

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const record = await import('~/routes/staff+/_households+/households.$id._index.tsx')
const audit = await import('~/routes/staff+/_households+/households.$id.audit.tsx')

afterEach(async () => {
	expect(await findStageDisagreements()).toEqual([])
})

describe('opening a household record', () => {
	test('an officer sees the summary, the people, where they came from and the timeline; the view is audited', async () => {
		const owner = await createStaff('officer', 'Olu Owner')
		const household = await createHousehold({
			stage: 'stage_2',
			firstName: 'Priya',
			lastName: 'Shah',
			ownerId: owner.id,
		})
		await prisma.enquiry.updateMany({
			where: { householdId: household.id },
			data: {
				utmSource: 'facebook',
				utmCampaign: 'spring',
				referringSite: 'news.example',
				landingPage: '/what-fostering-involves',
			},
		})
		await prisma.outboxMessage.create({
			data: {
				template: 'enquiry-acknowledgement',
				toAddress: 'priya@example.com',
				subject: 'Thank you for your enquiry',
				html: '',
				text: '',
				status: 'sent',
				householdId: household.id,
			},
		})
		const officer = await signedInAs('officer', 'Ada Officer')

		const answer = await runRoute(
			record.loader,
			staffRequest(`/staff/households/${household.id}?done=moved`, officer),
			{
				id: household.id,
			}
		)

		expect(answer.status).toBe(200)
		const page = answer.data
		expect(page.household).toMatchObject({
			displayName: 'Priya Shah',
			stage: 'stage_2',
			status: 'open',
			route: 'mainstream',
		})
		expect(page.household.owner.name).toBe('Olu Owner')
		// createHousehold leaves Stage 1 open when it moves on to Stage 2: both run in parallel.
		expect(page.state.openStages).toEqual(['stage_1', 'stage_2'])
		expect(page.applicants[0]).toMatchObject({ firstName: 'Priya', lastName: 'Shah' })
		expect(page.enquiries[0]).toMatchObject({
			channel: 'Search engine',
			utm: ['facebook', null, 'spring', null],
			referringSite: 'news.example',
			landingPage: '/what-fostering-involves',
		})
		expect(page.done).toBe('Stage changed')
		const titles = page.timeline.items.map((item: { title: string }) => item.title)
		expect(titles).toContain('Moved to Stage 2')
		expect(titles).toContain('Email: Thank you for your enquiry')
		expect(titles).toContain('Enquiry received from the website')
		// What an officer may do to it now (app/domain/household-actions.ts): Stage 1 is open beside Stage 2.
		expect(page.actions).toEqual([
			'contact',
			'move',
			'checks_received',
			'complete_stage_1',
			'hold',
			'close',
			'owner',
			'note',
			'task',
			'complete_task',
			'referral',
			'decide_match',
		])

		const entries = await prisma.auditEntry.findMany({ where: { householdId: household.id } })
		expect(entries).toMatchObject([
			{ actorId: officer.staff.id, action: 'viewed', detail: 'Viewed the household record' },
		])
	})

	test('a read-only user cannot open a household record, and nothing is recorded as seen', async () => {
		const household = await createHousehold()
		for (const role of ['read_only', 'administrator'] as const) {
			const answer = await runRoute(
				record.loader,
				staffRequest(`/staff/households/${household.id}`, await signedInAs(role)),
				{
					id: household.id,
				}
			)
			expect(answer.status).toBe(403)
		}
		expect(await prisma.auditEntry.count({ where: { householdId: household.id } })).toBe(0)
	})

	test('signed out: sent to sign in, and back here afterwards', async () => {
		const answer = await runRoute(record.loader, staffRequest('/staff/households/abc', null), { id: 'abc' })
		expect(answer.status).toBe(302)
		expect(answer.location).toBe('/staff/login?redirectTo=%2Fstaff%2Fhouseholds%2Fabc')
	})

	test('a household that does not exist is not found', async () => {
		const answer = await runRoute(record.loader, staffRequest('/staff/households/nope', await signedInAs('officer')), {
			id: 'nope',
		})
		expect(answer.status).toBe(404)
	})

	test('a long timeline comes a page at a time', async () => {
		const household = await createHousehold()
		const author = await createStaff('officer')
		await prisma.householdNote.createMany({
			data: Array.from({ length: 60 }, (_, index) => ({
				householdId: household.id,
				authorId: author.id,
				body: `Note ${index + 1}`,
				createdAt: new Date(Date.now() + index * 1000),
			})),
		})
		const officer = await signedInAs('officer')
		const first = await runRoute(record.loader, staffRequest(`/staff/households/${household.id}`, officer), {
			id: household.id,
		})
		expect(first.data.timeline).toMatchObject({ page: 1, pages: 2, total: 62 })
		expect(first.data.timeline.items[0].details[0].value).toBe('Note 60')
		const second = await runRoute(record.loader, staffRequest(`/staff/households/${household.id}?page=2`, officer), {
			id: household.id,
		})
		const titles = second.data.timeline.items.map((item: { title: string }) => item.title)
		expect(titles).toHaveLength(12)
		expect(titles.slice(-2)).toEqual(['Started at Enquiry', 'Enquiry received from the website'])
	})
})

describe('the audit log of a household', () => {
	test('managers read who viewed and changed it, newest first', async () => {
		const household = await createHousehold()
		const officer = await signedInAs('officer', 'Ada Officer')
		await runRoute(record.loader, staffRequest(`/staff/households/${household.id}`, officer), { id: household.id })
		const manager = await signedInAs('manager', 'Max Manager')
		const answer = await runRoute(audit.loader, staffRequest(`/staff/households/${household.id}/audit`, manager), {
			id: household.id,
		})
		expect(answer.status).toBe(200)
		expect(answer.data.entries).toMatchObject([
			{ who: 'Ada Officer', role: 'Recruitment officer', action: 'Viewed', detail: 'Viewed the household record' },
		])
	})

	test('a page number past the end shows the last page, not an empty log', async () => {
		const household = await createHousehold()
		const officer = await signedInAs('officer', 'Ada Officer')
		await runRoute(record.loader, staffRequest(`/staff/households/${household.id}`, officer), { id: household.id })
		const answer = await runRoute(
			audit.loader,
			staffRequest(`/staff/households/${household.id}/audit?page=3`, await signedInAs('manager')),
			{ id: household.id }
		)
		expect(answer.data).toMatchObject({ page: 1, pages: 1, total: 1 })
		expect(answer.data.entries).toMatchObject([{ who: 'Ada Officer', action: 'Viewed' }])
	})

	test('officers cannot read it', async () => {
		const household = await createHousehold()
		const answer = await runRoute(
			audit.loader,
			staffRequest(`/staff/households/${household.id}/audit`, await signIn(await createStaff('officer'))),
			{ id: household.id }
		)
		expect(answer.status).toBe(403)
	})
})

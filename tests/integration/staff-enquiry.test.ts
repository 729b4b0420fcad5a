import { describe, expect, test } from 'vitest'
import { londonDate } from '~/domain/working-days.ts'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'
import { messagesByField } from '../support/field-errors.ts'

// An enquiry taken by phone or at an event, entered by staff: the public form's validation, the
// staff-only questions, exactly once, a known email making a possible match, the acknowledgement
// in the outbox, and who did it in the history, the owner and the audit.

const { prisma } = await import('~/utils/db.server.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements, refreshFunnelFacts } = await import('~/models/funnel-facts.server.ts')
const staffEnquiry = await import('~/routes/staff+/_pipeline+/enquiries.new.tsx')
const publicEnquiry = await import('~/routes/_enquiry+/enquire.tsx')

const today = londonDate(new Date())
const yesterday = londonDate(new Date(Date.now() - 86_400_000))
const dateFields = (date: string) => ({
	'receivedOn-day': String(Number(date.slice(8, 10))),
	'receivedOn-month': String(Number(date.slice(5, 7))),
	'receivedOn-year': date.slice(0, 4),
})

/** The staff form as posted: the public form's answers, then how and when it came in. */
function staffForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {}
	for (const [name, value] of validEnquiryFields()) {
		if (name === 'extra_comments') continue
		fields[name] = name === 'fosteringInterests' ? [...[fields[name] ?? []].flat(), value] : value
	}
	return {
		...fields,
		receivedBy: 'phone',
		eventName: '',
		...dateFields(today),
		backdateReason: '',
		channel: 'radio',
		...overrides,
	}
}

function post(as: SignedIn, form: Record<string, string | string[]>) {
	return runRoute(staffEnquiry.action, staffRequest('/staff/enquiries/new', as, form))
}

describe('who can add an enquiry', () => {
	test('managers, officers and social workers; read-only staff and administrators are refused', async () => {
		for (const role of ['manager', 'officer', 'social_worker'] as const) {
			const answer = await runRoute(staffEnquiry.loader, staffRequest('/staff/enquiries/new', await signedInAs(role)))
			expect(answer.status, role).toBe(200)
		}
		for (const role of ['read_only', 'administrator'] as const) {
			const as = await signedInAs(role)
			expect((await runRoute(staffEnquiry.loader, staffRequest('/staff/enquiries/new', as))).status, role).toBe(403)
			expect((await post(as, staffForm())).status, role).toBe(403)
		}
	})

	test('a form without the session’s CSRF token is refused and nothing is recorded', async () => {
		const officer = await signedInAs('officer')
		const form = staffForm()
		const request = staffRequest('/staff/enquiries/new', { ...officer, csrf: 'forged' }, form)
		expect((await runRoute(staffEnquiry.action, request)).status).toBe(403)
		expect(await prisma.applicant.count({ where: { email: form.email as string } })).toBe(0)
	})

	test('the channel list offers only the service’s active channels', async () => {
		await prisma.channel.update({ where: { key: 'print' }, data: { retiredAt: new Date() } })
		const answer = await runRoute(
			staffEnquiry.loader,
			staffRequest('/staff/enquiries/new', await signedInAs('officer'))
		)
		const keys = answer.data.channels.map((channel: { value: string }) => channel.value)
		expect(keys).toContain('radio')
		expect(keys).not.toContain('print')
		await prisma.channel.update({ where: { key: 'print' }, data: { retiredAt: null } })
	})
})

describe('validation', () => {
	test('the answers are checked exactly as the web form checks them, with the same messages', async () => {
		const officer = await signedInAs('officer')
		const wrong = { firstName: '', email: 'priya.example.com', phone: '12', postcode: 'NE1', fosteringInterests: [] }
		const form = staffForm(wrong)
		const staff = await post(officer, form)
		const web = await runRoute(
			publicEnquiry.action,
			new Request('http://localhost/enquire', {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(validEnquiryFields(wrong)).toString(),
			})
		)
		expect(staff.status).toBe(400)
		expect(web.status).toBe(400)
		const messages = {
			firstName: 'Enter your first name',
			email: 'Enter an email address in the correct format, like name@example.com',
			phone: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
			postcode: 'Enter a full UK postcode, like NE1 4ST',
			fosteringInterests: 'Select the kinds of fostering you are interested in, or select ‘I’m not sure yet’',
		}
		expect(messagesByField(web.data.errors)).toEqual(messages)
		expect(messagesByField(staff.data.errors)).toEqual(messages)
		// What was typed comes back, with the same submission key.
		expect(staff.data.values.answers.email).toBe('priya.example.com')
		expect(staff.data.submissionKey).toBe(form.submissionKey)
	})

	test('the staff questions: how it came in, the date, the channel and the confirmed consent', async () => {
		const officer = await signedInAs('officer')
		const answer = await post(
			officer,
			staffForm({
				receivedBy: '',
				'receivedOn-day': '',
				'receivedOn-month': '',
				'receivedOn-year': '',
				channel: '',
				consent: '',
			})
		)
		expect(answer.status).toBe(400)
		expect(messagesByField(answer.data.errors)).toEqual({
			receivedBy: 'Select how the enquiry came in',
			receivedOn: 'Enter the date they reached Enquiry',
			channel: 'Select the channel the enquiry came from',
			consent: 'Select that they agreed to be contacted about fostering',
		})
		const tomorrow = londonDate(new Date(Date.now() + 86_400_000))
		expect(messagesByField((await post(officer, staffForm(dateFields(tomorrow)))).data.errors)).toEqual({
			receivedOn: 'The date they reached Enquiry must be today or in the past',
		})
		expect(messagesByField((await post(officer, staffForm({ 'receivedOn-month': '13' }))).data.errors)).toEqual({
			receivedOn: 'The date they reached Enquiry must be a real date',
		})
		expect(messagesByField((await post(officer, staffForm({ channel: 'carrier_pigeon' }))).data.errors)).toEqual({
			channel: 'Select a channel from the list',
		})
	})

	test('a date before today needs a reason', async () => {
		const officer = await signedInAs('officer')
		const form = staffForm(dateFields(yesterday))
		const refused = await post(officer, form)
		expect(messagesByField(refused.data.errors)).toEqual({
			backdateReason: 'Enter why you are recording a date in the past',
		})
		expect(await prisma.applicant.count({ where: { email: form.email as string } })).toBe(0)

		const answer = await post(officer, { ...form, backdateReason: 'Taken at the library stand on Saturday' })
		expect(answer.status).toBe(303)
		const household = await prisma.household.findFirstOrThrow({
			where: { applicants: { some: { email: form.email as string } } },
			include: { stageEvents: true, enquiries: true },
		})
		expect(household.stageEnteredOn).toBe(yesterday)
		expect(household.stageEvents[0]).toMatchObject({
			businessDate: yesterday,
			backdateReason: 'Taken at the library stand on Saturday',
			actorId: officer.staff.id,
		})
		expect(londonDate(household.enquiries[0]!.receivedAt)).toBe(yesterday)
	})
})

describe('recording', () => {
	test('a phone enquiry starts a household owned by the officer, with the confirmed consent, an audit entry and the acknowledgement', async () => {
		const officer = await signedInAs('officer', 'Olu Officer')
		const form = staffForm({ firstName: 'Siobhán', channel: 'radio' })
		const answer = await post(officer, form)
		expect(answer.status).toBe(303)
		const household = await prisma.household.findFirstOrThrow({
			where: { applicants: { some: { email: form.email as string } } },
			include: { stageEvents: true, enquiries: true, ownerChanges: true },
		})
		expect(answer.location).toBe(`/staff/households/${household.id}`)
		expect(household).toMatchObject({
			stage: 'enquiry',
			status: 'open',
			stageEnteredOn: today,
			ownerId: officer.staff.id,
			channelId: 'channel_radio',
		})
		expect(household.enquiries[0]).toMatchObject({
			source: 'phone',
			consentGiven: true,
			consentWording:
				'Agreed by phone to Northdale County Council contacting them about fostering by phone, email or text, recorded by Olu Officer',
		})
		expect(household.stageEvents).toMatchObject([
			{ kind: 'entered', toStage: 'enquiry', actorId: officer.staff.id, backdateReason: null },
		])
		expect(household.ownerChanges).toMatchObject([
			{ fromOwnerId: null, toOwnerId: officer.staff.id, actorId: officer.staff.id },
		])
		expect(await prisma.auditEntry.findMany({ where: { householdId: household.id } })).toMatchObject([
			{ actorId: officer.staff.id, action: 'changed', detail: 'Added an enquiry taken by phone' },
		])
		const email = await prisma.outboxMessage.findFirstOrThrow({
			where: { householdId: household.id, template: 'enquiry-acknowledgement' },
		})
		expect(email.toAddress).toBe(form.email)
		expect(email.text).toContain('Thank you for calling')
		expect(email.text).toContain(household.enquiries[0]!.reference)
		expect(await findStageDisagreements()).toEqual([])
		expect(await findFunnelFactDisagreements()).toEqual([])
	})

	test('an event enquiry names the event in the consent record', async () => {
		const officer = await signedInAs('officer', 'Eve Events')
		const form = staffForm({ receivedBy: 'event', eventName: 'Summer fair', channel: 'event' })
		expect((await post(officer, form)).status).toBe(303)
		const enquiry = await prisma.enquiry.findFirstOrThrow({ where: { email: form.email as string } })
		expect(enquiry.source).toBe('event')
		expect(enquiry.consentWording).toContain('Agreed at an event (Summer fair) to')
		expect(
			await prisma.auditEntry.count({
				where: { householdId: enquiry.householdId, detail: 'Added an enquiry taken at an event' },
			})
		).toBe(1)
	})

	test('the same form sent twice (a double click, a retry) records one enquiry', async () => {
		const officer = await signedInAs('officer')
		const form = staffForm()
		const [first, second] = await Promise.all([post(officer, form), post(officer, form)])
		const third = await post(officer, form)
		expect(new Set([first.location, second.location, third.location]).size).toBe(1)
		expect(await prisma.enquiry.count({ where: { email: form.email as string } })).toBe(1)
		expect(await prisma.outboxMessage.count({ where: { toAddress: form.email as string } })).toBe(1)
	})

	test('a known email starts a household of its own with a possible match; the known household keeps its stage, owner and history', async () => {
		const officer = await signedInAs('officer')
		const existing = await createHousehold({
			stage: 'initial_contact',
			email: `returning.${crypto.randomUUID().slice(0, 6)}@example.com`,
		})
		const before = await prisma.household.findUniqueOrThrow({
			where: { id: existing.id },
			include: { applicants: true, stageEvents: true, enquiries: true },
		})
		const email = before.applicants[0]!.email
		const answer = await post(officer, staffForm({ email: email.toUpperCase() }))
		const created = await prisma.household.findFirstOrThrow({
			where: { id: { not: existing.id }, applicants: { some: { emailNormalized: email.toLowerCase() } } },
			include: { stageEvents: true },
		})
		expect(answer.location).toBe(`/staff/households/${created.id}`)
		// The new household is the officer's, at Enquiry, with them as the first event's actor.
		expect(created).toMatchObject({ stage: 'enquiry', status: 'open', ownerId: officer.staff.id })
		expect(created.stageEvents).toMatchObject([{ kind: 'entered', toStage: 'enquiry', actorId: officer.staff.id }])
		// The known household: not a field, event or enquiry changed.
		expect(
			await prisma.household.findUniqueOrThrow({
				where: { id: existing.id },
				include: { applicants: true, stageEvents: true, enquiries: true },
			})
		).toEqual(before)
		expect(await prisma.possibleMatch.findMany({ where: { newHouseholdId: created.id } })).toMatchObject([
			{ existingHouseholdId: existing.id, matchedOn: '["email"]', status: 'open' },
		])
		expect(await findStageDisagreements()).toEqual([])
		expect(await findFunnelFactDisagreements()).toEqual([])
	})

	test('a back-dated enquiry with the email of a household that left after that date starts its own household on that date; the other stays closed', async () => {
		const officer = await signedInAs('officer')
		const email = `left.${crypto.randomUUID().slice(0, 6)}@example.com`
		const existing = await createHousehold({ email, enquiredOn: yesterday })
		await prisma.stageEvent.create({
			data: {
				householdId: existing.id,
				kind: 'exit',
				fromStage: 'enquiry',
				businessDate: today,
				exitReasonId: 'exit_timing',
				recordedAt: new Date(),
			},
		})
		await prisma.household.update({ where: { id: existing.id }, data: { status: 'closed' } })
		// Its funnel row, as closing it through the record would have written.
		await prisma.$transaction((tx) => refreshFunnelFacts(tx, [existing.id]))
		const answer = await post(
			officer,
			staffForm({ email, ...dateFields(yesterday), backdateReason: 'Left on the answerphone' })
		)
		expect(answer.location).not.toBe(`/staff/households/${existing.id}`)
		expect(await prisma.household.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ status: 'closed' })
		const created = await prisma.household.findUniqueOrThrow({
			where: { id: answer.location!.split('/').at(-1)! },
			include: { stageEvents: true },
		})
		expect(created).toMatchObject({ status: 'open', stage: 'enquiry', stageEnteredOn: yesterday })
		expect(created.stageEvents).toMatchObject([{ businessDate: yesterday, backdateReason: 'Left on the answerphone' }])
		expect(
			await prisma.possibleMatch.count({ where: { newHouseholdId: created.id, existingHouseholdId: existing.id } })
		).toBe(1)
		expect(await findStageDisagreements()).toEqual([])
		expect(await findFunnelFactDisagreements()).toEqual([])
	})
})

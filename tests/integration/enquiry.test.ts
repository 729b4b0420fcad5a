import type { ActionFunctionArgs } from '@remix-run/node'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import type { FieldError } from '~/domain/field-errors.ts'
import { messagesByField } from '../support/field-errors.ts'

// The enquiry action against a real SQLite file: what a person submitting the form would see,
// and what the service would find in its database afterwards.

process.env.ENQUIRY_RATE_LIMIT = '5'
const { action } = await import('~/routes/_enquiry+/enquire.tsx')
const { prisma } = await import('~/utils/db.server.ts')

type Answer = {
	status: number
	location?: string
	data?: { errors: FieldError[]; values: Record<string, unknown>; tooMany?: unknown }
	headers?: Headers
}

async function post(fields: [string, string][], clientIp = '198.51.100.1', route = action): Promise<Answer> {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	})
	try {
		const result = await route({ request, context: { cspNonce: '', clientIp }, params: {} } as ActionFunctionArgs)
		const { data, init } = result as unknown as {
			data: Answer['data']
			init: { status: number; headers?: HeadersInit }
		}
		return { status: init.status, data, headers: new Headers(init.headers) }
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown
		return { status: thrown.status, location: thrown.headers.get('Location') ?? undefined }
	}
}

function referenceFrom(location: string | undefined) {
	return new URL(location!, 'http://localhost').searchParams.get('reference')
}

let ip = 0
/** A different client address per test, so the rate limit only bites where a test wants it to. */
const nextIp = () => `203.0.113.${++ip}`

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
})

describe('a valid enquiry', () => {
	test('is stored with its household, applicant, first stage event and two emails, and redirects to its confirmation', async () => {
		const fields = validEnquiryFields({
			email: 'Siobhan.ODalaigh@Example.com',
			firstName: 'Siobhán',
			lastName: 'Ó Dálaigh',
			phone: '07700 900123',
			postcode: 'ne1 4st',
			utm_source: 'facebook',
			utm_medium: 'paid_social',
			utm_campaign: 'teen-carers',
			landing: '/can-i-foster',
			site: 'l.facebook.com',
		})
		const answer = await post(fields, nextIp())
		expect(answer.status).toBe(303)
		expect(answer.location).toMatch(/^\/enquire\/confirmation\?reference=ENQ-[0-9A-Z]{6}$/)

		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(answer.location)! },
			include: { household: { include: { applicants: true, stageEvents: true } }, channel: true },
		})
		expect(enquiry).toMatchObject({
			firstName: 'Siobhán',
			lastName: 'Ó Dálaigh',
			email: 'Siobhan.ODalaigh@Example.com',
			phone: '07700900123',
			postcode: 'NE1 4ST',
			utmSource: 'facebook',
			utmMedium: 'paid_social',
			utmCampaign: 'teen-carers',
			landingPage: '/can-i-foster',
			referringSite: 'l.facebook.com',
			consentGiven: true,
			consentWording: 'I agree to Northdale County Council contacting me about fostering by phone, email or text.',
			isKinship: false,
		})
		expect(enquiry.channel.key).toBe('paid_social')
		expect(JSON.parse(enquiry.fosteringInterests)).toEqual(['teenagers', 'sibling_groups'])
		expect(enquiry.household).toMatchObject({ route: 'mainstream', stage: 'enquiry', status: 'open' })
		expect(enquiry.household.reference).toMatch(/^HH-/)
		expect(enquiry.household.applicants).toMatchObject([{ emailNormalized: 'siobhan.odalaigh@example.com' }])
		expect(enquiry.household.stageEvents).toMatchObject([{ kind: 'entered', toStage: 'enquiry' }])

		const emails = await prisma.outboxMessage.findMany({ where: { subject: { contains: enquiry.reference } } })
		expect(emails.map((email) => [email.template, email.toAddress]).sort()).toEqual([
			['enquiry-acknowledgement', 'Siobhan.ODalaigh@Example.com'],
			['new-enquiry-alert', 'recruitment@northdale.example'],
		])
	})

	test('names in any script and free text with markup are stored exactly as typed', async () => {
		const answer = await post(
			validEnquiryFields({
				firstName: '李小龍',
				lastName: 'Nowak',
				householdMembers: 'Me <script>alert(1)</script> & my cat',
			}),
			nextIp()
		)
		const enquiry = await prisma.enquiry.findUniqueOrThrow({ where: { reference: referenceFrom(answer.location)! } })
		expect(enquiry.firstName).toBe('李小龍')
		expect(enquiry.householdMembers).toBe('Me <script>alert(1)</script> & my cat')
	})

	test('a kinship enquiry is flagged and its household kept out of the mainstream route', async () => {
		const answer = await post(validEnquiryFields({ kinship: 'yes', kinshipDetails: 'My granddaughter, 6' }), nextIp())
		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(answer.location)! },
			include: { household: true },
		})
		expect(enquiry).toMatchObject({ isKinship: true, kinshipDetails: 'My granddaughter, 6' })
		expect(enquiry.household.route).toBe('kinship')
		const alerts = await prisma.outboxMessage.findMany({
			where: { template: 'new-enquiry-alert', subject: { contains: enquiry.reference } },
		})
		expect(alerts.map((alert) => [alert.toAddress, alert.subject.startsWith('[Kinship]')])).toEqual([
			['kinship@northdale.example', true],
		])
	})

	test('a referral code typed in the form is recorded, and makes the channel "referral"', async () => {
		await prisma.referralCode.create({ data: { code: 'NORTH7K3' } })
		const answer = await post(validEnquiryFields({ referralCode: 'north-7k3', howHeard: 'radio' }), nextIp())
		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(answer.location)! },
			include: { channel: true, referralCode: true },
		})
		expect(enquiry.referralCodeText).toBe('NORTH7K3')
		expect(enquiry.referralCode?.code).toBe('NORTH7K3')
		expect(enquiry.channel.key).toBe('referral')
	})
})

describe('exactly once', () => {
	test('the same submission sent twice, one after the other, creates one enquiry', async () => {
		const fields = validEnquiryFields()
		const first = await post(fields, nextIp())
		const second = await post(fields, nextIp())
		expect(second.location).toBe(first.location)
		const key = fields.find(([name]) => name === 'submissionKey')![1]
		expect(await prisma.enquiry.count({ where: { submissionKey: key } })).toBe(1)
	})

	test('a double click (the same submission at the same moment) creates one enquiry', async () => {
		const fields = validEnquiryFields()
		const answers = await Promise.all([post(fields, nextIp()), post(fields, nextIp()), post(fields, nextIp())])
		expect(new Set(answers.map((answer) => answer.location)).size).toBe(1)
		const email = fields.find(([name]) => name === 'email')![1]
		expect(await prisma.enquiry.count({ where: { email } })).toBe(1)
		expect(await prisma.outboxMessage.count({ where: { toAddress: email } })).toBe(1)
	})

	test('an email address already in the pipeline gets a household of its own, and a possible match that leaves the other untouched', async () => {
		const first = await post(validEnquiryFields({ email: 'returning@example.com' }), nextIp())
		const known = await prisma.household.findFirstOrThrow({
			where: { enquiries: { some: { reference: referenceFrom(first.location)! } } },
			include: { applicants: true, stageEvents: true },
		})
		const second = await post(
			validEnquiryFields({ email: 'RETURNING@example.com ', householdMembers: 'Me, and now my partner too' }),
			nextIp()
		)
		expect(second.location).not.toBe(first.location)
		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(second.location)! },
			include: { household: { include: { stageEvents: true } } },
		})
		// A household of its own at Enquiry, with its first-contact clock running.
		expect(enquiry.householdId).not.toBe(known.id)
		expect(enquiry.household).toMatchObject({ stage: 'enquiry', status: 'open', nextClockKey: 'first_contact' })
		expect(enquiry.household.stageEvents.map((event) => event.kind)).toEqual(['entered'])
		// The household it matched is exactly as it was.
		expect(
			await prisma.household.findUniqueOrThrow({
				where: { id: known.id },
				include: { applicants: true, stageEvents: true },
			})
		).toEqual(known)
		expect(await prisma.possibleMatch.findMany({ where: { newHouseholdId: enquiry.householdId } })).toMatchObject([
			{ existingHouseholdId: known.id, matchedOn: '["email"]', status: 'open' },
		])
		const alerts = await prisma.outboxMessage.findMany({
			where: { template: 'new-enquiry-alert', subject: { contains: referenceFrom(second.location)! } },
		})
		expect(alerts.map((alert) => alert.subject)).toEqual([
			`New fostering enquiry ${referenceFrom(second.location)} (Possible match)`,
		])
		expect(alerts[0]!.text).toContain(`they may be household ${known.reference}`)
	})

	test('a household that had left is not reopened by a new enquiry with its email: the enquiry starts at Enquiry on its own', async () => {
		await post(validEnquiryFields({ email: 'came-back@example.com' }), nextIp())
		const { householdId } = await prisma.enquiry.findFirstOrThrow({ where: { email: 'came-back@example.com' } })
		const today = (await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).stageEnteredOn
		await prisma.stageEvent.create({
			data: { householdId, kind: 'exit', fromStage: 'enquiry', businessDate: today, exitReasonId: 'exit_timing' },
		})
		await prisma.household.update({ where: { id: householdId }, data: { status: 'closed' } })

		const second = await post(
			validEnquiryFields({ email: 'came-back@example.com', householdMembers: 'Ready now' }),
			nextIp()
		)
		expect(await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({ status: 'closed' })
		expect((await prisma.stageEvent.findMany({ where: { householdId } })).map((event) => event.kind)).toEqual([
			'entered',
			'exit',
		])
		const enquiry = await prisma.enquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(second.location)! },
			include: { household: true },
		})
		expect(enquiry.household).toMatchObject({ status: 'open', stage: 'enquiry', stageEnteredOn: today })
		expect(enquiry.household.searchText).toContain(enquiry.reference.toLowerCase())
		expect(
			await prisma.possibleMatch.count({
				where: { newHouseholdId: enquiry.householdId, existingHouseholdId: householdId },
			})
		).toBe(1)
	})

	test('the same answers sent again with a fresh form (Back, then Send) are the same enquiry', async () => {
		const fields = validEnquiryFields()
		const first = await post(fields, nextIp())
		const again = fields.map(([name, value]): [string, string] => [
			name,
			name === 'submissionKey' ? crypto.randomUUID() : value,
		])
		const second = await post(again, nextIp())
		expect(second.location).toBe(first.location)
		const email = fields.find(([name]) => name === 'email')![1]
		expect(await prisma.enquiry.count({ where: { email } })).toBe(1)
	})

	test('many different enquiries at once are all stored, each once', async () => {
		const forms = Array.from({ length: 40 }, () => validEnquiryFields())
		const answers = await Promise.all(forms.map((fields, index) => post(fields, `192.0.2.${index + 1}`)))
		expect(answers.every((answer) => answer.status === 303)).toBe(true)
		expect(new Set(answers.map((answer) => answer.location)).size).toBe(40)
		const keys = forms.map((fields) => fields.find(([name]) => name === 'submissionKey')![1])
		expect(await prisma.enquiry.count({ where: { submissionKey: { in: keys } } })).toBe(40)
	})
})

describe('bad input', () => {
	test('an empty form gets a message for every question and stores nothing', async () => {
		const before = await prisma.enquiry.count()
		const answer = await post([['submissionKey', crypto.randomUUID()]], nextIp())
		expect(answer.status).toBe(400)
		expect(messagesByField(answer.data?.errors)).toMatchObject({
			firstName: 'Enter your first name',
			email: 'Enter your email address',
			consent: 'Select that you agree to us contacting you about fostering',
		})
		expect(await prisma.enquiry.count()).toBe(before)
	})

	test('answers are kept when the form comes back with errors', async () => {
		const answer = await post(validEnquiryFields({ email: 'not-an-email', firstName: 'Oluwaseun' }), nextIp())
		expect(answer.status).toBe(400)
		expect(messagesByField(answer.data?.errors)).toEqual({
			email: 'Enter an email address in the correct format, like name@example.com',
		})
		expect(answer.data?.values).toMatchObject({
			firstName: 'Oluwaseun',
			email: 'not-an-email',
			fosteringInterests: ['teenagers', 'sibling_groups'],
		})
	})

	test('a missing or forged submission key still records the enquiry once', async () => {
		const answer = await post(validEnquiryFields({ submissionKey: "'; DROP TABLE Enquiry; --" }), nextIp())
		expect(answer.status).toBe(303)
		expect(await prisma.enquiry.findUnique({ where: { reference: referenceFrom(answer.location)! } })).not.toBeNull()
	})

	test('very long input gets a message, never a server error', async () => {
		const answer = await post(
			validEnquiryFields({ householdMembers: 'x'.repeat(5000), lastName: 'y'.repeat(500) }),
			nextIp()
		)
		expect(answer.status).toBe(400)
		expect(messagesByField(answer.data?.errors)).toEqual({
			lastName: 'Last name must be 100 characters or less',
			householdMembers: 'Who lives in your home must be 1000 characters or less',
		})
	})
})

describe('spam and abuse', () => {
	test('a filled-in spam trap is answered as any enquiry, and held back with no household or email', async () => {
		const before = { enquiries: await prisma.enquiry.count(), emails: await prisma.outboxMessage.count() }
		const fields = validEnquiryFields({ extra_comments: 'http://spam.example' })
		const answer = await post(fields, nextIp())
		expect(answer.status).toBe(303)
		expect(answer.location).toMatch(/^\/enquire\/confirmation\?reference=ENQ-[0-9A-Z]{6}$/)
		expect(await prisma.enquiry.count()).toBe(before.enquiries)
		expect(await prisma.outboxMessage.count()).toBe(before.emails)
		const held = await prisma.quarantinedEnquiry.findUniqueOrThrow({
			where: { reference: referenceFrom(answer.location)! },
		})
		expect(held).toMatchObject({
			submissionKey: fields.find(([name]) => name === 'submissionKey')![1],
			trapValue: 'http://spam.example',
		})
		// Sent again, it is held once.
		expect((await post(fields, nextIp())).location).toBe(answer.location)
		expect(await prisma.quarantinedEnquiry.count({ where: { submissionKey: held.submissionKey } })).toBe(1)
	})

	test('a filled-in spam trap with a wrong answer gets the form back with its message, as anyone would', async () => {
		const answer = await post(validEnquiryFields({ extra_comments: 'Priya', email: 'not-an-email' }), nextIp())
		expect(answer.status).toBe(400)
		expect(messagesByField(answer.data?.errors)).toEqual({
			email: 'Enter an email address in the correct format, like name@example.com',
		})
	})

	test('one client sending many enquiries is told to wait, and other clients are not', async () => {
		const flooder = nextIp()
		const statuses: number[] = []
		for (let i = 0; i < 6; i++) statuses.push((await post(validEnquiryFields(), flooder)).status)
		expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
		expect((await post(validEnquiryFields(), nextIp())).status).toBe(303)
	})

	describe('at a stated instant', () => {
		// Windows start at whole multiples of their length since 1970: 10:02 UTC is 2 minutes into
		// a 10-minute window.
		const T0 = Date.parse('2026-12-07T10:02:00Z')
		afterEach(() => {
			vi.useRealTimers()
		})

		test('a refused enquiry says how long to wait, in words and in Retry-After, and keeps what was typed', async () => {
			vi.useFakeTimers({ toFake: ['Date'] })
			vi.setSystemTime(T0)
			const flooder = nextIp()
			for (let i = 0; i < 5; i++) expect((await post(validEnquiryFields(), flooder)).status).toBe(303)
			const refused = await post(validEnquiryFields({ firstName: 'Keep', lastName: 'Typed' }), flooder)
			// 5 enquiries 2 minutes into the window count as 5 × (1 − 2/10) = 4 when 10 minutes have
			// gone by (2 minutes into the next window): room for one more.
			expect(refused.status).toBe(429)
			expect(refused.headers?.get('Retry-After')).toBe('600')
			expect(refused.data?.tooMany).toEqual({ wait: '10 minutes' })
			expect(refused.data?.values).toMatchObject({ firstName: 'Keep', lastName: 'Typed' })

			vi.setSystemTime(T0 + 599_000)
			expect((await post(validEnquiryFields(), flooder)).headers?.get('Retry-After')).toBe('1')
			vi.setSystemTime(T0 + 600_000)
			expect((await post(validEnquiryFields(), flooder)).status).toBe(303)
		})

		test('the count is kept in the database: a restarted server (a fresh module with its own connection) still refuses', async () => {
			vi.useFakeTimers({ toFake: ['Date'] })
			vi.setSystemTime(T0)
			const flooder = nextIp()
			for (let i = 0; i < 5; i++) expect((await post(validEnquiryFields(), flooder)).status).toBe(303)

			vi.resetModules()
			const restarted = await import('~/routes/_enquiry+/enquire.tsx')
			const { prisma: secondConnection } = await import('~/utils/db.server.ts')
			try {
				expect(secondConnection).not.toBe(prisma)
				const refused = await post(validEnquiryFields(), flooder, restarted.action)
				expect(refused.status).toBe(429)
				expect(refused.headers?.get('Retry-After')).toBe('600')
				expect((await post(validEnquiryFields(), nextIp(), restarted.action)).status).toBe(303)
			} finally {
				await secondConnection.$disconnect()
			}
		})
	})
})

describe('consistency', () => {
	test('an enquiry that fails to write leaves nothing half-written, and the others written with it are kept', async () => {
		const { recordEnquiry } = await import('~/models/enquiries.server.ts')
		const { validateEnquiry, readEnquiryValues } = await import('~/domain/enquiry-form.ts')
		const { DEMO_SERVICE_CONFIG } = await import('~/domain/service-config.ts')
		const enquiry = (email: string) => {
			const form = new URLSearchParams(validEnquiryFields({ email }))
			const checked = validateEnquiry(readEnquiryValues(form))
			if (!checked.ok) throw new Error('fixture is invalid')
			return checked.enquiry
		}
		const record = (email: string, channel: string) =>
			recordEnquiry(
				{
					submissionKey: crypto.randomUUID(),
					source: 'web',
					answers: enquiry(email),
					attribution: {},
					// A channel the database does not have: its insert fails mid-transaction.
					channel: channel as 'search',
					consentWording: 'I agree.',
					receivedAt: new Date(),
				},
				DEMO_SERVICE_CONFIG
			)
		const outcomes = await Promise.allSettled([
			record('kept.one@example.com', 'search'),
			record('broken@example.com', 'no_such_channel'),
			record('kept.two@example.com', 'radio'),
		])
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
		expect(await prisma.applicant.count({ where: { emailNormalized: 'broken@example.com' } })).toBe(0)
		expect(await prisma.outboxMessage.count({ where: { toAddress: 'broken@example.com' } })).toBe(0)
		expect(
			await prisma.enquiry.count({ where: { email: { in: ['kept.one@example.com', 'kept.two@example.com'] } } })
		).toBe(2)
	})
})

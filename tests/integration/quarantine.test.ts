import type { ActionFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The spam trap (issue 12, defect 12; docs/decisions/016): a browser may fill the hidden box for a
// real person, so an enquiry caught by it is held back, never dropped; the sender is answered as
// anyone else; staff release it (recorded once, as if it had just arrived, at its original time)
// or delete it; the scheduler deletes what nobody released within 30 days.

process.env.ENQUIRY_RATE_LIMIT = '100'
const { action: enquire } = await import('~/routes/_enquiry+/enquire.tsx')
const { loader: confirmation } = await import('~/routes/_enquiry+/enquire_.confirmation.tsx')
const quarantinePage = await import('~/routes/staff+/_pipeline+/enquiries.quarantine.tsx')
const { prisma } = await import('~/utils/db.server.ts')
const { runScheduler } = await import('~/integrations/scheduler.server.ts')
const { staffNavigation } = await import('~/domain/staff.ts')
const { findStageDisagreements } = await import('~/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')

let ip = 0
async function send(fields: [string, string][]) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	})
	const thrown = await enquire({
		request,
		context: { cspNonce: '', clientIp: `203.0.113.${++ip}` },
		params: {},
	} as ActionFunctionArgs).catch((error: unknown) => error)
	if (!(thrown instanceof Response)) throw new Error('no redirect')
	return thrown.headers.get('Location')!
}

const referenceIn = (location: string) => new URL(location, 'http://localhost').searchParams.get('reference')!

/** An enquiry caught by the trap, `daysAgo` days ago: its reference and row. */
async function heldBack(overrides: Record<string, string> = {}, daysAgo = 0) {
	const location = await send(validEnquiryFields({ extra_comments: 'Priya Sharma', ...overrides }))
	const reference = referenceIn(location)
	if (daysAgo > 0)
		await prisma.quarantinedEnquiry.update({
			where: { reference },
			data: { receivedAt: new Date(Date.now() - daysAgo * 86_400_000) },
		})
	return prisma.quarantinedEnquiry.findUniqueOrThrow({ where: { reference } })
}

function act(as: SignedIn, form: Record<string, string>) {
	return runRoute(quarantinePage.action, staffRequest('/staff/enquiries/quarantine', as, form))
}

describe('an enquiry caught by the spam trap', () => {
	test('is answered as any enquiry, with its reference, and kept with no household, email or funnel row', async () => {
		const counts = async () => ({
			households: await prisma.household.count(),
			enquiries: await prisma.enquiry.count(),
			emails: await prisma.outboxMessage.count(),
			funnel: await prisma.funnelFact.count(),
		})
		const before = await counts()
		const fields = validEnquiryFields({ extra_comments: 'Priya', utm_source: 'facebook', utm_medium: 'paid_social' })
		const location = await send(fields)
		expect(location).toMatch(/^\/enquire\/confirmation\?reference=ENQ-[0-9A-Z]{6}$/)
		const page = (await confirmation({
			request: new Request(`http://localhost${location}`),
			context: {},
			params: {},
		} as never)) as {
			reference: string
			channel: string | null
		}
		// The same page as anyone's, without the analytics event that counts enquiries sent.
		expect(page).toMatchObject({ reference: referenceIn(location), channel: null })
		expect(await counts()).toEqual(before)
		const held = await prisma.quarantinedEnquiry.findUniqueOrThrow({ where: { reference: referenceIn(location) } })
		expect(held).toMatchObject({
			trapValue: 'Priya',
			submissionKey: fields.find(([name]) => name === 'submissionKey')![1],
		})
		expect(JSON.parse(held.answers)).toMatchObject({ firstName: 'Priya', lastName: 'Sharma' })
		expect(JSON.parse(held.attribution)).toMatchObject({
			attribution: { utmSource: 'facebook', utmMedium: 'paid_social' },
			channel: 'paid_social',
		})
	})
})

describe('staff', () => {
	test('who change households find the held-back enquiries from the menu, a page at a time; others cannot', async () => {
		expect(staffNavigation('officer').map((item) => item.to)).toContain('/staff/enquiries/quarantine')
		expect(staffNavigation('read_only').map((item) => item.to)).not.toContain('/staff/enquiries/quarantine')
		const officer = await signedInAs('officer')
		const already = await prisma.quarantinedEnquiry.count()
		for (let i = already; i < 25; i++) await heldBack()
		const first = await runRoute(quarantinePage.loader, staffRequest('/staff/enquiries/quarantine', officer))
		expect(first.data).toMatchObject({ page: 1, pages: 2 })
		expect(first.data.enquiries).toHaveLength(20)
		expect(first.data.enquiries[0]).toMatchObject({ name: 'Priya Sharma', trapValue: 'Priya Sharma' })
		const second = await runRoute(quarantinePage.loader, staffRequest('/staff/enquiries/quarantine?page=2', officer))
		expect(second.data.enquiries).toHaveLength(first.data.total - 20)
		for (const role of ['read_only', 'administrator'] as const) {
			const as = await signedInAs(role)
			expect((await runRoute(quarantinePage.loader, staffRequest('/staff/enquiries/quarantine', as))).status).toBe(403)
		}
	})

	test('release one: recorded through the enquiry form’s own path, at its original time and with its reference, once', async () => {
		const officer = await signedInAs('officer', 'Rae Releaser')
		const held = await heldBack({ email: 'real.person@example.com' }, 3)
		// A double click: two posts at once.
		const answers = await Promise.all([
			act(officer, { intent: 'release', id: held.id }),
			act(officer, { intent: 'release', id: held.id }),
		])
		const enquiries = await prisma.enquiry.findMany({
			where: { submissionKey: held.submissionKey },
			include: { household: true },
		})
		expect(enquiries).toHaveLength(1)
		const [enquiry] = enquiries
		expect(enquiry).toMatchObject({
			reference: held.reference,
			receivedAt: held.receivedAt,
			email: 'real.person@example.com',
			source: 'web',
		})
		expect(enquiry!.household).toMatchObject({
			stage: 'enquiry',
			firstEnquiryAt: held.receivedAt,
			nextClockKey: 'first_contact',
		})
		expect(answers.some((answer) => answer.location?.startsWith('/staff/enquiries/quarantine?done=released'))).toBe(
			true
		)
		expect(answers.every((answer) => answer.status === 303 || answer.status === 409)).toBe(true)
		expect(await prisma.quarantinedEnquiry.count({ where: { id: held.id } })).toBe(0)
		// Acknowledged now, with the reference the person was shown; the release is audited once.
		expect(
			await prisma.outboxMessage.count({
				where: { toAddress: 'real.person@example.com', subject: { contains: held.reference } },
			})
		).toBe(1)
		expect(
			await prisma.auditEntry.count({
				where: {
					householdId: enquiry!.householdId,
					actorId: officer.staff.id,
					detail: { startsWith: 'Released enquiry' },
				},
			})
		).toBe(1)
		// The public receipt is the recorded enquiry now.
		const page = (await confirmation({
			request: new Request(`http://localhost/enquire/confirmation?reference=${held.reference}`),
			context: {},
			params: {},
		} as never)) as { channel: string | null }
		expect(page.channel).toBe('search')
		expect(await findStageDisagreements()).toEqual([])
		expect(await findFunnelFactDisagreements()).toEqual([])
	})

	test('delete one: gone, audited, and a release of it afterwards is refused with a message', async () => {
		const officer = await signedInAs('officer', 'Del Deleter')
		const held = await heldBack()
		const deleted = await act(officer, { intent: 'delete', id: held.id })
		expect(deleted.location).toBe(`/staff/enquiries/quarantine?done=deleted&reference=${held.reference}`)
		expect(await prisma.quarantinedEnquiry.count({ where: { id: held.id } })).toBe(0)
		expect(await prisma.enquiry.count({ where: { submissionKey: held.submissionKey } })).toBe(0)
		expect(
			await prisma.auditEntry.findFirstOrThrow({ where: { actorId: officer.staff.id, householdId: null } })
		).toMatchObject({ action: 'changed', detail: expect.stringContaining(`Deleted enquiry ${held.reference}`) })
		const late = await act(officer, { intent: 'release', id: held.id })
		expect(late).toMatchObject({ status: 409, data: { error: 'This enquiry has already been released or deleted' } })
		expect(await prisma.enquiry.count({ where: { submissionKey: held.submissionKey } })).toBe(0)
		// A form without the session's token is refused before anything is read.
		const forged = await runRoute(
			quarantinePage.action,
			new Request('http://localhost/staff/enquiries/quarantine', {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: officer.cookie },
				body: `intent=delete&id=${held.id}`,
			})
		)
		expect(forged.status).toBe(403)
	})
})

test('the scheduler deletes what nobody released within 30 days, and keeps the rest', async () => {
	const old = await heldBack({}, 31)
	const recent = await heldBack({}, 29)
	const run = await runScheduler({ now: new Date(), holder: 'quarantine-test' })
	expect(run?.heldBackDeleted).toBeGreaterThanOrEqual(1)
	expect(await prisma.quarantinedEnquiry.count({ where: { id: old.id } })).toBe(0)
	expect(await prisma.quarantinedEnquiry.count({ where: { id: recent.id } })).toBe(1)
})

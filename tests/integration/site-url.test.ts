import { describe, expect, test, vi } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { createStaff, runRoute } from '../support/staff.ts'

// Every absolute link the service makes comes from its configured address, whatever Host a
// request arrives with: a stranger who sends "Host: evil.example" must not get a real reset or
// sign-in link pointing at their own site. The attack worked when PUBLIC_URL was not set, so here
// it is not: outside production the address is then http://localhost:PORT.
vi.hoisted(() => {
	process.env.PUBLIC_URL = ''
	process.env.PORT = '3000'
})

const { prisma } = await import('~/utils/db.server.ts')
const forgot = await import('~/routes/staff+/_auth+/forgot-password.tsx')
const refer = await import('~/routes/refer+/_index.tsx')
const enquire = await import('~/routes/_enquiry+/enquire.tsx')
const sitemap = await import('~/routes/_public+/sitemap[.]xml.ts')
const robots = await import('~/routes/_public+/robots[.]txt.ts')
const root = await import('~/root.tsx')

const OURS = 'http://localhost:3000'
const EVIL = 'http://evil.example'
type Route = Parameters<typeof runRoute>[0]

let client = 0
function fromStranger(path: string, form?: Record<string, string> | [string, string][]) {
	return {
		request: new Request(`${EVIL}${path}`, {
			method: form ? 'POST' : 'GET',
			headers: {
				Host: 'evil.example',
				'X-Forwarded-Host': 'evil.example',
				...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
			},
			body: form ? new URLSearchParams(form).toString() : undefined,
		}),
		context: { cspNonce: '', clientIp: `198.51.100.${++client}` },
		params: {},
	}
}

async function run(fn: Route, path: string, form?: Record<string, string> | [string, string][]) {
	const { request, context } = fromStranger(path, form)
	return runRoute((args) => fn({ ...args, context }), request)
}

/** Everything stored for the messages to `to`, as text: the link may sit in any column. */
async function storedMessagesTo(to: string) {
	const rows = await prisma.outboxMessage.findMany({ where: { toAddress: to } })
	expect(rows.length).toBeGreaterThan(0)
	return JSON.stringify(rows)
}

describe('links in emails', () => {
	test('a password reset asked for with Host: evil.example links to our own address', async () => {
		const staff = await createStaff('officer')
		await prisma.staffUser.update({ where: { id: staff.id }, data: { passwordHash: 'x' } })
		expect((await run(forgot.action as Route, '/staff/forgot-password', { email: staff.email })).status).toBe(303)
		const stored = await storedMessagesTo(staff.email)
		expect(stored).toContain(`${OURS}/staff/reset-password/`)
		expect(stored).not.toContain('evil.example')
	})

	test('a carer’s sign-in link asked for with Host: evil.example links to our own address', async () => {
		const email = `hana.${Date.now()}@example.com`
		const carer = await prisma.carer.create({
			data: { name: 'Hana Host', email, emailNormalized: email, status: 'active', approvedOn: '2024-05-01' },
		})
		expect((await run(refer.action as Route, '/refer', { email: carer.email })).status).toBe(303)
		const stored = await storedMessagesTo(carer.email)
		expect(stored).toContain(`${OURS}/refer/sign-in/`)
		expect(stored).not.toContain('evil.example')
	})

	test('an enquiry’s acknowledgement and the team’s alert link to our own address', async () => {
		const fields = validEnquiryFields({ email: `host.${Date.now()}@example.com` })
		expect((await run(enquire.action as Route, '/enquire', fields)).status).toBe(303)
		const enquiry = await prisma.enquiry.findFirstOrThrow({
			where: { email: fields.find(([name]) => name === 'email')![1] },
		})
		const messages = JSON.stringify(
			await prisma.outboxMessage.findMany({ where: { householdId: enquiry.householdId } })
		)
		expect(messages).toContain(`${OURS}/what-fostering-involves`)
		const alert = JSON.stringify(
			await prisma.outboxMessage.findMany({
				where: { template: 'new-enquiry-alert', text: { contains: enquiry.reference } },
			})
		)
		expect(alert).toContain(`${OURS}/staff/households/${enquiry.householdId}`)
		expect(messages + alert).not.toContain('evil.example')
	})
})

describe('links in pages', () => {
	test('the sitemap and robots.txt name our own address', async () => {
		const map = await run(sitemap.loader as unknown as Route, '/sitemap.xml')
		expect(map.data).toContain(`<loc>${OURS}/</loc>`)
		expect(map.data).not.toContain('evil.example')
		const rules = await run(robots.loader as unknown as Route, '/robots.txt')
		expect(rules.data).toContain(`Sitemap: ${OURS}/sitemap.xml`)
		expect(rules.data).not.toContain('evil.example')
	})

	test('canonical links are made from our own address', async () => {
		const page = await run(root.loader as Route, '/can-i-foster')
		expect(page.data.site.origin).toBe(OURS)
	})
})

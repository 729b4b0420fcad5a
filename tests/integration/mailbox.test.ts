import { beforeAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The staff mailbox: the outbox as staff see it, one message, and a manager sending again an
// email the mail server refused.

const { prisma } = await import('~/utils/db.server.ts')
const { MAILBOX_PAGE_SIZE } = await import('~/models/outbox.server.ts')
const { startOutboxWorker } = await import('~/integrations/outbox-worker.server.ts')
const list = await import('~/routes/staff+/_admin+/mailbox._index.tsx')
const one = await import('~/routes/staff+/_admin+/mailbox.$id.tsx')

let officer: SignedIn
let manager: SignedIn

beforeAll(async () => {
	await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
	officer = await signedInAs('officer')
	manager = await signedInAs('manager')
})

let made = 0
async function message(
	overrides: Partial<{ status: string; attempts: number; lastError: string; createdAt: Date; householdId: string }> = {}
) {
	made += 1
	return prisma.outboxMessage.create({
		data: {
			template: 'enquiry-acknowledgement',
			toAddress: `person.${made}@example.com`,
			subject: `Email number ${made}`,
			html: '<p>Hello</p>',
			text: `Dear person ${made},\n\nLine two.`,
			createdAt: new Date(Date.UTC(2026, 0, 1, 9, made)),
			...overrides,
		},
	})
}

describe('who may read the mailbox', () => {
	test('staff who see households; administrators and read-only staff get 403', async () => {
		const sample = await message()
		for (const role of ['administrator', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			expect((await runRoute(list.loader, staffRequest('/staff/mailbox', someone))).status).toBe(403)
			expect(
				(await runRoute(one.loader, staffRequest(`/staff/mailbox/${sample.id}`, someone), { id: sample.id })).status
			).toBe(403)
		}
		for (const who of [officer, manager, await signedInAs('social_worker')]) {
			expect((await runRoute(list.loader, staffRequest('/staff/mailbox', who))).status).toBe(200)
		}
	})
})

describe('the list', () => {
	test('newest first, a page at a time, with status, recipient, template, attempts and the last error', async () => {
		await prisma.outboxMessage.deleteMany()
		for (let i = 0; i < MAILBOX_PAGE_SIZE + 2; i += 1) await message()
		const dead = await message({ status: 'dead', attempts: 3, lastError: '550 5.1.1 Mailbox does not exist' })

		const first = await runRoute(list.loader, staffRequest('/staff/mailbox', officer))
		expect(first.data).toMatchObject({ page: 1, pages: 2, total: MAILBOX_PAGE_SIZE + 3 })
		expect(first.data.messages).toHaveLength(MAILBOX_PAGE_SIZE)
		expect(first.data.messages[0]).toMatchObject({
			id: dead.id,
			to: dead.toAddress,
			subject: dead.subject,
			template: 'enquiry-acknowledgement',
			status: 'dead',
			attempts: 3,
			lastError: '550 5.1.1 Mailbox does not exist',
			createdAt: expect.stringMatching(/^1 January 2026 at 9:\d\dam$/),
		})
		const second = await runRoute(list.loader, staffRequest('/staff/mailbox?page=2', officer))
		expect(second.data.messages).toHaveLength(3)
		expect(second.data.messages.at(-1).subject).toBe('Email number ' + (made - MAILBOX_PAGE_SIZE - 2))
	})
})

describe('one message', () => {
	test('shows the text version; reading an email about a household is in its audit log', async () => {
		const household = await createHousehold()
		const sent = await message({ status: 'sent', householdId: household.id })
		const page = await runRoute(one.loader, staffRequest(`/staff/mailbox/${sent.id}`, officer), { id: sent.id })
		expect(page.data.message).toMatchObject({ subject: sent.subject, to: sent.toAddress, text: sent.text })
		expect(page.data.canRetry).toBe(false)
		const audit = await prisma.auditEntry.findFirstOrThrow({ where: { householdId: household.id } })
		expect(audit).toMatchObject({
			actorId: officer.staff.id,
			action: 'viewed',
			detail: `Viewed the email ‘${sent.subject}’ in the mailbox`,
		})
	})

	test('a password link is hidden from everyone, its recipient too, while it waits and once sent', async () => {
		const link = await message({ status: 'pending' })
		const token = 'A'.repeat(43)
		await prisma.outboxMessage.update({
			where: { id: link.id },
			data: {
				template: 'password-reset',
				toAddress: manager.staff.email,
				text: 'Reset your password:\nhttps://fostering.northdale.example/staff/reset-password/{{secret}}\n\nIt works once.',
				secret: token,
			},
		})
		for (const status of ['pending', 'sent']) {
			await prisma.outboxMessage.update({ where: { id: link.id }, data: { status } })
			for (const who of [officer, manager]) {
				const page = await runRoute(one.loader, staffRequest(`/staff/mailbox/${link.id}`, who), { id: link.id })
				expect(page.status).toBe(200)
				expect(page.data.message.text).toBe('Reset your password:\n[sign-in link hidden]\n\nIt works once.')
				expect(page.data.message.secret).toBe('hidden')
				expect(JSON.stringify(page.data)).not.toContain(token)
			}
		}
	})

	test('an unknown message is 404', async () => {
		expect((await runRoute(one.loader, staffRequest('/staff/mailbox/nope', officer), { id: 'nope' })).status).toBe(404)
	})
})

describe('trying a refused email again', () => {
	test('a manager puts a dead message back in the queue and the worker sends it', async () => {
		const dead = await message({ status: 'dead', attempts: 3, lastError: '550 No such user' })
		const page = await runRoute(one.loader, staffRequest(`/staff/mailbox/${dead.id}`, manager), { id: dead.id })
		expect(page.data.canRetry).toBe(true)

		const sentTo: string[] = []
		const worker = startOutboxWorker({ mailer: { send: async (mail) => void sentTo.push(mail.to) }, pollMs: 60_000 })
		try {
			// After its first round the worker would not look again for a minute: only the retry's wake-up
			// gets the message sent within this test.
			await new Promise((resolve) => setTimeout(resolve, 100))
			const answer = await runRoute(one.action, staffRequest(`/staff/mailbox/${dead.id}`, manager, {}), { id: dead.id })
			expect(answer.status).toBe(303)
			expect(answer.location).toBe(`/staff/mailbox/${dead.id}?retried`)
			for (let i = 0; i < 50 && !sentTo.includes(dead.toAddress); i += 1)
				await new Promise((resolve) => setTimeout(resolve, 20))
		} finally {
			await worker.stop()
		}
		expect(sentTo).toContain(dead.toAddress)
		expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
			status: 'sent',
			attempts: 1,
		})
	})

	test('officers cannot; a message that is not dead is left alone', async () => {
		const dead = await message({ status: 'dead', attempts: 3 })
		expect(
			(await runRoute(one.loader, staffRequest(`/staff/mailbox/${dead.id}`, officer), { id: dead.id })).data.canRetry
		).toBe(false)
		const refused = await runRoute(one.action, staffRequest(`/staff/mailbox/${dead.id}`, officer, {}), { id: dead.id })
		expect(refused.status).toBe(403)
		expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe('dead')

		const sent = await message({ status: 'sent', attempts: 1 })
		const again = await runRoute(one.action, staffRequest(`/staff/mailbox/${sent.id}`, manager, {}), { id: sent.id })
		expect(again.status).toBe(303)
		expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
			status: 'sent',
			attempts: 1,
		})
	})
})

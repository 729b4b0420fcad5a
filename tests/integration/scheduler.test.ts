// The response-time scheduler against a real database: reminders to owners, escalations to
// managers and the morning digest, each sent exactly once, even by two schedulers at once (two
// processes, as two servers would be), and only by the one holding the lease.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { DEMO_SERVICE_CONFIG } from '~/domain/service-config.ts'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { createHousehold, createStaff } from '../support/staff.ts'

const { prisma } = await import('~/utils/db.server.ts')
const { runScheduler } = await import('~/integrations/scheduler.server.ts')
const { refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const { saveServiceConfig } = await import('~/models/service-settings.server.ts')

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

// An enquiry on Monday 2 November 2026 is due first contact by the end of Tuesday 3 November (1
// working day): at risk all Tuesday, overdue from Wednesday. November is GMT, so 8am is 08:00Z.
const ENQUIRED = '2026-11-02'
const TUESDAY = new Date('2026-11-03T10:00:00Z')
const WEDNESDAY = new Date('2026-11-04T10:00:00Z')
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000)

const other = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL!, timeout: 5000 }) })
afterAll(() => other.$disconnect())

beforeEach(async () => {
	await prisma.household.deleteMany()
	await prisma.outboxMessage.deleteMany()
	await prisma.clockReminder.deleteMany()
	await prisma.dailyDigest.deleteMany()
	await prisma.schedulerLease.deleteMany()
	// Earlier tests' staff would otherwise get this test's escalations.
	await prisma.staffUser.updateMany({ data: { disabledAt: new Date() } })
	await saveServiceConfig(DEMO_SERVICE_CONFIG)
})

async function householdOwnedBy(ownerId: string | null, enquiredOn = ENQUIRED) {
	const household = await createHousehold({ enquiredOn, ownerId })
	await refreshAllClocks()
	return household
}

const outbox = (template: string) =>
	prisma.outboxMessage.findMany({ where: { template }, orderBy: { toAddress: 'asc' } })

/** Two scheduler processes started together, both beginning their work at the same instant. */
async function twoProcesses(mode: 'run' | 'reminders', now: Date) {
	const startAt = Date.now() + 2500
	const child = (holder: string) =>
		run(
			path.join(ROOT, 'node_modules/.bin/tsx'),
			['tests/support/scheduler-child.ts', mode, holder, now.toISOString(), String(startAt)],
			{
				cwd: ROOT,
				env: process.env,
			}
		).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!))
	return Promise.all([child('server-a'), child('server-b')])
}

describe('at-risk reminders', () => {
	test('go to the owner exactly once, even when two schedulers run at once, and not again later', async () => {
		const owner = await createStaff('officer', 'Amira Hussain')
		const household = await householdOwnedBy(owner.id)

		// Two servers' whole runs: one holds the lease and sends; the other does nothing.
		const results = await twoProcesses('run', TUESDAY)
		expect(results.filter((result) => result === null)).toHaveLength(1)
		const [reminder, ...more] = await outbox('clock-at-risk')
		expect(more).toHaveLength(0)
		expect(reminder).toMatchObject({
			toAddress: owner.email,
			subject: `Deadline coming up: ${household.reference}`,
			householdId: household.id,
		})
		expect(reminder!.text).toContain('Enquiry to first personal contact')
		expect(reminder!.text).toContain('Tuesday 3 November 2026')
		expect(reminder!.text).toContain(`https://fostering.northdale.example/staff/households/${household.id}`)

		// A later run, by a third server once the lease has run out, sends nothing again.
		expect(await runScheduler({ now: minutes(TUESDAY, 10), holder: 'server-c' })).toMatchObject({ atRisk: 0 })
		expect(await outbox('clock-at-risk')).toHaveLength(1)
		expect(await prisma.clockReminder.findMany()).toEqual([
			expect.objectContaining({
				householdId: household.id,
				clockKey: 'first_contact',
				clockStartedOn: ENQUIRED,
				level: 'at_risk',
			}),
		])
	})

	test('two schedulers past the lease at once (one took it over mid-run) still send one each', async () => {
		const owner = await createStaff('officer')
		await householdOwnedBy(owner.id)
		await householdOwnedBy(owner.id)
		const results = await twoProcesses('reminders', TUESDAY)
		// Between them they reminded about both clocks once; one email holds both.
		expect(results.map((result) => result.atRisk).sort()).toEqual([0, 2])
		const emails = await outbox('clock-at-risk')
		expect(emails).toHaveLength(1)
		expect(emails[0]!.subject).toBe('Deadlines coming up: 2 households')
		expect(await prisma.clockReminder.count()).toBe(2)
	})

	test('a household nobody owns gets no at-risk reminder', async () => {
		await householdOwnedBy(null)
		await runScheduler({ now: TUESDAY, holder: 'server-a' })
		expect(await prisma.outboxMessage.count()).toBe(0)
	})
})

describe('the lease', () => {
	test('a second holder does nothing while the lease is live and takes over once it runs out', async () => {
		const owner = await createStaff('officer')
		await householdOwnedBy(owner.id)
		const start = new Date('2026-11-02T09:00:00Z')
		expect(await runScheduler({ now: start, holder: 'server-a' })).not.toBeNull()
		expect(await runScheduler({ now: minutes(start, 1), holder: 'server-b' })).toBeNull()
		// The holder renews it each run: two minutes from its latest.
		expect(await runScheduler({ now: minutes(start, 1), holder: 'server-a' })).not.toBeNull()
		expect(await runScheduler({ now: minutes(start, 2.5), holder: 'server-b' })).toBeNull()
		// Server A has stopped running; its lease runs out and B carries on, sending what is due.
		expect(await runScheduler({ now: TUESDAY, holder: 'server-b' })).toMatchObject({ atRisk: 1 })
		expect(await runScheduler({ now: minutes(TUESDAY, 1), holder: 'server-a' })).toBeNull()
	})

	test('of two servers asking at the same moment on their own connections, exactly one gets it', async () => {
		const answers = await Promise.all([
			runScheduler({ now: TUESDAY, holder: 'server-a' }),
			runScheduler({ now: TUESDAY, holder: 'server-b', db: other }),
		])
		expect(answers.filter((answer) => answer !== null)).toHaveLength(1)
	})
})

describe('overdue escalations', () => {
	test('go once to every active manager, not to officers or managers who have left', async () => {
		const [first, second, left] = [
			await createStaff('manager', 'Manager One'),
			await createStaff('manager', 'Manager Two'),
			await createStaff('manager', 'Manager Gone'),
		]
		await prisma.staffUser.update({ where: { id: left.id }, data: { disabledAt: new Date() } })
		const officer = await createStaff('officer')
		const household = await householdOwnedBy(officer.id)

		expect(await runScheduler({ now: WEDNESDAY, holder: 'server-a' })).toMatchObject({ atRisk: 0, overdue: 1 })
		const emails = await outbox('clock-overdue')
		expect(emails.map((email) => email.toAddress).sort()).toEqual([first.email, second.email].sort())
		expect(emails[0]!.subject).toBe(`Deadline missed: ${household.reference}`)
		expect(emails[0]!.text).toContain('Deadline was: Tuesday 3 November 2026')

		await runScheduler({ now: minutes(WEDNESDAY, 60), holder: 'server-a' })
		expect(await outbox('clock-overdue')).toHaveLength(2)
	})
})

describe('the morning digest', () => {
	test('goes from 8am, once a day, to staff with households due today or overdue', async () => {
		await saveServiceConfig({
			...DEMO_SERVICE_CONFIG,
			clocks: { ...DEMO_SERVICE_CONFIG.clocks, remindAtRisk: false, escalateOverdue: false },
		})
		const dueToday = await createStaff('officer', 'Due Today')
		const dueTomorrow = await createStaff('social_worker', 'Due Tomorrow')
		const household = await householdOwnedBy(dueToday.id)
		await householdOwnedBy(dueTomorrow.id, '2026-11-03')

		await runScheduler({ now: new Date('2026-11-03T07:59:00Z'), holder: 'server-a' })
		expect(await outbox('morning-digest')).toHaveLength(0)

		expect(await runScheduler({ now: new Date('2026-11-03T08:00:00Z'), holder: 'server-a' })).toMatchObject({
			digests: 1,
		})
		const [digest] = await outbox('morning-digest')
		expect(digest).toMatchObject({ toAddress: dueToday.email, subject: 'Your deadlines for Tuesday 3 November 2026' })
		expect(digest!.text).toContain(`${household.displayName} (${household.reference})`)
		expect(digest!.text).toContain('DUE TODAY')

		await runScheduler({ now: new Date('2026-11-03T15:00:00Z'), holder: 'server-a' })
		expect(await outbox('morning-digest')).toHaveLength(1)

		// Wednesday: the first household is overdue and the second due today; both hear.
		await runScheduler({ now: new Date('2026-11-04T08:30:00Z'), holder: 'server-a' })
		const wednesday = (await outbox('morning-digest')).filter((email) => email.subject.includes('Wednesday'))
		expect(wednesday.map((email) => email.toAddress).sort()).toEqual([dueToday.email, dueTomorrow.email].sort())
		expect(wednesday.find((email) => email.toAddress === dueToday.email)!.text).toContain('OVERDUE')
	})
})

test('with every kind switched off, nothing is sent', async () => {
	await saveServiceConfig({
		...DEMO_SERVICE_CONFIG,
		clocks: { atRiskPercent: 75, remindAtRisk: false, escalateOverdue: false, morningDigest: false },
	})
	await createStaff('manager')
	const officer = await createStaff('officer')
	await householdOwnedBy(officer.id)
	await householdOwnedBy(officer.id, '2026-10-26')
	expect(await runScheduler({ now: TUESDAY, holder: 'server-a' })).toEqual({
		atRisk: 0,
		overdue: 0,
		digests: 0,
		placementBonuses: 0,
		heldBackDeleted: 0,
	})
	expect(await prisma.outboxMessage.count()).toBe(0)
	expect(await prisma.clockReminder.count()).toBe(0)
	expect(await prisma.dailyDigest.count()).toBe(0)
})

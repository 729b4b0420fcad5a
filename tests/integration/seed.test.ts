import { describe, expect, test } from 'vitest'
import { ServiceConfigSchema } from '~/domain/service-config.ts'
import { demoLoginsSummary, listDemoLogins } from '~/models/staff.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { generateDemoData } from '../../prisma/demo-data.ts'
import { describeSeed, seedDemoData } from '../../prisma/seed.ts'

// The seed `npm start` runs on every start, against this file's own migrated database.
const TODAY = new Date('2026-11-23T10:30:00Z')
const expected = generateDemoData({ today: TODAY })

async function counts() {
	return {
		households: await prisma.household.count(),
		applicants: await prisma.applicant.count(),
		enquiries: await prisma.enquiry.count(),
		stageEvents: await prisma.stageEvent.count(),
		staff: await prisma.staffUser.count(),
		referralCodes: await prisma.referralCode.count(),
	}
}

describe('seeding the demo council', { timeout: 90_000 }, () => {
	test('fills an empty database with the demo in seconds', async () => {
		const result = await seedDemoData(prisma, { today: TODAY })
		expect(result.seeded).toBe(true)
		if (!result.seeded) return
		// Processor time, because wall-clock time also measures whatever else the machine is
		// running (other test files in parallel). A quiet machine takes about 6 s, half of it the
		// refer-a-friend history, which goes through the real referral rules; two cores shared with
		// the other test files stretch even processor time, so the bound is generous: it catches a
		// seed grown several times slower, not noise.
		expect(result.cpuMs).toBeLessThan(15_000)

		expect(await counts()).toEqual({
			households: expected.households.length,
			applicants: expected.applicants.length,
			enquiries: expected.enquiries.length,
			stageEvents: expected.stageEvents.length,
			staff: 7,
			// The established carers' codes, and one for each household approved (now a carer).
			referralCodes: expected.referralCodes.length + result.approvals,
		})
		expect(result.households).toBe(expected.households.length)
		// Referred enquiries were judged by the rules; some bonuses were earned and paid by payroll.
		expect(result.referrals.referrals).toBe(expected.enquiries.filter((enquiry) => enquiry.referralCodeId).length)
		expect(result.referrals.counted).toBeGreaterThan(10)
		expect(result.referrals.paidPence).toBeGreaterThan(0)
		expect(await prisma.bonusEntry.count({ where: { status: 'earned' } })).toBeGreaterThan(0)
		expect(await prisma.outboxMessage.count()).toBe(0)
		// The demo's possible matches wait for an officer, and the referral on one waits with it.
		expect(await prisma.possibleMatch.count({ where: { status: 'open' } })).toBe(expected.possibleMatches.length)
		expect(expected.possibleMatches.length).toBe(2)
		expect(
			await prisma.referral.findMany({
				where: { householdId: { in: expected.possibleMatches.map((match) => match.newHouseholdId) } },
				select: { status: true, countedHouseholdId: true },
			})
		).toEqual([{ status: 'awaiting_match', countedHouseholdId: null }])
		expect(describeSeed(result)).toMatch(/\d+ enquiries came through 24 carers/)
		expect(await prisma.household.count({ where: { stage: 'approved' } })).toBe(result.approvals)
		expect(result.approvals).toBeGreaterThan(20)
		expect(await prisma.household.count({ where: { status: { not: 'closed' }, stage: { not: 'approved' } } })).toBe(
			result.openNow
		)
		expect(await prisma.household.count({ where: { status: 'on_hold' } })).toBe(result.onHold)

		const settings = await prisma.serviceSettings.findUniqueOrThrow({ where: { id: 1 } })
		expect(ServiceConfigSchema.parse(JSON.parse(settings.data)).organisationName).toBe('Northdale County Council')

		// Relations hold in the database: a household's timeline, its people and their owner.
		const approved = await prisma.household.findFirstOrThrow({
			where: { stage: 'approved', route: 'mainstream' },
			include: { stageEvents: { orderBy: { recordedAt: 'asc' } }, applicants: true, enquiries: true, owner: true },
		})
		expect(approved.stageEvents.map((event) => event.toStage).filter(Boolean)).toEqual([
			'enquiry',
			'initial_contact',
			'initial_visit',
			'application',
			'stage_1',
			'stage_2',
			'panel',
			'approved',
		])
		expect(approved.owner?.role).toBe('social_worker')
		expect(approved.applicants.some((applicant) => applicant.isPrimary)).toBe(true)
		expect(approved.enquiries[0]!.consentGiven).toBe(true)

		expect(describeSeed(result)).toMatch(
			new RegExp(
				`^Loaded demo data for Northdale County Council: ${result.households.toLocaleString('en-GB')} households`
			)
		)

		// One demo account per role, all with the demo password, printed by the seed and at start-up.
		const summary = describeSeed(result)
		expect(summary).toContain('every account has the password "fostering-demo-2026"')
		for (const user of expected.staff) expect(summary).toContain(user.email)
		const { logins } = await listDemoLogins()
		expect(logins.map((login) => login.role).sort()).toEqual(expected.staff.map((user) => user.role).sort())
		expect(await demoLoginsSummary()).toMatch(
			/^Demo staff sign-ins .*\n {2}gareth\.pryce@northdale\.example +Administrator\n/
		)
	})

	test('inserts nothing on a second run, and says it kept the existing data', async () => {
		const before = await counts()
		const result = await seedDemoData(prisma, { today: new Date() })
		expect(result).toEqual({ seeded: false, households: before.households })
		expect(await counts()).toEqual(before)
		expect(describeSeed(result)).toContain('kept the existing data')
	})

	test('keeps a service’s own settings and staff accounts when it seeds a database without households', async () => {
		const config = ServiceConfigSchema.parse(
			JSON.parse((await prisma.serviceSettings.findUniqueOrThrow({ where: { id: 1 } })).data)
		)
		await prisma.serviceSettings.update({
			where: { id: 1 },
			data: { data: JSON.stringify({ ...config, serviceName: 'Fostering in Ashby Vale' }) },
		})
		const manager = await prisma.staffUser.findFirstOrThrow({ where: { role: 'manager' } })
		// The manager has chosen their own password since.
		const ownPassword = await hashPassword('the manager’s own password')
		await prisma.staffUser.update({ where: { id: manager.id }, data: { passwordHash: ownPassword } })
		const codesBefore = await prisma.referralCode.count()
		await prisma.bonusEntry.deleteMany()
		await prisma.referral.deleteMany()
		await prisma.household.deleteMany()

		const result = await seedDemoData(prisma, { today: TODAY })
		expect(result.seeded).toBe(true)
		const after = await counts()
		expect(after.households).toBe(expected.households.length)
		expect(after.staff).toBe(7)
		// The carers (and their codes) outlive the households; the new approvals are the same people.
		expect(after.referralCodes).toBe(codesBefore)
		const settings = await prisma.serviceSettings.findUniqueOrThrow({ where: { id: 1 } })
		expect(JSON.parse(settings.data).serviceName).toBe('Fostering in Ashby Vale')
		expect(await prisma.stageEvent.count({ where: { actorId: manager.id } })).toBeGreaterThan(0)
		expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: manager.id } })).passwordHash).toBe(ownPassword)
		expect(describeSeed(result)).not.toContain('Demo staff sign-ins')
		expect((await listDemoLogins()).logins.map((login) => login.email)).not.toContain(manager.email)
	})
})

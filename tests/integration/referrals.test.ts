import type { ActionFunctionArgs } from '@remix-run/node'
import { afterEach, describe, expect, test } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { createHousehold, createStaff } from '../support/staff.ts'

// Referrals and their bonuses against a real database: a friend enquiring with a carer's code, the
// household's approval and placement earning the bonus, and the rules that stop a bonus being
// earned, or paid, twice.

const { action: enquire } = await import('~/routes/_enquiry+/enquire.tsx')
const { prisma } = await import('~/utils/db.server.ts')
const { runStageCommand } = await import('~/models/households.server.ts')
const { addCarer, recordPlacement } = await import('~/models/carers.server.ts')
const { attachReferral, detachReferral, overrideReferral, householdReferrals } =
	await import('~/models/referrals.server.ts')
const { earnDuePlacementMilestones } = await import('~/models/bonus-milestones.server.ts')
const { applyLedgerAction } = await import('~/models/bonus-ledger.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const { addCalendarDays } = await import('~/domain/working-days.ts')
const { DEFAULT_BONUS_RULES } = await import('~/domain/bonus-scheme.ts')
const { findFunnelFactDisagreements } = await import('~/models/funnel-facts.server.ts')
const { confirmMatch } = await import('~/models/possible-matches.server.ts')

const manager = await createStaff('manager', 'Mina Manager')

let ip = 0
async function enquireWith(fields: Record<string, string>) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(validEnquiryFields(fields)).toString(),
	})
	try {
		await enquire({ request, context: { cspNonce: '', clientIp: `192.0.2.${++ip}` }, params: {} } as ActionFunctionArgs)
	} catch (thrown) {
		if (!(thrown instanceof Response) || thrown.status !== 303) throw thrown
	}
	return prisma.household.findFirstOrThrow({
		where: { applicants: { some: { emailNormalized: fields.email!.toLowerCase() } } },
	})
}

async function newCarer(name: string, kind: 'foster_carer' | 'staff' = 'foster_carer') {
	const email = `${name.split(' ')[0]!.toLowerCase()}.${crypto.randomUUID().slice(0, 6)}@example.com`
	const added = await addCarer({
		name,
		email,
		phone: null,
		kind,
		approvedOn: '2023-05-01',
		shortBreakOnly: false,
		actor: manager,
	})
	if (!added.ok) throw new Error('carer not added')
	return { ...added.carer, email }
}

/** Takes a household through the pipeline to approval today, as staff would. */
async function approve(householdId: string) {
	const run = async (command: Parameters<typeof runStageCommand>[0]['command']) => {
		const { version } = await prisma.household.findUniqueOrThrow({ where: { id: householdId } })
		return runStageCommand({ householdId, expectedVersion: version, actor: manager, command, audit: command.type })
	}
	const path = ['initial_contact', 'initial_visit', 'application', 'stage_1', 'stage_2', 'panel', 'approved']
	const { stage } = await prisma.household.findUniqueOrThrow({ where: { id: householdId } })
	for (const toStage of path.slice(path.indexOf(stage) + 1)) {
		// Stage 1 runs alongside Stage 2 and must be complete before panel.
		if (toStage === 'panel') await run({ type: 'complete_stage_1', businessDate: today() })
		const moved = await run({ type: 'move', toStage, businessDate: today() })
		if (!moved.ok) throw new Error(moved.error)
	}
}

const entriesOf = (referralId: string) =>
	prisma.bonusEntry.findMany({ where: { referralId }, orderBy: { milestone: 'asc' } })

describe('a friend who enquires with a carer’s code', () => {
	test('is a counted referral with £250 + £250 pending, via the link when the code came with it', async () => {
		const maggie = await newCarer('Maggie Okafor')
		const typed = await enquireWith({ email: 'typed@example.com', referralCode: maggie.code.toLowerCase() })
		const linked = await enquireWith({ email: 'linked@example.com', referralCode: maggie.code, ref: maggie.code })

		const referrals = await prisma.referral.findMany({
			where: { householdId: { in: [typed.id, linked.id] } },
			orderBy: { via: 'asc' },
		})
		expect(referrals.map((referral) => [referral.householdId, referral.via, referral.status])).toEqual([
			[typed.id, 'code', 'counted'],
			[linked.id, 'link', 'counted'],
		])
		expect(
			(await entriesOf(referrals[0]!.id)).map((entry) => [entry.milestone, entry.amountPence, entry.status])
		).toEqual([
			['approved', 25_000, 'pending'],
			['placement', 25_000, 'pending'],
		])
	})

	test('an unknown or inactive code attaches nothing, and the enquiry is still taken', async () => {
		const household = await enquireWith({ email: 'nocode@example.com', referralCode: 'ZZZZ9999' })
		expect(household.stage).toBe('enquiry')
		expect(await prisma.referral.count({ where: { householdId: household.id } })).toBe(0)
	})
})

describe('approval', () => {
	test('makes the household a carer with its own code and earns the referrer’s bonus, emailing them', async () => {
		const maggie = await newCarer('Maggie Approver')
		const friend = await enquireWith({ email: 'approved.friend@example.com', referralCode: maggie.code })
		await approve(friend.id)

		const newCarerRecord = await prisma.carer.findUniqueOrThrow({
			where: { householdId: friend.id },
			include: { referralCodes: true },
		})
		expect(newCarerRecord).toMatchObject({
			kind: 'foster_carer',
			approvedOn: today(),
			emailNormalized: 'approved.friend@example.com',
		})
		expect(newCarerRecord.referralCodes).toHaveLength(1)

		const referral = await prisma.referral.findUniqueOrThrow({ where: { countedHouseholdId: friend.id } })
		expect((await entriesOf(referral.id)).map((entry) => [entry.milestone, entry.status, entry.earnedOn])).toEqual([
			['approved', 'earned', today()],
			['placement', 'pending', null],
		])
		const email = await prisma.outboxMessage.findFirstOrThrow({
			where: { template: 'referral-bonus-earned', toAddress: maggie.email },
		})
		expect(email.subject).toBe('You have earned a £250 referral bonus')
		expect(email.text).not.toContain('approved.friend')
	})

	test('a placement that has lasted 12 weeks earns the second bonus; a newer one waits for the scheduler', async () => {
		const maggie = await newCarer('Maggie Placer')
		const friend = await enquireWith({ email: 'placed.friend@example.com', referralCode: maggie.code })
		await approve(friend.id)
		const carer = await prisma.carer.findUniqueOrThrow({ where: { householdId: friend.id } })
		const referral = await prisma.referral.findUniqueOrThrow({ where: { countedHouseholdId: friend.id } })

		// Started 83 days ago: one day short of 12 weeks.
		const placed = await recordPlacement({
			carerId: carer.id,
			startedOn: addCalendarDays(today(), -83),
			endedOn: null,
			childReference: 'C-1042',
			actor: manager,
		})
		expect(placed.earned).toBe(0)
		expect(await earnDuePlacementMilestones(today())).toBe(0)
		expect(await earnDuePlacementMilestones(addCalendarDays(today(), 1))).toBe(1)
		const placement = (await entriesOf(referral.id)).find((entry) => entry.milestone === 'placement')!
		expect(placement).toMatchObject({ status: 'earned', earnedOn: addCalendarDays(today(), 1), amountPence: 25_000 })
		// Running again earns nothing more.
		expect(await earnDuePlacementMilestones(addCalendarDays(today(), 2))).toBe(0)
	})

	test('a raised bonus applies to referrals made from its date, not to earlier ones', async () => {
		const maggie = await newCarer('Maggie Before')
		const before = await enquireWith({ email: 'before.raise@example.com', referralCode: maggie.code })
		await prisma.bonusScheme.create({
			data: {
				effectiveFrom: today(),
				rules: JSON.stringify({
					approvedPence: 150_000,
					placementPence: 150_000,
					placementWeeks: 12,
					welcomePence: 10_000,
					shortBreakPercent: 50,
					eligibleReferrerKinds: ['foster_carer'],
					contactWindowMonths: 6,
				}),
			},
		})
		try {
			// The earlier referral was made today too, but under the scheme in force when it was made.
			const after = await enquireWith({ email: 'after.raise@example.com', referralCode: maggie.code })
			const amounts = async (householdId: string) =>
				(await prisma.bonusEntry.findMany({ where: { referral: { householdId } }, orderBy: { milestone: 'asc' } })).map(
					(entry) => [entry.milestone, entry.amountPence]
				)
			expect(await amounts(before.id)).toEqual([
				['approved', 25_000],
				['placement', 25_000],
			])
			expect(await amounts(after.id)).toEqual([
				['approved', 150_000],
				['placement', 150_000],
				['welcome', 10_000],
			])
			await approve(after.id)
			const welcome = await prisma.bonusEntry.findFirstOrThrow({
				where: { referral: { householdId: after.id }, milestone: 'welcome' },
			})
			const newCarerRecord = await prisma.carer.findUniqueOrThrow({ where: { householdId: after.id } })
			expect(welcome).toMatchObject({ status: 'earned', payeeId: newCarerRecord.id })
		} finally {
			// Back to £250 + £250 for the other tests: a later version the same day wins.
			await prisma.bonusScheme.create({ data: { effectiveFrom: today(), rules: JSON.stringify(DEFAULT_BONUS_RULES) } })
		}
	})
})

describe('who may earn', () => {
	test('a kinship household, a carer’s own household and a returning household earn nothing', async () => {
		const maggie = await newCarer('Maggie Rules')
		const kinship = await enquireWith({
			email: 'kin@example.com',
			referralCode: maggie.code,
			kinship: 'yes',
			kinshipDetails: 'My grandson',
		})
		const own = await enquireWith({ email: maggie.email, referralCode: maggie.code })
		const returning = await createHousehold({
			email: 'returning@example.com',
			enquiredOn: addCalendarDays(today(), -60),
		})
		// The returning household's enquiry is a household of its own until an officer confirms it is
		// the same one: its referral waits, earning nothing, and is judged against the household it joins.
		await enquireWith({ email: 'returning@example.com', referralCode: maggie.code })
		const match = await prisma.possibleMatch.findFirstOrThrow({ where: { existingHouseholdId: returning.id } })
		expect(await prisma.referral.findFirstOrThrow({ where: { householdId: match.newHouseholdId } })).toMatchObject({
			status: 'awaiting_match',
			countedHouseholdId: null,
		})
		const versions = await prisma.household.findMany({ where: { id: { in: [match.newHouseholdId, returning.id] } } })
		const confirmed = await confirmMatch({
			matchId: match.id,
			actor: manager,
			newVersion: versions.find((row) => row.id === match.newHouseholdId)!.version,
			existingVersion: versions.find((row) => row.id === returning.id)!.version,
			keep: 'existing',
			reason: '',
		})
		expect(confirmed.ok).toBe(true)
		const reasons = await prisma.referral.findMany({
			where: { householdId: { in: [kinship.id, own.id, returning.id] } },
			select: { householdId: true, status: true, ineligibleReason: true, countedHouseholdId: true },
		})
		expect(reasons).toEqual(
			expect.arrayContaining([
				{ householdId: kinship.id, status: 'not_eligible', ineligibleReason: 'kinship', countedHouseholdId: null },
				{ householdId: own.id, status: 'not_eligible', ineligibleReason: 'own_household', countedHouseholdId: null },
				{
					householdId: returning.id,
					status: 'not_eligible',
					ineligibleReason: 'recent_contact',
					countedHouseholdId: null,
				},
			])
		)
		expect(
			await prisma.bonusEntry.count({
				where: { referral: { householdId: { in: [kinship.id, own.id, returning.id] } } },
			})
		).toBe(0)
	})

	test('the first referrer wins; staff can count the second instead, with a reason, and the first’s bonus is void', async () => {
		const first = await newCarer('Ann First')
		const second = await newCarer('Bea Second')
		const friend = await enquireWith({ email: 'two.referrers@example.com', referralCode: first.code })
		const household = await prisma.household.findUniqueOrThrow({ where: { id: friend.id } })
		const attached = await attachReferral({
			householdId: friend.id,
			expectedVersion: household.version,
			actor: manager,
			code: second.code,
			reason: 'Bea told the household about us at the school gate',
		})
		expect(attached).toMatchObject({
			ok: true,
			value: { status: 'not_eligible', reasonText: 'Another referrer referred this household first' },
		})
		if (!attached.ok) return
		const secondReferral = (await householdReferrals(prisma, friend.id)).find(
			(referral) => referral.referrer.name === 'Bea Second'
		)!
		expect(secondReferral.overridable).toBe(true)

		const overridden = await overrideReferral({
			householdId: friend.id,
			expectedVersion: attached.version,
			actor: manager,
			referralId: secondReferral.id,
			reason: 'Ann agrees Bea made the introduction',
		})
		expect(overridden.ok).toBe(true)
		const referrals = await householdReferrals(prisma, friend.id)
		expect(
			referrals.map((referral) => [
				referral.referrer.name,
				referral.status,
				referral.bonusEntries.map((entry) => entry.status),
			])
		).toEqual(
			expect.arrayContaining([
				['Ann First', 'detached', ['void', 'void']],
				['Bea Second', 'counted', ['pending', 'pending']],
			])
		)
		const audit = await prisma.auditEntry.findMany({ where: { householdId: friend.id }, orderBy: { at: 'asc' } })
		expect(audit.map((entry) => entry.detail)).toEqual(
			expect.arrayContaining([
				'Attached a referral from Bea Second: Bea told the household about us at the school gate',
				'Counted the referral from Bea Second instead: Ann agrees Bea made the introduction',
			])
		)
	})

	test('a referral whose bonus has been paid cannot be detached', async () => {
		const maggie = await newCarer('Maggie Paid')
		const friend = await enquireWith({ email: 'paid.friend@example.com', referralCode: maggie.code })
		await approve(friend.id)
		const entry = await prisma.bonusEntry.findFirstOrThrow({
			where: { referral: { householdId: friend.id }, milestone: 'approved' },
		})
		await prisma.$transaction(async (tx) => {
			expect(await applyLedgerAction(tx, entry.id, { kind: 'approve' }, manager)).toEqual({
				ok: true,
				status: 'approved',
			})
			expect(
				await applyLedgerAction(
					tx,
					entry.id,
					{ kind: 'pay', method: 'payroll', paidOn: today(), reference: 'PAYROLL-NOV' },
					manager
				)
			).toEqual({ ok: true, status: 'paid' })
		})
		const household = await prisma.household.findUniqueOrThrow({ where: { id: friend.id } })
		const referral = await prisma.referral.findUniqueOrThrow({ where: { countedHouseholdId: friend.id } })
		const detached = await detachReferral({
			householdId: friend.id,
			expectedVersion: household.version,
			actor: manager,
			referralId: referral.id,
			reason: 'Mistake',
		})
		expect(detached).toMatchObject({ ok: false })
		expect(
			await prisma.outboxMessage.count({ where: { template: 'referral-bonus-paid', toAddress: maggie.email } })
		).toBe(1)
	})
})

describe('the ledger', () => {
	test('holds one entry per referral and milestone, whatever the code does', async () => {
		const maggie = await newCarer('Maggie Unique')
		const friend = await enquireWith({ email: 'unique.friend@example.com', referralCode: maggie.code })
		const referral = await prisma.referral.findUniqueOrThrow({ where: { countedHouseholdId: friend.id } })
		await expect(
			prisma.bonusEntry.create({
				data: { referralId: referral.id, milestone: 'approved', payeeId: maggie.id, amountPence: 25_000 },
			})
		).rejects.toThrow(/Unique constraint/)
	})

	test('refuses to approve the same bonus twice', async () => {
		const maggie = await newCarer('Maggie Twice')
		const friend = await enquireWith({ email: 'twice.friend@example.com', referralCode: maggie.code })
		await approve(friend.id)
		const entry = await prisma.bonusEntry.findFirstOrThrow({
			where: { referral: { householdId: friend.id }, milestone: 'approved' },
		})
		const results = await Promise.all(
			[1, 2].map(() => prisma.$transaction((tx) => applyLedgerAction(tx, entry.id, { kind: 'approve' }, manager)))
		)
		expect(results.filter((result) => result.ok)).toHaveLength(1)
		expect(
			await prisma.auditEntry.count({
				where: { detail: { startsWith: 'Approved the £250 referral bonus' }, householdId: friend.id },
			})
		).toBe(1)
	})
})

// Attaching and detaching go through changeHousehold, which rewrites the household's funnel row.
afterEach(async () => {
	expect(await findFunnelFactDisagreements()).toEqual([])
})

describe('the funnel', () => {
	test('counts a household as referred until staff detach its referral', async () => {
		const carer = await newCarer('Fay Funnel')
		const friend = await enquireWith({ email: 'funnel.friend@example.com', referralCode: carer.code })
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: friend.id } })).toMatchObject({
			referred: true,
		})
		const [referral] = await householdReferrals(prisma, friend.id)
		const detached = await detachReferral({
			householdId: friend.id,
			expectedVersion: friend.version,
			actor: manager,
			referralId: referral!.id,
			reason: 'The household found us before the carer mentioned us',
		})
		expect(detached.ok).toBe(true)
		expect(await prisma.funnelFact.findUniqueOrThrow({ where: { householdId: friend.id } })).toMatchObject({
			referred: false,
		})
	})
})

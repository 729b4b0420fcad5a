import { isCalendarDate, addCalendarDays, londonDate, type CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { applyLedgerAction } from '~/models/bonus-ledger.server.ts'
import { earnReachedMilestones, householdApproved } from '~/models/bonus-milestones.server.ts'
import { referralsFromEnquiries } from '~/models/referrals.server.ts'
import { mulberry32 } from './demo-data.ts'

// The demo council's refer-a-friend history, loaded by prisma/seed.ts in the same transaction as
// the rest of the demo data. Unlike the pipeline (written as rows from prisma/demo-data.ts), it is
// made through the real models, so the demo shows exactly what the rules would have done: the
// carers who own the demo referral codes, each referred enquiry judged under the scheme, approved
// households made carers, placements, and bonuses approved and paid through payroll by the manager.

const ESTABLISHED_CARERS = [
	'Maggie and Dele Okonjo',
	'Sue Pickering',
	'Rashid and Nadia Karim',
	'Gwen Thomas',
	'Paul and Denise Hartley',
	'Bronwen Lloyd',
	'Kwame and Efua Boateng',
	'Lesley Armitage',
	'Imran and Sadia Qureshi',
	'Carol Whitaker',
	'Declan and Siobhan Murphy',
	'Janet Oyelaran',
	'Steve and Karen Holroyd',
	'Agnieszka Nowak',
	'Mohammed and Farah Rahman',
	'Pauline Greenwood',
	'Tunde and Bisi Adeyemi',
	'Hazel Brook',
	'Gurpreet and Harjit Sandhu',
	'Val Simpson',
	'Neil and Joanne Fairclough',
	'Yvonne Clarke',
	'Lloyd and Marcia Campbell',
	'Ann Marie Doyle',
]

export type DemoReferralSummary = { referrers: number; referrals: number; counted: number; paidPence: number }

export async function seedDemoReferrals(
	tx: Prisma.TransactionClient,
	input: { today: Date; manager: StaffIdentity; seed: number }
): Promise<DemoReferralSummary> {
	const random = mulberry32(input.seed + 5)
	const today = londonDate(input.today)
	const codes = await tx.referralCode.findMany({ where: { carerId: null }, orderBy: { id: 'asc' } })

	// The carers who already foster for the council and own the demo codes.
	for (const [index, code] of codes.entries()) {
		const name = ESTABLISHED_CARERS[index % ESTABLISHED_CARERS.length]!
		const slug = name
			.toLowerCase()
			.replace(/[^a-z]+/g, '.')
			.replace(/^\.|\.$/g, '')
		const carer = await tx.carer.create({
			data: {
				name,
				email: `${slug}@carers.northdale.example`,
				emailNormalized: `${slug}@carers.northdale.example`,
				approvedOn: addCalendarDays(today, -Math.floor(400 + random() * 3000)),
				shortBreakOnly: random() < 0.1,
				createdById: input.manager.id,
			},
		})
		await tx.referralCode.update({ where: { id: code.id }, data: { carerId: carer.id } })
	}

	// Every enquiry that came with a code, judged as the enquiry form would have.
	const referred = await tx.enquiry.findMany({
		where: { referralCodeId: { not: null } },
		select: { id: true, householdId: true, referralCodeId: true, receivedAt: true, landingPage: true },
		orderBy: { receivedAt: 'asc' },
	})
	await referralsFromEnquiries(
		tx,
		referred.map((enquiry) => ({
			householdId: enquiry.householdId,
			enquiryId: enquiry.id,
			referralCodeId: enquiry.referralCodeId!,
			via: random() < 0.6 ? 'link' : 'code',
			receivedAt: enquiry.receivedAt,
		}))
	)

	// Approved households become carers; most referred ones have had a child placed since.
	const approvals = await tx.stageEvent.findMany({
		where: { kind: 'entered', toStage: 'approved', household: { stage: 'approved' } },
		select: { householdId: true, businessDate: true },
		orderBy: { businessDate: 'asc' },
	})
	for (const approval of approvals) {
		await householdApproved(tx, approval.householdId, approval.businessDate)
		const carer = await tx.carer.findUnique({ where: { householdId: approval.householdId } })
		if (!carer || random() < 0.25) continue
		const startedOn = addCalendarDays(approval.businessDate, Math.floor(14 + random() * 90))
		if (startedOn > today) continue
		await tx.placement.create({
			data: {
				carerId: carer.id,
				startedOn,
				endedOn: null,
				recordedById: input.manager.id,
				childReference: `NDC-${Math.floor(10000 + random() * 89999)}`,
			},
		})
		await earnReachedMilestones(tx, approval.householdId, today)
	}

	// Bonuses earned more than a month ago were approved and paid with the next payroll; newer
	// ones wait for the manager, as they would on a real Monday morning.
	const earned = await tx.bonusEntry.findMany({ where: { status: 'earned' }, orderBy: { earnedOn: 'asc' } })
	let paidPence = 0
	for (const [index, entry] of earned.entries()) {
		const earnedOn = entry.earnedOn!
		if (addCalendarDays(earnedOn, 30) > today || index >= earned.length - 3) continue
		await applyLedgerAction(tx, entry.id, { kind: 'approve' }, input.manager)
		const paidOn = payrollDay(earnedOn)
		if (paidOn > today) continue
		const outcome = await applyLedgerAction(
			tx,
			entry.id,
			{ kind: 'pay', method: 'payroll', paidOn, reference: `PAYROLL-${paidOn.slice(0, 7)}` },
			input.manager
		)
		if (outcome.ok) paidPence += entry.amountPence
	}
	// The demo's history is not news: its bonus emails were "sent" long ago.
	await tx.outboxMessage.deleteMany({ where: { template: { startsWith: 'referral-bonus-' } } })

	const referrals = await tx.referral.groupBy({ by: ['status'], _count: true })
	return {
		referrers: codes.length,
		referrals: referrals.reduce((sum, group) => sum + group._count, 0),
		counted: referrals.find((group) => group.status === 'counted')?._count ?? 0,
		paidPence,
	}
}

/** Payroll runs on the 25th: the first 25th at least a week after the bonus was earned. */
function payrollDay(earnedOn: CalendarDate): CalendarDate {
	const week = addCalendarDays(earnedOn, 7)
	let payday = `${week.slice(0, 8)}25`
	if (payday < week) {
		const [year, month] = [Number(week.slice(0, 4)), Number(week.slice(5, 7))]
		payday = month === 12 ? `${year + 1}-01-25` : `${year}-${String(month + 1).padStart(2, '0')}-25`
	}
	return isCalendarDate(payday) ? payday : week
}

import { beforeAll, describe, expect, test } from 'vitest'
import type { StaffRole } from '~/domain/staff.ts'
import type { StageKey } from '~/domain/stages.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The referral report reads households, referrals and paid bonuses for a period of enquiry dates
// and shows aggregates only: anyone who may see reports may see it.

const { prisma } = await import('~/utils/db.server.ts')
const page = await import('~/routes/staff+/_reports+/reports.referrals.tsx')
const csv = await import('~/routes/staff+/_reports+/reports.referrals[.]csv.ts')

/** The parts of the report's rows these tests read. */
type ReferralMonth = { label: string; made: number; counted: number; notEligible: number }
type StageConversion = { stage: string }
type SpendMonth = { pence: number }

const PERIOD = 'from-day=1&from-month=3&from-year=2025&to-day=31&to-month=5&to-year=2025'
let officer: SignedIn
let carerId: string

async function referred(
	options: { stage: StageKey; enquiredOn: string; route?: 'mainstream' | 'kinship' },
	status: 'counted' | 'not_eligible' | 'detached',
	paid: { milestone: string; amountPence: number; paidOn: string }[] = []
) {
	const household = await createHousehold(options)
	const referral = await prisma.referral.create({
		data: {
			referrerId: carerId,
			householdId: household.id,
			via: 'code',
			referredOn: options.enquiredOn,
			status,
			countedHouseholdId: status === 'counted' ? household.id : null,
			schemeId: 'initial-bonus-scheme',
		},
	})
	for (const bonus of paid) {
		await prisma.bonusEntry.create({
			data: { referralId: referral.id, payeeId: carerId, status: 'paid', paymentMethod: 'payroll', ...bonus },
		})
	}
	return household
}

beforeAll(async () => {
	officer = await signedInAs('officer')
	carerId = (
		await prisma.carer.create({
			data: { name: 'Ada Carer', email: 'ada@example.com', emailNormalized: 'ada@example.com' },
		})
	).id
	// In the period (March to May 2025), mainstream: two referred, three others (one detached).
	await referred({ stage: 'approved', enquiredOn: '2025-03-10' }, 'counted', [
		{ milestone: 'approved', amountPence: 25_000, paidOn: '2025-04-20' },
		{ milestone: 'welcome', amountPence: 10_000, paidOn: '2025-05-02' },
	])
	await referred({ stage: 'application', enquiredOn: '2025-04-02' }, 'not_eligible')
	await referred({ stage: 'enquiry', enquiredOn: '2025-04-03' }, 'detached')
	await createHousehold({ stage: 'approved', enquiredOn: '2025-03-15' })
	await createHousehold({ stage: 'enquiry', enquiredOn: '2025-05-20' })
	// Not in the households of the period: a kinship household, and one that enquired before it
	// (its bonus, paid in May, is still spend in May).
	await referred({ stage: 'approved', enquiredOn: '2025-03-11', route: 'kinship' }, 'not_eligible')
	await referred({ stage: 'approved', enquiredOn: '2025-02-01' }, 'counted', [
		{ milestone: 'approved', amountPence: 25_000, paidOn: '2025-05-30' },
	])
})

describe('the referral report', () => {
	test('is for administrators, managers and officers; social workers and read-only staff get 403', async () => {
		for (const role of ['administrator', 'manager'] as StaffRole[]) {
			expect(
				(await runRoute(page.loader, staffRequest('/staff/reports/referrals', await signedInAs(role)))).status
			).toBe(200)
		}
		for (const role of ['social_worker', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			expect((await runRoute(page.loader, staffRequest('/staff/reports/referrals', someone))).status).toBe(403)
			expect(
				(await runRoute(csv.loader, staffRequest('/staff/reports/referrals.csv?table=months', someone))).status
			).toBe(403)
		}
	})

	test('counts referrals, referred enquiries and approvals, spend and cost per approved household', async () => {
		const { status, data } = await runRoute(page.loader, staffRequest(`/staff/reports/referrals?${PERIOD}`, officer))
		expect(status).toBe(200)
		const report = data.report
		expect(report.referralsMade).toBe(3)
		expect(report.referralsByMonth.map((m: ReferralMonth) => [m.label, m.made, m.counted, m.notEligible])).toEqual([
			['Mar 2025', 2, 1, 1],
			['Apr 2025', 1, 0, 1],
			['May 2025', 0, 0, 0],
		])
		expect(report.enquiriesFromReferrals).toBe(2)
		expect(report.approvalsFromReferrals).toBe(1)
		expect(report.conversion.othersTotal).toBe(3)
		const at = (stage: string) => report.conversion.stages.find((row: StageConversion) => row.stage === stage)
		expect(at('application').referred).toEqual({ reached: 2, share: 1 })
		expect(at('application').others).toEqual({ reached: 1, share: 1 / 3 })
		expect(at('approved').referred).toEqual({ reached: 1, share: 0.5 })
		expect(at('approved').others).toEqual({ reached: 1, share: 1 / 3 })
		expect(report.spendByMonth.map((m: SpendMonth) => m.pence)).toEqual([0, 25_000, 35_000])
		expect(report.spendInPeriodPence).toBe(60_000)
		// The household of the period's bonuses (£250 + £100 welcome) over its one approval.
		expect(report.costPerApprovedPence).toBe(35_000)
	})

	test('refuses a period that ends before it starts, with a GOV.UK message', async () => {
		const query = 'from-day=1&from-month=6&from-year=2025&to-day=1&to-month=5&to-year=2025'
		const { status, data } = await runRoute(page.loader, staffRequest(`/staff/reports/referrals?${query}`, officer))
		expect(status).toBe(400)
		expect(data.errors).toEqual([
			{ field: 'to', message: 'The end of the period must be the same as or after the start' },
		])
		expect(data.report).toBeNull()
	})

	test('downloads the same figures as CSV', async () => {
		const months = await runRoute(
			csv.loader,
			staffRequest(`/staff/reports/referrals.csv?table=months&${PERIOD}`, officer)
		)
		expect(months.status).toBe(200)
		expect(months.headers.get('Content-Disposition')).toBe(
			'attachment; filename="referrals-months-2025-03-01-to-2025-05-31.csv"'
		)
		expect(months.data.replace('\uFEFF', '').trim().split(/\r?\n/)).toEqual([
			// The page's headings; the amounts in pounds as a spreadsheet reads them (the page says £250).
			'Month,Referrals made,Counted,Not eligible,Bonuses paid,Amount paid',
			'2025-03,2,1,1,0,0.00',
			'2025-04,1,0,1,1,250.00',
			'2025-05,0,0,0,2,350.00',
		])
		const stages = await runRoute(
			csv.loader,
			staffRequest(`/staff/reports/referrals.csv?table=stages&${PERIOD}`, officer)
		)
		const lines = stages.data.replace('\uFEFF', '').trim().split(/\r?\n/)
		expect(lines[0]).toBe('Stage,Referred households,Share of referred,Other households,Share of others')
		expect(lines.at(-1)).toBe('Approved,1,50%,1,33%')
		expect((await runRoute(csv.loader, staffRequest('/staff/reports/referrals.csv?table=names', officer))).status).toBe(
			404
		)
	})
})

import { costPerApproved, referralsByMonth, spendByMonth, stageConversion } from '~/domain/referral-report.ts'
import { furthestStage } from '~/domain/referral-progress.ts'
import { londonBounds, type ReportPeriod } from '~/domain/report-period.ts'
import { prisma } from '~/utils/db.server.ts'

// The referral report (/staff/reports/referrals): aggregates only, no household's or carer's
// details, so everyone who may see reports may see it. The rows are read here; the counting is the
// pure app/domain/referral-report.ts (its header states the rules the page repeats).

export async function loadReferralReport(period: ReportPeriod) {
	const enquiredIn = londonBounds(period)
	const [households, referrals, paidInPeriod, paidForCohort] = await Promise.all([
		prisma.household.findMany({
			where: { route: 'mainstream', firstEnquiryAt: enquiredIn },
			select: {
				stageEvents: { select: { kind: true, toStage: true } },
				referrals: { where: { status: { not: 'detached' } }, select: { id: true } },
			},
		}),
		prisma.referral.findMany({
			where: { referredOn: { gte: period.from, lte: period.to } },
			select: { referredOn: true, status: true },
		}),
		prisma.bonusEntry.findMany({
			where: { status: 'paid', paidOn: { gte: period.from, lte: period.to } },
			select: { paidOn: true, amountPence: true },
		}),
		// Every bonus paid so far for the households that enquired in the period, whenever paid.
		prisma.bonusEntry.aggregate({
			where: { status: 'paid', referral: { household: { route: 'mainstream', firstEnquiryAt: enquiredIn } } },
			_sum: { amountPence: true },
		}),
	])
	const conversion = stageConversion(
		households.map((household) => ({
			referred: household.referrals.length > 0,
			furthestStage: furthestStage(household.stageEvents),
		}))
	)
	const approvedThroughReferrals = conversion.stages.at(-1)!.referred.reached
	const paidPence = paidForCohort._sum.amountPence ?? 0
	const byMonth = referralsByMonth(referrals, period)
	const spend = spendByMonth(
		paidInPeriod.map((entry) => ({ paidOn: entry.paidOn!, amountPence: entry.amountPence })),
		period
	)
	return {
		referralsMade: byMonth.reduce((sum, month) => sum + month.made, 0),
		referralsByMonth: byMonth,
		enquiriesFromReferrals: conversion.referredTotal,
		approvalsFromReferrals: approvedThroughReferrals,
		conversion,
		spendByMonth: spend,
		spendInPeriodPence: spend.reduce((sum, month) => sum + month.pence, 0),
		paidForReferredPence: paidPence,
		costPerApprovedPence: costPerApproved(paidPence, approvedThroughReferrals),
	}
}

export type ReferralReport = Awaited<ReturnType<typeof loadReferralReport>>

import {
	annualReturn,
	type AnnualReturn,
	type ApprovalDates,
	type ExitCount,
	type RouteCounts,
} from '~/domain/annual-return.ts'
import type { OfstedWithdrawalCode } from '~/domain/exit-reasons.ts'
import { FUNNEL_ROUTES, type FunnelRoute } from '~/domain/funnel.ts'
import type { ReportPeriod } from '~/domain/report-period.ts'
import type { StageKey } from '~/domain/stages.ts'
import { prisma } from '~/utils/db.server.ts'

// The annual return's figures, as SQL aggregates over FunnelFact like the funnel's (ADR 013):
// each count is one range of a stage's date index or of the exits index; only the year's
// approvals are read row by row, to pair each one's application and approval dates.

type Counted = { count: bigint | number }

/** The first enquiry on record: where the list of years starts. */
export async function earliestEnquiry(): Promise<string | null> {
	const rows = await prisma.$queryRaw<{ first: string | null }[]>`
		SELECT MIN("enquiredOn") AS first FROM "FunnelFact" WHERE "route" IN ('mainstream', 'kinship')`
	return rows[0]?.first ?? null
}

export async function loadAnnualReturn(period: ReportPeriod): Promise<AnnualReturn> {
	const { from, to } = period
	const counts = await prisma.$queryRaw<(Counted & { route: string; what: keyof RouteCounts })[]>`
		SELECT "route" AS route, 'enquiries' AS what, COUNT(*) AS count FROM "FunnelFact"
			WHERE "route" IN ('mainstream', 'kinship') AND "enquiredOn" BETWEEN ${from} AND ${to} GROUP BY "route"
		UNION ALL
		SELECT "route", 'applications', COUNT(*) FROM "FunnelFact"
			WHERE "route" IN ('mainstream', 'kinship') AND "applicationOn" BETWEEN ${from} AND ${to} GROUP BY "route"
		UNION ALL
		SELECT "route", 'approvals', COUNT(*) FROM "FunnelFact"
			WHERE "route" IN ('mainstream', 'kinship') AND "approvedOn" BETWEEN ${from} AND ${to} GROUP BY "route"`
	const exits = await prisma.$queryRaw<
		(Counted & { route: string; stage: string | null; endedBy: string | null; reasonKey: string | null })[]
	>`
		SELECT "route" AS route, "exitStage" AS stage, "endedBy" AS endedBy, "exitReasonKey" AS reasonKey, COUNT(*) AS count
		FROM "FunnelFact" WHERE "route" IN ('mainstream', 'kinship') AND "exitedOn" BETWEEN ${from} AND ${to}
			AND "status" = 'closed'
		GROUP BY "route", "exitStage", "endedBy", "exitReasonKey"`
	const approvals = await prisma.$queryRaw<(Counted & { applicationOn: string | null; approvedOn: string })[]>`
		SELECT "applicationOn" AS applicationOn, "approvedOn" AS approvedOn, COUNT(*) AS count FROM "FunnelFact"
		WHERE "route" = 'mainstream' AND "approvedOn" BETWEEN ${from} AND ${to}
		GROUP BY "applicationOn", "approvedOn"`
	const reasons = await prisma.exitReason.findMany({ select: { key: true, label: true, ofstedCode: true } })

	const byRoute = Object.fromEntries(
		FUNNEL_ROUTES.map((route) => [route, { enquiries: 0, applications: 0, approvals: 0 }])
	) as Record<FunnelRoute, RouteCounts>
	for (const row of counts) byRoute[row.route as FunnelRoute][row.what] = Number(row.count)
	return annualReturn({
		counts: byRoute,
		exits: exits.map((row): ExitCount => ({
			route: row.route as FunnelRoute,
			stage: row.stage as StageKey | null,
			endedBy: row.endedBy,
			reasonKey: row.reasonKey,
			count: Number(row.count),
		})),
		approvals: approvals.map((row): ApprovalDates => ({
			applicationOn: row.applicationOn,
			approvedOn: row.approvedOn,
			count: Number(row.count),
		})),
		reasons: reasons.map((reason) => ({ ...reason, ofstedCode: reason.ofstedCode as OfstedWithdrawalCode | null })),
	})
}

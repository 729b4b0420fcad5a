// The SQL the funnel view (issue 6) runs over FunnelFact, written ahead of the page so the
// benchmark can time it and choose indexes: aggregates only, one query per table, mainstream and
// kinship side by side (GROUP BY route) so they are never mixed. Parameters are named
// (@from, @to: the range as 'YYYY-MM-DD'; @fromMonth, @toMonth: 'YYYY-MM').
import { STAGE_KEYS, type StageKey } from '~/domain/stages.ts'

const ENTERED: Record<StageKey, string> = {
	enquiry: 'enquiredOn',
	initial_contact: 'initialContactOn',
	initial_visit: 'initialVisitOn',
	application: 'applicationOn',
	stage_1: 'stage1On',
	stage_2: 'stage2On',
	panel: 'panelOn',
	approved: 'approvedOn',
}
const DAYS: Partial<Record<StageKey, string>> = {
	enquiry: 'enquiryDays',
	initial_contact: 'initialContactDays',
	initial_visit: 'initialVisitDays',
	application: 'applicationDays',
	stage_1: 'stage1Days',
	stage_2: 'stage2Days',
	panel: 'panelDays',
}
const ROUTES = `"route" IN ('mainstream', 'kinship')`
const IN_COHORT = `${ROUTES} AND "enquiredOn" BETWEEN @from AND @to`
const STILL_IN = `"status" IN ('open', 'on_hold')`

export type FunnelQuery = { name: string; sql: string }

/** Period mode, one scan: households that entered each stage in the range. */
const periodCountsScan: FunnelQuery = {
	name: 'period counts (one scan)',
	sql: `SELECT "route", ${STAGE_KEYS.map(
		(stage) => `SUM("${ENTERED[stage]}" BETWEEN @from AND @to) AS "${stage}"`
	).join(', ')} FROM "FunnelFact" WHERE ${ROUTES} GROUP BY "route"`,
}

/** Period mode, one index range per stage (the schema has an index per stage date). */
const periodCounts: FunnelQuery = {
	name: 'period counts (index per stage)',
	sql: STAGE_KEYS.map(
		(stage) =>
			`SELECT '${stage}' AS "stage", "route", count(*) AS "n" FROM "FunnelFact"
			WHERE ${ROUTES} AND "${ENTERED[stage]}" BETWEEN @from AND @to GROUP BY "route"`
	).join(' UNION ALL '),
}

/** Period mode: who left in the range, from where and why. */
const periodExits: FunnelQuery = {
	name: 'period exits by stage and reason',
	sql: `SELECT "route", "exitStage", "endedBy", "exitReasonKey", count(*) AS "n" FROM "FunnelFact"
	WHERE ${ROUTES} AND "exitedOn" BETWEEN @from AND @to GROUP BY "route", "exitStage", "endedBy", "exitReasonKey"`,
}

/** Cohort mode: of those who enquired in the range, how many reached each stage, are still in it, left from it. */
const cohortCounts: FunnelQuery = {
	name: 'cohort reached / in progress / left',
	sql: `SELECT "route", count(*) AS "enquired", ${STAGE_KEYS.slice(1)
		.map((stage) => `SUM("${ENTERED[stage]}" IS NOT NULL) AS "reached_${stage}"`)
		.join(', ')}, ${STAGE_KEYS.map((stage) => `SUM(${STILL_IN} AND "currentStage" = '${stage}') AS "in_${stage}"`).join(
		', '
	)}, SUM("status" = 'approved') AS "approved_now", SUM("status" = 'closed') AS "left"
	FROM "FunnelFact" WHERE ${IN_COHORT} GROUP BY "route"`,
}

/** Cohort mode: where the cohort's leavers left, and why. */
const cohortExits: FunnelQuery = {
	name: 'cohort exits by stage and reason',
	sql: `SELECT "route", "exitStage", "endedBy", "exitReasonKey", count(*) AS "n" FROM "FunnelFact"
	WHERE ${IN_COHORT} AND "status" = 'closed' GROUP BY "route", "exitStage", "endedBy", "exitReasonKey"`,
}

/** Time in each stage, as a histogram (working days -> households) for median and 90th percentile. */
const cohortTimes: FunnelQuery = {
	name: 'cohort time-in-stage histograms',
	// One pass over the cohort, each household paired with every stage. Faster without a covering
	// index (the rows are read once), slower with one (1.4 million rows to group): not used.
	sql: `SELECT "stage", "route", "days", count(*) AS "n" FROM (
		SELECT "s"."column1" AS "stage", "f"."route", CASE "s"."column1" ${Object.entries(DAYS)
			.map(([stage, column]) => `WHEN '${stage}' THEN "f"."${column}"`)
			.join(' ')} END AS "days"
		FROM "FunnelFact" AS "f" CROSS JOIN (VALUES ${Object.keys(DAYS)
			.map((stage) => `('${stage}')`)
			.join(', ')}) AS "s"
		WHERE "f"."route" IN ('mainstream', 'kinship') AND "f"."enquiredOn" BETWEEN @from AND @to
	) WHERE "days" IS NOT NULL GROUP BY "stage", "route", "days"`,
}

/** The same, one query a stage: with the cohort days index (FunnelFact_cohort_days_idx), the faster of the two. */
const cohortTimesPerStage: FunnelQuery = {
	name: 'cohort histograms (one query a stage)',
	sql: Object.entries(DAYS)
		.map(
			([stage, column]) =>
				`SELECT '${stage}' AS "stage", "route", "${column}" AS "days", count(*) AS "n" FROM "FunnelFact"
				WHERE ${IN_COHORT} AND "${column}" IS NOT NULL GROUP BY "route", "${column}"`
		)
		.join(' UNION ALL '),
}

/** Monthly trends of enquiries, applications and approvals over the range. */
const monthlyTrend: FunnelQuery = {
	name: 'monthly trend',
	sql: (['enquiry', 'application', 'approved'] as const)
		.map(
			(stage) =>
				`SELECT '${stage}' AS "stage", "route", substr("${ENTERED[stage]}", 1, 7) AS "month", count(*) AS "n"
				FROM "FunnelFact" WHERE ${ROUTES} AND "${ENTERED[stage]}" BETWEEN @from AND @to GROUP BY "route", "month"`
		)
		.join(' UNION ALL '),
}

/** One breakdown: the cohort by channel, reached each stage. */
const cohortByChannel: FunnelQuery = {
	name: 'cohort by channel (breakdown)',
	sql: `SELECT "route", "channelKey", count(*) AS "enquired", ${STAGE_KEYS.slice(1)
		.map((stage) => `SUM("${ENTERED[stage]}" IS NOT NULL) AS "reached_${stage}"`)
		.join(', ')}, SUM("status" = 'closed') AS "left"
	FROM "FunnelFact" WHERE ${IN_COHORT} GROUP BY "route", "channelKey"`,
}

/** The queries each view runs: what a page in that mode costs the database. */
export const FUNNEL_VIEWS = {
	period: [periodCounts, periodExits, monthlyTrend],
	cohort: [cohortCounts, cohortExits, cohortTimesPerStage, monthlyTrend],
	breakdown: [cohortByChannel],
} satisfies Record<string, FunnelQuery[]>

/** Compared with the chosen ones, to show why they were chosen. */
export const ALTERNATIVES: FunnelQuery[] = [periodCountsScan, cohortTimes]

import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import { FOSTERING_INTERESTS, NOT_SURE } from '~/domain/enquiry-form.ts'
import {
	breakdownRows,
	comparisonPeriod,
	funnelRows,
	monthlyTrend,
	type Breakdown,
	type BreakdownCounts,
	type BreakdownRow,
	type Comparison,
	type FunnelMode,
	type FunnelQuery,
	type FunnelRoute,
	type Histogram,
	type MonthCounts,
	type StageCounts,
	type StageRow,
} from '~/domain/funnel.ts'
import { STAGE_DATE_COLUMN, STAGE_DAYS_COLUMN, TIMED_STAGES } from '~/domain/funnel-facts.ts'
import type { FunnelTableKey } from '~/domain/funnel-tables.ts'
import { monthsOf, type ReportPeriod } from '~/domain/report-period.ts'
import type { ServiceConfig } from '~/domain/service-config.ts'
import { STAGE_KEYS, stageNames, type StageKey } from '~/domain/stages.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { allChannels } from './channels.server.ts'
import { allExitReasons } from './exit-reasons.server.ts'
import { staffDirectory } from './staff.server.ts'

// The funnel view's figures, as SQL aggregates over FunnelFact (one summary row per household,
// kept in step with its stage events): never a household loaded into memory, so the page stays
// fast at a million households. Each statement returns a whole table (one row per stage, or per
// stage and days) and reads only indexes, sorting as few rows as it can (docs/decisions/013);
// the maths on those counts is app/domain/funnel.ts.

// Column names come from the constants in funnel-facts.ts only, never from a request.
const column = (name: string) => Prisma.raw(`"${name}"`)
const STAGE_DATE = (stage: StageKey) => STAGE_DATE_COLUMN[stage]

type TimedStage = Exclude<StageKey, 'approved'>
const TIMED = TIMED_STAGES as TimedStage[]

// Mainstream and kinship are counted in the same statements, grouped by route, and kept apart after.
const ROUTES = Prisma.sql`"route" IN ('mainstream', 'kinship')`
const onChannel = (channel: string | null) =>
	channel === null ? Prisma.empty : Prisma.sql` AND "channelKey" = ${channel}`
const within = (dateColumn: string, period: ReportPeriod) =>
	Prisma.sql`${column(dateColumn)} BETWEEN ${period.from} AND ${period.to}`

type Filter = { route: FunnelRoute; channel: string | null }

function where(filter: Filter, dateColumn: string, period: ReportPeriod) {
	return Prisma.sql`"route" = ${filter.route} AND ${within(dateColumn, period)}${onChannel(filter.channel)}`
}

type Count = bigint | number
type DaysRow = { route: string; stage: string; days: Count | null; count: Count }
type LeftRow = { route: string; stage: string | null; endedBy: string | null; reasonKey: string | null; count: Count }

/**
 * Each route's households by the working days they spent in each stage (a histogram), among those
 * whose date (`dateColumn(stage)`) is within the dates, without sorting or fetching a household's
 * row: the stage's days index is (route, days, date, channel), so a recursive CTE walks its
 * distinct days values one seek at a time, and each value's households are one range of dates,
 * counted in the index. `unknown` also counts those with no days yet (days NULL: still in the
 * stage, or passed by an import), as period mode needs for how many entered the stage.
 */
function daysSql(
	stages: readonly TimedStage[],
	dateColumn: (stage: TimedStage) => string,
	channel: string | null,
	period: ReportPeriod,
	unknown: boolean
) {
	const walks = stages.map((stage) => {
		const days = column(STAGE_DAYS_COLUMN[stage])
		return Prisma.sql`${column(`days_${stage}`)}("route", "days") AS (
			SELECT "route", (SELECT MIN(${days}) FROM "FunnelFact" AS "f" WHERE "f"."route" = "routes"."route" AND "f".${days} IS NOT NULL)
			FROM "routes"
			UNION ALL
			SELECT "route", (SELECT MIN(${days}) FROM "FunnelFact" AS "f" WHERE "f"."route" = "walk"."route" AND "f".${days} > "walk"."days")
			FROM ${column(`days_${stage}`)} AS "walk" WHERE "walk"."days" IS NOT NULL)`
	})
	// Each walk ends on a NULL: that row counts the households with no days.
	const counts = stages.map((stage) => {
		const days = column(STAGE_DAYS_COLUMN[stage])
		return Prisma.sql`SELECT "route", ${stage} AS "stage", "days", (
				SELECT COUNT(*) FROM "FunnelFact" AS "f" WHERE "f"."route" = "walk"."route" AND "f".${days} IS "walk"."days"
					AND "f".${within(dateColumn(stage), period)}${onChannel(channel)}) AS "count"
			FROM ${column(`days_${stage}`)} AS "walk"${unknown ? Prisma.empty : Prisma.sql` WHERE "days" IS NOT NULL`}`
	})
	return { walks: Prisma.join(walks, ', '), counts: Prisma.join(counts, ' UNION ALL ') }
}

function histogramsOf(rows: readonly DaysRow[]) {
	const byStage = new Map<string, [number, number][]>()
	for (const row of rows) {
		if (row.days === null || Number(row.count) === 0) continue
		const key = `${row.route} ${row.stage}`
		const list = byStage.get(key) ?? []
		list.push([Number(row.days), Number(row.count)])
		byStage.set(key, list)
	}
	return (route: FunnelRoute, stage: StageKey): Histogram => byStage.get(`${route} ${stage}`) ?? []
}

function leftByStage(rows: readonly LeftRow[]) {
	const byStage = new Map<string, StageCounts['left'][number][]>()
	for (const row of rows) {
		if (!row.stage) continue
		const key = `${row.route} ${row.stage}`
		const list = byStage.get(key) ?? []
		list.push({ endedBy: row.endedBy ?? '', reasonKey: row.reasonKey, count: Number(row.count) })
		byStage.set(key, list)
	}
	return (route: FunnelRoute, stage: StageKey) => byStage.get(`${route} ${stage}`) ?? []
}

type ByRoute<T> = Record<FunnelRoute, T>

/**
 * The closed households whose date (`exitedOn` for a period, `enquiredOn` for a cohort) is within
 * the dates, by route, the stage they left from and why, without sorting them: every route, stage
 * and reason the service has (the reasons from ExitReason, which keeps every one ever used, and
 * none) is one seek into the exits index for that date, (route, status, exitStage,
 * exitReasonKey, <date>, channelKey), counting one range of dates. Who ended it follows from the
 * reason. Grouping the same rows instead sorted them all (85 ms a period at a million, ADR 013).
 */
function leftSql(date: 'exitedOn' | 'enquiredOn', channel: string | null, period: ReportPeriod) {
	const index = Prisma.raw(date === 'exitedOn' ? '"FunnelFact_period_exits_idx"' : '"FunnelFact_cohort_exits_idx"')
	const stages = Prisma.join(STAGE_KEYS.map((stage) => Prisma.sql`(${stage})`))
	return Prisma.sql`WITH "routes"("route") AS (VALUES ('mainstream'), ('kinship')),
			"stages"("stage") AS (VALUES ${stages}),
			"reasons"("reasonKey", "endedBy") AS (SELECT "key", "endedBy" FROM "ExitReason" UNION ALL SELECT NULL, NULL)
		SELECT * FROM (
			SELECT "route", "stage", "endedBy", "reasonKey", (
				SELECT COUNT(*) FROM "FunnelFact" AS "f" INDEXED BY ${index}
				WHERE "f"."route" = "routes"."route" AND "f"."status" = 'closed' AND "f"."exitStage" = "stages"."stage"
					AND "f"."exitReasonKey" IS "reasons"."reasonKey" AND "f".${within(date, period)}${onChannel(channel)}
			) AS "count"
			FROM "routes", "stages", "reasons")
		WHERE "count" > 0`
}

/**
 * Period mode: per stage, the households that first entered it within the dates (with the days
 * spent in it by those that have left it), how many of them are in it now; the households that
 * left within the dates, by the stage they left from.
 */
function periodSql(channel: string | null, period: ReportPeriod) {
	const entered = daysSql(TIMED, STAGE_DATE, channel, period, true)
	return {
		// The days NULL rows are the households still in the stage (or passed by an import): with
		// the others, how many entered it. Approved has no days: one range of its date index.
		'period stages': Prisma.sql`WITH RECURSIVE "routes"("route") AS (VALUES ('mainstream'), ('kinship')), ${
			entered.walks
		}
			${entered.counts}
			UNION ALL
			SELECT "route", ${'approved'}, NULL, COUNT(*) FROM "FunnelFact"
			WHERE ${ROUTES} AND ${within('approvedOn', period)}${onChannel(channel)} GROUP BY "route"`,
		// Still in it: one seek a stage into the households in progress there (the now index), each
		// checked against the stage's date. Named, as the planner may otherwise take the stage's
		// date index and fetch every row in the dates to read its status.
		'period still in': Prisma.join(
			TIMED.map(
				(stage) => Prisma.sql`SELECT "route", ${stage} AS "stage", COUNT(*) AS "count"
					FROM "FunnelFact" INDEXED BY "FunnelFact_now_idx"
					WHERE ${ROUTES} AND "currentStage" = ${stage} AND "status" IN ('open', 'on_hold')
						AND ${within(STAGE_DATE(stage), period)}${onChannel(channel)}
					GROUP BY "route"`
			),
			' UNION ALL '
		),
		'period left': leftSql('exitedOn', channel, period),
	}
}
type PeriodRows = {
	'period stages': DaysRow[]
	'period still in': { route: string; stage: string; count: Count }[]
	'period left': LeftRow[]
}

function periodCounts(rows: PeriodRows): ByRoute<StageCounts[]> {
	const entered = new Map<string, number>()
	for (const row of rows['period stages']) {
		const key = `${row.route} ${row.stage}`
		entered.set(key, (entered.get(key) ?? 0) + Number(row.count))
	}
	const histogramOf = histogramsOf(rows['period stages'])
	const leftOf = leftByStage(rows['period left'])
	const of = (route: FunnelRoute) =>
		STAGE_KEYS.map((stage) => ({
			stage,
			count: entered.get(`${route} ${stage}`) ?? 0,
			stillIn: Number(rows['period still in'].find((row) => row.route === route && row.stage === stage)?.count ?? 0),
			left: leftOf(route, stage),
			histogram: histogramOf(route, stage),
		}))
	return { mainstream: of('mainstream'), kinship: of('kinship') }
}

export type CohortOutcome = { enquiries: number; approved: number; inProgress: number; left: number }

/**
 * Cohort mode: the households whose first enquiry fell within the dates: how many reached each
 * stage, where they are now (in progress at a stage, or approved: one seek a stage and status into
 * the now index), where and why those closed left, and the days spent in each stage.
 */
function cohortSql(channel: string | null, period: ReportPeriod) {
	const days = daysSql(TIMED, () => 'enquiredOn', channel, period, false)
	const cohort = Prisma.sql`${ROUTES} AND ${within('enquiredOn', period)}${onChannel(channel)}`
	// Every stage listed, so the now index is read by seeks (route, stage, status) rather than whole.
	const anyStage = Prisma.sql`"currentStage" IN (${Prisma.join(STAGE_KEYS)})`
	return {
		'cohort reached': Prisma.sql`SELECT "route", ${Prisma.join(
			STAGE_KEYS.map((stage) => Prisma.sql`COUNT(${column(STAGE_DATE(stage))}) AS ${column(stage)}`),
			', '
		)} FROM "FunnelFact" WHERE ${cohort} GROUP BY "route"`,
		'cohort now': Prisma.sql`SELECT "route", "currentStage", "status", COUNT(*) AS "count" FROM "FunnelFact"
			WHERE ${anyStage} AND "status" IN ('open', 'on_hold', 'approved') AND ${cohort}
			GROUP BY "route", "currentStage", "status"`,
		'cohort left': leftSql('enquiredOn', channel, period),
		'cohort days': Prisma.sql`WITH RECURSIVE "routes"("route") AS (VALUES ('mainstream'), ('kinship')), ${days.walks}
			${days.counts}`,
	}
}
type CohortRows = {
	'cohort reached': (Record<StageKey, Count | null> & { route: string })[]
	'cohort now': { route: string; currentStage: string; status: string; count: Count }[]
	'cohort left': LeftRow[]
	'cohort days': DaysRow[]
}

function cohortCounts(rows: CohortRows): ByRoute<{ stages: StageCounts[]; outcome: CohortOutcome }> {
	const histogramOf = histogramsOf(rows['cohort days'])
	const leftOf = leftByStage(rows['cohort left'])
	const of = (route: FunnelRoute) => {
		const reached = rows['cohort reached'].find((row) => row.route === route)
		const reachedCount = (stage: StageKey) => Number(reached?.[stage] ?? 0)
		const stillIn = new Map<StageKey, number>(STAGE_KEYS.map((stage) => [stage, 0]))
		let approved = 0
		for (const row of rows['cohort now']) {
			if (row.route !== route) continue
			if (row.status === 'approved') approved += Number(row.count)
			else if (stillIn.has(row.currentStage as StageKey))
				stillIn.set(row.currentStage as StageKey, stillIn.get(row.currentStage as StageKey)! + Number(row.count))
		}
		const left = rows['cohort left']
			.filter((row) => row.route === route)
			.reduce((sum, row) => sum + Number(row.count), 0)
		const enquiries = reachedCount('enquiry')
		return {
			outcome: { enquiries, approved, inProgress: enquiries - approved - left, left },
			stages: STAGE_KEYS.map((stage) => ({
				stage,
				count: reachedCount(stage),
				stillIn: stage === 'approved' ? 0 : stillIn.get(stage)!,
				left: leftOf(route, stage),
				histogram: histogramOf(route, stage),
			})),
		}
	}
	return { mainstream: of('mainstream'), kinship: of('kinship') }
}

/**
 * Enquiries, applications and approvals by the month they happened (period counts, whatever the
 * mode): one range of each date's index a month, counted in the index, so nothing is sorted.
 */
function monthsSql(filter: Filter, period: ReportPeriod) {
	const months = monthsOf(period).map((month) => {
		const from = `${month}-01`
		const to = `${month}-31`
		return Prisma.sql`(${month}, ${from < period.from ? period.from : from}, ${to > period.to ? period.to : to})`
	})
	const count = (dateColumn: string) => Prisma.sql`(SELECT COUNT(*) FROM "FunnelFact" AS "f"
		WHERE "f"."route" = ${filter.route} AND "f".${column(dateColumn)} BETWEEN "m"."from" AND "m"."to"${onChannel(
			filter.channel
		)})`
	return Prisma.sql`WITH "m"("month", "from", "to") AS (VALUES ${Prisma.join(months, ', ')})
		SELECT "month", ${count('enquiredOn')} AS "enquiries", ${count('applicationOn')} AS "applications",
			${count('approvedOn')} AS "approvals"
		FROM "m"`
}

function monthlyCounts(
	rows: { month: string; enquiries: Count; applications: Count; approvals: Count }[],
	period: ReportPeriod
) {
	return monthlyTrend(
		period,
		rows.map((row) => ({
			month: row.month,
			enquiries: Number(row.enquiries),
			applications: Number(row.applications),
			approvals: Number(row.approvals),
		}))
	)
}

/** What each breakdown groups by (a constant: never a request's text). */
const BREAKDOWN_COLUMNS: Record<Breakdown, string> = {
	channel: '"channelKey"',
	campaign: '"utmCampaign"',
	source: '"utmSource"',
	medium: '"utmMedium"',
	how_heard: '"howHeard"',
	referred: `CASE WHEN "referred" THEN 'yes' ELSE 'no' END`,
	// One row per interest the household gave (Household.fosteringInterests is a JSON array).
	interest: '"interest"."value"',
	district: '"postcodeDistrict"',
	officer: '"ownerId"',
}

/**
 * Enquiries, applications and approvals for each value of a breakdown (mainstream). Cohort: of
 * the households that enquired in the dates, how many ever applied and were approved. Period: how
 * many enquired, applied and were approved within the dates.
 */
function breakdownSql(filter: Filter, query: FunnelQuery) {
	const by = Prisma.raw(BREAKDOWN_COLUMNS[query.breakdown])
	// A household that gave several interests counts under each (and one that gave none as "Not
	// recorded"), and once under each: a row written before repeated boxes were collapsed can hold an
	// interest many times, so only its first copy is joined (cheaper than counting distinct households).
	const facts = Prisma.raw(
		query.breakdown === 'interest'
			? `"FunnelFact" LEFT JOIN json_each("FunnelFact"."interests") AS "interest" ON NOT EXISTS (
					SELECT 1 FROM json_each("FunnelFact"."interests") AS "earlier"
					WHERE "earlier"."value" = "interest"."value" AND "earlier"."id" < "interest"."id")`
			: '"FunnelFact"'
	)
	// Each date's breakdown index holds every column grouped by: its rows are never fetched.
	return query.mode === 'cohort'
		? Prisma.sql`
				SELECT ${by} AS value, COUNT(*) AS enquiries, COUNT("applicationOn") AS applications, COUNT("approvedOn") AS approvals
				FROM ${facts} WHERE ${where(filter, 'enquiredOn', query.period)} GROUP BY 1`
		: Prisma.sql`
				SELECT value, SUM(enquiries) AS enquiries, SUM(applications) AS applications, SUM(approvals) AS approvals FROM (
					SELECT ${by} AS value, COUNT(*) AS enquiries, 0 AS applications, 0 AS approvals
						FROM ${facts} WHERE ${where(filter, 'enquiredOn', query.period)} GROUP BY 1
					UNION ALL
					SELECT ${by}, 0, COUNT(*), 0 FROM ${facts} WHERE ${where(filter, 'applicationOn', query.period)} GROUP BY 1
					UNION ALL
					SELECT ${by}, 0, 0, COUNT(*) FROM ${facts} WHERE ${where(filter, 'approvedOn', query.period)} GROUP BY 1
				) GROUP BY value`
}

function breakdownCounts(
	rows: { value: string | null; enquiries: Count; applications: Count; approvals: Count }[]
): BreakdownCounts[] {
	return rows.map((row) => ({
		value: row.value,
		enquiries: Number(row.enquiries),
		applications: Number(row.applications),
		approvals: Number(row.approvals),
	}))
}

/** How each breakdown's stored values read on the page. */
async function breakdownLabels(breakdown: Breakdown): Promise<(value: string) => string> {
	switch (breakdown) {
		case 'channel': {
			const channels = await allChannels()
			const labels = new Map(channels.map((channel) => [channel.key, channel.label]))
			return (value) => labels.get(value) ?? value
		}
		case 'officer': {
			const staff = await staffDirectory()
			const labels = new Map(staff.map((member) => [member.id, member.name]))
			return (value) => labels.get(value) ?? 'A former member of staff'
		}
		case 'how_heard': {
			const labels = new Map<string, string>(HOW_HEARD_OPTIONS.map((option) => [option.value, option.label]))
			return (value) => labels.get(value) ?? value
		}
		case 'referred':
			return (value) => (value === 'yes' ? 'Referred' : 'Not referred')
		case 'interest': {
			const labels = new Map<string, string>([
				...FOSTERING_INTERESTS.map((interest): [string, string] => [interest.value, interest.label]),
				[NOT_SURE, 'Not sure yet'],
			])
			return (value) => labels.get(value) ?? value
		}
		default:
			return (value) => value
	}
}

export type FunnelTable = { rows: StageRow[]; outcome: CohortOutcome | null }
export type Funnel = {
	mode: FunnelMode
	mainstream: FunnelTable
	/** Kinship households follow another route: never mixed into the mainstream figures. */
	kinship: FunnelTable
	months: MonthCounts[]
	/** Mainstream enquiries, applications and approvals by the query's breakdown. */
	breakdown: BreakdownRow[]
	breakdownBy: Breakdown
	/** The mainstream stages over the dates compared with, in the same mode and channel. */
	comparison: { compare: Comparison; period: ReportPeriod; rows: StageRow[] } | null
}

/** The channels a funnel can be filtered by, retired ones too (their households are still counted). */
export function funnelChannels() {
	return allChannels()
}

/** The statements behind a query's figures, by name: `only` keeps those one table needs (a CSV download). */
function funnelPlan(query: FunnelQuery, only?: FunnelTableKey) {
	const wanted = (...tables: FunnelTableKey[]) => only === undefined || tables.includes(only)
	const tables = (period: ReportPeriod) =>
		query.mode === 'period' ? periodSql(query.channel, period) : cohortSql(query.channel, period)
	const compared = query.compare && wanted('stages') ? comparisonPeriod(query.period, query.compare) : null
	const mainstream = { route: 'mainstream', channel: query.channel } as const
	return {
		tables: wanted('stages', 'exits', 'time', 'national', 'kinship') ? tables(query.period) : null,
		comparison: compared ? { period: compared, statements: tables(compared) } : null,
		months: wanted('months') ? monthsSql(mainstream, query.period) : null,
		breakdown: wanted('breakdown') ? breakdownSql(mainstream, query) : null,
	}
}

/**
 * Every SQL statement loadFunnel runs for a query, named: the benchmark (tests/bench/funnel.ts)
 * times these, so its figures are the page's own queries.
 */
export function funnelStatements(query: FunnelQuery, only?: FunnelTableKey): { name: string; sql: Prisma.Sql }[] {
	const plan = funnelPlan(query, only)
	return [
		...Object.entries(plan.tables ?? {}).map(([name, sql]) => ({ name, sql })),
		...Object.entries(plan.comparison?.statements ?? {}).map(([name, sql]) => ({ name: `compared: ${name}`, sql })),
		...(plan.months ? [{ name: 'months', sql: plan.months }] : []),
		...(plan.breakdown ? [{ name: `breakdown (${query.mode}) by ${query.breakdown}`, sql: plan.breakdown }] : []),
	]
}

/** Runs each statement in turn (they share one connection), keeping each one's rows under its name. */
async function rowsOf<Rows>(statements: Record<string, Prisma.Sql>): Promise<Rows> {
	const rows: Record<string, unknown[]> = {}
	for (const [name, sql] of Object.entries(statements)) rows[name] = await prisma.$queryRaw<unknown[]>(sql)
	return rows as Rows
}

/**
 * The funnel's figures for a query. `only` computes just what one table needs (a CSV download);
 * the other parts come back empty.
 */
export async function loadFunnel(query: FunnelQuery, config: ServiceConfig, only?: FunnelTableKey): Promise<Funnel> {
	const reasons = await allExitReasons()
	const options = {
		names: stageNames(config.stageNames),
		targets: config.targets,
		reasonLabels: new Map(reasons.map((reason) => [reason.key, reason.label])),
	}
	const plan = funnelPlan(query, only)
	const empty: FunnelTable = { rows: funnelRows([], options), outcome: null }
	const tables = async (statements: ReturnType<typeof periodSql | typeof cohortSql>): Promise<ByRoute<FunnelTable>> => {
		if (query.mode === 'period') {
			const counts = periodCounts(await rowsOf<PeriodRows>(statements))
			return {
				mainstream: { rows: funnelRows(counts.mainstream, options), outcome: null },
				kinship: { rows: funnelRows(counts.kinship, options), outcome: null },
			}
		}
		const cohort = cohortCounts(await rowsOf<CohortRows>(statements))
		return {
			mainstream: { rows: funnelRows(cohort.mainstream.stages, options), outcome: cohort.mainstream.outcome },
			kinship: { rows: funnelRows(cohort.kinship.stages, options), outcome: cohort.kinship.outcome },
		}
	}
	const both = plan.tables ? await tables(plan.tables) : null
	return {
		mode: query.mode,
		mainstream: both?.mainstream ?? empty,
		kinship: both?.kinship ?? empty,
		months: plan.months ? monthlyCounts(await prisma.$queryRaw(plan.months), query.period) : [],
		comparison:
			query.compare && plan.comparison
				? {
						compare: query.compare,
						period: plan.comparison.period,
						rows: (await tables(plan.comparison.statements)).mainstream.rows,
					}
				: null,
		breakdownBy: query.breakdown,
		breakdown: plan.breakdown
			? breakdownRows(breakdownCounts(await prisma.$queryRaw(plan.breakdown)), await breakdownLabels(query.breakdown))
			: [],
	}
}

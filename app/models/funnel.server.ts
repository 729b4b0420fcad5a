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
	type FunnelPeriod,
	type FunnelQuery,
	type FunnelRoute,
	type Histogram,
	type MonthCounts,
	type StageCounts,
	type StageRow,
} from '~/domain/funnel.ts'
import { STAGE_DATE_COLUMN, STAGE_DAYS_COLUMN } from '~/domain/funnel-facts.ts'
import type { FunnelTableKey } from '~/domain/funnel-tables.ts'
import type { ServiceConfig } from '~/domain/service-config.ts'
import { STAGE_KEYS, stageNames, type StageKey } from '~/domain/stages.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'

// The funnel view's figures, as SQL aggregates over FunnelFact (one summary row per household,
// kept in step with its stage events): never a household loaded into memory, so the page stays
// fast at a million households. Each query returns a whole table (one row per stage, or per
// stage and days); the maths on those counts is app/domain/funnel.ts.

/** The FunnelFact columns of each stage: the date it was first entered, the working days spent in it. */
const STAGE_COLUMNS = Object.fromEntries(
	STAGE_KEYS.map((stage) => [
		stage,
		{ on: STAGE_DATE_COLUMN[stage], days: stage === 'approved' ? null : STAGE_DAYS_COLUMN[stage] },
	])
) as Record<StageKey, { on: string; days: string | null }>

// Column names come from the constants above only, never from a request.
const column = (name: string) => Prisma.raw(`"${name}"`)

/** Open or on hold, and not yet approved: still working through the stages. */
const IN_PROGRESS = Prisma.sql`"status" IN ('open', 'on_hold') AND "currentStage" <> 'approved'`

type Filter = { route: FunnelRoute; channel: string | null }

function where(filter: Filter, dateColumn: string, period: FunnelPeriod) {
	return Prisma.sql`"route" = ${filter.route} AND ${column(dateColumn)} BETWEEN ${period.from} AND ${period.to}${
		filter.channel === null ? Prisma.empty : Prisma.sql` AND "channelKey" = ${filter.channel}`
	}`
}

// Mainstream and kinship are counted in the same pass, grouped by route, and kept apart after.
const ROUTES_AND = (channel: string | null) =>
	Prisma.sql`"route" IN ('mainstream', 'kinship')${
		channel === null ? Prisma.empty : Prisma.sql` AND "channelKey" = ${channel}`
	}`

type LeftRow = {
	route: string
	stage: string | null
	endedBy: string | null
	reasonKey: string | null
	count: bigint | number
}
type DaysRow = { route: string; stage: string; days: bigint | number; count: bigint | number }

/**
 * Each route's and stage's histogram of days, for the households each stage's `base` column
 * picks (its date within the dates): one query a stage, grouped by (route, days). In cohort mode
 * each is one stretch of the narrow cohort days index, never the table; in period mode one range
 * of the stage's date index, which costs less than pairing every row with every stage.
 */
async function histograms(channel: string | null, period: FunnelPeriod, baseColumn: (stage: StageKey) => string) {
	const timed = STAGE_KEYS.filter((stage) => STAGE_COLUMNS[stage].days !== null)
	const rows = await prisma.$queryRaw<DaysRow[]>`${Prisma.join(
		timed.map((stage) => {
			const days = column(STAGE_COLUMNS[stage].days!)
			return Prisma.sql`SELECT "route" AS route, ${stage} AS stage, ${days} AS days, COUNT(*) AS count FROM "FunnelFact"
				WHERE ${ROUTES_AND(channel)} AND ${column(baseColumn(stage))} BETWEEN ${period.from} AND ${period.to}
					AND ${days} IS NOT NULL
				GROUP BY "route", ${days}`
		}),
		' UNION ALL '
	)}`
	const byStage = new Map<string, [number, number][]>()
	for (const row of rows) {
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
 * Period mode: per stage, the households that first entered it within the dates and how many of
 * them are in it now; the households that left within the dates, by the stage they left from.
 */
async function periodCounts(channel: string | null, period: FunnelPeriod): Promise<ByRoute<StageCounts[]>> {
	// Entered: one range of the (route, <stage>On) index per stage, counted without the table.
	// Still in it: only households still in progress can be, and the cohort index holds their
	// status, current stage and stage dates, so one pass over it never reads the table either.
	const entered = await prisma.$queryRaw<{ route: string; stage: string; count: bigint | number }[]>`${Prisma.join(
		STAGE_KEYS.map(
			(stage) => Prisma.sql`SELECT "route" AS route, ${stage} AS stage, COUNT(*) AS count FROM "FunnelFact"
				WHERE ${ROUTES_AND(channel)} AND ${column(STAGE_COLUMNS[stage].on)} BETWEEN ${period.from} AND ${period.to}
				GROUP BY "route"`
		),
		' UNION ALL '
	)}`
	const stillSums = STAGE_KEYS.map(
		(stage) =>
			Prisma.sql`SUM(CASE WHEN "currentStage" = ${stage} AND ${column(STAGE_COLUMNS[stage].on)} BETWEEN ${
				period.from
			} AND ${period.to} THEN 1 ELSE 0 END) AS ${column(stage)}`
	)
	const still = await prisma.$queryRaw<(Record<string, bigint | number | null> & { route: string })[]>`
		SELECT "route" AS route, ${Prisma.join(stillSums, ', ')} FROM "FunnelFact"
		WHERE ${ROUTES_AND(channel)} AND ${IN_PROGRESS} GROUP BY "route"`
	const left = await prisma.$queryRaw<LeftRow[]>`
		SELECT "route" AS route, "exitStage" AS stage, "endedBy" AS endedBy, "exitReasonKey" AS reasonKey, COUNT(*) AS count
		FROM "FunnelFact" WHERE ${ROUTES_AND(channel)} AND "exitedOn" BETWEEN ${period.from} AND ${period.to}
			AND "status" = 'closed'
		GROUP BY "route", "exitStage", "endedBy", "exitReasonKey"`
	const histogramOf = await histograms(channel, period, (stage) => STAGE_COLUMNS[stage].on)
	const leftOf = leftByStage(left)
	const of = (route: FunnelRoute) => {
		const stillRow = still.find((counted) => counted.route === route)
		return STAGE_KEYS.map((stage) => ({
			stage,
			count: Number(entered.find((counted) => counted.route === route && counted.stage === stage)?.count ?? 0),
			stillIn: Number(stillRow?.[stage] ?? 0),
			left: leftOf(route, stage),
			histogram: histogramOf(route, stage),
		}))
	}
	return { mainstream: of('mainstream'), kinship: of('kinship') }
}

export type CohortOutcome = { enquiries: number; approved: number; inProgress: number; left: number }

/**
 * Cohort mode: the households whose first enquiry fell within the dates, in one pass grouped by
 * where each is now (in progress at a stage, approved, or closed from a stage with a reason), with
 * how many of each group reached every stage.
 */
async function cohortCounts(
	channel: string | null,
	period: FunnelPeriod
): Promise<ByRoute<{ stages: StageCounts[]; outcome: CohortOutcome }>> {
	const reached = STAGE_KEYS.map(
		(stage) =>
			Prisma.sql`SUM(CASE WHEN ${column(STAGE_COLUMNS[stage].on)} IS NOT NULL THEN 1 ELSE 0 END) AS ${column(stage)}`
	)
	const rows = await prisma.$queryRaw<
		(Record<StageKey, bigint | number | null> & LeftRow & { status: string; currentStage: string })[]
	>`
		SELECT "route" AS route, "status" AS status, "currentStage" AS currentStage, "exitStage" AS stage,
			"endedBy" AS endedBy, "exitReasonKey" AS reasonKey, COUNT(*) AS count, ${Prisma.join(reached, ', ')}
		FROM "FunnelFact" WHERE ${ROUTES_AND(channel)} AND "enquiredOn" BETWEEN ${period.from} AND ${period.to}
		GROUP BY "route", "status", "currentStage", "exitStage", "endedBy", "exitReasonKey"`
	const histogramOf = await histograms(channel, period, () => 'enquiredOn')
	const leftOf = leftByStage(rows.filter((row) => row.status === 'closed'))
	const of = (route: FunnelRoute) => {
		const outcome: CohortOutcome = { enquiries: 0, approved: 0, inProgress: 0, left: 0 }
		const reachedCount = new Map<StageKey, number>(STAGE_KEYS.map((stage) => [stage, 0]))
		const stillIn = new Map<StageKey, number>(STAGE_KEYS.map((stage) => [stage, 0]))
		for (const row of rows) {
			if (row.route !== route) continue
			const count = Number(row.count)
			outcome.enquiries += count
			for (const stage of STAGE_KEYS) reachedCount.set(stage, reachedCount.get(stage)! + Number(row[stage] ?? 0))
			if (row.status === 'closed') {
				outcome.left += count
			} else if (row.currentStage === 'approved') {
				outcome.approved += count
			} else {
				outcome.inProgress += count
				const stage = row.currentStage as StageKey
				if (stillIn.has(stage)) stillIn.set(stage, stillIn.get(stage)! + count)
			}
		}
		return {
			outcome,
			stages: STAGE_KEYS.map((stage) => ({
				stage,
				count: reachedCount.get(stage)!,
				stillIn: stillIn.get(stage)!,
				left: leftOf(route, stage),
				histogram: histogramOf(route, stage),
			})),
		}
	}
	return { mainstream: of('mainstream'), kinship: of('kinship') }
}

/** Enquiries, applications and approvals by the month they happened (period counts, whatever the mode). */
async function monthlyCounts(filter: Filter, period: FunnelPeriod): Promise<MonthCounts[]> {
	const rows = await prisma.$queryRaw<{ month: string; what: string; count: bigint | number }[]>`
		SELECT substr("enquiredOn", 1, 7) AS month, 'enquiries' AS what, COUNT(*) AS count
			FROM "FunnelFact" WHERE ${where(filter, 'enquiredOn', period)} GROUP BY 1
		UNION ALL
		SELECT substr("applicationOn", 1, 7), 'applications', COUNT(*)
			FROM "FunnelFact" WHERE ${where(filter, 'applicationOn', period)} GROUP BY 1
		UNION ALL
		SELECT substr("approvedOn", 1, 7), 'approvals', COUNT(*)
			FROM "FunnelFact" WHERE ${where(filter, 'approvedOn', period)} GROUP BY 1`
	const byMonth = new Map<string, MonthCounts>()
	for (const row of rows) {
		const month = byMonth.get(row.month) ?? { month: row.month, enquiries: 0, applications: 0, approvals: 0 }
		month[row.what as 'enquiries' | 'applications' | 'approvals'] = Number(row.count)
		byMonth.set(row.month, month)
	}
	return monthlyTrend(period, [...byMonth.values()])
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
async function breakdownCounts(filter: Filter, query: FunnelQuery): Promise<BreakdownCounts[]> {
	const by = Prisma.raw(BREAKDOWN_COLUMNS[query.breakdown])
	// A household that gave several interests counts under each (and one that gave none as "Not recorded").
	const facts = Prisma.raw(
		query.breakdown === 'interest'
			? `"FunnelFact" LEFT JOIN json_each("FunnelFact"."interests") AS "interest"`
			: '"FunnelFact"'
	)
	type Row = {
		value: string | null
		enquiries: bigint | number
		applications: bigint | number
		approvals: bigint | number
	}
	const rows =
		query.mode === 'cohort'
			? await prisma.$queryRaw<Row[]>`
				SELECT ${by} AS value, COUNT(*) AS enquiries,
					SUM(CASE WHEN "applicationOn" IS NOT NULL THEN 1 ELSE 0 END) AS applications,
					SUM(CASE WHEN "approvedOn" IS NOT NULL THEN 1 ELSE 0 END) AS approvals
				FROM ${facts} WHERE ${where(filter, 'enquiredOn', query.period)} GROUP BY 1`
			: await prisma.$queryRaw<Row[]>`
				SELECT value, SUM(enquiries) AS enquiries, SUM(applications) AS applications, SUM(approvals) AS approvals FROM (
					SELECT ${by} AS value, COUNT(*) AS enquiries, 0 AS applications, 0 AS approvals
						FROM ${facts} WHERE ${where(filter, 'enquiredOn', query.period)} GROUP BY 1
					UNION ALL
					SELECT ${by}, 0, COUNT(*), 0 FROM ${facts} WHERE ${where(filter, 'applicationOn', query.period)} GROUP BY 1
					UNION ALL
					SELECT ${by}, 0, 0, COUNT(*) FROM ${facts} WHERE ${where(filter, 'approvedOn', query.period)} GROUP BY 1
				) GROUP BY value`
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
			const channels = await prisma.channel.findMany({ select: { key: true, label: true } })
			const labels = new Map(channels.map((channel) => [channel.key, channel.label]))
			return (value) => labels.get(value) ?? value
		}
		case 'officer': {
			const staff = await prisma.staffUser.findMany({ select: { id: true, name: true } })
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
	comparison: { compare: Comparison; period: FunnelPeriod; rows: StageRow[] } | null
}

/** The channels a funnel can be filtered by, retired ones too (their households are still counted). */
export async function funnelChannels() {
	return prisma.channel.findMany({
		select: { key: true, label: true, retiredAt: true },
		orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }],
	})
}

/**
 * The funnel's figures for a query. `only` computes just what one table needs (a CSV download);
 * the other parts come back empty.
 */
export async function loadFunnel(query: FunnelQuery, config: ServiceConfig, only?: FunnelTableKey): Promise<Funnel> {
	const reasons = await prisma.exitReason.findMany({ select: { key: true, label: true } })
	const options = {
		names: stageNames(config.stageNames),
		targets: config.targets,
		reasonLabels: new Map(reasons.map((reason) => [reason.key, reason.label])),
	}
	const wanted = (...tables: FunnelTableKey[]) => only === undefined || tables.includes(only)
	const empty: FunnelTable = { rows: funnelRows([], options), outcome: null }
	const tables = async (period: FunnelPeriod): Promise<ByRoute<FunnelTable>> => {
		if (query.mode === 'period') {
			const counts = await periodCounts(query.channel, period)
			return {
				mainstream: { rows: funnelRows(counts.mainstream, options), outcome: null },
				kinship: { rows: funnelRows(counts.kinship, options), outcome: null },
			}
		}
		const cohort = await cohortCounts(query.channel, period)
		return {
			mainstream: { rows: funnelRows(cohort.mainstream.stages, options), outcome: cohort.mainstream.outcome },
			kinship: { rows: funnelRows(cohort.kinship.stages, options), outcome: cohort.kinship.outcome },
		}
	}
	const both = wanted('stages', 'exits', 'time', 'national', 'kinship') ? await tables(query.period) : null
	const compared = query.compare ? comparisonPeriod(query.period, query.compare) : null
	const mainstream = { route: 'mainstream', channel: query.channel } as const
	return {
		mode: query.mode,
		mainstream: both?.mainstream ?? empty,
		kinship: both?.kinship ?? empty,
		months: wanted('months') ? await monthlyCounts(mainstream, query.period) : [],
		comparison:
			query.compare && compared && wanted('stages')
				? { compare: query.compare, period: compared, rows: (await tables(compared)).mainstream.rows }
				: null,
		breakdownBy: query.breakdown,
		breakdown: wanted('breakdown')
			? breakdownRows(await breakdownCounts(mainstream, query), await breakdownLabels(query.breakdown))
			: [],
	}
}

// The funnel page's tables (app/domain/report-table.ts), drawn by the page and written by its CSV
// download from the same function, so the numbers in a downloaded file always match the page.

import { shortPeriodWords, type ReportPeriod } from './report-period.ts'
import { columns, type ReportTable } from './report-table.ts'
import {
	BREAKDOWN_LABELS,
	ENDED_BY,
	ENDED_BY_LABELS,
	formatChange,
	formatDays,
	formatPercent,
	nationalComparison,
	type Breakdown,
	type BreakdownRow,
	type FunnelMode,
	type MonthCounts,
	type StageRow,
} from './funnel.ts'

export const FUNNEL_TABLES = ['stages', 'exits', 'time', 'national', 'months', 'breakdown', 'kinship'] as const
export type FunnelTableKey = (typeof FUNNEL_TABLES)[number]

type FunnelTable = ReportTable<FunnelTableKey>

const whole = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-GB'))

export function stagesTable(
	rows: readonly StageRow[],
	mode: FunnelMode,
	key: 'stages' | 'kinship' = 'stages',
	/** The same stages over other dates, each count shown beside this one. */
	comparison?: { period: ReportPeriod; rows: readonly StageRow[] } | null
): FunnelTable {
	const table: FunnelTable = {
		key,
		caption:
			key === 'kinship'
				? 'Kinship households at each stage'
				: mode === 'period'
					? 'Households that entered each stage in the dates'
					: 'Households that enquired in the dates: how far they got',
		columns: columns(
			['Stage', 'text'],
			[mode === 'period' ? 'Entered the stage' : 'Reached the stage', 'number'],
			['From the previous stage', 'number'],
			['From enquiry', 'number'],
			['Still in it', 'number'],
			[mode === 'period' ? 'Left from it in the dates' : 'Left from it', 'number']
		),
		rows: rows.map((row) => [
			row.name,
			whole(row.count),
			formatPercent(row.fromPrevious),
			formatPercent(row.fromEnquiry),
			whole(row.stillIn),
			whole(row.left),
		]),
	}
	if (!comparison) return table
	const before = (index: number) => comparison.rows[index]?.count ?? 0
	return {
		...table,
		columns: [...table.columns, ...columns([shortPeriodWords(comparison.period), 'number'], ['Change', 'number'])],
		rows: table.rows.map((cells, index) => [
			...cells,
			whole(before(index)),
			formatChange(rows[index]!.count, before(index)),
		]),
	}
}

export function exitsTable(rows: readonly StageRow[], mode: FunnelMode): FunnelTable {
	return {
		key: 'exits',
		caption:
			mode === 'period'
				? 'Households that left in the dates, by the stage they left from'
				: 'Households of the cohort that left, by the stage they left from',
		columns: columns(
			['Stage', 'text'],
			...ENDED_BY.map((endedBy) => [ENDED_BY_LABELS[endedBy], 'number'] as const),
			['Left in all', 'number'],
			['Reasons', 'text']
		),
		rows: rows
			.filter((row) => row.stage !== 'approved' || row.left > 0)
			.map((row) => [
				row.name,
				...ENDED_BY.map((endedBy) => whole(row.leftBy[endedBy])),
				whole(row.left),
				row.reasons.map((reason) => `${reason.label} (${reason.count.toLocaleString('en-GB')})`).join('; ') || 'None',
			]),
	}
}

export function timeTable(rows: readonly StageRow[]): FunnelTable {
	return {
		key: 'time',
		caption: 'Working days spent in each stage, by households that have left it',
		columns: columns(
			['Stage', 'text'],
			['Households timed', 'number'],
			['Median (working days)', 'number'],
			['90th percentile (working days)', 'number'],
			['Target (working days)', 'text'],
			['Within target', 'number']
		),
		rows: rows
			.filter((row) => row.stage !== 'approved')
			.flatMap((row) => [
				[
					row.name,
					whole(row.timed),
					formatDays(row.medianDays),
					formatDays(row.p90Days),
					row.targetDays === null ? 'No target for this stage alone' : whole(row.targetDays),
					formatPercent(row.withinTarget),
				],
				...(row.stage === 'stage_1'
					? [[`${row.name}: not timed, no completion recorded`, whole(stage1WithoutCompletion(row)), '–', '–', '', '–']]
					: []),
			]),
	}
}

/**
 * Households counted at Stage 1 that are not in it now and have no Stage 1 time: Stage 1 is timed
 * only up to a recorded completion (app/domain/funnel-facts.ts), so these had none (issue 15).
 */
export function stage1WithoutCompletion(row: Pick<StageRow, 'count' | 'timed' | 'stillIn'>): number {
	return Math.max(0, row.count - row.timed - (row.stillIn ?? 0))
}

export function nationalTable(rows: readonly StageRow[]): FunnelTable {
	return {
		key: 'national',
		caption: 'This service compared with England (Ofsted, the latest year with figures for each step)',
		columns: columns(
			['Step', 'text'],
			['This service', 'number'],
			['England', 'number'],
			['England’s year (1 April to 31 March)', 'text'],
			['Compared with England', 'text']
		),
		rows: nationalComparison(rows).map((comparison) => [
			comparison.label,
			formatPercent(comparison.service),
			formatPercent(comparison.england),
			comparison.year,
			comparison.verdict === null
				? 'No figure yet'
				: comparison.verdict === 'below'
					? 'Below England'
					: 'At or above England',
		]),
	}
}

export function monthsTable(months: readonly MonthCounts[]): FunnelTable {
	return {
		key: 'months',
		caption: 'Enquiries, applications and approvals by month (mainstream)',
		columns: columns(['Month', 'month'], ['Enquiries', 'number'], ['Applications', 'number'], ['Approvals', 'number']),
		rows: months.map((month) => [
			month.month,
			whole(month.enquiries),
			whole(month.applications),
			whole(month.approvals),
		]),
	}
}

export function breakdownTable(rows: readonly BreakdownRow[], mode: FunnelMode, breakdown: Breakdown): FunnelTable {
	const by = BREAKDOWN_LABELS[breakdown]
	return {
		key: 'breakdown',
		caption:
			(mode === 'period'
				? `Enquiries, applications and approvals in the dates, by ${by.toLowerCase()}`
				: `Households that enquired in the dates, how many applied and were approved, by ${by.toLowerCase()}`) +
			(breakdown === 'interest' ? ' (a household that gave several interests counts under each)' : ''),
		columns: columns(
			[by, 'text'],
			['Enquiries', 'number'],
			['Applications', 'number'],
			['Approvals', 'number'],
			['Enquiry to application', 'number'],
			['Application to approval', 'number'],
			['Enquiry to approval', 'number']
		),
		rows: rows.map((row) => [
			row.label,
			whole(row.enquiries),
			whole(row.applications),
			whole(row.approvals),
			formatPercent(row.toApplication),
			formatPercent(row.toApproval),
			formatPercent(row.fromEnquiryToApproval),
		]),
	}
}

/** Each table from the funnel's figures, by its key (the page draws them all, the CSV one). */
export function funnelTable(
	key: FunnelTableKey,
	funnel: {
		mode: FunnelMode
		mainstream: { rows: readonly StageRow[] }
		kinship: { rows: readonly StageRow[] }
		months: readonly MonthCounts[]
		breakdown: readonly BreakdownRow[]
		breakdownBy: Breakdown
		comparison: { period: ReportPeriod; rows: readonly StageRow[] } | null
	}
): FunnelTable {
	const rows = funnel.mainstream.rows
	switch (key) {
		case 'stages':
			return stagesTable(rows, funnel.mode, 'stages', funnel.comparison)
		case 'exits':
			return exitsTable(rows, funnel.mode)
		case 'time':
			return timeTable(rows)
		case 'national':
			return nationalTable(rows)
		case 'months':
			return monthsTable(funnel.months)
		case 'breakdown':
			return breakdownTable(funnel.breakdown, funnel.mode, funnel.breakdownBy)
		case 'kinship':
			return stagesTable(funnel.kinship.rows, funnel.mode, 'kinship')
	}
}

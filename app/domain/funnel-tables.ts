// The funnel page's tables as plain rows of text, drawn by the page and written by its CSV
// download from the same function, so the numbers in a downloaded file always match the page.

import { spreadsheetNumber, spreadsheetSafe } from './csv.ts'
import { formatShortDate } from './working-days.ts'
import {
	BREAKDOWN_LABELS,
	ENDED_BY,
	ENDED_BY_LABELS,
	NATIONAL,
	formatChange,
	formatDays,
	formatPercent,
	monthLabel,
	nationalComparison,
	type Breakdown,
	type BreakdownRow,
	type FunnelMode,
	type FunnelPeriod,
	type MonthCounts,
	type StageRow,
} from './funnel.ts'

export const FUNNEL_TABLES = ['stages', 'exits', 'time', 'national', 'months', 'breakdown', 'kinship'] as const
export type FunnelTableKey = (typeof FUNNEL_TABLES)[number]

export type TextTable<Key extends string = FunnelTableKey> = {
	key: Key
	caption: string
	/** The first column names each row (a row header); the others are numbers unless listed in `text`. */
	head: string[]
	rows: string[][]
	/** Columns (by index) that hold words rather than numbers. */
	text?: number[]
}

const whole = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-GB'))

export function stagesTable(
	rows: readonly StageRow[],
	mode: FunnelMode,
	key: 'stages' | 'kinship' = 'stages',
	/** The same stages over other dates, each count shown beside this one. */
	comparison?: { period: FunnelPeriod; rows: readonly StageRow[] } | null
): TextTable {
	const table: TextTable = {
		key,
		caption:
			key === 'kinship'
				? 'Kinship households at each stage'
				: mode === 'period'
				? 'Households that entered each stage in the dates'
				: 'Households that enquired in the dates: how far they got',
		head: [
			'Stage',
			mode === 'period' ? 'Entered the stage' : 'Reached the stage',
			'From the previous stage',
			'From enquiry',
			'Still in it',
			mode === 'period' ? 'Left from it in the dates' : 'Left from it',
		],
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
		head: [
			...table.head,
			`${formatShortDate(comparison.period.from)} to ${formatShortDate(comparison.period.to)}`,
			'Change',
		],
		rows: table.rows.map((cells, index) => [
			...cells,
			whole(before(index)),
			formatChange(rows[index]!.count, before(index)),
		]),
	}
}

export function exitsTable(rows: readonly StageRow[], mode: FunnelMode): TextTable {
	return {
		key: 'exits',
		caption:
			mode === 'period'
				? 'Households that left in the dates, by the stage they left from'
				: 'Households of the cohort that left, by the stage they left from',
		head: ['Stage', ...ENDED_BY.map((endedBy) => ENDED_BY_LABELS[endedBy]), 'Left in all', 'Reasons'],
		text: [5],
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

export function timeTable(rows: readonly StageRow[]): TextTable {
	return {
		key: 'time',
		caption: 'Working days spent in each stage, by households that have left it',
		head: [
			'Stage',
			'Households timed',
			'Median (working days)',
			'90th percentile (working days)',
			'Target (working days)',
			'Within target',
		],
		rows: rows
			.filter((row) => row.stage !== 'approved')
			.map((row) => [
				row.name,
				whole(row.timed),
				formatDays(row.medianDays),
				formatDays(row.p90Days),
				row.targetDays === null ? 'No target for this stage alone' : whole(row.targetDays),
				formatPercent(row.withinTarget),
			]),
		text: [4],
	}
}

export function nationalTable(rows: readonly StageRow[]): TextTable {
	return {
		key: 'national',
		caption: `This service compared with England (Ofsted, ${NATIONAL.year})`,
		head: ['Step', 'This service', 'England', 'Compared with England'],
		text: [3],
		rows: nationalComparison(rows).map((comparison) => [
			comparison.label,
			formatPercent(comparison.service),
			formatPercent(comparison.england),
			comparison.verdict === null
				? 'No figure yet'
				: comparison.verdict === 'below'
				? 'Below England'
				: 'At or above England',
		]),
	}
}

export function monthsTable(months: readonly MonthCounts[]): TextTable {
	return {
		key: 'months',
		caption: 'Enquiries, applications and approvals by month (mainstream)',
		head: ['Month', 'Enquiries', 'Applications', 'Approvals'],
		rows: months.map((month) => [
			monthLabel(month.month),
			whole(month.enquiries),
			whole(month.applications),
			whole(month.approvals),
		]),
	}
}

export function breakdownTable(rows: readonly BreakdownRow[], mode: FunnelMode, breakdown: Breakdown): TextTable {
	const by = BREAKDOWN_LABELS[breakdown]
	return {
		key: 'breakdown',
		caption:
			(mode === 'period'
				? `Enquiries, applications and approvals in the dates, by ${by.toLowerCase()}`
				: `Households that enquired in the dates, how many applied and were approved, by ${by.toLowerCase()}`) +
			(breakdown === 'interest' ? ' (a household that gave several interests counts under each)' : ''),
		head: [
			by,
			'Enquiries',
			'Applications',
			'Approvals',
			'Enquiry to application',
			'Application to approval',
			'Enquiry to approval',
		],
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

/**
 * The table as CSV rows: numbers as a spreadsheet reads them (no thousands separators, blank for
 * none) and words made safe to open (labels are the service's own, typed by staff).
 */
export function csvRowsOf(table: TextTable): string[][] {
	const text = new Set([0, ...(table.text ?? [])])
	return [
		table.head,
		...table.rows.map((row) =>
			row.map((cell, index) => (text.has(index) ? spreadsheetSafe(cell) : spreadsheetNumber(cell)))
		),
	]
}

// The annual return's tables (app/domain/report-table.ts), drawn by the page, and the one CSV of
// the whole return written from the same rows, so the file's numbers are the page's (ADR 014).

import type { AnnualReturn } from './annual-return.ts'
import { spreadsheetNumber } from './csv.ts'
import { formatDays, formatPercent, ratio } from './funnel.ts'
import { periodWords, type ReportPeriod } from './report-period.ts'
import { columns, type ReportTable } from './report-table.ts'

export const ANNUAL_RETURN_TABLES = ['recruitment', 'withdrawals', 'times', 'kinship'] as const
export type ReturnTable = ReportTable<(typeof ANNUAL_RETURN_TABLES)[number]>

const whole = (value: number) => value.toLocaleString('en-GB')
const withShare = (count: number, of: number) => `${whole(count)} (${formatPercent(ratio(count, of))})`

function recruitmentTable(figures: AnnualReturn, period: ReportPeriod): ReturnTable {
	const { mainstream } = figures
	return {
		key: 'recruitment',
		caption: `Mainstream recruitment, ${periodWords(period)}`,
		columns: columns(['Figure', 'text'], ['Households', 'number']),
		rows: [
			['Initial enquiries', whole(mainstream.enquiries)],
			['Applications received', whole(mainstream.applications)],
			['Households approved', whole(mainstream.approvals)],
			['Applications withdrawn by the household before panel', whole(mainstream.withdrawnBeforePanel)],
			['Applications ended by the service before panel', whole(mainstream.endedByServiceAfterApplying)],
			['Not approved (panel or agency decision maker)', whole(mainstream.notApproved)],
			// Context, not one of Ofsted's figures (ADR 014): where the enquiries that never applied went.
			[
				'For context, not in the return: households that withdrew before applying',
				whole(mainstream.withdrewBeforeApplying),
			],
		],
	}
}

function withdrawalsTable(figures: AnnualReturn): ReturnTable {
	const withdrawn = figures.withdrawals.reduce((sum, row) => sum + row.count, 0)
	return {
		key: 'withdrawals',
		caption: 'Applications withdrawn by the household before panel, by Ofsted withdrawal code',
		columns: columns(
			['Code', 'text'],
			['Ofsted’s reason', 'text'],
			['Households', 'number'],
			['The service’s reasons counted', 'text']
		),
		rows: [
			...figures.withdrawals.map((row) => [
				row.code,
				row.label,
				whole(row.count),
				row.reasons.map((reason) => `${reason.label} (${whole(reason.count)})`).join('; ') || 'None',
			]),
			['Total', 'All withdrawals before panel', whole(withdrawn), ''],
		],
	}
}

function timesTable(figures: AnnualReturn): ReturnTable {
	const { times } = figures
	return {
		key: 'times',
		caption: 'Time from application to approval, households approved in the year',
		// Words and figures with shares in one column: left-aligned, as words are.
		columns: columns(['Measure', 'text'], ['Value', 'text']),
		rows: [
			['Households approved', whole(times.approved)],
			['Of them, with an application date on record', whole(times.timed)],
			['Median calendar days from application to approval', formatDays(times.medianDays)],
			['Approved within 6 months of applying', withShare(times.withinSixMonths, times.timed)],
			['Approved within 8 months of applying', withShare(times.withinEightMonths, times.timed)],
			['Approved more than 8 months after applying', withShare(times.overEightMonths, times.timed)],
		],
	}
}

function kinshipTable(figures: AnnualReturn, period: ReportPeriod): ReturnTable {
	const { kinship } = figures
	return {
		key: 'kinship',
		caption: `Kinship (family and friends) households, ${periodWords(period)}: not part of the mainstream figures`,
		columns: columns(['Figure', 'text'], ['Households', 'number']),
		rows: [
			['Enquiries', whole(kinship.enquiries)],
			['Applications received', whole(kinship.applications)],
			['Households approved', whole(kinship.approvals)],
		],
	}
}

export function annualReturnTables(figures: AnnualReturn, period: ReportPeriod): ReturnTable[] {
	return [
		recruitmentTable(figures, period),
		withdrawalsTable(figures),
		timesTable(figures),
		kinshipTable(figures, period),
	]
}

/**
 * The whole return as one CSV: a row per figure, [table, figure, value], so every number on the
 * page is in one file a spreadsheet reads. The "counted" column of the withdrawals is left out:
 * it is words, and its numbers are the service's reasons, not Ofsted's.
 */
export function annualReturnCsvRows(tables: readonly ReturnTable[]): string[][] {
	const rows: string[][] = [['Table', 'Figure', 'Value']]
	for (const table of tables) {
		for (const row of table.rows) {
			const [figure, value] = table.key === 'withdrawals' ? [`${row[0]} ${row[1]}`, row[2]] : [String(row[0]), row[1]]
			rows.push([table.caption, figure, spreadsheetNumber(String(value))])
		}
	}
	return rows
}

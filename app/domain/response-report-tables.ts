// The response-time report's tables (app/domain/report-table.ts), drawn by the page and written by
// its CSV download from the same definition, so the file has the page's headings and rows. The
// tables by officer and of targets missed name people: only staff who may see households get them
// (ROLES_THAT.viewHouseholds), on the page and as CSV.

import { columns, type Cell, type ColumnFormat, type ReportTable } from './report-table.ts'
import {
	formatNumber,
	formatShare,
	type BreachRow,
	type ClockReport,
	type Group,
	type Summary,
} from './response-report.ts'

export const RESPONSE_TABLES = ['weekly', 'channels', 'officers', 'clocks', 'breaches'] as const
export type ResponseTableKey = (typeof RESPONSE_TABLES)[number]
/** The tables that name people. */
export const PERSONAL_TABLES: readonly ResponseTableKey[] = ['officers', 'breaches']

type ResponseTable = ReportTable<ResponseTableKey>

/** What the tables are drawn from: the report's figures (app/models/response-report.server.ts). */
export type ResponseFigures = {
	firstContact: { weeks: readonly Group[]; channels: readonly Group[]; officers: readonly Group[] | null }
	clocks: readonly ClockReport[]
	breaches: { rows: readonly BreachRow[] } | null
}

const whole = (value: number) => value.toLocaleString('en-GB')
const figure = (value: number | null): Cell => (value === null ? null : formatNumber(value))
const share = (summary: Summary): Cell => (summary.share === null ? null : formatShare(summary.share))

const FIRST_CONTACT_CAPTIONS = {
	weekly: ['Enquiry to first personal contact, by week', 'Week starting'],
	channels: ['Enquiry to first personal contact, by channel', 'Channel'],
	officers: ['Enquiry to first personal contact, by officer', 'Officer'],
} as const

/** Enquiry to first personal contact, a row per week, channel or officer. */
export function firstContactTable(key: 'weekly' | 'channels' | 'officers', groups: readonly Group[]): ResponseTable {
	const [caption, heading] = FIRST_CONTACT_CAPTIONS[key]
	// Weeks are named by their Monday, as a date; channels and officers by their names.
	const by: ColumnFormat = key === 'weekly' ? 'date' : 'text'
	return {
		key,
		caption,
		columns: columns(
			[heading, by],
			['Enquiries', 'number'],
			['With an outcome', 'number'],
			['Within target', 'number'],
			['Share within target', 'number'],
			['Median (working hours)', 'number'],
			['90th percentile (working hours)', 'number'],
			['Median (working days)', 'number'],
			['90th percentile (working days)', 'number']
		),
		rows: groups.map(({ key: group, label, summary }) => [
			key === 'weekly' ? group : label,
			whole(summary.started),
			whole(summary.counted),
			whole(summary.within),
			share(summary),
			figure(summary.medianHours),
			figure(summary.p90Hours),
			figure(summary.median),
			figure(summary.p90),
		]),
	}
}

export function clocksTable(clocks: readonly ClockReport[]): ResponseTable {
	return {
		key: 'clocks',
		caption: 'Each clock started in the period, against its target',
		columns: columns(
			['Clock', 'text'],
			['Target', 'text'],
			['Started', 'number'],
			['With an outcome', 'number'],
			['Share within target', 'number'],
			['Median', 'number'],
			['90th percentile', 'number']
		),
		rows: clocks.map((clock) => {
			const unit = clock.unit === 'days' ? 'day' : 'working day'
			const withUnit = (value: number | null) =>
				value === null ? null : `${formatNumber(value)} ${unit}${value === 1 ? '' : 's'}`
			return [
				clock.label,
				clock.target,
				whole(clock.summary.started),
				whole(clock.summary.counted),
				share(clock.summary),
				withUnit(clock.summary.median),
				withUnit(clock.summary.p90),
			]
		}),
	}
}

/** The clocks that missed their target or are running past it, the latest first (one page of them, or all). */
export function breachesTable(rows: readonly BreachRow[], caption = 'Targets missed'): ResponseTable {
	return {
		key: 'breaches',
		caption,
		columns: columns(
			['Household', 'text'],
			['Reference', 'text'],
			['Clock', 'text'],
			['Status', 'text'],
			['Started', 'date'],
			['Deadline', 'date'],
			['Ended', 'date'],
			['Days late', 'number']
		),
		rows: rows.map((row) => [
			row.name,
			row.reference,
			row.clock,
			row.status === 'overdue' ? 'Overdue' : 'Missed',
			row.startedOn,
			row.deadline,
			row.endedOn,
			whole(row.daysLate),
		]),
	}
}

/** Each table by its key, or null where the reader may not see it (the page draws them all, the CSV one). */
export function responseTable(key: ResponseTableKey, figures: ResponseFigures): ResponseTable | null {
	const { firstContact } = figures
	switch (key) {
		case 'weekly':
			return firstContactTable(key, firstContact.weeks)
		case 'channels':
			return firstContactTable(key, firstContact.channels)
		case 'officers':
			return firstContact.officers ? firstContactTable(key, firstContact.officers) : null
		case 'clocks':
			return clocksTable(figures.clocks)
		case 'breaches':
			return figures.breaches ? breachesTable(figures.breaches.rows) : null
	}
}

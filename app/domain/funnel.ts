// The funnel view's maths (issue 6): from counts aggregated in SQL over FunnelFact (one row per
// household, app/models/funnel.server.ts), each stage's count, conversions, households still in
// it, households that left from it and why, and the time spent in it against its target. Pure, so
// every figure on the page can be checked by hand.
//
// Two modes, and the page always says which it shows:
// - period: how many households entered each stage within the dates (as Ofsted counts a year);
//   a stage's conversion is its count over the previous stage's count in the same dates, so it can
//   pass 100% when many entered the earlier stage before the period began.
// - cohort: the households whose first enquiry fell within the dates, followed through: how many
//   reached each stage, are still in it, or left from it. Counts never rise from stage to stage.
//
// Times are working days spent in a stage the household has left (holds not counted), from a
// histogram (days → households) so the database never sends one row per household. Median: the
// middle value (mean of the two middle ones for an even count); 90th percentile: nearest rank, the
// ceil(0.9 × n)th value, as in the response-time report.

import type { DateParts } from './date-input.ts'
import type { FieldError } from './field-errors.ts'
import {
	LAST_12_MONTHS,
	monthLabel,
	monthsOf,
	parsePeriod,
	periodWords,
	type PeriodRules,
	type ReportPeriod,
} from './report-period.ts'
import { counted } from './report-table.ts'
import type { ClockTargets } from './response-clocks.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import { addCalendarDays, addMonths, calendarDaysBetween, type CalendarDate } from './working-days.ts'

export const FUNNEL_MODES = ['period', 'cohort'] as const
export type FunnelMode = (typeof FUNNEL_MODES)[number]
export const FUNNEL_MODE_LABELS: Record<FunnelMode, string> = {
	period: 'Period: households that entered each stage in the dates',
	cohort: 'Cohort: households that enquired in the dates, followed through',
}

export const FUNNEL_ROUTES = ['mainstream', 'kinship'] as const
export type FunnelRoute = (typeof FUNNEL_ROUTES)[number]

export const ENDED_BY = ['household', 'service', 'not_approved'] as const
export type EndedBy = (typeof ENDED_BY)[number]
export const ENDED_BY_LABELS: Record<EndedBy, string> = {
	household: 'Household withdrew',
	service: 'Service ended it',
	not_approved: 'Not approved',
}

/** The last 12 months unless chosen; five years at most: a national hub's history, and 60 monthly bars are still readable. */
export const FUNNEL_PERIOD: PeriodRules = {
	noun: 'dates',
	preset: LAST_12_MONTHS,
	longest: { days: 5 * 366, message: 'The dates must span 5 years or less' },
}
export const COMPARISONS = ['previous', 'last_year'] as const
export type Comparison = (typeof COMPARISONS)[number]
export const COMPARISON_LABELS: Record<Comparison, string> = {
	previous: 'The period before, of the same length',
	last_year: 'The same dates a year earlier',
}

export type FunnelQuery = {
	mode: FunnelMode
	period: ReportPeriod
	channel: string | null
	breakdown: Breakdown
	compare: Comparison | null
}
export type FunnelFormValues = {
	mode: string
	from: DateParts
	to: DateParts
	channel: string
	by: string
	compare: string
}

// ---------------------------------------------------------------------------------------------
// The query string

/**
 * Mode, dates, channel, breakdown and comparison from the URL (a GET form, so a view can be
 * bookmarked and shared). No dates at all is the last 12 months (app/domain/report-period.ts).
 */
export function parseFunnelQuery(
	params: URLSearchParams,
	today: CalendarDate,
	channelKeys: readonly string[],
	/** The breakdowns this member of staff may see (by officer names staff: not for every role). */
	breakdowns: readonly Breakdown[] = BREAKDOWNS
): { query: FunnelQuery | null; values: FunnelFormValues; errors: FieldError[] } {
	const one = (name: string) => (params.get(name) ?? '').trim()
	const dates = parsePeriod(params, today, FUNNEL_PERIOD)
	const values: FunnelFormValues = {
		mode: one('mode') || 'period',
		...dates.values,
		channel: one('channel'),
		by: one('by') || 'channel',
		compare: one('compare'),
	}
	const isOneOf = (value: string, list: readonly string[]) => list.includes(value)
	const mistake = (field: string, wrong: boolean, message: string): FieldError[] => (wrong ? [{ field, message }] : [])
	const errors: FieldError[] = [
		...mistake('mode', !isOneOf(values.mode, FUNNEL_MODES), 'Select what to count: a period or a cohort'),
		...dates.errors,
		...mistake(
			'channel',
			values.channel !== '' && !isOneOf(values.channel, channelKeys),
			'Select a channel from the list'
		),
		...mistake(
			'compare',
			values.compare !== '' && !isOneOf(values.compare, COMPARISONS),
			'Select what to compare with'
		),
		...mistake('by', !isOneOf(values.by, breakdowns), 'Select what to break the figures down by'),
	]
	if (errors.length > 0 || !dates.period) return { query: null, values, errors }
	return {
		values,
		errors,
		query: {
			mode: values.mode as FunnelMode,
			period: dates.period,
			channel: values.channel === '' ? null : values.channel,
			breakdown: values.by as Breakdown,
			compare: values.compare === '' ? null : (values.compare as Comparison),
		},
	}
}

/** The line that says what the figures are of: the mode, the dates, the channel, the comparison. */
export function funnelScope(
	query: FunnelQuery,
	channelLabel: string | null,
	comparedWith: ReportPeriod | null
): string {
	const what =
		query.mode === 'period'
			? `Period: households that entered each stage from ${periodWords(query.period)}`
			: `Cohort: households whose first enquiry was from ${periodWords(query.period)}, followed through to today`
	const channel = channelLabel ? `channel: ${channelLabel}` : 'all channels'
	return `${what}; mainstream households, ${channel}${comparedWith ? `; compared with ${periodWords(comparedWith)}` : ''}.`
}

/**
 * The dates to compare with: the same number of days just before, or the same dates a year
 * earlier (29 February becomes 28 February).
 */
export function comparisonPeriod(period: ReportPeriod, compare: Comparison): ReportPeriod {
	if (compare === 'last_year') return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) }
	const days = calendarDaysBetween(period.from, period.to)
	const to = addCalendarDays(period.from, -1)
	return { from: addCalendarDays(to, -days), to }
}

/** '+3', '−2' (a real minus sign), '0'. */
export function formatChange(now: number, before: number): string {
	const change = now - before
	if (change === 0) return '0'
	return `${change > 0 ? '+' : '−'}${Math.abs(change).toLocaleString('en-GB')}`
}

// ---------------------------------------------------------------------------------------------
// Time in stage from a histogram

/** Working days → households, in any order. */
export type Histogram = readonly (readonly [days: number, households: number])[]

function histogramTotal(histogram: Histogram): number {
	return histogram.reduce((sum, [, count]) => sum + count, 0)
}

/** The value at 1-based `rank` in the sorted values the histogram stands for. */
function valueAtRank(sorted: Histogram, rank: number): number {
	let seen = 0
	for (const [days, count] of sorted) {
		seen += count
		if (seen >= rank) return days
	}
	throw new RangeError(`Rank ${rank} is past the ${seen} values`)
}

function sortedHistogram(histogram: Histogram): Histogram {
	return histogram.filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0])
}

export function histogramMedian(histogram: Histogram): number | null {
	const n = histogramTotal(histogram)
	if (n === 0) return null
	const sorted = sortedHistogram(histogram)
	if (n % 2 === 1) return valueAtRank(sorted, (n + 1) / 2)
	return (valueAtRank(sorted, n / 2) + valueAtRank(sorted, n / 2 + 1)) / 2
}

/** Nearest rank: the ceil(p/100 × n)th smallest value, always a time that really happened. */
export function histogramPercentile(histogram: Histogram, p: number): number | null {
	if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile is from 0 to 100, got ${p}`)
	const n = histogramTotal(histogram)
	if (n === 0) return null
	return valueAtRank(sortedHistogram(histogram), Math.max(1, Math.ceil((p / 100) * n)))
}

/** How many of the times were at or under `days`. */
export function histogramAtMost(histogram: Histogram, days: number): number {
	return histogram.reduce((sum, [value, count]) => (value <= days ? sum + count : sum), 0)
}

// ---------------------------------------------------------------------------------------------
// Targets

/**
 * The working days a household should spend in a stage, where one response-time target covers
 * that stage alone: the first contact ends the enquiry stage, the initial visit ends initial
 * contact, the decision ends panel. Application to panel (months) spans several stages, so the
 * stages between have no target of their own.
 */
export function stageTargetDays(stage: StageKey, targets: ClockTargets): number | null {
	switch (stage) {
		case 'enquiry':
			return targets.firstContactWorkingDays
		case 'initial_contact':
			return targets.initialVisitWorkingDays
		case 'panel':
			return targets.panelToDecisionWorkingDays
		default:
			return null
	}
}

// ---------------------------------------------------------------------------------------------
// The per-stage table

/** What SQL says about one stage, for one mode, route and filter. */
export type StageCounts = {
	stage: StageKey
	/** period: entered the stage within the dates; cohort: ever reached it. */
	count: number
	/** In the stage now (open or on hold), of the households counted. */
	stillIn: number
	/** Left from this stage: period, left within the dates; cohort, of the cohort and closed now. */
	left: readonly { endedBy: string; reasonKey: string | null; count: number }[]
	/** Working days spent in the stage by the households counted that have left it. */
	histogram: Histogram
}

export type LeftReason = { key: string | null; label: string; endedBy: string; count: number }

export type StageRow = {
	stage: StageKey
	name: string
	count: number
	/** count / the previous stage's count; null for the enquiry stage or when the previous is 0. */
	fromPrevious: number | null
	fromEnquiry: number | null
	/** Null for Approved: a household does not wait in it. */
	stillIn: number | null
	left: number
	leftBy: Record<EndedBy, number>
	reasons: LeftReason[]
	/** How many households' times the median and 90th percentile are of. */
	timed: number
	medianDays: number | null
	p90Days: number | null
	targetDays: number | null
	/** Share of the timed households that spent the target or less in the stage. */
	withinTarget: number | null
}

/** part / whole, or null when the whole is 0 (no households is not 0%). */
export function ratio(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole
}

export function funnelRows(
	counts: readonly StageCounts[],
	options: {
		names: Record<StageKey, string>
		targets: ClockTargets
		reasonLabels: ReadonlyMap<string, string>
	}
): StageRow[] {
	const byStage = new Map(counts.map((stage) => [stage.stage, stage]))
	const countOf = (stage: StageKey) => byStage.get(stage)?.count ?? 0
	const enquiries = countOf('enquiry')
	return STAGE_KEYS.map((stage, index) => {
		const counted = byStage.get(stage)
		const count = counted?.count ?? 0
		const leftBy: Record<EndedBy, number> = { household: 0, service: 0, not_approved: 0 }
		const reasons: LeftReason[] = []
		for (const left of counted?.left ?? []) {
			if ((ENDED_BY as readonly string[]).includes(left.endedBy)) leftBy[left.endedBy as EndedBy] += left.count
			reasons.push({
				key: left.reasonKey,
				label: (left.reasonKey && options.reasonLabels.get(left.reasonKey)) || 'No reason recorded',
				endedBy: left.endedBy,
				count: left.count,
			})
		}
		reasons.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'))
		const histogram = counted?.histogram ?? []
		const timed = histogramTotal(histogram)
		const targetDays = stageTargetDays(stage, options.targets)
		return {
			stage,
			name: options.names[stage],
			count,
			fromPrevious: index === 0 ? null : ratio(count, countOf(STAGE_KEYS[index - 1]!)),
			fromEnquiry: index === 0 ? null : ratio(count, enquiries),
			stillIn: stage === 'approved' ? null : (counted?.stillIn ?? 0),
			left: reasons.reduce((sum, reason) => sum + reason.count, 0),
			leftBy,
			reasons,
			timed,
			medianDays: histogramMedian(histogram),
			p90Days: histogramPercentile(histogram, 90),
			targetDays,
			withinTarget: targetDays === null ? null : ratio(histogramAtMost(histogram, targetDays), timed),
		}
	})
}

// ---------------------------------------------------------------------------------------------
// Words

// One formatter for every figure: toLocaleString with options builds a new one each call, which
// cost the funnel page about 3 ms for its few hundred figures.
const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** '7.5%' (one decimal place, none when whole), or an en dash for no value. */
export function formatPercent(share: number | null): string {
	if (share === null) return '–'
	return `${ONE_DECIMAL.format(Math.round(share * 1000) / 10)}%`
}

/** '3.5' (one decimal place, none when whole), or an en dash for no value. */
export function formatDays(value: number | null): string {
	if (value === null) return '–'
	return ONE_DECIMAL.format(Math.round(value * 10) / 10)
}

const households = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'household' : 'households'}`
const withShare = (count: number, whole: number) =>
	`${count.toLocaleString('en-GB')} (${formatPercent(ratio(count, whole))})`

/** The one-line summary beside the funnel chart. */
export function funnelSentence(
	rows: readonly StageRow[],
	mode: FunnelMode,
	outcome?: { inProgress: number; left: number }
): string {
	const count = (stage: StageKey) => rows.find((row) => row.stage === stage)?.count ?? 0
	const enquiries = count('enquiry')
	const applied = count('application')
	const approved = count('approved')
	if (mode === 'period') {
		if (enquiries === 0 && applied === 0 && approved === 0)
			return 'No household enquired, applied or was approved in these dates.'
		return `In these dates ${households(enquiries)} enquired, ${applied.toLocaleString(
			'en-GB'
		)} applied and ${approved.toLocaleString('en-GB')} ${approved === 1 ? 'was' : 'were'} approved.`
	}
	if (enquiries === 0) return 'No household enquired in these dates.'
	const rest = outcome
		? `; ${outcome.inProgress.toLocaleString('en-GB')} ${
				outcome.inProgress === 1 ? 'is' : 'are'
			} still in progress and ${outcome.left.toLocaleString('en-GB')} left`
		: ''
	return `Of ${households(enquiries)} that enquired, ${withShare(applied, enquiries)} applied and ${withShare(
		approved,
		enquiries
	)} ${approved === 1 ? 'was' : 'were'} approved${rest}.`
}

/** The step from one stage to the next that kept the smallest share of households. */
export function biggestLoss(rows: readonly StageRow[]): StageRow | null {
	const steps = rows.filter((row) => row.fromPrevious !== null)
	if (steps.length === 0) return null
	return steps.reduce((worst, row) => (row.fromPrevious! < worst.fromPrevious! ? row : worst))
}

/** The one line under the chart of where households leave. */
export function exitSentence(rows: readonly StageRow[]): string {
	const left = rows.reduce((sum, row) => sum + row.left, 0)
	if (left === 0) return 'No household counted here has left.'
	const most = rows.reduce((best, row) => (row.left > best.left ? row : best))
	const reason = most.reasons[0]
	return `${households(left)} left; most left from ${most.name} (${most.left.toLocaleString('en-GB')})${
		reason ? `, most often: ${reason.label} (${reason.count})` : ''
	}.`
}

// ---------------------------------------------------------------------------------------------
// England's figures (docs/domain.md, "National figures"), each with the Ofsted year it counts
// (1 April to 31 March): the latest year for which Ofsted published both counts of a step. Ofsted's
// latest report, Fostering in England 2024-25, gives households and deregistrations but no
// enquiries, applications or approvals, so the steps use older years and say which.

export type NationalStep = {
	/** The Ofsted year, as GOV.UK writes it ('2022 to 2023'), and the date it ended. */
	year: string
	yearEnded: string
	from: { count: number; noun: string }
	to: { count: number; noun: string }
}

export const NATIONAL: Record<'enquiry_to_application' | 'application_to_approval', NationalStep> = {
	enquiry_to_application: {
		year: '2022 to 2023',
		yearEnded: '31 March 2023',
		from: { count: 125_195, noun: 'enquiries' },
		to: { count: 8_010, noun: 'applications' },
	},
	application_to_approval: {
		year: '2019 to 2020',
		yearEnded: '31 March 2020',
		from: { count: 8_805, noun: 'applications' },
		to: { count: 2_135, noun: 'approvals' },
	},
}

/** The latest national picture (Ofsted, Fostering in England 2024-25), shown beside the comparison. */
export const NATIONAL_LATEST = {
	year: '2024 to 2025',
	yearEnded: '31 March 2025',
	mainstreamHouseholds: 33_435,
	deregistered: 4_690,
} as const

export type NationalComparison = {
	key: keyof typeof NATIONAL
	label: string
	service: number | null
	england: number
	/** The Ofsted year England's figure counts ('2022 to 2023'). */
	year: string
	/** below: the service converts a smaller share than England; null when it has no figure. */
	verdict: 'below' | 'at_or_above' | null
}

export function nationalComparison(rows: readonly StageRow[]): NationalComparison[] {
	const count = (stage: StageKey) => rows.find((row) => row.stage === stage)?.count ?? 0
	const compare = (key: NationalComparison['key'], label: string, service: number | null): NationalComparison => {
		const england = NATIONAL[key].to.count / NATIONAL[key].from.count
		const verdict = service === null ? null : service < england ? 'below' : 'at_or_above'
		return { key, label, service, england, year: NATIONAL[key].year, verdict }
	}
	return [
		compare('enquiry_to_application', 'Enquiry to application', ratio(count('application'), count('enquiry'))),
		compare('application_to_approval', 'Application to approval', ratio(count('approved'), count('application'))),
	]
}

/** The one line beside the comparison with England. */
export function nationalSentence(comparisons: readonly NationalComparison[]): string {
	const below = comparisons.filter((comparison) => comparison.verdict === 'below')
	if (comparisons.every((comparison) => comparison.verdict === null)) return 'No figures to compare yet.'
	if (below.length === 0) return 'The service converts at least as well as England at both steps.'
	const each = below.map(
		(comparison) =>
			`${comparison.label.toLowerCase()} (${formatPercent(comparison.service)} against ${formatPercent(comparison.england)})`
	)
	return `Below England: ${each.join(' and ')}.`
}

// ---------------------------------------------------------------------------------------------
// Monthly trends

export type MonthCounts = { month: string; enquiries: number; applications: number; approvals: number }

/** The counts for every month of the dates, months with nothing as 0. */
export function monthlyTrend(period: ReportPeriod, counted: readonly MonthCounts[]): MonthCounts[] {
	const byMonth = new Map(counted.map((row) => [row.month, row]))
	return monthsOf(period).map((month) => byMonth.get(month) ?? { month, enquiries: 0, applications: 0, approvals: 0 })
}

export function trendSentence(months: readonly MonthCounts[]): string {
	const total = (key: 'enquiries' | 'applications' | 'approvals') => months.reduce((sum, row) => sum + row[key], 0)
	const enquiries = total('enquiries')
	if (months.length === 0 || (enquiries === 0 && total('applications') === 0 && total('approvals') === 0)) {
		return 'No enquiries, applications or approvals in these dates.'
	}
	const busiest = months.reduce((best, row) => (row.enquiries > best.enquiries ? row : best))
	return `${counted(enquiries, 'enquiry', 'enquiries')}, ${counted(
		total('applications'),
		'application',
		'applications'
	)} and ${counted(total('approvals'), 'approval', 'approvals')} over ${counted(
		months.length,
		'month',
		'months'
	)}; the most enquiries came in ${monthLabel(busiest.month)} (${busiest.enquiries.toLocaleString('en-GB')}).`
}

// ---------------------------------------------------------------------------------------------
// Breakdowns: which channels, campaigns and messages bring households that are approved

export const BREAKDOWNS = [
	'channel',
	'campaign',
	'source',
	'medium',
	'how_heard',
	'referred',
	'interest',
	'district',
	'officer',
] as const
export type Breakdown = (typeof BREAKDOWNS)[number]
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
	channel: 'Channel',
	campaign: 'Campaign (UTM)',
	source: 'Source (UTM)',
	medium: 'Medium (UTM)',
	how_heard: 'How they heard',
	referred: 'Referred by a foster carer',
	interest: 'Fostering interest',
	district: 'Postcode district',
	officer: 'Officer',
}

/** Figures by named officer are for staff who work with households, as in the response-time report. */
export function allowedBreakdowns(mayNameStaff: boolean): Breakdown[] {
	return mayNameStaff ? [...BREAKDOWNS] : BREAKDOWNS.filter((breakdown) => breakdown !== 'officer')
}

/** Beyond this many values, the smallest are added up in one row, so the table stays readable. */
export const BREAKDOWN_ROWS = 25

/** What SQL says about one value of a breakdown (null: not recorded). */
export type BreakdownCounts = { value: string | null; enquiries: number; applications: number; approvals: number }

export type BreakdownRow = BreakdownCounts & {
	label: string
	toApplication: number | null
	toApproval: number | null
	fromEnquiryToApproval: number | null
}

/**
 * One row per value, the most enquiries first (then by label), values beyond `limit` summed in
 * "All others" and households with no value last as "Not recorded".
 */
export function breakdownRows(
	counts: readonly BreakdownCounts[],
	labelOf: (value: string) => string,
	limit = BREAKDOWN_ROWS
): BreakdownRow[] {
	const withRatios = (row: BreakdownCounts, label: string): BreakdownRow => ({
		...row,
		label,
		toApplication: ratio(row.applications, row.enquiries),
		toApproval: ratio(row.approvals, row.applications),
		fromEnquiryToApproval: ratio(row.approvals, row.enquiries),
	})
	const known = counts
		.filter((row) => row.value !== null && row.value !== '')
		.map((row) => withRatios(row, labelOf(row.value!)))
		.sort((a, b) => b.enquiries - a.enquiries || b.approvals - a.approvals || a.label.localeCompare(b.label, 'en-GB'))
	const missing = counts.filter((row) => row.value === null || row.value === '')
	const sum = (rows: readonly BreakdownCounts[], value: string | null): BreakdownCounts => ({
		value,
		enquiries: rows.reduce((total, row) => total + row.enquiries, 0),
		applications: rows.reduce((total, row) => total + row.applications, 0),
		approvals: rows.reduce((total, row) => total + row.approvals, 0),
	})
	const rows = known.slice(0, limit)
	if (known.length > limit) rows.push(withRatios(sum(known.slice(limit), null), `All others (${known.length - limit})`))
	if (missing.length > 0) rows.push(withRatios(sum(missing, null), 'Not recorded'))
	return rows
}

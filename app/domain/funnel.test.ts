import { describe, expect, test } from 'vitest'
import {
	comparisonPeriod,
	formatChange,
	biggestLoss,
	breakdownRows,
	exitSentence,
	FUNNEL_PERIOD,
	formatPercent,
	funnelRows,
	funnelScope,
	funnelSentence,
	histogramAtMost,
	histogramMedian,
	histogramPercentile,
	monthlyTrend,
	nationalComparison,
	nationalSentence,
	parseFunnelQuery,
	stageTargetDays,
	trendSentence,
	type StageCounts,
} from './funnel.ts'
import { nationalTable } from './funnel-tables.ts'
import { monthsOf } from './report-period.ts'
import { DEMO_SERVICE_CONFIG } from './service-config.ts'
import { stageNames } from './stages.ts'

const targets = DEMO_SERVICE_CONFIG.targets
const options = {
	names: stageNames(),
	targets,
	reasonLabels: new Map([
		['changed_mind', 'Changed their mind'],
		['not_suitable', 'Not suitable'],
	]),
}

describe('time in stage from a histogram', () => {
	// The values 1, 1, 2, 3, 3, 3, 8, 20 (8 households).
	const histogram = [
		[3, 3],
		[1, 2],
		[20, 1],
		[2, 1],
		[8, 1],
	] as const

	test('the median of an even count is the mean of the two middle values', () => {
		// 4th and 5th values: 3 and 3.
		expect(histogramMedian(histogram)).toBe(3)
		// 1, 2, 5, 9 → (2 + 5) / 2
		expect(
			histogramMedian([
				[1, 1],
				[2, 1],
				[5, 1],
				[9, 1],
			])
		).toBe(3.5)
	})

	test('the median of an odd count is the middle value', () => {
		expect(
			histogramMedian([
				[4, 2],
				[10, 1],
			])
		).toBe(4)
	})

	test('the 90th percentile is the nearest rank: ceil(0.9 × 8) = 8th value', () => {
		expect(histogramPercentile(histogram, 90)).toBe(20)
		// 10 values 1..10: the 9th is 9.
		expect(
			histogramPercentile(
				Array.from({ length: 10 }, (_, i) => [i + 1, 1] as const),
				90
			)
		).toBe(9)
	})

	test('no households timed is no figure, not 0', () => {
		expect(histogramMedian([])).toBeNull()
		expect(histogramPercentile([[5, 0]], 90)).toBeNull()
	})

	test('counts the times at or under a target', () => {
		expect(histogramAtMost(histogram, 3)).toBe(6)
		expect(histogramAtMost(histogram, 0)).toBe(0)
	})
})

describe('the per-stage table', () => {
	// A cohort of 10 enquiries: 6 reached initial contact, 3 initial visit, 2 applied, 2 Stage 1,
	// 1 Stage 2, 1 panel, 1 approved.
	const counts: StageCounts[] = [
		{
			stage: 'enquiry',
			count: 10,
			stillIn: 1,
			left: [
				{ endedBy: 'household', reasonKey: 'changed_mind', count: 2 },
				{ endedBy: 'service', reasonKey: 'not_suitable', count: 1 },
			],
			histogram: [
				[0, 4],
				[1, 3],
				[2, 2],
			],
		},
		{
			stage: 'initial_contact',
			count: 6,
			stillIn: 1,
			left: [{ endedBy: 'household', reasonKey: 'changed_mind', count: 2 }],
			histogram: [
				[5, 3],
				[12, 2],
			],
		},
		{
			stage: 'initial_visit',
			count: 3,
			stillIn: 0,
			left: [{ endedBy: 'household', reasonKey: null, count: 1 }],
			histogram: [],
		},
		{ stage: 'application', count: 2, stillIn: 0, left: [], histogram: [[10, 2]] },
		{ stage: 'stage_1', count: 2, stillIn: 1, left: [], histogram: [] },
		{ stage: 'stage_2', count: 1, stillIn: 0, left: [], histogram: [] },
		{ stage: 'panel', count: 1, stillIn: 0, left: [], histogram: [[3, 1]] },
		{ stage: 'approved', count: 1, stillIn: 0, left: [], histogram: [] },
	]
	const rows = funnelRows(counts, options)
	const row = (stage: string) => rows.find((r) => r.stage === stage)!

	test('conversion from the previous stage and from enquiry', () => {
		expect(row('enquiry').fromPrevious).toBeNull()
		expect(row('enquiry').fromEnquiry).toBeNull()
		expect(row('initial_contact').fromPrevious).toBe(0.6)
		expect(row('initial_visit').fromPrevious).toBe(0.5)
		expect(row('initial_visit').fromEnquiry).toBe(0.3)
		expect(row('stage_1').fromPrevious).toBe(1)
		expect(row('approved').fromEnquiry).toBe(0.1)
	})

	test('who ended it and why, the largest reason first, with a label for none', () => {
		expect(row('enquiry').left).toBe(3)
		expect(row('enquiry').leftBy).toEqual({ household: 2, service: 1, not_approved: 0 })
		expect(row('enquiry').reasons.map((reason) => [reason.label, reason.count])).toEqual([
			['Changed their mind', 2],
			['Not suitable', 1],
		])
		expect(row('initial_visit').reasons[0]!.label).toBe('No reason recorded')
	})

	test('time in stage against the target of the clock that ends it', () => {
		// Enquiry: 0,0,0,0,1,1,1,2,2 → median 1 (5th), p90 ceil(8.1) = 9th = 2; target 1 working day: 7 of 9.
		expect(row('enquiry')).toMatchObject({ timed: 9, medianDays: 1, p90Days: 2, targetDays: 1 })
		expect(row('enquiry').withinTarget).toBeCloseTo(7 / 9)
		// Initial contact: 5,5,5,12,12 against 10 working days: 3 of 5.
		expect(row('initial_contact')).toMatchObject({ medianDays: 5, p90Days: 12, targetDays: 10, withinTarget: 0.6 })
		// Application has no target of its own (application to panel spans several stages).
		expect(row('application')).toMatchObject({ medianDays: 10, targetDays: null, withinTarget: null })
		expect(row('panel').targetDays).toBe(7)
	})

	test('approved has no "still in it"; a missing stage counts 0 and its conversion is not a number', () => {
		expect(row('approved').stillIn).toBeNull()
		const empty = funnelRows([{ stage: 'enquiry', count: 0, stillIn: 0, left: [], histogram: [] }], options)
		expect(empty[1]).toMatchObject({ count: 0, fromPrevious: null, fromEnquiry: null, stillIn: 0, medianDays: null })
	})

	test('the one-line summaries', () => {
		expect(funnelSentence(rows, 'cohort', { inProgress: 3, left: 6 })).toBe(
			'Of 10 households that enquired, 2 (20%) applied and 1 (10%) was approved; 3 are still in progress and 6 left.'
		)
		expect(funnelSentence(rows, 'period')).toBe('In these dates 10 households enquired, 2 applied and 1 was approved.')
		expect(funnelSentence(funnelRows([], options), 'cohort')).toBe('No household enquired in these dates.')
	})

	test('the biggest loss is the step that kept the smallest share', () => {
		expect(biggestLoss(rows)?.stage).toBe('initial_visit')
	})

	test('compared with England, each step with its year: 6.4% of enquiries applied in 2022-23, 24.2% of applications approved in 2019-20', () => {
		const [toApplication, toApproval] = nationalComparison(rows)
		expect(toApplication!.year).toBe('2022 to 2023')
		expect(toApproval!.year).toBe('2019 to 2020')
		expect(nationalTable(rows).rows[0]).toEqual([
			'Enquiry to application',
			'20%',
			'6.4%',
			'2022 to 2023',
			'At or above England',
		])
		expect(toApplication).toMatchObject({ service: 0.2, verdict: 'at_or_above' })
		expect(formatPercent(toApplication!.england)).toBe('6.4%')
		expect(toApproval).toMatchObject({ service: 0.5, verdict: 'at_or_above' })
		expect(formatPercent(toApproval!.england)).toBe('24.2%')
		const low = funnelRows(
			[
				{ stage: 'enquiry', count: 100, stillIn: 0, left: [], histogram: [] },
				{ stage: 'application', count: 5, stillIn: 0, left: [], histogram: [] },
			],
			options
		)
		expect(nationalComparison(low)[0]).toMatchObject({ service: 0.05, verdict: 'below' })
		expect(nationalComparison(low)[1]).toMatchObject({ service: 0, verdict: 'below' })
		expect(nationalSentence(nationalComparison(rows))).toBe(
			'The service converts at least as well as England at both steps.'
		)
		expect(nationalSentence(nationalComparison(low))).toBe(
			'Below England: enquiry to application (5% against 6.4%) and application to approval (0% against 24.2%).'
		)
		expect(nationalSentence(nationalComparison(funnelRows([], options)))).toBe('No figures to compare yet.')
	})

	test('the line under the chart of who left: how many, from where most, and the commonest reason there', () => {
		expect(exitSentence(rows)).toBe(
			'6 households left; most left from Enquiry (3), most often: Changed their mind (2).'
		)
		expect(exitSentence(funnelRows([], options))).toBe('No household counted here has left.')
	})
})

test('stage targets come from the service’s response-time targets', () => {
	const custom = { ...targets, firstContactWorkingDays: 2, initialVisitWorkingDays: 15, panelToDecisionWorkingDays: 5 }
	expect(stageTargetDays('enquiry', custom)).toBe(2)
	expect(stageTargetDays('initial_contact', custom)).toBe(15)
	expect(stageTargetDays('panel', custom)).toBe(5)
	expect(stageTargetDays('stage_2', custom)).toBeNull()
})

test('percentages keep one decimal place', () => {
	expect(formatPercent(31 / 412)).toBe('7.5%')
	expect(formatPercent(0.5)).toBe('50%')
	expect(formatPercent(null)).toBe('–')
})

describe('the query string', () => {
	const today = '2026-11-23'
	const parse = (query: string) => parseFunnelQuery(new URLSearchParams(query), today, ['search', 'radio'])

	test('no dates is the last 12 months, period mode, every channel', () => {
		expect(FUNNEL_PERIOD.preset.of(today)).toEqual({ from: '2025-11-24', to: '2026-11-23' })
		expect(FUNNEL_PERIOD.preset.of('2026-01-15')).toEqual({ from: '2025-01-16', to: '2026-01-15' })
		expect(parse('').query).toEqual({
			mode: 'period',
			period: { from: '2025-11-24', to: '2026-11-23' },
			channel: null,
			breakdown: 'channel',
			compare: null,
		})
	})

	test('reads mode, dates and channel', () => {
		expect(
			parse(
				'mode=cohort&from-day=1&from-month=4&from-year=2025&to-day=31&to-month=3&to-year=2026&channel=radio&by=campaign'
			).query
		).toEqual({
			mode: 'cohort',
			period: { from: '2025-04-01', to: '2026-03-31' },
			channel: 'radio',
			breakdown: 'campaign',
			compare: null,
		})
	})

	test('says what is wrong', () => {
		const wrong = parse(
			'mode=sideways&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026&channel=tv&by=shoe_size&compare=tomorrow'
		)
		expect(wrong.query).toBeNull()
		expect(wrong.errors.map((error) => error.field)).toEqual(['mode', 'from', 'channel', 'compare', 'by'])
		expect(parse('from-day=2&from-month=1&from-year=2026&to-day=1&to-month=1&to-year=2026').errors[0]!.message).toBe(
			'The end of the dates must be the same as or after the start'
		)
		expect(parse('from-day=1&from-month=1&from-year=2020&to-day=1&to-month=1&to-year=2026').errors[0]!.message).toBe(
			'The dates must span 5 years or less'
		)
		expect(parse('from-day=1&from-month=1&from-year=2026').errors[0]!.field).toBe('to')
	})

	test('says what the figures are of', () => {
		const cohort = parse('mode=cohort&from-day=1&from-month=1&from-year=2026&to-day=31&to-month=3&to-year=2026').query!
		expect(funnelScope(cohort, 'Radio', { from: '2025-01-01', to: '2025-03-31' })).toBe(
			'Cohort: households whose first enquiry was from 1 January 2026 to 31 March 2026, followed through to today; mainstream households, channel: Radio; compared with 1 January 2025 to 31 March 2025.'
		)
		expect(funnelScope(parse('').query!, null, null)).toBe(
			'Period: households that entered each stage from 24 November 2025 to 23 November 2026; mainstream households, all channels.'
		)
	})
})

describe('monthly trends', () => {
	test('every month the dates touch, empty months as 0', () => {
		expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
		const months = monthlyTrend({ from: '2025-11-15', to: '2026-01-31' }, [
			{ month: '2025-12', enquiries: 7, applications: 1, approvals: 0 },
			{ month: '2025-11', enquiries: 3, applications: 0, approvals: 1 },
		])
		expect(months).toEqual([
			{ month: '2025-11', enquiries: 3, applications: 0, approvals: 1 },
			{ month: '2025-12', enquiries: 7, applications: 1, approvals: 0 },
			{ month: '2026-01', enquiries: 0, applications: 0, approvals: 0 },
		])
		expect(trendSentence(months)).toBe(
			'10 enquiries, 1 application and 1 approval over 3 months; the most enquiries came in Dec 2025 (7).'
		)
		expect(trendSentence(monthlyTrend({ from: '2026-01-01', to: '2026-01-31' }, []))).toBe(
			'No enquiries, applications or approvals in these dates.'
		)
	})
})

describe('breakdowns', () => {
	const labels = new Map([
		['search', 'Search engine'],
		['radio', 'Radio'],
		['event', 'Event'],
	])
	const labelOf = (value: string) => labels.get(value) ?? value

	test('most enquiries first, with conversions; none recorded last', () => {
		const rows = breakdownRows(
			[
				{ value: 'radio', enquiries: 10, applications: 2, approvals: 1 },
				{ value: null, enquiries: 3, applications: 0, approvals: 0 },
				{ value: 'search', enquiries: 40, applications: 4, approvals: 0 },
			],
			labelOf
		)
		expect(rows.map((row) => [row.label, row.toApplication, row.toApproval, row.fromEnquiryToApproval])).toEqual([
			['Search engine', 0.1, 0, 0],
			['Radio', 0.2, 0.5, 0.1],
			['Not recorded', 0, null, 0],
		])
	})

	test('beyond the limit the smallest are added up', () => {
		const rows = breakdownRows(
			[
				{ value: 'search', enquiries: 40, applications: 4, approvals: 1 },
				{ value: 'radio', enquiries: 10, applications: 2, approvals: 1 },
				{ value: 'event', enquiries: 5, applications: 1, approvals: 0 },
			],
			labelOf,
			1
		)
		expect(rows.map((row) => [row.label, row.enquiries, row.applications, row.approvals])).toEqual([
			['Search engine', 40, 4, 1],
			['All others (2)', 15, 3, 1],
		])
	})
})

describe('comparisons', () => {
	test('the period before has the same number of days and ends the day before', () => {
		expect(comparisonPeriod({ from: '2026-01-01', to: '2026-03-31' }, 'previous')).toEqual({
			from: '2025-10-03',
			to: '2025-12-31',
		})
		expect(comparisonPeriod({ from: '2026-03-10', to: '2026-03-10' }, 'previous')).toEqual({
			from: '2026-03-09',
			to: '2026-03-09',
		})
	})

	test('the same dates a year earlier, 29 February becoming the 28th', () => {
		expect(comparisonPeriod({ from: '2025-04-01', to: '2026-03-31' }, 'last_year')).toEqual({
			from: '2024-04-01',
			to: '2025-03-31',
		})
		expect(comparisonPeriod({ from: '2028-02-29', to: '2028-03-31' }, 'last_year').from).toBe('2027-02-28')
	})

	test('changes are signed', () => {
		expect(formatChange(5, 2)).toBe('+3')
		expect(formatChange(2, 5)).toBe('−3')
		expect(formatChange(1204, 0)).toBe('+1,204')
		expect(formatChange(4, 4)).toBe('0')
	})

	test('the query string takes a comparison', () => {
		expect(parseFunnelQuery(new URLSearchParams('compare=last_year'), '2026-11-23', []).query?.compare).toBe(
			'last_year'
		)
	})
})

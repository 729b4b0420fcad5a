import { describe, expect, test } from 'vitest'
import type { Clock } from './response-clocks.ts'
import {
	breachesOf,
	byGroup,
	byWeek,
	RESPONSE_PERIOD,
	formatNumber,
	formatShare,
	hoursAndDays,
	median,
	outcomeOf,
	parseReportQuery,
	percentile,
	shareOf,
	startedIn,
	summarise,
	toReportClock,
	weeklySentence,
	type ReportClock,
} from './response-report.ts'
import { weekStarting, weeksOf } from './report-period.ts'

/** A report clock with only what a test cares about. */
function clock(partial: Partial<ReportClock> & Pick<ReportClock, 'status'>): ReportClock {
	return {
		householdId: 'h',
		key: 'first_contact',
		startedOn: '2026-01-05',
		deadline: '2026-01-06',
		endedOn: null,
		unit: 'working_days',
		taken: null,
		workingHours: null,
		daysLate: null,
		officerId: null,
		channelId: null,
		...partial,
	}
}

describe('median and percentile', () => {
	test('the median of an odd count is the middle value', () => {
		expect(median([5, 1, 3])).toBe(3)
	})
	test('the median of an even count is the mean of the two middle values', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5)
	})
	test('no values, no median', () => {
		expect(median([])).toBeNull()
		expect(percentile([], 90)).toBeNull()
	})
	test('the 90th percentile by nearest rank', () => {
		// ceil(0.9 × 10) = 9th of 1..10 is 9; ceil(0.9 × 5) = 5th of five is the largest.
		expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9)
		expect(percentile([1, 2, 3, 4, 5], 90)).toBe(5)
		// ceil(0.9 × 20) = 18th.
		expect(
			percentile(
				[...Array(20).keys()].map((n) => n + 1),
				90
			)
		).toBe(18)
		expect(percentile([7], 90)).toBe(7)
		expect(percentile([3, 1, 2], 0)).toBe(1)
		expect(percentile([3, 1, 2], 50)).toBe(2)
	})
	test('a percentile outside 0 to 100 is a mistake', () => {
		expect(() => percentile([1], 101)).toThrow(RangeError)
		expect(() => percentile([1], Number.NaN)).toThrow(RangeError)
	})
	test('a share of nothing counted is no share, not 0%', () => {
		expect(shareOf(0, 0)).toBeNull()
		expect(shareOf(3, 4)).toBe(0.75)
	})
})

describe('which clocks count', () => {
	test.each([
		['met', 'within'],
		['missed', 'outside'],
		['overdue', 'outside'],
		['on_track', null],
		['at_risk', null],
		['paused', null],
		['stopped', null],
	] as const)('%s → %s', (status, outcome) => {
		expect(outcomeOf(status)).toBe(outcome)
	})

	test('summarise: share of met over met, missed and running overdue; times of completed clocks only', () => {
		const summary = summarise([
			clock({ status: 'met', taken: 0, workingHours: 2 }),
			clock({ status: 'met', taken: 1, workingHours: 6 }),
			clock({ status: 'met', taken: 1, workingHours: 9 }),
			clock({ status: 'missed', taken: 3, workingHours: 20 }),
			clock({ status: 'overdue' }),
			clock({ status: 'on_track' }),
			clock({ status: 'paused' }),
			clock({ status: 'stopped' }),
		])
		expect(summary).toEqual({
			started: 8,
			counted: 5,
			within: 3,
			share: 0.6,
			running: 2,
			stopped: 1,
			// taken 0, 1, 1, 3: median (1 + 1) / 2; p90 = ceil(3.6) = 4th = 3.
			median: 1,
			p90: 3,
			// hours 2, 6, 9, 20: median (6 + 9) / 2; p90 = 20.
			medianHours: 7.5,
			p90Hours: 20,
		})
	})
})

describe('toReportClock', () => {
	const base: Clock = {
		key: 'first_contact',
		startedOn: '2026-01-09', // Friday
		target: { unit: 'working_days', amount: 1 },
		deadline: '2026-01-12',
		atRiskOn: '2026-01-12',
		statutoryDeadline: null,
		endedOn: '2026-01-14',
		elapsedWorkingDays: 3,
		pausedDays: 0,
		status: 'missed',
	}
	const about = { householdId: 'h1', officerId: 'o1', channelId: 'c1', workingHours: 17.5 }

	test('a missed clock: working days taken, working hours, calendar days late', () => {
		expect(toReportClock(base, about, '2026-02-01')).toMatchObject({
			taken: 3,
			unit: 'working_days',
			workingHours: 17.5,
			daysLate: 2,
			officerId: 'o1',
			channelId: 'c1',
		})
	})

	test('a running overdue clock is late until today and has no time taken yet', () => {
		const overdue = { ...base, status: 'overdue' as const, endedOn: null, elapsedWorkingDays: 5 }
		expect(toReportClock(overdue, about, '2026-01-16')).toMatchObject({ taken: null, workingHours: null, daysLate: 4 })
	})

	test('the months clock is measured in calendar days not on hold', () => {
		const panel: Clock = {
			...base,
			key: 'application_to_panel',
			target: { unit: 'months', amount: 6 },
			startedOn: '2026-01-01',
			deadline: '2026-07-11',
			endedOn: '2026-06-30',
			pausedDays: 10,
			status: 'met',
		}
		expect(toReportClock(panel, about, '2026-08-01')).toMatchObject({
			unit: 'days',
			taken: 170, // 180 days from 1 January to 30 June, less 10 on hold
			workingHours: null,
			daysLate: null,
		})
	})
})

describe('weeks and groups', () => {
	test('weeks start on Monday', () => {
		expect(weekStarting('2026-01-05')).toBe('2026-01-05') // Monday
		expect(weekStarting('2026-01-11')).toBe('2026-01-05') // Sunday
		expect(weekStarting('2026-01-01')).toBe('2025-12-29') // Thursday
	})

	test('the default period is the 13 full weeks before this one', () => {
		// Wednesday 15 April 2026: this week started Monday 13 April.
		expect(RESPONSE_PERIOD.preset.of('2026-04-15')).toEqual({ from: '2026-01-12', to: '2026-04-12' })
		expect(weeksOf(RESPONSE_PERIOD.preset.of('2026-04-15'))).toHaveLength(13)
	})

	test('a period is inclusive at both ends', () => {
		const period = { from: '2026-01-05', to: '2026-01-11' }
		expect(startedIn({ startedOn: '2026-01-05' }, period)).toBe(true)
		expect(startedIn({ startedOn: '2026-01-11' }, period)).toBe(true)
		expect(startedIn({ startedOn: '2026-01-12' }, period)).toBe(false)
	})

	test('by week: every week of the period, empty ones too', () => {
		const weeks = byWeek(
			[
				clock({ status: 'met', startedOn: '2026-01-05' }),
				clock({ status: 'missed', startedOn: '2026-01-11' }),
				clock({ status: 'met', startedOn: '2026-01-19' }),
			],
			{ from: '2026-01-05', to: '2026-01-25' }
		)
		expect(weeks.map((week) => [week.key, week.label, week.summary.counted, week.summary.share])).toEqual([
			['2026-01-05', '5 Jan 2026', 2, 0.5],
			['2026-01-12', '12 Jan 2026', 0, null],
			['2026-01-19', '19 Jan 2026', 1, 1],
		])
	})

	test('by officer: in name order, nobody last', () => {
		const groups = byGroup(
			[
				clock({ status: 'met', officerId: 'z' }),
				clock({ status: 'missed', officerId: null }),
				clock({ status: 'met', officerId: 'a' }),
				clock({ status: 'missed', officerId: 'a' }),
			],
			(c) => c.officerId,
			new Map([
				['a', 'Zoe Adams'],
				['z', 'Amir Zaman'],
			]),
			'Nobody'
		)
		expect(groups.map((group) => [group.label, group.summary.within, group.summary.counted])).toEqual([
			['Amir Zaman', 1, 1],
			['Zoe Adams', 1, 2],
			['Nobody', 0, 1],
		])
	})

	test('breaches: missed and overdue, the latest first', () => {
		const list = breachesOf([
			clock({ status: 'met', householdId: 'ok' }),
			clock({ status: 'missed', householdId: 'a', daysLate: 2 }),
			clock({ status: 'overdue', householdId: 'b', daysLate: 9 }),
			clock({ status: 'on_track', householdId: 'c' }),
		])
		expect(list.map((c) => c.householdId)).toEqual(['b', 'a'])
	})
})

describe('parseReportQuery', () => {
	const query = (params: Record<string, string>) => parseReportQuery(new URLSearchParams(params), '2026-04-15')
	const dates = (prefix: string, day: string, month: string, year: string) => ({
		[`${prefix}-day`]: day,
		[`${prefix}-month`]: month,
		[`${prefix}-year`]: year,
	})

	test('no dates: the default period, mainstream, shown back in the form', () => {
		const parsed = query({})
		expect(parsed.errors).toEqual([])
		expect(parsed.query).toEqual({ period: { from: '2026-01-12', to: '2026-04-12' }, route: 'mainstream', page: 1 })
		expect(parsed.values.from).toEqual({ day: '12', month: '1', year: '2026' })
	})

	test('a chosen period, kinship, page 2', () => {
		const parsed = query({
			...dates('from', '1', '2', '2026'),
			...dates('to', '28', '2', '2026'),
			route: 'kinship',
			page: '2',
		})
		expect(parsed.query).toEqual({ period: { from: '2026-02-01', to: '2026-02-28' }, route: 'kinship', page: 2 })
	})

	test.each([
		[
			{ ...dates('from', '30', '2', '2026'), ...dates('to', '1', '3', '2026') },
			'from',
			'The start of the period must be a real date',
		],
		[
			{ ...dates('from', '1', '', '2026'), ...dates('to', '1', '3', '2026') },
			'from',
			'The start of the period must include a month',
		],
		[{ ...dates('from', '1', '2', '2026') }, 'to', 'Enter the end of the period'],
		[
			{ ...dates('from', '1', '3', '2026'), ...dates('to', '1', '2', '2026') },
			'to',
			'The end of the period must be the same as or after the start',
		],
		[
			{ ...dates('from', '1', '1', '2024'), ...dates('to', '1', '1', '2026') },
			'to',
			'The period must be a year or shorter',
		],
		[{ route: 'both' }, 'route', 'Select mainstream or kinship'],
	])('%o → %s: %s', (params, field, message) => {
		const parsed = query(params)
		expect(parsed.query).toBeNull()
		expect(parsed.errors).toContainEqual({ field, message })
	})
})

test('a time to first contact in working hours and days', () => {
	expect(hoursAndDays(4.5, 0.5)).toBe('4.5 working hours (0.5 working days)')
	expect(hoursAndDays(1, 1)).toBe('1 working hour (1 working day)')
	expect(hoursAndDays(null, null)).toBe('No contacts made yet')
})

describe('words', () => {
	test('shares and numbers', () => {
		expect(formatShare(0.816)).toBe('82%')
		expect(formatShare(null)).toBe('No outcome yet')
		expect(formatNumber(3.25)).toBe('3.3')
		expect(formatNumber(4)).toBe('4')
		expect(formatNumber(1234.5)).toBe('1,234.5')
		expect(formatNumber(null)).toBe('–')
	})

	test('the weekly sentence names the overall share and the best and lowest weeks', () => {
		const period = { from: '2026-01-05', to: '2026-01-18' }
		const clocks = [
			clock({ status: 'met', startedOn: '2026-01-05' }),
			clock({ status: 'met', startedOn: '2026-01-06' }),
			clock({ status: 'met', startedOn: '2026-01-12' }),
			clock({ status: 'overdue', startedOn: '2026-01-13' }),
		]
		expect(weeklySentence(byWeek(clocks, period), summarise(clocks))).toBe(
			'75% of enquiries were contacted within target (3 of 4); the best week was the week starting 5 Jan 2026 (100%), the lowest the week starting 12 Jan 2026 (50%).'
		)
		expect(weeklySentence(byWeek([], period), summarise([]))).toBe('No enquiry in this period has an outcome yet.')
	})
})

import { describe, expect, test } from 'vitest'
import {
	LAST_12_MONTHS,
	LAST_13_WEEKS,
	chartMonthLabel,
	inPeriod,
	lastFullWeeks,
	lastTwelveMonths,
	londonBounds,
	monthLabel,
	monthsOf,
	ofstedYear,
	ofstedYearChoices,
	ofstedYearOf,
	parseOfstedYear,
	parsePeriod,
	periodWords,
	shortPeriodWords,
	weekStarting,
	weeksOf,
	type PeriodRules,
} from './report-period.ts'

// Every date below was checked against a calendar: 1 March 2026 and 29 March 2026 are Sundays
// (British Summer Time began at 1am on 29 March 2026 and ended on 25 October 2026); 2024 and 2028
// are leap years, 2025 and 2026 are not.

describe('presets', () => {
	test('the last 12 months are the 365 or 366 days up to today, not 1 January to today', () => {
		expect(lastTwelveMonths('2026-12-07')).toEqual({ from: '2025-12-08', to: '2026-12-07' })
		expect(lastTwelveMonths('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-23' })
		expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
		expect(lastTwelveMonths('2026-01-15')).toEqual({ from: '2025-01-16', to: '2026-01-15' })
		// A month's last day, a year's first, and the leap day.
		expect(lastTwelveMonths('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' })
		expect(lastTwelveMonths('2026-01-01')).toEqual({ from: '2025-01-02', to: '2026-01-01' })
		expect(lastTwelveMonths('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' })
		expect(lastTwelveMonths('2025-02-28')).toEqual({ from: '2024-02-29', to: '2025-02-28' })
		expect(LAST_12_MONTHS.label).toBe('Last 12 months')
	})

	test('weeks start on Monday, and the last 13 weeks are the full weeks before this one', () => {
		expect(weekStarting('2026-01-05')).toBe('2026-01-05') // Monday
		expect(weekStarting('2026-01-11')).toBe('2026-01-05') // Sunday
		expect(weekStarting('2026-01-01')).toBe('2025-12-29') // Thursday, across the new year
		expect(weekStarting('2024-03-01')).toBe('2024-02-26') // Friday, across a leap day
		// Wednesday 15 April 2026: this week started Monday 13 April.
		expect(lastFullWeeks('2026-04-15', 13)).toEqual({ from: '2026-01-12', to: '2026-04-12' })
		expect(LAST_13_WEEKS.of('2026-04-15')).toEqual({ from: '2026-01-12', to: '2026-04-12' })
		expect(weeksOf(LAST_13_WEEKS.of('2026-04-15'))).toHaveLength(13)
		// On a Monday, the week that starts today is not over, so it is left out.
		expect(lastFullWeeks('2026-04-13', 1)).toEqual({ from: '2026-04-06', to: '2026-04-12' })
	})
})

describe('the chosen period', () => {
	const rules: PeriodRules = {
		noun: 'period',
		preset: LAST_12_MONTHS,
		longest: { days: 366, message: 'The period must be a year or shorter' },
	}
	const dates = (from: string, to: string) => {
		const [fromDay, fromMonth, fromYear] = from.split(' ')
		const [toDay, toMonth, toYear] = to.split(' ')
		return new URLSearchParams({
			'from-day': fromDay ?? '',
			'from-month': fromMonth ?? '',
			'from-year': fromYear ?? '',
			'to-day': toDay ?? '',
			'to-month': toMonth ?? '',
			'to-year': toYear ?? '',
		})
	}
	const parse = (params: URLSearchParams) => parsePeriod(params, '2026-11-24', rules)

	test('no dates is the preset, shown back in the fields', () => {
		const { period, values, errors } = parse(new URLSearchParams())
		expect(errors).toEqual([])
		expect(period).toEqual({ from: '2025-11-25', to: '2026-11-24' })
		expect(values).toEqual({
			from: { day: '25', month: '11', year: '2025' },
			to: { day: '24', month: '11', year: '2026' },
		})
	})

	test('reads two real dates, spaces trimmed, one day long at the least', () => {
		expect(parse(dates('1 4 2025', '31 3 2026')).period).toEqual({ from: '2025-04-01', to: '2026-03-31' })
		expect(
			parse(new URLSearchParams('from-day= 5&from-month=01 &from-year=2026&to-day=5&to-month=1&to-year=2026')).period
		).toEqual({
			from: '2026-01-05',
			to: '2026-01-05',
		})
	})

	test('the leap day is real only in a leap year, and the 31st only in a long month', () => {
		expect(parse(dates('29 2 2024', '1 3 2024')).errors).toEqual([])
		expect(parse(dates('29 2 2026', '1 3 2026')).errors).toEqual([
			{ field: 'from', message: 'The start of the period must be a real date' },
		])
		expect(parse(dates('1 4 2026', '31 4 2026')).errors).toEqual([
			{ field: 'to', message: 'The end of the period must be a real date' },
		])
	})

	test('says which part is missing, in GOV.UK’s words, naming the period as the report does', () => {
		expect(parse(dates('1  2026', '1 3 2026')).errors).toEqual([
			{ field: 'from', message: 'The start of the period must include a month' },
		])
		expect(parse(dates('1 3 2026', '  ')).errors).toEqual([{ field: 'to', message: 'Enter the end of the period' }])
		const funnel = parsePeriod(dates('2 1 2026', '1 1 2026'), '2026-11-24', { ...rules, noun: 'dates' })
		expect(funnel.errors).toEqual([
			{ field: 'to', message: 'The end of the dates must be the same as or after the start' },
		])
		expect(funnel.period).toBeNull()
	})

	test('no longer than the report allows, counting the leap day', () => {
		// 1 January to 31 December 2026 is 364 days on from the start: allowed.
		expect(parse(dates('1 1 2026', '31 12 2026')).errors).toEqual([])
		// 1 March 2023 to 1 March 2024 is 366 days on (29 February 2024 between): too long.
		expect(parse(dates('1 3 2023', '1 3 2024')).errors).toEqual([
			{ field: 'to', message: 'The period must be a year or shorter' },
		])
		// 1 March 2025 to 1 March 2026 is 365 days on: allowed.
		expect(parse(dates('1 3 2025', '1 3 2026')).errors).toEqual([])
	})
})

describe('what is in a period', () => {
	test('both ends are in it', () => {
		const period = { from: '2026-01-05', to: '2026-01-11' }
		expect(inPeriod('2026-01-05', period)).toBe(true)
		expect(inPeriod('2026-01-11', period)).toBe(true)
		expect(inPeriod('2026-01-12', period)).toBe(false)
		expect(inPeriod('2026-01-04', period)).toBe(false)
	})

	test('its instants are London’s midnights, in winter and in summer time', () => {
		// GMT all through January.
		expect(londonBounds({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
			gte: new Date('2026-01-01T00:00:00.000Z'),
			lt: new Date('2026-02-01T00:00:00.000Z'),
		})
		// Summer time starts on 29 March 2026: the day after is 23 hours on in UTC.
		expect(londonBounds({ from: '2026-03-29', to: '2026-03-29' })).toEqual({
			gte: new Date('2026-03-29T00:00:00.000Z'),
			lt: new Date('2026-03-29T23:00:00.000Z'),
		})
		// In summer time a London midnight is 11pm UTC the day before; it ends on 25 October 2026.
		expect(londonBounds({ from: '2026-07-01', to: '2026-10-25' })).toEqual({
			gte: new Date('2026-06-30T23:00:00.000Z'),
			lt: new Date('2026-10-26T00:00:00.000Z'),
		})
	})

	test('every month it touches, across a new year and within one month', () => {
		expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
		expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03'])
		expect(monthsOf({ from: '2024-02-29', to: '2024-02-29' })).toEqual(['2024-02'])
		// Twelve months from a date but the 1st touch 13 calendar months, the first and last in part.
		expect(monthsOf(lastTwelveMonths('2026-11-23'))).toHaveLength(13)
		expect(monthsOf(lastTwelveMonths('2026-12-31'))).toHaveLength(12)
	})

	test('every week it touches, from the Monday of its first', () => {
		expect(weeksOf({ from: '2026-01-01', to: '2026-01-12' })).toEqual(['2025-12-29', '2026-01-05', '2026-01-12'])
		expect(weeksOf({ from: '2026-01-05', to: '2026-01-11' })).toEqual(['2026-01-05'])
	})
})

describe('words', () => {
	test('a period, long and short, and a month', () => {
		expect(periodWords({ from: '2025-04-01', to: '2026-03-31' })).toBe('1 April 2025 to 31 March 2026')
		expect(shortPeriodWords({ from: '2025-10-03', to: '2025-12-31' })).toBe('3 Oct 2025 to 31 Dec 2025')
		expect(monthLabel('2026-03')).toBe('Mar 2026')
		expect(chartMonthLabel('2026-03')).toBe('Mar ’26')
		expect(chartMonthLabel('2009-12')).toBe('Dec ’09')
	})
})

describe('the Ofsted year', () => {
	test('runs from 1 April to 31 March and is named by its 31 March', () => {
		expect(ofstedYear(2026)).toEqual({ from: '2025-04-01', to: '2026-03-31' })
		expect(ofstedYear(2024)).toEqual({ from: '2023-04-01', to: '2024-03-31' })
		expect(ofstedYearOf('2026-03-31')).toBe(2026)
		expect(ofstedYearOf('2026-04-01')).toBe(2027)
		expect(ofstedYearOf('2026-01-01')).toBe(2026)
		expect(ofstedYearOf('2024-02-29')).toBe(2024)
	})

	test('offers the years from the first enquiry to this one, and shows the last whole year first', () => {
		const years = ofstedYearChoices('2026-12-05', '2023-07-14')
		expect(years).toEqual([
			{ year: 2027, label: '2026 to 2027 (so far, to 5 December 2026)', partial: true },
			{ year: 2026, label: '2025 to 2026', partial: false },
			{ year: 2025, label: '2024 to 2025', partial: false },
			{ year: 2024, label: '2023 to 2024', partial: false },
		])
		// No data yet: still the last whole year and this one.
		expect(ofstedYearChoices('2026-12-05', null).map((choice) => choice.year)).toEqual([2027, 2026])
		expect(parseOfstedYear(new URLSearchParams(''), years)).toMatchObject({ year: { year: 2026 }, error: null })
		expect(parseOfstedYear(new URLSearchParams('year=2027'), years)).toMatchObject({ year: { partial: true } })
		expect(parseOfstedYear(new URLSearchParams('year=2019'), years)).toEqual({
			year: null,
			value: '2019',
			error: 'Select a year from the list',
		})
		expect(parseOfstedYear(new URLSearchParams('year=last'), years).error).toBe('Select a year from the list')
	})

	test('on 31 March the year is still the one ending today; on 1 April a new one starts', () => {
		expect(ofstedYearChoices('2026-03-31', null)[0]).toEqual({
			year: 2026,
			label: '2025 to 2026 (so far, to 31 March 2026)',
			partial: true,
		})
		expect(ofstedYearChoices('2026-04-01', null)[0]!.year).toBe(2027)
	})
})

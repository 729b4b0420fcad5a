import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import {
	addCalendarDays,
	addMonths,
	addWorkingDays,
	bankHolidays,
	calendarDaysBetween,
	deadlineInstant,
	easterSunday,
	formatLongDate,
	isBankHoliday,
	isCalendarDate,
	isWorkingDay,
	londonDate,
	startOfLondonDay,
	workingDaysBetween,
	type BankHoliday,
	type PausedRange,
} from './working-days.ts'

// GOV.UK's list of bank holidays in England and Wales, 2018 to 2027, copied as it was published.
const reference = fs
	.readFileSync(path.join(import.meta.dirname, '../../tests/fixtures/bank-holidays-england-and-wales.csv'), 'utf8')
	.trim()
	.split('\n')
	.slice(1)
	.map((line): BankHoliday => {
		const match = /^(\d{4}-\d{2}-\d{2}),"(.*)"$/.exec(line.trim())
		if (!match) throw new Error(`Unexpected line in the reference list: ${line}`)
		return { date: match[1]!, title: match[2]! }
	})

describe('bankHolidays', () => {
	test('the reference list has every year from 2018 to 2027', () => {
		expect(new Set(reference.map((holiday) => holiday.date.slice(0, 4)))).toEqual(
			new Set(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027'])
		)
	})

	test.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])(
		'%i matches GOV.UK exactly: same dates, same titles, nothing extra',
		(year) => {
			const expected = reference.filter((holiday) => holiday.date.startsWith(`${year}-`))
			expect(bankHolidays(year)).toEqual(expected)
		}
	)

	test.each([
		// year, holidays that must be there, regular dates that must not be
		[1995, ['1995-05-08'], ['1995-05-01']], // VE Day 50: Early May moved
		[1999, ['1999-12-27', '1999-12-28', '1999-12-31'], []], // Millennium
		[2002, ['2002-06-03', '2002-06-04'], ['2002-05-27']], // Golden Jubilee: Spring moved
		[2011, ['2011-04-29', '2011-05-02'], []], // Royal wedding, extra
		[2012, ['2012-06-04', '2012-06-05'], ['2012-05-28']], // Diamond Jubilee: Spring moved
		[2020, ['2020-05-08'], ['2020-05-04']], // VE Day 75: Early May moved
		[2022, ['2022-06-02', '2022-06-03', '2022-09-19'], ['2022-05-30']], // Platinum Jubilee, State Funeral
		[2023, ['2023-05-01', '2023-05-08'], []], // Coronation, extra
	])('%i has its one-off changes', (year, present, absent) => {
		const dates = bankHolidays(year).map((holiday) => holiday.date)
		for (const date of present) expect(dates).toContain(date)
		for (const date of absent) expect(dates).not.toContain(date)
	})

	test.each([
		// Christmas on Saturday: both move to Monday and Tuesday
		[2021, '2021-12-27', 'Christmas Day (substitute day)'],
		[2021, '2021-12-28', 'Boxing Day (substitute day)'],
		[2027, '2027-12-27', 'Christmas Day (substitute day)'],
		[2027, '2027-12-28', 'Boxing Day (substitute day)'],
		[2032, '2032-12-27', 'Christmas Day (substitute day)'],
		[2032, '2032-12-28', 'Boxing Day (substitute day)'],
		// Christmas on Sunday: Boxing Day is Monday, Christmas moves to Tuesday
		[2022, '2022-12-26', 'Boxing Day'],
		[2022, '2022-12-27', 'Christmas Day (substitute day)'],
		[2033, '2033-12-26', 'Boxing Day'],
		[2033, '2033-12-27', 'Christmas Day (substitute day)'],
		// Christmas on Friday: Boxing Day moves to Monday
		[2026, '2026-12-28', 'Boxing Day (substitute day)'],
		// New Year's Day on Saturday or Sunday: the Monday after
		[2022, '2022-01-03', "New Year's Day (substitute day)"],
		[2023, '2023-01-02', "New Year's Day (substitute day)"],
		[2033, '2033-01-03', "New Year's Day (substitute day)"],
		[2034, '2034-01-02', "New Year's Day (substitute day)"],
	])('%i: %s is %s', (year, date, title) => {
		expect(bankHolidays(year)).toContainEqual({ date, title })
	})

	test('a weekend Christmas, Boxing Day or New Year is not itself listed', () => {
		const dates2021 = bankHolidays(2021).map((holiday) => holiday.date)
		expect(dates2021).not.toContain('2021-12-25')
		expect(dates2021).not.toContain('2021-12-26')
		expect(bankHolidays(2022).map((holiday) => holiday.date)).not.toContain('2022-01-01')
	})

	test('a year far from the reference list follows the same rules', () => {
		expect(bankHolidays(2038)).toEqual([
			{ date: '2038-01-01', title: "New Year's Day" },
			{ date: '2038-04-23', title: 'Good Friday' },
			{ date: '2038-04-26', title: 'Easter Monday' },
			{ date: '2038-05-03', title: 'Early May bank holiday' },
			{ date: '2038-05-31', title: 'Spring bank holiday' },
			{ date: '2038-08-30', title: 'Summer bank holiday' },
			{ date: '2038-12-27', title: 'Christmas Day (substitute day)' },
			{ date: '2038-12-28', title: 'Boxing Day (substitute day)' },
		])
	})

	test('every year from 1978 to 2300: eight or more distinct weekdays in date order, all in that year', () => {
		for (let year = 1978; year <= 2300; year++) {
			const holidays = bankHolidays(year)
			const dates = holidays.map((holiday) => holiday.date)
			expect(holidays.length).toBeGreaterThanOrEqual(8)
			expect(new Set(dates).size).toBe(dates.length)
			expect([...dates].sort()).toEqual(dates)
			for (const date of dates) {
				expect(date.startsWith(`${year}-`)).toBe(true)
				expect(['Saturday', 'Sunday']).not.toContain(formatLongDate(date).split(' ')[0])
			}
		}
	})

	test('callers cannot change the bank holidays by editing the list they were given', () => {
		const holidays = bankHolidays(2026)
		holidays[0]!.date = '2026-01-02'
		holidays.pop()
		expect(bankHolidays(2026)).toEqual(reference.filter((holiday) => holiday.date.startsWith('2026-')))
	})

	test.each([2026.5, Number.NaN, 999, 10_000])('rejects the year %s', (year) => {
		expect(() => bankHolidays(year)).toThrow(RangeError)
	})
})

describe('easterSunday', () => {
	test.each([
		[2019, '2019-04-21'],
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2038, '2038-04-25'], // the latest possible date
		[1943, '1943-04-25'],
		[1818, '1818-03-22'], // the earliest possible date
		[2285, '2285-03-22'],
		[2000, '2000-04-23'],
		[2008, '2008-03-23'],
	])('%i: %s', (year, date) => {
		expect(easterSunday(year)).toBe(date)
	})

	test('always a Sunday between 22 March and 25 April, with Good Friday and Easter Monday around it', () => {
		for (let year = 1900; year <= 2300; year++) {
			const easter = easterSunday(year)
			expect(formatLongDate(easter).startsWith('Sunday ')).toBe(true)
			expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true)
			if (year >= 1978) {
				expect(bankHolidays(year)).toContainEqual({ date: addCalendarDays(easter, -2), title: 'Good Friday' })
				expect(bankHolidays(year)).toContainEqual({ date: addCalendarDays(easter, 1), title: 'Easter Monday' })
			}
		}
	})
})

describe('isWorkingDay', () => {
	test.each([
		['2026-11-24', undefined, true], // Tuesday
		['2026-11-21', undefined, false], // Saturday
		['2026-11-22', undefined, false], // Sunday
		['2026-08-31', undefined, false], // Summer bank holiday
		['2026-12-28', undefined, false], // Boxing Day (substitute day)
		['2022-09-19', undefined, false], // State Funeral
		['2026-12-29', ['2026-12-29', '2026-12-30'], false], // service closure (list)
		['2026-12-29', new Set(['2026-12-29']), false], // service closure (set)
		['2026-12-31', ['2026-12-29', '2026-12-30'], true], // not in the closures
	] as const)('%s with closures %o: %s', (date, closures, expected) => {
		expect(isWorkingDay(date, closures)).toBe(expected)
	})

	test('bank holidays are known by date', () => {
		expect(isBankHoliday('2025-04-21')).toBe(true)
		expect(isBankHoliday('2025-04-22')).toBe(false)
	})

	test.each(['2026-02-30', '2026-2-3', '24/11/2026', '', '2026-13-01'])('rejects "%s"', (date) => {
		expect(() => isWorkingDay(date)).toThrow(RangeError)
	})

	test('rejects a mistyped closure rather than silently ignoring it', () => {
		expect(() => isWorkingDay('2026-12-29', ['2026-12-29', '29/12/2026'])).toThrow(RangeError)
	})
})

describe('addWorkingDays', () => {
	test.each([
		// start, n, expected
		['2026-11-20', 1, '2026-11-23'], // Friday to Monday
		['2026-11-21', 1, '2026-11-23'], // Saturday: the day the clock started never counts
		['2026-11-22', 1, '2026-11-23'], // Sunday
		['2026-11-23', 1, '2026-11-24'], // Monday to Tuesday
		['2026-08-28', 1, '2026-09-01'], // Friday, Monday is Summer bank holiday
		['2025-04-17', 1, '2025-04-22'], // Thursday before Easter
		['2027-03-25', 1, '2027-03-30'], // Thursday before Easter 2027, in March
		['2026-12-24', 1, '2026-12-29'], // Christmas 2026: Friday 25, weekend, Monday 28 substitute
		['2026-12-24', 5, '2027-01-05'], // 29, 30, 31 Dec, (1 Jan holiday, weekend), 4, 5 Jan
		['2026-11-18', 10, '2026-12-02'],
		['2022-06-01', 1, '2022-06-06'], // Platinum Jubilee Thursday and Friday
		['2026-11-21', 0, '2026-11-21'], // no working days: the start date itself
		['2026-12-29', -1, '2026-12-24'], // counting back over Christmas
		['2025-04-22', -1, '2025-04-17'], // counting back over Easter
		['2026-06-10', -5, '2026-06-03'], // panel papers 5 working days before a Wednesday meeting
	] as const)('%s + %i working days = %s', (start, n, expected) => {
		expect(addWorkingDays(start, n)).toBe(expected)
	})

	test.each([
		['2026-12-24', 1, ['2026-12-29', '2026-12-30', '2026-12-31'], '2027-01-04'],
		['2026-12-24', 1, new Set(['2026-12-29']), '2026-12-30'],
		['2026-11-20', 2, ['2026-11-23'], '2026-11-25'],
	] as const)('%s + %i working days with closures %o = %s', (start, n, closures, expected) => {
		expect(addWorkingDays(start, n, closures)).toBe(expected)
	})

	test.each([
		// start, n, paused, expected
		['2026-11-23', 1, [['2026-11-24', '2026-11-25']], '2026-11-26'],
		['2026-11-19', 2, [['2026-11-20', '2026-11-23']], '2026-11-25'], // hold over a weekend
		[
			'2026-11-19',
			2,
			[
				['2026-11-20', '2026-11-20'],
				['2026-11-24', '2026-11-24'],
			],
			'2026-11-25',
		],
		['2026-11-19', 2, [['2026-11-01', '2026-11-19']], '2026-11-23'], // hold ended on the start day
	] as const)('%s + %i working days with %o on hold = %s', (start, n, paused, expected) => {
		expect(addWorkingDays(start, n, undefined, paused as readonly PausedRange[])).toBe(expected)
	})

	test('closures and time on hold combine', () => {
		expect(addWorkingDays('2026-12-23', 2, ['2026-12-29'], [['2026-12-30', '2026-12-31']])).toBe('2027-01-04')
	})

	test('rejects a part day or a hold that ends before it starts', () => {
		expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError)
		expect(() => addWorkingDays('2026-11-23', 1, undefined, [['2026-11-25', '2026-11-24']])).toThrow(RangeError)
	})

	test('the answer is always a working day, and workingDaysBetween counts back to n (every day of 2026)', () => {
		const closures = ['2026-12-29', '2026-12-30', '2026-12-31']
		for (let date = '2026-01-01'; date <= '2026-12-31'; date = addCalendarDays(date, 1)) {
			for (const n of [1, 2, 5, 10]) {
				const due = addWorkingDays(date, n, closures)
				expect(isWorkingDay(due, closures)).toBe(true)
				expect(workingDaysBetween(date, due, closures)).toBe(n)
				expect(workingDaysBetween(date, addCalendarDays(due, -1), closures)).toBe(n - 1)
				expect(addWorkingDays(due, -n, closures) <= date).toBe(true)
			}
		}
	})
})

describe('workingDaysBetween', () => {
	test.each([
		['2026-11-24', '2026-11-24', 0], // same day
		['2026-11-24', '2026-11-20', 0], // backwards
		['2026-11-20', '2026-11-23', 1], // Friday to Monday
		['2026-11-20', '2026-11-22', 0], // Friday to Sunday
		['2026-11-21', '2026-11-23', 1], // Saturday to Monday
		['2025-04-17', '2025-04-21', 0], // over Easter, to Easter Monday
		['2025-04-17', '2025-04-22', 1],
		['2026-12-24', '2027-01-04', 4], // 29, 30, 31 Dec and 4 Jan
		['2025-12-31', '2026-12-31', 253], // the whole of 2026: 261 weekdays less 8 bank holidays
	] as const)('%s to %s: %i', (from, to, expected) => {
		expect(workingDaysBetween(from, to)).toBe(expected)
	})

	test('closures and time on hold do not count', () => {
		expect(workingDaysBetween('2026-12-24', '2027-01-04', ['2026-12-29', '2026-12-30', '2026-12-31'])).toBe(1)
		expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5)
		expect(workingDaysBetween('2026-11-20', '2026-11-27', undefined, [['2026-11-24', '2026-11-25']])).toBe(3)
		expect(workingDaysBetween('2026-11-20', '2026-11-27', [], [['2026-11-01', '2026-11-30']])).toBe(0)
	})
})

describe('londonDate', () => {
	test.each([
		['2026-07-15T23:30:00Z', '2026-07-16'], // summer time: 00:30 next day in London
		['2026-03-30T23:30:00Z', '2026-03-31'], // first full day of summer time
		['2026-01-15T23:30:00Z', '2026-01-15'], // winter: London is on UTC
		['2026-03-28T23:30:00Z', '2026-03-28'], // the night before the clocks go forward
		['2026-03-29T00:59:59Z', '2026-03-29'], // just before the change at 01:00 UTC
		['2026-03-29T23:00:00Z', '2026-03-30'], // same day, after the change
		['2026-10-24T23:00:00Z', '2026-10-25'], // still summer time
		['2026-10-25T23:00:00Z', '2026-10-25'], // back on GMT
		['2026-12-31T23:59:59.999Z', '2026-12-31'],
	])('%s is %s in London', (instant, expected) => {
		expect(londonDate(new Date(instant))).toBe(expected)
	})

	test('rejects an invalid Date', () => {
		expect(() => londonDate(new Date('not a date'))).toThrow(RangeError)
	})
})

describe('deadlineInstant', () => {
	test.each([
		['2026-03-29', '2026-03-29T22:59:59.999Z'], // clocks go forward: the day ends in summer time
		['2026-10-25', '2026-10-25T23:59:59.999Z'], // clocks go back: the day ends in GMT
		['2026-11-24', '2026-11-24T23:59:59.999Z'], // winter
		['2026-07-01', '2026-07-01T22:59:59.999Z'], // summer
		['2026-03-28', '2026-03-28T23:59:59.999Z'], // the day before the clocks go forward
		['2026-10-24', '2026-10-24T22:59:59.999Z'], // the day before the clocks go back
	])('the end of %s in London is %s', (date, expected) => {
		expect(deadlineInstant(date).toISOString()).toBe(expected)
	})

	test('clock-change days are 23 and 25 hours long', () => {
		const hours = (date: string) =>
			(startOfLondonDay(addCalendarDays(date, 1)).getTime() - startOfLondonDay(date).getTime()) / 3_600_000
		expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z')
		expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z')
		expect(hours('2026-03-29')).toBe(23)
		expect(hours('2026-10-25')).toBe(25)
		expect(hours('2026-11-24')).toBe(24)
	})

	test('a deadline never falls on another London day (every day of 2025 to 2027)', () => {
		for (let date = '2025-01-01'; date <= '2027-12-31'; date = addCalendarDays(date, 1)) {
			const deadline = deadlineInstant(date).getTime()
			expect(londonDate(new Date(deadline))).toBe(date)
			expect(londonDate(new Date(deadline + 1))).toBe(addCalendarDays(date, 1))
		}
	})

	test('an enquiry late on Friday before the clocks change is due by the end of Monday in London', () => {
		const received = new Date('2026-03-27T23:30:00Z') // Friday 23:30 in London (GMT)
		const due = addWorkingDays(londonDate(received), 1)
		expect(formatLongDate(due)).toBe('Monday 30 March 2026')
		expect(deadlineInstant(due).toISOString()).toBe('2026-03-30T22:59:59.999Z') // 23:59:59.999 BST
	})
})

describe('formatLongDate', () => {
	test.each([
		['2026-11-24', 'Tuesday 24 November 2026'],
		['2027-01-01', 'Friday 1 January 2027'],
		['2024-02-29', 'Thursday 29 February 2024'],
		['2025-04-22', 'Tuesday 22 April 2025'],
		['2026-12-29', 'Tuesday 29 December 2026'],
	])('%s is written "%s"', (date, expected) => {
		expect(formatLongDate(date)).toBe(expected)
	})

	test('rejects a date that does not exist', () => {
		expect(() => formatLongDate('2025-02-29')).toThrow(RangeError)
	})
})

describe('calendar dates', () => {
	test.each([
		['2026-11-24', true],
		['2024-02-29', true],
		['2025-02-29', false],
		['2026-04-31', false],
		['2026-11-24T00:00:00Z', false],
		['0999-01-01', false],
	])('isCalendarDate("%s") is %s', (value, expected) => {
		expect(isCalendarDate(value)).toBe(expected)
	})

	test.each([
		['2026-12-31', 1, '2027-01-01'],
		['2024-02-28', 1, '2024-02-29'],
		['2026-03-01', -1, '2026-02-28'],
		['2026-03-28', 2, '2026-03-30'], // across the clock change, still whole days
	] as const)('%s + %i days = %s', (date, days, expected) => {
		expect(addCalendarDays(date, days)).toBe(expected)
	})
})

describe('the server time zone does not matter', () => {
	const original = process.env.TZ
	afterEach(() => {
		if (original === undefined) delete process.env.TZ
		else process.env.TZ = original
	})

	test.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London', 'Asia/Kolkata'])(
		'same answers with TZ=%s',
		(zone) => {
			process.env.TZ = zone
			// Guard that the zone really changed for this process, so the checks below mean something.
			expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(
				{ 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, 'Europe/London': 0, 'Asia/Kolkata': -330 }[zone]
			)
			expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29')
			expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30')
			expect(workingDaysBetween('2026-03-27', '2026-04-07')).toBe(5)
			expect(formatLongDate('2026-11-24')).toBe('Tuesday 24 November 2026')
			expect(londonDate(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16')
			expect(deadlineInstant('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z')
			expect(bankHolidays(2026)).toEqual(reference.filter((holiday) => holiday.date.startsWith('2026-')))
		}
	)
})

describe('calendar arithmetic for month targets', () => {
	test('adds months, keeping to the last day of a shorter month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
		expect(addMonths('2026-01-31', 8)).toBe('2026-09-30')
		expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
	})

	test('counts calendar days between two dates across a clock change', () => {
		expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2)
		expect(calendarDaysBetween('2026-01-31', '2026-07-31')).toBe(181)
		expect(calendarDaysBetween('2026-07-31', '2026-01-31')).toBe(-181)
	})
})

// The working-day clock for England and Wales: bank holidays, working days and London deadlines.
//
// Business dates are plain calendar dates, 'YYYY-MM-DD' strings, never JS Dates: a Date is an
// instant, and turning one into a day depends on the time zone of whoever runs the code. All
// arithmetic here works on UTC day numbers, so the server's own time zone never matters. Two
// functions cross between instants and days, both in Europe/London: londonDate (when did this
// happen, as a London day) and deadlineInstant (the last moment of a London day). 'YYYY-MM-DD'
// strings sort and compare correctly as strings.
//
// Typical use, "we will call you by <date>":
//   formatLongDate(addWorkingDays(londonDate(receivedAt), 1, closures))
// and the matching overdue check: now > deadlineInstant(thatDate).
//
// Closures are extra non-working days a service sets (e.g. between Christmas and New Year).
// Paused ranges are time on hold: inclusive [from, to] ranges of days that do not count towards a
// clock. A day in a paused range is treated exactly like a closure, so a deadline moves on by the
// working days spent on hold. For a hold still open, pass `to` = londonDate(now) when measuring
// elapsed time; while a hold is open there is no deadline to compute.

/** A calendar date, 'YYYY-MM-DD' (no time, no zone). */
export type CalendarDate = string

export interface BankHoliday {
	date: CalendarDate
	title: string
}

/** Extra non-working days set by the service. */
export type Closures = ReadonlySet<CalendarDate> | readonly CalendarDate[]

/** Days on hold, inclusive at both ends. */
export type PausedRange = readonly [from: CalendarDate, to: CalendarDate]

const DAY_MS = 86_400_000
const LONDON = 'Europe/London'

// ---------------------------------------------------------------------------------------------
// Calendar dates as UTC day numbers (days since 1970-01-01)

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date written 'YYYY-MM-DD' (so not '2026-02-30' or '2026-2-3'). */
export function isCalendarDate(value: string): boolean {
	const match = DATE_PATTERN.exec(value)
	if (!match) return false
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
	if (year < 1000 || month < 1 || month > 12 || day < 1) return false
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toDayNumber(date: CalendarDate): number {
	if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`)
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

function fromDayNumber(dayNumber: number): CalendarDate {
	const d = new Date(dayNumber * DAY_MS)
	return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

function ymd(year: number, month: number, day: number): CalendarDate {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** 0 = Sunday ... 6 = Saturday. */
function weekdayOf(dayNumber: number): number {
	return new Date(dayNumber * DAY_MS).getUTCDay()
}

function isWeekend(dayNumber: number): boolean {
	const weekday = weekdayOf(dayNumber)
	return weekday === 0 || weekday === 6
}

/** The day of the week of a date: 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
	return weekdayOf(toDayNumber(date))
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
	if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number, got ${days}`)
	return fromDayNumber(toDayNumber(date) + days)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
	return toDayNumber(to) - toDayNumber(from)
}

/**
 * The same day `months` months later, or the month's last day when it has no such day (31 January
 * plus one month is 28 or 29 February), as "within 8 months of the application" is read.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
	const year = Number(date.slice(0, 4))
	const month = Number(date.slice(5, 7)) - 1 + months
	const target = new Date(Date.UTC(year, month, 1))
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
	return ymd(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(Number(date.slice(8, 10)), lastDay))
}

// ---------------------------------------------------------------------------------------------
// Bank holidays

/** Easter Sunday in the Gregorian calendar (Anonymous Gregorian algorithm, Meeus). */
export function easterSunday(year: number): CalendarDate {
	assertYear(year)
	const a = year % 19
	const b = Math.floor(year / 100)
	const c = year % 100
	const d = Math.floor(b / 4)
	const e = b % 4
	const f = Math.floor((b + 8) / 25)
	const g = Math.floor((b - f + 1) / 3)
	const h = (19 * a + b - d - g + 15) % 30
	const i = Math.floor(c / 4)
	const k = c % 4
	const l = (32 + 2 * e + 2 * i - h - k) % 7
	const m = Math.floor((a + 11 * h + 22 * l) / 451)
	const month = Math.floor((h + l - 7 * m + 114) / 31)
	const day = ((h + l - 7 * m + 114) % 31) + 1
	return ymd(year, month, day)
}

type MovableTitle = 'Early May bank holiday' | 'Spring bank holiday'

// One-off changes proclaimed by the government. `replaces` names the regular holiday that was
// moved to this date that year; entries without it are extra days. When a new one is announced,
// add a row here and a test. Titles follow GOV.UK's bank holiday list where it has them.
const ONE_OFF_CHANGES: readonly { date: CalendarDate; title: string; replaces?: MovableTitle }[] = [
	{ date: '1995-05-08', title: 'Early May bank holiday (VE day)', replaces: 'Early May bank holiday' },
	{ date: '1999-12-31', title: 'Millennium celebrations' },
	{ date: '2002-06-03', title: 'Golden Jubilee bank holiday' },
	{ date: '2002-06-04', title: 'Spring bank holiday', replaces: 'Spring bank holiday' },
	{ date: '2011-04-29', title: 'Royal wedding' },
	{ date: '2012-06-04', title: 'Spring bank holiday', replaces: 'Spring bank holiday' },
	{ date: '2012-06-05', title: "Queen's Diamond Jubilee" },
	{ date: '2020-05-08', title: 'Early May bank holiday (VE day)', replaces: 'Early May bank holiday' },
	{ date: '2022-06-02', title: 'Spring bank holiday', replaces: 'Spring bank holiday' },
	{ date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
	{ date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
	{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
]

function assertYear(year: number): void {
	if (!Number.isInteger(year) || year < 1000 || year > 9999) {
		throw new RangeError(`Year must be a whole number from 1000 to 9999, got ${year}`)
	}
}

function firstMonday(year: number, month: number): number {
	const first = toDayNumber(ymd(year, month, 1))
	return first + ((8 - weekdayOf(first)) % 7)
}

function lastMonday(year: number, month: number): number {
	const last = toDayNumber(ymd(year, month + 1, 1)) - 1 // month + 1 is at most 9 here
	return last - ((weekdayOf(last) + 6) % 7)
}

// The rules as they have stood since the Early May bank holiday began in 1978 (Banking and
// Financial Dealings Act 1971 and the yearly proclamations). Earlier years get the same rules,
// which is not their history; the service has no use for dates that old.
function regularHolidays(year: number): BankHoliday[] {
	const list: BankHoliday[] = []
	const add = (dayNumber: number, title: string) => list.push({ date: fromDayNumber(dayNumber), title })

	// A weekend New Year's Day is replaced by the Monday after it.
	const newYear = toDayNumber(ymd(year, 1, 1))
	if (isWeekend(newYear)) add(newYear + ((8 - weekdayOf(newYear)) % 7), "New Year's Day (substitute day)")
	else add(newYear, "New Year's Day")

	const easter = toDayNumber(easterSunday(year))
	add(easter - 2, 'Good Friday')
	add(easter + 1, 'Easter Monday')
	add(firstMonday(year, 5), 'Early May bank holiday')
	add(lastMonday(year, 5), 'Spring bank holiday')
	add(lastMonday(year, 8), 'Summer bank holiday')

	// Christmas and Boxing Day at a weekend move to the next weekdays not already taken.
	const christmas = toDayNumber(ymd(year, 12, 25))
	switch (weekdayOf(christmas)) {
		case 5: // Friday: Boxing Day is Saturday
			add(christmas, 'Christmas Day')
			add(christmas + 3, 'Boxing Day (substitute day)')
			break
		case 6: // Saturday
			add(christmas + 2, 'Christmas Day (substitute day)')
			add(christmas + 3, 'Boxing Day (substitute day)')
			break
		case 0: // Sunday: Boxing Day is Monday
			add(christmas + 1, 'Boxing Day')
			add(christmas + 2, 'Christmas Day (substitute day)')
			break
		default:
			add(christmas, 'Christmas Day')
			add(christmas + 1, 'Boxing Day')
	}
	return list
}

const holidayCache = new Map<number, { list: readonly BankHoliday[]; dates: ReadonlySet<CalendarDate> }>()

function holidaysOf(year: number) {
	let cached = holidayCache.get(year)
	if (!cached) {
		assertYear(year)
		const changes = ONE_OFF_CHANGES.filter((change) => change.date.startsWith(`${year}-`))
		const list = regularHolidays(year)
			.filter((holiday) => !changes.some((change) => change.replaces === holiday.title))
			.concat(changes.map(({ date, title }) => ({ date, title })))
			.sort((a, b) => a.date.localeCompare(b.date))
		cached = { list, dates: new Set(list.map((holiday) => holiday.date)) }
		holidayCache.set(year, cached)
	}
	return cached
}

/** The bank holidays of England and Wales in `year`, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
	return holidaysOf(year).list.map((holiday) => ({ ...holiday }))
}

export function isBankHoliday(date: CalendarDate): boolean {
	toDayNumber(date)
	return holidaysOf(Number(date.slice(0, 4))).dates.has(date)
}

// ---------------------------------------------------------------------------------------------
// Working days

function closureSet(closures: Closures | undefined): ReadonlySet<CalendarDate> {
	if (!closures) return new Set()
	for (const date of closures) toDayNumber(date) // a mistyped closure must not be silently ignored
	return closures instanceof Set ? closures : new Set(closures)
}

function pausedDayRanges(paused: readonly PausedRange[] | undefined): [number, number][] {
	return (paused ?? []).map(([from, to]) => {
		const range: [number, number] = [toDayNumber(from), toDayNumber(to)]
		if (range[0] > range[1]) throw new RangeError(`Paused range ends before it starts: ${from} to ${to}`)
		return range
	})
}

/** Whether a day counts towards a clock: a working day and not on hold. */
function counter(closures: Closures | undefined, paused: readonly PausedRange[] | undefined) {
	const closed = closureSet(closures)
	const ranges = pausedDayRanges(paused)
	return (dayNumber: number): boolean => {
		if (isWeekend(dayNumber)) return false
		const date = fromDayNumber(dayNumber)
		if (closed.has(date) || holidaysOf(Number(date.slice(0, 4))).dates.has(date)) return false
		return !ranges.some(([from, to]) => dayNumber >= from && dayNumber <= to)
	}
}

/** Monday to Friday, not a bank holiday in England and Wales and not a service closure day. */
export function isWorkingDay(date: CalendarDate, closures?: Closures): boolean {
	return counter(closures, undefined)(toDayNumber(date))
}

/**
 * The `n`th working day after `startDate`; the start day itself never counts, whatever day it is.
 * n = 1 from a Friday is the Monday (the Tuesday when Monday is a bank holiday). n = 0 returns
 * `startDate`; a negative n counts back (the nth working day before `startDate`). Days in
 * `paused` ranges do not count.
 */
export function addWorkingDays(
	startDate: CalendarDate,
	n: number,
	closures?: Closures,
	paused?: readonly PausedRange[]
): CalendarDate {
	if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`)
	const counts = counter(closures, paused)
	const step = Math.sign(n)
	let day = toDayNumber(startDate)
	for (let remaining = Math.abs(n); remaining > 0;) {
		day += step
		if (counts(day)) remaining--
	}
	return fromDayNumber(day)
}

/**
 * The number of working days after `from` up to and including `to` (0 when `to` <= `from`), so
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Days in `paused` ranges do not count.
 */
export function workingDaysBetween(
	from: CalendarDate,
	to: CalendarDate,
	closures?: Closures,
	paused?: readonly PausedRange[]
): number {
	const counts = counter(closures, paused)
	const last = toDayNumber(to)
	let total = 0
	for (let day = toDayNumber(from) + 1; day <= last; day++) if (counts(day)) total++
	return total
}

// ---------------------------------------------------------------------------------------------
// London time

const londonFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
})

function londonWallClock(ms: number) {
	const parts: Record<string, number> = {}
	for (const part of londonFormat.formatToParts(ms)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value)
	}
	return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>
}

/** The Europe/London calendar date of an instant (23:30 UTC on a summer day is already tomorrow). */
export function londonDate(instant: Date): CalendarDate {
	const ms = instant.getTime()
	if (Number.isNaN(ms)) throw new RangeError('Invalid Date')
	const { year, month, day } = londonWallClock(ms)
	return ymd(year, month, day)
}

/** How far London's clocks are ahead of UTC at an instant, in milliseconds (0 or 1 hour). */
function londonOffset(ms: number): number {
	const wholeSecond = Math.floor(ms / 1000) * 1000
	const { year, month, day, hour, minute, second } = londonWallClock(wholeSecond)
	return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond
}

/** The first instant (00:00 Europe/London) of a London calendar day. */
export function startOfLondonDay(date: CalendarDate): Date {
	const utcMidnight = toDayNumber(date) * DAY_MS
	// London changes its clocks at 01:00 UTC, never at midnight, so midnight exists exactly once
	// and the offset at UTC midnight is already the right one; the second look at the guess only
	// keeps this right if the rules ever move the change nearer midnight.
	const guess = utcMidnight - londonOffset(utcMidnight)
	return new Date(utcMidnight - londonOffset(guess))
}

/**
 * The last instant of a London calendar day (23:59:59.999 Europe/London), for deadlines "by the
 * end of" a day: 22:59:59.999Z in summer time, 23:59:59.999Z in winter.
 */
export function deadlineInstant(date: CalendarDate): Date {
	return new Date(startOfLondonDay(addCalendarDays(date, 1)).getTime() - 1)
}

/** The instant of a London wall-clock time ('14:30') on a date, in summer or winter time. */
export function londonInstant(date: CalendarDate, time: string): Date {
	const [hours, minutes] = time.split(':').map(Number) as [number, number]
	const wall = toDayNumber(date) * DAY_MS + (hours * 60 + minutes) * 60_000
	// The offset at the wall time read as UTC is right except within an hour of a change; a
	// second look at the guess settles those.
	const guess = wall - londonOffset(wall)
	return new Date(wall - londonOffset(guess))
}

// ---------------------------------------------------------------------------------------------
// Display

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
]

/** GOV.UK style long date, no ordinal: 'Tuesday 24 November 2026'. */
export function formatLongDate(date: CalendarDate): string {
	const dayNumber = toDayNumber(date)
	const month = MONTHS[Number(date.slice(5, 7)) - 1]
	return `${WEEKDAYS[weekdayOf(dayNumber)]} ${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`
}

/** GOV.UK date without the weekday: '3 March 2026'. */
export function formatDate(date: CalendarDate): string {
	return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

/** '3 Mar 2026': short enough for a table column. */
export function formatShortDate(date: CalendarDate): string {
	return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]!.slice(0, 3)} ${date.slice(0, 4)}`
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	hour: 'numeric',
	minute: '2-digit',
	hourCycle: 'h23',
})

/** GOV.UK date and time in London: '3 March 2026 at 2:30pm'. Same on the server and in the browser. */
export function formatDateTime(instant: Date | string): string {
	const date = new Date(instant)
	const parts = Object.fromEntries(londonClock.formatToParts(date).map((part) => [part.type, part.value]))
	const hours = Number(parts.hour)
	const minutes = parts.minute === '00' ? '' : `:${parts.minute}`
	return `${formatDate(londonDate(date))} at ${hours % 12 === 0 ? 12 : hours % 12}${minutes}${hours < 12 ? 'am' : 'pm'}`
}

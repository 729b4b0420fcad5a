// Working hours between two instants: how long an enquirer waited for a call, counted only in the
// office's hours (09:00 to 17:00 in London, on working days). An enquiry sent on Friday evening
// and answered on Monday at 10:00 waited one working hour, not sixty.
//
// Each day's window is worked out from London wall-clock times (londonInstant), so the spring and
// autumn clock changes never add or lose an hour: every working day is exactly eight hours long.

import {
	addCalendarDays,
	isWorkingDay,
	londonDate,
	londonInstant,
	type CalendarDate,
	workingDaysBetween,
	type Closures,
} from './working-days.ts'

export const WORKING_DAY_STARTS = '09:00'
export const WORKING_DAY_ENDS = '17:00'
/** The hours in one working day (09:00 to 17:00). */
export const HOURS_PER_WORKING_DAY = 8

const HOUR_MS = 3_600_000

// When each working day opens, remembered: a report asks for the same few hundred days thousands
// of times, and the time zone conversion is the slow part. Bounded, so a long-running server's
// memory stays flat.
const opening = new Map<CalendarDate, number>()

/** 09:00 London on a day, as epoch milliseconds. A working day never has a clock change (Sundays). */
function opensAt(day: CalendarDate): number {
	let opens = opening.get(day)
	if (opens === undefined) {
		if (opening.size >= 10_000) opening.clear()
		opens = londonInstant(day, WORKING_DAY_STARTS).getTime()
		opening.set(day, opens)
	}
	return opens
}

/**
 * The working hours (09:00 to 17:00 Europe/London on working days: not weekends, bank holidays of
 * England and Wales or the service's closure days) from `start` to `end`, as a fraction of hours.
 * 0 when `end` is not after `start`.
 */
export function workingHoursBetween(start: Date, end: Date, closures?: Closures): number {
	const startMs = start.getTime()
	const endMs = end.getTime()
	if (Number.isNaN(startMs) || Number.isNaN(endMs)) throw new RangeError('Invalid Date')
	if (endMs <= startMs) return 0
	const firstDay = londonDate(start)
	const lastDay = londonDate(end)
	// Only the first and last days can be partly inside the span; every working day between them
	// counts in full (clocks change on a Sunday, so a working day is always eight hours).
	const partDay = (day: CalendarDate) => {
		if (!isWorkingDay(day, closures)) return 0
		const opens = opensAt(day)
		const closes = opens + HOURS_PER_WORKING_DAY * HOUR_MS
		return Math.max(0, Math.min(closes, endMs) - Math.max(opens, startMs)) / HOUR_MS
	}
	if (firstDay === lastDay) return partDay(firstDay)
	const wholeDays = workingDaysBetween(firstDay, addCalendarDays(lastDay, -1), closures)
	return partDay(firstDay) + wholeDays * HOURS_PER_WORKING_DAY + partDay(lastDay)
}

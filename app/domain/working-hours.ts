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
	type Closures,
} from './working-days.ts'

export const WORKING_DAY_STARTS = '09:00'
export const WORKING_DAY_ENDS = '17:00'
/** The hours in one working day (09:00 to 17:00). */
export const HOURS_PER_WORKING_DAY = 8

const HOUR_MS = 3_600_000

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
	// A set once, so a long span does not rebuild it for every day.
	const closed = closures ? new Set(closures) : undefined
	const lastDay = londonDate(end)
	let total = 0
	for (let day: CalendarDate = londonDate(start); day <= lastDay; day = addCalendarDays(day, 1)) {
		if (!isWorkingDay(day, closed)) continue
		const opens = londonInstant(day, WORKING_DAY_STARTS).getTime()
		const closes = londonInstant(day, WORKING_DAY_ENDS).getTime()
		const overlap = Math.min(closes, endMs) - Math.max(opens, startMs)
		if (overlap > 0) total += overlap
	}
	return total / HOUR_MS
}

import { londonDate, type CalendarDate } from '~/domain/working-days.ts'
import { getEnv } from './env.server.ts'

// The one clock the server reads. Everything that needs "now" or "today" asks here. With
// CLOCK_STARTS_AT set, the clock starts at that instant when the process starts and runs on at
// the normal rate: a training copy can be "Monday 9am", and an end-to-end test can make a household
// overdue without waiting for days to pass.

let offsetMs: number | undefined

export function now(): Date {
	if (offsetMs === undefined) {
		const startsAt = getEnv().CLOCK_STARTS_AT
		offsetMs = startsAt ? Date.parse(startsAt) - Date.now() : 0
	}
	return new Date(Date.now() + offsetMs)
}

/** Today in Europe/London, 'YYYY-MM-DD'. */
export function today(): CalendarDate {
	return londonDate(now())
}

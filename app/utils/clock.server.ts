import { londonDate, type CalendarDate } from '~/domain/working-days.ts'

// The one clock the server reads. Everything that needs "now" or "today" asks here, so the time
// can be set in one place (issue 4 adds the setting for end-to-end tests of deadlines).

export function now(): Date {
	return new Date()
}

/** Today in Europe/London, 'YYYY-MM-DD'. */
export function today(): CalendarDate {
	return londonDate(now())
}

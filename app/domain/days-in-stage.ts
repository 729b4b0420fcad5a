import { isCalendarDate, type CalendarDate } from './working-days.ts'

// How long a household has waited at its stage, as the board and lists show it: whole calendar
// days from the day it entered the stage (Europe/London) to today. A household that entered today
// has been there 0 days. Working days matter for response deadlines (issue 4), not here.

const DAY_MS = 86_400_000

export function daysInStage(stageEnteredOn: CalendarDate, today: CalendarDate): number {
	if (!isCalendarDate(stageEnteredOn) || !isCalendarDate(today)) {
		throw new RangeError(`Not calendar dates: "${stageEnteredOn}", "${today}"`)
	}
	const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${stageEnteredOn}T00:00:00Z`)) / DAY_MS
	// A date after today (a clock set back, a bad import) is shown as 0, never as a negative wait.
	return Math.max(0, Math.round(days))
}

/** "Today", "1 day", "23 days": the words the board and the list use. */
export function describeDaysInStage(days: number): string {
	if (days === 0) return 'Today'
	return days === 1 ? '1 day' : `${days.toLocaleString('en-GB')} days`
}

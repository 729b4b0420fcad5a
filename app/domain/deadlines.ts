// How the response-time clocks are put into words for staff: the flag on a pipeline card, what is
// due on "My work" (grouped in my-work.ts) and the record's table of clocks. Pure, so the wording
// is tested without a database or a clock (today is always passed in).

import { statusFromRow, type Clock, type ClockKey, type ClockStatus, type ClockTarget } from './response-clocks.ts'
import { formatDate, formatLongDate, type CalendarDate } from './working-days.ts'

/** The status of a running clock as the household row's copy gives it (statusFromRow). */
export type RunningStatus = 'on_track' | 'at_risk' | 'overdue'

/** The household's nearest deadline, as the board, the list and My work show it. */
export type NextDeadline = { key: ClockKey; on: CalendarDate; status: RunningStatus }

/** What each clock is waiting for, as the middle of a sentence ("first personal contact was due..."). */
export const CLOCK_DUE_WORDS: Record<ClockKey, string> = {
	first_contact: 'first personal contact',
	initial_visit: 'initial visit',
	stage_1_decision: 'Stage 1 decision',
	application_to_panel: 'panel',
	panel_to_decision: 'agency decision',
}

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
	on_track: 'On track',
	at_risk: 'At risk',
	overdue: 'Overdue',
	paused: 'Paused (on hold)',
	met: 'Met',
	missed: 'Missed',
	stopped: 'Stopped (left)',
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** '20 November' this year, '20 November 2027' in another; with the weekday: 'Friday 20 November'. */
export function formatDueDate(date: CalendarDate, today: CalendarDate, withWeekday = false): string {
	const full = withWeekday ? formatLongDate(date) : formatDate(date)
	return date.slice(0, 4) === today.slice(0, 4) ? full.slice(0, -5) : full
}

/**
 * What is due and by when, as a sentence: "First personal contact was due 20 November" once the
 * deadline has passed, "First personal contact due by 24 November" before.
 */
export function describeDeadline(deadline: NextDeadline, today: CalendarDate, withWeekday = false): string {
	const what = capitalise(CLOCK_DUE_WORDS[deadline.key])
	const when = formatDueDate(deadline.on, today, withWeekday)
	return deadline.status === 'overdue' ? `${what} was due ${when}` : `${what} due by ${when}`
}

/** A household row's nearest deadline and its status today (statusFromRow), or null when none runs. */
export function nextDeadlineOf(
	row: { nextClockKey: string | null; nextClockAtRiskOn: string | null; nextClockDeadline: string | null },
	today: CalendarDate
): NextDeadline | null {
	const status = statusFromRow(row, today)
	if (!status || !row.nextClockKey || !row.nextClockDeadline) return null
	return { key: row.nextClockKey as ClockKey, on: row.nextClockDeadline, status }
}

/** "10 working days", "1 working day", "6 months". */
export function describeTarget(target: ClockTarget): string {
	if (target.unit === 'months') return target.amount === 1 ? '1 month' : `${target.amount} months`
	return target.amount === 1 ? '1 working day' : `${target.amount} working days`
}

// ---------------------------------------------------------------------------------------------
// The household record's table of clocks

export type ClockRow = {
	key: string
	what: string
	startedOn: CalendarDate
	target: string
	deadline: CalendarDate | null
	elapsedWorkingDays: number
	pausedDays: number
	status: ClockStatus
	endedOn: CalendarDate | null
	statutory: boolean
}

/**
 * The record's rows: one per clock, and for application to panel a second row for the statutory
 * 8-month limit (NMS 14.4), which the service must keep whatever its own target says.
 */
export function clockRows(
	clocks: readonly Clock[],
	labels: Record<ClockKey, string>,
	today: CalendarDate,
	statutoryMonths: number
): ClockRow[] {
	const rows: ClockRow[] = []
	clocks.forEach((clock, index) => {
		const common = {
			startedOn: clock.startedOn,
			elapsedWorkingDays: clock.elapsedWorkingDays,
			pausedDays: clock.pausedDays,
			endedOn: clock.endedOn,
		}
		rows.push({
			...common,
			key: `${clock.key}-${index}`,
			what: labels[clock.key],
			target: describeTarget(clock.target),
			deadline: clock.deadline,
			status: clock.status,
			statutory: false,
		})
		if (clock.key !== 'application_to_panel') return
		rows.push({
			...common,
			key: `${clock.key}-${index}-statutory`,
			what: `${labels[clock.key]}: statutory limit`,
			target: describeTarget({ unit: 'months', amount: statutoryMonths }),
			deadline: clock.statutoryDeadline,
			status: statutoryStatus(clock, today),
			statutory: true,
		})
	})
	return rows
}

/** The statutory limit's own status: no at-risk warning of its own (the service's target gives that). */
function statutoryStatus(clock: Clock, today: CalendarDate): ClockStatus {
	if (clock.status === 'paused' || clock.status === 'stopped' || !clock.statutoryDeadline) return clock.status
	if (clock.endedOn !== null) return clock.endedOn <= clock.statutoryDeadline ? 'met' : 'missed'
	return today > clock.statutoryDeadline ? 'overdue' : 'on_track'
}

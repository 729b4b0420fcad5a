// The staff home as a dashboard (issue 15, defect 6; ADR 031): which panels each role sees, and
// the periods they count. A panel shows only what the role may see elsewhere: work and new
// enquiries to staff who see households, the figures (aggregates, no personal data) to all.

import { lastTwelveMonths, weekStarting, type ReportPeriod } from './report-period.ts'
import { roleCan, type StaffRole } from './staff.ts'
import { addCalendarDays, type CalendarDate } from './working-days.ts'

export type DashboardPanels = {
	/** Their own households overdue and at risk today (My work). */
	myWork: boolean
	/** Open households nobody owns. */
	unassigned: boolean
	/** Colleagues' households overdue and at risk today. */
	team: boolean
	/** Enquiries received since the start of yesterday (the list, newest first). */
	newEnquiries: boolean
	/** This week's first contacts within target, and the funnel's last 12 months. */
	figures: boolean
}

export function dashboardPanels(role: StaffRole): DashboardPanels {
	return {
		myWork: roleCan(role, 'changeHouseholds'),
		unassigned: roleCan(role, 'takeUnassignedWork'),
		team: roleCan(role, 'overseeTeamWork'),
		newEnquiries: roleCan(role, 'viewHouseholds'),
		figures: roleCan(role, 'viewFunnel'),
	}
}

/** The periods the home counts: since yesterday began, this week so far (from Monday), the last 12 months. */
export function dashboardPeriods(today: CalendarDate): {
	sinceDay: CalendarDate
	week: ReportPeriod
	year: ReportPeriod
} {
	return {
		sinceDay: addCalendarDays(today, -1),
		week: { from: weekStarting(today), to: today },
		year: lastTwelveMonths(today),
	}
}

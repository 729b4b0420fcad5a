// Which panels the staff home shows each role, and the periods it counts, with hand-checked dates.
import { describe, expect, test } from 'vitest'
import { dashboardPanels, dashboardPeriods } from './staff-dashboard.ts'

describe('the staff home’s panels', () => {
	test('work for those who work households, the team for managers, figures for everyone who may see them', () => {
		expect(dashboardPanels('manager')).toEqual({
			myWork: true,
			unassigned: true,
			team: true,
			newEnquiries: true,
			figures: true,
		})
		expect(dashboardPanels('officer')).toMatchObject({ myWork: true, unassigned: true, team: false })
		expect(dashboardPanels('social_worker')).toMatchObject({ myWork: true, unassigned: false, team: false })
		// Read-only staff never see a household: the aggregate figures only.
		expect(dashboardPanels('read_only')).toEqual({
			myWork: false,
			unassigned: false,
			team: false,
			newEnquiries: false,
			figures: true,
		})
	})

	test('counts since yesterday began, this week from Monday, and 12 months back', () => {
		// Wednesday 9 December 2026.
		expect(dashboardPeriods('2026-12-09')).toEqual({
			sinceDay: '2026-12-08',
			week: { from: '2026-12-07', to: '2026-12-09' },
			// The last 12 months as the reports now mean them: from the day after this date a year ago.
			year: { from: '2025-12-10', to: '2026-12-09' },
		})
		// On a Monday the week is that one day.
		expect(dashboardPeriods('2026-12-07').week).toEqual({ from: '2026-12-07', to: '2026-12-07' })
	})
})

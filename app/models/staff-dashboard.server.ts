// The staff home's figures (ADR 031): counts on the indexed row copies of each household's
// nearest deadline (as the board and My work read them), the enquiries since yesterday, this
// week's first contacts as the response-time report counts them (reportClocks), and the funnel's
// last 12 months from its rows. Only the panels the role sees are read.

import { REPORT_ROUTES, summarise } from '~/domain/response-report.ts'
import { dashboardPeriods, type DashboardPanels } from '~/domain/staff-dashboard.ts'
import { startOfLondonDay, type CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { deadlineWhere } from './pipeline.server.ts'
import { reportClocks } from './response-report.server.ts'
import { getServiceConfig } from './service-settings.server.ts'

/** How many open households matching `where` are overdue, and how many at risk, today. */
async function flagged(where: Prisma.HouseholdWhereInput, today: CalendarDate) {
	const open = { ...where, status: 'open' }
	const [overdue, atRisk] = await Promise.all([
		prisma.household.count({ where: { ...open, ...deadlineWhere(['overdue'], today) } }),
		prisma.household.count({ where: { ...open, ...deadlineWhere(['at_risk'], today) } }),
	])
	return { overdue, atRisk }
}

/** This week's first-contact clocks, both routes, as the response-time report counts them. */
async function weekFirstContacts(period: { from: CalendarDate; to: CalendarDate }) {
	const [clocks, config] = await Promise.all([
		Promise.all(REPORT_ROUTES.map((route) => reportClocks({ period, route }))),
		getServiceConfig(),
	])
	const firstContacts = clocks.flatMap((loaded) => loaded.clocks).filter((clock) => clock.key === 'first_contact')
	return { ...summarise(firstContacts), targetWorkingDays: config.targets.firstContactWorkingDays }
}

async function funnelYear(year: { from: CalendarDate; to: CalendarDate }) {
	const inYear = { gte: year.from, lte: year.to }
	const [enquired, approved] = await Promise.all([
		prisma.funnelFact.count({ where: { enquiredOn: inYear } }),
		prisma.funnelFact.count({ where: { approvedOn: inYear } }),
	])
	return { enquired, approved }
}

export async function loadDashboard(staffId: string, today: CalendarDate, panels: DashboardPanels) {
	const periods = dashboardPeriods(today)
	const [myWork, unassigned, team, newEnquiries, firstContact, funnel] = await Promise.all([
		panels.myWork ? flagged({ ownerId: staffId }, today) : null,
		panels.unassigned ? prisma.household.count({ where: { status: 'open', ownerId: null } }) : null,
		panels.team ? flagged({ AND: [{ ownerId: { not: null } }, { ownerId: { not: staffId } }] }, today) : null,
		panels.newEnquiries
			? prisma.enquiry.count({ where: { receivedAt: { gte: startOfLondonDay(periods.sinceDay) } } })
			: null,
		panels.figures ? weekFirstContacts(periods.week) : null,
		panels.figures ? funnelYear(periods.year) : null,
	])
	return { periods, myWork, unassigned, team, newEnquiries, firstContact, funnel }
}

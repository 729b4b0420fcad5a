import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatShare } from '~/domain/response-report.ts'
import { shortPeriodWords } from '~/domain/report-period.ts'
import { dashboardPanels } from '~/domain/staff-dashboard.ts'
import { STAFF_ROLE_LABELS, staffNavigation } from '~/domain/staff.ts'
import { formatLongDate } from '~/domain/working-days.ts'
import { loadDashboard } from '~/models/staff-dashboard.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The staff home, the first page after signing in: a dashboard of what the role needs today
// (ADR 031), each figure linking to its page, then who is signed in and where they can go.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Staff home')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request)
	const dashboard = await loadDashboard(user.id, today(), dashboardPanels(user.role))
	return {
		name: user.name,
		email: user.email,
		role: STAFF_ROLE_LABELS[user.role],
		places: staffNavigation(user.role),
		dashboard,
	}
}

/** The list of households that first enquired from that day, newest first. */
function newEnquiriesHref(from: string) {
	const [year, month, day] = from.split('-').map(Number)
	return `/staff/pipeline/list?from-day=${day}&from-month=${month}&from-year=${year}&sort=newest`
}

type Dashboard = Awaited<ReturnType<typeof loader>>['dashboard']

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/** One figure of the dashboard: what it counts, in words, and the page with the detail. */
function Panel({ heading, children, to, link }: { heading: string; children: ReactNode; to: string; link: string }) {
	return (
		<div className="govuk-grid-column-one-third">
			<h2 className="govuk-heading-m">{heading}</h2>
			<p className="govuk-body">{children}</p>
			<p className="govuk-body">
				<Link className="govuk-link" to={to}>
					{link}
				</Link>
			</p>
		</div>
	)
}

/** Today's work: their own, nobody's, and (for a manager) the team's, overdue and at risk. */
function WorkPanels({ dashboard }: { dashboard: Dashboard }) {
	const { myWork, unassigned, team, newEnquiries } = dashboard
	const flags = (work: { overdue: number; atRisk: number }) => (
		<>
			<strong className="govuk-!-font-size-36">{work.overdue.toLocaleString('en-GB')}</strong> overdue and{' '}
			<strong className="govuk-!-font-size-36">{work.atRisk.toLocaleString('en-GB')}</strong> at risk today
		</>
	)
	return (
		<div className="govuk-grid-row">
			{myWork ? (
				<Panel heading="Your households" to="/staff/my-work" link="Go to My work">
					{flags(myWork)}
					{unassigned !== null ? `, and ${count(unassigned, 'open household', 'open households')} nobody owns` : ''}
				</Panel>
			) : null}
			{team ? (
				<Panel heading="Your team" to="/staff/my-work" link="See the team’s work in My work">
					{flags(team)}
				</Panel>
			) : null}
			{newEnquiries !== null ? (
				<Panel heading="New enquiries" to={newEnquiriesHref(dashboard.periods.sinceDay)} link="See new enquiries">
					<strong className="govuk-!-font-size-36">{newEnquiries.toLocaleString('en-GB')}</strong> since the start of{' '}
					{formatLongDate(dashboard.periods.sinceDay)}
				</Panel>
			) : null}
		</div>
	)
}

/** The figures: this week's first contacts against the target, and the funnel's last 12 months. */
function FigurePanels({ dashboard }: { dashboard: Dashboard }) {
	const { firstContact, funnel, periods } = dashboard
	if (!firstContact || !funnel) return null
	const days = count(firstContact.targetWorkingDays, 'working day', 'working days')
	return (
		<div className="govuk-grid-row">
			<Panel heading="First contact this week" to="/staff/reports/response-times" link="See response times">
				<strong className="govuk-!-font-size-36">{formatShare(firstContact.share)}</strong> within the target of {days}{' '}
				({firstContact.within.toLocaleString('en-GB')} of {firstContact.counted.toLocaleString('en-GB')} with an
				outcome, {shortPeriodWords(periods.week)})
			</Panel>
			<Panel heading="The funnel" to="/staff/funnel" link="See the funnel">
				<strong className="govuk-!-font-size-36">{funnel.enquired.toLocaleString('en-GB')}</strong>{' '}
				{funnel.enquired === 1 ? 'household' : 'households'} enquired and{' '}
				<strong className="govuk-!-font-size-36">{funnel.approved.toLocaleString('en-GB')}</strong> approved,{' '}
				{shortPeriodWords(periods.year)}
			</Panel>
		</div>
	)
}

export default function StaffHome() {
	const page = useLoaderData<typeof loader>()
	return (
		<>
			<h1 className="govuk-heading-l">Staff home</h1>
			<WorkPanels dashboard={page.dashboard} />
			<FigurePanels dashboard={page.dashboard} />
			<SignedInAs page={page} />
		</>
	)
}

function SignedInAs({ page }: { page: Awaited<ReturnType<typeof loader>> }) {
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h2 className="govuk-heading-m">Signed in as</h2>
				<dl className="govuk-summary-list">
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Signed in as</dt>
						<dd className="govuk-summary-list__value">{page.name}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Email address</dt>
						<dd className="govuk-summary-list__value">{page.email}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Role</dt>
						<dd className="govuk-summary-list__value">{page.role}</dd>
					</div>
				</dl>
				{page.places.length > 0 ? (
					<>
						<h2 className="govuk-heading-m">What you can do</h2>
						<ul className="govuk-list">
							{page.places.map((place) => (
								<li key={place.to}>
									<Link to={place.to} className="govuk-link">
										{place.label}
									</Link>
								</li>
							))}
						</ul>
					</>
				) : (
					<p className="govuk-body">The funnel figures for your role will appear here.</p>
				)}
			</div>
		</div>
	)
}

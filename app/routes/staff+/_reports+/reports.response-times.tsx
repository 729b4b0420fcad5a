import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { BarChart } from '~/components/charts.tsx'
import { DateInput, ErrorSummary, Radios } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { householdHref } from '~/components/pipeline.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import {
	REPORT_ROUTE_LABELS,
	REPORT_ROUTES,
	formatNumber,
	formatShare,
	parseReportQuery,
	type Group,
	type Summary,
} from '~/domain/response-report.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { formatDate, formatShortDate } from '~/domain/working-days.ts'
import { loadResponseReport, type ResponseReport } from '~/models/response-report.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// The response-time report: how well the service keeps its promises over a period. Everyone who
// may see the funnel figures sees the aggregates; the breach list (households by name) and the
// figures by named officer are for staff who may see households (ROLES_THAT.viewHouseholds).

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Response times').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const url = new URL(request.url)
	const { query, values, errors } = parseReportQuery(url.searchParams, today())
	const personal = roleCan(user.role, 'viewHouseholds')
	const report = query ? await loadResponseReport(query, { personal, breachesPage: query.page }) : null
	return data({ values, errors, query, report, personal }, { status: errors.length > 0 ? 400 : 200 })
}

export default function ResponseTimesPage() {
	const page = useLoaderData<typeof loader>()
	const { search } = useLocation()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<>
			<title>{`${page.errors.length > 0 ? 'Error: ' : ''}Response times – ${serviceName} staff`}</title>
			<ErrorSummary errors={page.errors} />
			<h1 className="govuk-heading-l">Response times</h1>
			<p className="govuk-body">
				How quickly the service reached each step it has promised to be quick at, for the clocks that started in a
				period.
			</p>
			<Form method="get" className="app-filters app-no-print" aria-label="Choose the period" role="search">
				<h2 className="govuk-heading-m">Period</h2>
				<div className="app-filters__grid">
					<DateInput
						name="from"
						legend="From"
						hint="For example, 5 1 2026"
						error={errorFor(page.errors, 'from')}
						defaultValue={page.values.from}
					/>
					<DateInput
						name="to"
						legend="To"
						hint="For example, 31 3 2026"
						error={errorFor(page.errors, 'to')}
						defaultValue={page.values.to}
					/>
					<Radios
						name="route"
						legend="Route"
						hint="Kinship households are never mixed into the mainstream figures"
						error={errorFor(page.errors, 'route')}
						choices={REPORT_ROUTES.map((route) => ({ value: route, label: REPORT_ROUTE_LABELS[route] }))}
						selected={[page.values.route || 'mainstream']}
					/>
				</div>
				<div className="govuk-button-group">
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Show report
					</button>
					<Link className="govuk-link" to="/staff/reports/response-times">
						Last 13 weeks
					</Link>
				</div>
			</Form>
			{page.query && page.report ? (
				<Report
					report={page.report}
					period={page.query.period}
					route={page.query.route}
					search={search}
					personal={page.personal}
				/>
			) : (
				<p className="govuk-body">Correct the period to see the report.</p>
			)}
		</>
	)
}

function Report({
	report,
	period,
	route,
	search,
	personal,
}: {
	report: ResponseReport
	period: { from: string; to: string }
	route: 'mainstream' | 'kinship'
	search: string
	personal: boolean
}) {
	const { overall, weeks } = report.firstContact
	const routeLabel = REPORT_ROUTE_LABELS[route].toLowerCase()
	const csv = (table: 'weekly' | 'breaches') => {
		const params = new URLSearchParams(search)
		params.delete('page')
		params.set('table', table)
		return `/staff/reports/response-times.csv?${params.toString()}`
	}
	return (
		<>
			<p className="govuk-body-l" role="status">
				{formatDate(period.from)} to {formatDate(period.to)}, {routeLabel} households
			</p>

			<h2 className="govuk-heading-l">Enquiry to first personal contact</h2>
			<dl className="govuk-summary-list">
				<SummaryRow label="Contacted within target">
					{formatShare(overall.share)}
					{overall.counted > 0 ? ` (${overall.within} of ${overall.counted})` : ''}
				</SummaryRow>
				<SummaryRow label="Median time to first contact">
					{hoursAndDays(overall.medianHours, overall.median)}
				</SummaryRow>
				<SummaryRow label="90th percentile">{hoursAndDays(overall.p90Hours, overall.p90)}</SummaryRow>
				<SummaryRow label="Enquiries in the period">
					{overall.started} ({overall.running} still within target or on hold, {overall.stopped} stopped)
				</SummaryRow>
			</dl>

			<h3 className="govuk-heading-m">Share within target, week by week</h3>
			<figure className="app-chart-figure">
				<BarChart
					id="weekly-share"
					title="Share of enquiries contacted within target, by week"
					description={`${report.firstContact.sentence} Weeks with no outcome yet show a dash. The same figures are in the table below.`}
					values={weeks.map((week) => ({ label: week.label.replace(/ \d{4}$/, ''), value: week.summary.share }))}
					max={1}
					format={(value) => `${Math.round(value * 100)}%`}
					axisLabel="Share within target"
				/>
				<figcaption className="govuk-body">{report.firstContact.sentence}</figcaption>
			</figure>
			<GroupTable caption="Enquiry to first personal contact, by week" heading="Week starting" groups={weeks} />
			<p className="govuk-body app-no-print">
				<a className="govuk-link" href={csv('weekly')} download>
					Download the weekly figures (CSV)
				</a>
			</p>

			<h3 className="govuk-heading-m">By channel</h3>
			<GroupTable
				caption="Enquiry to first personal contact, by channel"
				heading="Channel"
				groups={report.firstContact.channels}
			/>
			{report.firstContact.officers ? (
				<>
					<h3 className="govuk-heading-m">By officer</h3>
					<p className="govuk-body">
						The member of staff who recorded the first contact; for a contact still awaited, the household’s owner.
					</p>
					<GroupTable
						caption="Enquiry to first personal contact, by officer"
						heading="Officer"
						groups={report.firstContact.officers}
					/>
				</>
			) : null}

			<h2 className="govuk-heading-l">Every clock</h2>
			<ClocksTable clocks={report.clocks} />

			{report.breaches ? (
				<Breaches breaches={report.breaches} search={search} csvHref={csv('breaches')} />
			) : personal ? null : (
				<p className="govuk-body">
					The list of households that missed a target is shown to staff who work with households.
				</p>
			)}

			<FiguresExplained>
				<li>A clock belongs to the period it started in.</li>
				<li>
					Within target is the share of clocks that met their target, out of those that met it, missed it, or are still
					running past their deadline. Clocks still within their target or on hold, and clocks stopped because the
					household left, are not counted yet.
				</li>
				<li>
					Times are of completed clocks, in working days from the day the clock started, not counting time on hold.
					Application to panel is in calendar days not on hold.
				</li>
				<li>
					Working hours are 9am to 5pm on working days (not weekends, bank holidays or the service’s closure days), from
					the enquiry to the first answered call or visit. Where either time is not recorded, midday is used.
				</li>
				<li>The median is the middle time. The 90th percentile is the time 9 in 10 were at or under (nearest rank).</li>
				<li>Each clock is measured against the target in force on the day it started.</li>
			</FiguresExplained>
		</>
	)
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
	return (
		<div className="govuk-summary-list__row">
			<dt className="govuk-summary-list__key">{label}</dt>
			<dd className="govuk-summary-list__value">{children}</dd>
		</div>
	)
}

function plural(value: number | null, one: string, many: string) {
	return value === null ? '' : ` ${value === 1 ? one : many}`
}

function hoursAndDays(hours: number | null, days: number | null) {
	if (hours === null && days === null) return 'No contacts made yet'
	return `${formatNumber(hours)}${plural(hours, 'working hour', 'working hours')} (${formatNumber(days)}${plural(
		days,
		'working day',
		'working days'
	)})`
}

function Numeric({ children }: { children: ReactNode }) {
	return <td className="govuk-table__cell govuk-table__cell--numeric">{children}</td>
}

function Header({ children, numeric }: { children: ReactNode; numeric?: boolean }) {
	return (
		<th scope="col" className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`}>
			{children}
		</th>
	)
}

function GroupTable({ caption, heading, groups }: { caption: string; heading: string; groups: Group[] }) {
	if (groups.length === 0) return <p className="govuk-body">No enquiries in this period.</p>
	return (
		<div className="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
			<table className="govuk-table">
				<caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<Header>{heading}</Header>
						<Header numeric>Enquiries</Header>
						<Header numeric>With an outcome</Header>
						<Header numeric>Within target</Header>
						<Header numeric>Share within target</Header>
						<Header numeric>Median (working hours)</Header>
						<Header numeric>90th percentile (working hours)</Header>
						<Header numeric>Median (working days)</Header>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{groups.map((group) => (
						<tr key={group.key || 'none'} className="govuk-table__row">
							<th scope="row" className="govuk-table__header app-nowrap">
								{group.label}
							</th>
							<Numeric>{group.summary.started}</Numeric>
							<Numeric>{group.summary.counted}</Numeric>
							<Numeric>{group.summary.within}</Numeric>
							<Numeric>{shareCell(group.summary)}</Numeric>
							<Numeric>{formatNumber(group.summary.medianHours)}</Numeric>
							<Numeric>{formatNumber(group.summary.p90Hours)}</Numeric>
							<Numeric>{formatNumber(group.summary.median)}</Numeric>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function shareCell(summary: Summary) {
	return summary.share === null ? '–' : formatShare(summary.share)
}

function ClocksTable({ clocks }: { clocks: ResponseReport['clocks'] }) {
	return (
		<div className="app-table-scroll" role="region" aria-label="Every clock" tabIndex={0}>
			<table className="govuk-table">
				<caption className="govuk-table__caption govuk-table__caption--s">
					Each clock started in the period, against its target
				</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<Header>Clock</Header>
						<Header>Target</Header>
						<Header numeric>Started</Header>
						<Header numeric>With an outcome</Header>
						<Header numeric>Share within target</Header>
						<Header numeric>Median</Header>
						<Header numeric>90th percentile</Header>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{clocks.map((clock) => {
						const unit = clock.unit === 'days' ? 'days' : 'working days'
						const withUnit = (value: number | null) => (value === null ? '–' : `${formatNumber(value)} ${unit}`)
						return (
							<tr key={clock.key} className="govuk-table__row">
								<th scope="row" className="govuk-table__header">
									{clock.label}
								</th>
								<td className="govuk-table__cell">{clock.target}</td>
								<Numeric>{clock.summary.started}</Numeric>
								<Numeric>{clock.summary.counted}</Numeric>
								<Numeric>{shareCell(clock.summary)}</Numeric>
								<Numeric>{withUnit(clock.summary.median)}</Numeric>
								<Numeric>{withUnit(clock.summary.p90)}</Numeric>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}

function Breaches({
	breaches,
	search,
	csvHref,
}: {
	breaches: NonNullable<ResponseReport['breaches']>
	search: string
	csvHref: string
}) {
	return (
		<>
			<h2 className="govuk-heading-l" id="breaches">
				Targets missed
			</h2>
			<p className="govuk-body">
				{breaches.total === 0
					? 'No clock that started in this period has missed its target.'
					: `${breaches.total} ${breaches.total === 1 ? 'clock' : 'clocks'} missed ${
							breaches.total === 1 ? 'its target or is' : 'their target or are'
					  } running past it, the latest first.`}
			</p>
			{breaches.total > 0 ? (
				<>
					<div className="app-table-scroll" role="region" aria-label="Targets missed" tabIndex={0}>
						<table className="govuk-table">
							<caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">
								Targets missed, page {breaches.page} of {breaches.pages}
							</caption>
							<thead className="govuk-table__head">
								<tr className="govuk-table__row">
									<Header>Household</Header>
									<Header>Reference</Header>
									<Header>Clock</Header>
									<Header>Started</Header>
									<Header>Deadline</Header>
									<Header numeric>Days late</Header>
								</tr>
							</thead>
							<tbody className="govuk-table__body">
								{breaches.rows.map((row) => (
									<tr key={`${row.householdId}-${row.clock}-${row.startedOn}`} className="govuk-table__row">
										<td className="govuk-table__cell">{row.name}</td>
										<td className="govuk-table__cell app-nowrap">
											<Link className="govuk-link" to={householdHref(row.householdId)}>
												{row.reference}
											</Link>
										</td>
										<td className="govuk-table__cell">
											{row.clock}{' '}
											{row.status === 'overdue' ? (
												<strong className="govuk-tag govuk-tag--red">Overdue</strong>
											) : (
												<strong className="govuk-tag govuk-tag--grey">Missed</strong>
											)}
										</td>
										<td className="govuk-table__cell app-nowrap">{formatShortDate(row.startedOn)}</td>
										<td className="govuk-table__cell app-nowrap">{formatShortDate(row.deadline)}</td>
										<Numeric>{row.daysLate}</Numeric>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					<Pagination page={breaches.page} pages={breaches.pages} search={search} />
					<p className="govuk-body app-no-print">
						<a className="govuk-link" href={csvHref} download>
							Download the targets missed (CSV)
						</a>
					</p>
				</>
			) : null}
		</>
	)
}

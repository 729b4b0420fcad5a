import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { BarChart } from '~/components/charts.tsx'
import { DataTable, useTableCsvHref } from '~/components/data-table.tsx'
import { ErrorSummary, Radios } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { householdHref } from '~/components/pipeline.tsx'
import { HeadlineFigures, ReportFigure } from '~/components/report-figure.tsx'
import { ReportFilters } from '~/components/report-filters.tsx'
import { errorFor } from '~/domain/field-errors.ts'
import { periodWords, type ReportPeriod } from '~/domain/report-period.ts'
import {
	REPORT_ROUTE_LABELS,
	REPORT_ROUTES,
	RESPONSE_PERIOD,
	formatShare,
	hoursAndDays,
	parseReportQuery,
	type ReportRoute,
} from '~/domain/response-report.ts'
import { breachesTable, responseTable } from '~/domain/response-report-tables.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { loadResponseReport, type ResponseReport } from '~/models/response-report.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The response-time report: how well the service keeps its promises over a period. Everyone who
// may see the funnel figures sees the aggregates; the breach list (households by name) and the
// figures by named officer are for staff who may see households (ROLES_THAT.viewHouseholds). The
// tables are app/domain/response-report-tables.ts, which the CSV download writes too.

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
			<ReportFilters
				label="Choose the period"
				heading="Period"
				submit="Show report"
				preset={RESPONSE_PERIOD.preset}
				presetHref="/staff/reports/response-times"
				values={page.values}
				errors={page.errors}
			>
				<Radios
					name="route"
					legend="Route"
					hint="Kinship households are never mixed into the mainstream figures"
					error={errorFor(page.errors, 'route')}
					choices={REPORT_ROUTES.map((route) => ({ value: route, label: REPORT_ROUTE_LABELS[route] }))}
					selected={[page.values.route || 'mainstream']}
				/>
			</ReportFilters>
			{page.query && page.report ? (
				<Report report={page.report} period={page.query.period} route={page.query.route} personal={page.personal} />
			) : (
				<p className="govuk-body">Correct the period to see the report.</p>
			)}
		</>
	)
}

type ReportProps = { report: ResponseReport; period: ReportPeriod; route: ReportRoute; personal: boolean }

function Report({ report, period, route, personal }: ReportProps) {
	const csv = useTableCsvHref('/staff/reports/response-times.csv')
	return (
		<>
			<p className="govuk-body-l" role="status">
				{periodWords(period)}, {REPORT_ROUTE_LABELS[route].toLowerCase()} households
			</p>
			<FirstContact report={report} csv={csv} />
			<h2 className="govuk-heading-l">Every clock</h2>
			<DataTable table={responseTable('clocks', report)!} csvHref={csv('clocks')} />
			{report.breaches ? (
				<Breaches breaches={report.breaches} csvHref={csv('breaches')} />
			) : personal ? null : (
				<p className="govuk-body">
					The list of households that missed a target is shown to staff who work with households.
				</p>
			)}
			<ResponseTimesExplained />
		</>
	)
}

function FirstContact({ report, csv }: { report: ResponseReport; csv: (table: string) => string }) {
	const { overall, weeks } = report.firstContact
	const officers = responseTable('officers', report)
	const empty = 'No enquiries in this period.'
	return (
		<>
			<h2 className="govuk-heading-l">Enquiry to first personal contact</h2>
			<HeadlineFigures
				figures={[
					{
						label: 'Contacted within target',
						value: `${formatShare(overall.share)}${overall.counted > 0 ? ` (${overall.within} of ${overall.counted})` : ''}`,
					},
					{ label: 'Median time to first contact', value: hoursAndDays(overall.medianHours, overall.median) },
					{ label: '90th percentile', value: hoursAndDays(overall.p90Hours, overall.p90) },
					{
						label: 'Enquiries in the period',
						value: `${overall.started} (${overall.running} still within target or on hold, ${overall.stopped} stopped)`,
					},
				]}
			/>
			<ReportFigure
				heading="Share within target, week by week"
				level={3}
				id="weekly-share"
				title="Share of enquiries contacted within target, by week"
				summary={report.firstContact.sentence}
				note="Weeks with no outcome yet show a dash."
				chart={(naming) => (
					<BarChart
						{...naming}
						values={weeks.map((week) => ({ label: week.label.replace(/ \d{4}$/, ''), value: week.summary.share }))}
						max={1}
						format={(value) => `${Math.round(value * 100)}%`}
						axisLabel="Share within target"
					/>
				)}
				table={responseTable('weekly', report)!}
				csvHref={csv('weekly')}
				empty={empty}
			/>
			<h3 className="govuk-heading-m">By channel</h3>
			<DataTable table={responseTable('channels', report)!} csvHref={csv('channels')} empty={empty} />
			{officers ? (
				<>
					<h3 className="govuk-heading-m">By officer</h3>
					<p className="govuk-body">
						The member of staff who recorded the first contact; for a contact still awaited, the household’s owner.
					</p>
					<DataTable table={officers} csvHref={csv('officers')} empty={empty} />
				</>
			) : null}
		</>
	)
}

function Breaches({ breaches, csvHref }: { breaches: NonNullable<ResponseReport['breaches']>; csvHref: string }) {
	const { search } = useLocation()
	const { total, page, pages, rows } = breaches
	// A link to each household, and its status as a tag, where the file has words.
	const renderCell = (column: number, row: number, text: string) => {
		if (column === 1)
			return (
				<Link className="govuk-link" to={householdHref(rows[row]!.householdId)}>
					{text}
				</Link>
			)
		if (column === 3)
			return (
				<strong className={`govuk-tag govuk-tag--${rows[row]!.status === 'overdue' ? 'red' : 'grey'}`}>{text}</strong>
			)
		return undefined
	}
	return (
		<>
			<h2 className="govuk-heading-l" id="breaches">
				Targets missed
			</h2>
			<p className="govuk-body">
				{total === 0
					? 'No clock that started in this period has missed its target.'
					: `${total} ${total === 1 ? 'clock' : 'clocks'} missed ${
							total === 1 ? 'its target or is' : 'their target or are'
						} running past it, the latest first.`}
			</p>
			{total > 0 ? (
				<>
					<DataTable
						table={breachesTable(rows, `Targets missed, page ${page} of ${pages}`)}
						labelledBy="breaches"
						renderCell={renderCell}
					/>
					<Pagination page={page} pages={pages} search={search} />
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

function ResponseTimesExplained() {
	return (
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
	)
}

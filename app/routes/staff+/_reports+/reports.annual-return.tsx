import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/charts.tsx'
import { DataTable } from '~/components/data-table.tsx'
import { ErrorSummary, Select } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import { ReportFigure } from '~/components/report-figure.tsx'
import { annualReturnSentence, withdrawalSentence, type AnnualReturn } from '~/domain/annual-return.ts'
import { annualReturnTables, type ReturnTable } from '~/domain/annual-return-tables.ts'
import { ofstedYear, ofstedYearChoices, parseOfstedYear, type OfstedYearChoice } from '~/domain/report-period.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { earliestEnquiry, loadAnnualReturn } from '~/models/annual-return.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The annual return (issue 6): the recruitment figures Ofsted's fostering data collection asks
// for, for one year to 31 March, on one page with one CSV. Aggregates only, like the funnel, so
// every role that may see the funnel sees it. The tables are app/domain/annual-return-tables.ts,
// which the CSV writes too; the year is app/domain/report-period.ts's Ofsted year.

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Annual return').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const years = ofstedYearChoices(today(), await earliestEnquiry())
	const { year, value, error } = parseOfstedYear(new URL(request.url).searchParams, years)
	if (!year) return data({ years, value, error, year: null, figures: null }, { status: 400 })
	const period = ofstedYear(year.year)
	const figures = await loadAnnualReturn(period)
	return data({ years, value, error, year: { ...year, period }, figures })
}

export default function AnnualReturnPage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = page.error ? [{ field: 'year', message: page.error }] : []
	return (
		<>
			<title>{`${page.error ? 'Error: ' : ''}Annual return – ${serviceName} staff`}</title>
			<ErrorSummary errors={errors} />
			<h1 className="govuk-heading-l">Annual return</h1>
			<p className="govuk-body">
				The recruitment figures Ofsted’s annual fostering data collection asks for, for a year from 1 April to 31 March.
				Figures only: no household is named here. See the <Link to="/staff/funnel">funnel</Link> for where and why
				households leave.
			</p>
			<Form method="get" className="app-no-print" aria-label="Choose the year" role="search">
				<Select
					name="year"
					label="Year"
					error={page.error ?? undefined}
					options={page.years.map((choice) => ({ value: String(choice.year), label: choice.label }))}
					defaultValue={page.value}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Show figures
				</button>
			</Form>
			{page.year && page.figures ? (
				<Figures year={page.year} figures={page.figures} />
			) : (
				<p className="govuk-body">Choose a year from the list to see its figures.</p>
			)}
		</>
	)
}

function Figures({
	year,
	figures,
}: {
	year: OfstedYearChoice & { period: { from: string; to: string } }
	figures: AnnualReturn
}) {
	return (
		<>
			<h2 className="govuk-heading-m">{year.label}</h2>
			{year.partial ? (
				<div className="govuk-inset-text">This year is not over yet: the figures are the year so far.</div>
			) : null}
			<p className="govuk-body-l" role="status">
				{annualReturnSentence(figures)}
			</p>
			{figures.uncoded > 0 ? <UncodedWarning uncoded={figures.uncoded} /> : null}
			{annualReturnTables(figures, year.period).map((table) =>
				table.key === 'withdrawals' ? (
					<WithdrawalsFigure key={table.key} figures={figures} table={table} />
				) : (
					<DataTable key={table.key} table={table} />
				)
			)}
			<p className="govuk-body app-no-print">
				<a className="govuk-link" href={`/staff/reports/annual-return.csv?year=${year.year}`} download>
					Download the annual return for {year.label} (CSV)
				</a>
			</p>
			<AnnualReturnExplained />
		</>
	)
}

function UncodedWarning({ uncoded }: { uncoded: number }) {
	return (
		<div className="govuk-warning-text">
			<span className="govuk-warning-text__icon" aria-hidden="true">
				!
			</span>
			<strong className="govuk-warning-text__text">
				<span className="govuk-visually-hidden">Warning</span>
				{uncoded.toLocaleString('en-GB')} {uncoded === 1 ? 'withdrawal has' : 'withdrawals have'} no Ofsted code (no
				reason recorded, or a reason without a code) and {uncoded === 1 ? 'is' : 'are'} counted as AW0.
			</strong>
		</div>
	)
}

/** The return's tables stand under the year's heading, so this figure has none of its own. */
function WithdrawalsFigure({ figures, table }: { figures: AnnualReturn; table: ReturnTable }) {
	return (
		<ReportFigure
			id="withdrawals"
			title="Applications withdrawn before panel, by Ofsted withdrawal code"
			summary={withdrawalSentence(figures)}
			chart={(naming) => (
				<BarChart
					{...naming}
					values={figures.withdrawals.map((row) => ({ label: row.code, value: row.count }))}
					// A multiple of the 4 grid lines, so each line is a whole number of households.
					max={Math.max(4, Math.ceil(Math.max(...figures.withdrawals.map((row) => row.count)) / 4) * 4)}
					format={(value) => value.toLocaleString('en-GB')}
					axisLabel="Households"
				/>
			)}
			table={table}
		/>
	)
}

function AnnualReturnExplained() {
	return (
		<FiguresExplained>
			<li>
				Enquiries, applications and approvals count the households that first reached each stage in the year, as the
				funnel’s period mode does. A household that enquired in an earlier year counts as an enquiry then, not again.
			</li>
			<li>
				A withdrawal before panel is a household that had applied and withdrew in the year from Application, Stage 1,
				Stage 2 or Panel, before the panel’s recommendation. Its Ofsted code is the one set for its reason in Settings,
				Exit reasons. Households that withdrew before applying are shown for context only: they are not part of the
				return.
			</li>
			<li>
				Time from application to approval is in calendar days, for the households approved in the year. Within 8 months
				means on or before the same date 8 months after the application.
			</li>
			<li>Kinship (family and friends) households are counted apart and are not in the mainstream figures.</li>
		</FiguresExplained>
	)
}

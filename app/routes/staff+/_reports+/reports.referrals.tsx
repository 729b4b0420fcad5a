import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { BarChart } from '~/components/charts.tsx'
import { DateInput, ErrorSummary } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import { formatPounds } from '~/domain/bonus-scheme.ts'
import { formatShare, parseReferralReportQuery, type Period } from '~/domain/referral-report.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames, type StageKey } from '~/domain/stages.ts'
import { formatDate } from '~/domain/working-days.ts'
import { loadReferralReport, type ReferralReport } from '~/models/referral-report.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// The referral report: what refer-a-friend brings in and what it costs, the evidence for or
// against raising the bonus. Aggregates only (no household's or carer's details).

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Referral report').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewReferralReports })
	const { period, values, errors } = parseReferralReportQuery(new URL(request.url).searchParams, today())
	const [report, config] = await Promise.all([period ? loadReferralReport(period) : null, getServiceConfig()])
	return data(
		{ values, errors, period, report, stageNames: stageNames(config.stageNames) },
		{ status: errors.length > 0 ? 400 : 200 }
	)
}

export default function ReferralReportPage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<>
			<title>{`${page.errors.length > 0 ? 'Error: ' : ''}Referral report – ${serviceName} staff`}</title>
			<ErrorSummary errors={page.errors} />
			<h1 className="govuk-heading-l">Referral report</h1>
			<p className="govuk-body">
				What refer-a-friend brings in and what it costs: referrals made, how referred households progress compared with
				everyone else, and the bonuses paid.
			</p>
			<Form method="get" className="app-filters app-no-print" aria-label="Choose the period" role="search">
				<h2 className="govuk-heading-m">Households who enquired</h2>
				<div className="app-filters__grid">
					<DateInput
						name="from"
						legend="From"
						hint="For example, 1 1 2026"
						error={errorFor(page.errors, 'from')}
						defaultValue={page.values.from}
					/>
					<DateInput
						name="to"
						legend="To"
						hint="For example, 31 12 2026"
						error={errorFor(page.errors, 'to')}
						defaultValue={page.values.to}
					/>
				</div>
				<div className="govuk-button-group">
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Show report
					</button>
					<Link className="govuk-link" to="/staff/reports/referrals">
						Last 12 months
					</Link>
				</div>
			</Form>
			{page.period && page.report ? (
				<Report report={page.report} period={page.period} names={page.stageNames} />
			) : (
				<p className="govuk-body">Correct the period to see the report.</p>
			)}
		</>
	)
}

function Report({
	report,
	period,
	names,
}: {
	report: ReferralReport
	period: Period
	names: Record<StageKey, string>
}) {
	const { search } = useLocation()
	const csv = (table: 'months' | 'stages') => {
		const params = new URLSearchParams(search)
		params.set('table', table)
		return `/staff/reports/referrals.csv?${params.toString()}`
	}
	const spendMax = Math.max(0, ...report.spendByMonth.map((month) => month.pence))
	const referralMax = Math.max(0, ...report.referralsByMonth.map((month) => month.made))
	return (
		<>
			<p className="govuk-body-l" role="status">
				{formatDate(period.from)} to {formatDate(period.to)}
			</p>
			<dl className="govuk-summary-list">
				<SummaryRow label="Referrals made">{report.referralsMade}</SummaryRow>
				<SummaryRow label="Enquiries from referrals">{report.enquiriesFromReferrals}</SummaryRow>
				<SummaryRow label="Approvals from referrals">{report.approvalsFromReferrals}</SummaryRow>
				<SummaryRow label="Bonuses paid in the period">{formatPounds(report.spendInPeriodPence)}</SummaryRow>
				<SummaryRow label="Cost per approved household through referrals">
					{report.costPerApprovedPence === null
						? 'No referred household approved yet'
						: `${formatPounds(report.costPerApprovedPence)} (${formatPounds(report.paidForReferredPence)} paid for ${
								report.approvalsFromReferrals
						  } ${report.approvalsFromReferrals === 1 ? 'household' : 'households'})`}
				</SummaryRow>
			</dl>

			<h2 className="govuk-heading-l">Referred households against others</h2>
			<p className="govuk-body">
				The share of households who enquired in the period that reached each stage: {report.conversion.referredTotal}{' '}
				referred, {report.conversion.othersTotal} others.
			</p>
			<div className="app-table-scroll" role="region" aria-label="Referred households against others" tabIndex={0}>
				<table className="govuk-table">
					<caption className="govuk-table__caption govuk-table__caption--s">
						Households reaching each stage, referred and others
					</caption>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<Header>Stage</Header>
							<Header numeric>Referred households</Header>
							<Header numeric>Share of referred</Header>
							<Header numeric>Other households</Header>
							<Header numeric>Share of others</Header>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{report.conversion.stages.map((row) => (
							<tr key={row.stage} className="govuk-table__row">
								<th scope="row" className="govuk-table__header">
									{names[row.stage]}
								</th>
								<Numeric>{row.referred.reached}</Numeric>
								<Numeric>{formatShare(row.referred.share)}</Numeric>
								<Numeric>{row.others.reached}</Numeric>
								<Numeric>{formatShare(row.others.share)}</Numeric>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<p className="govuk-body app-no-print">
				<a className="govuk-link" href={csv('stages')} download>
					Download the stages (CSV)
				</a>
			</p>

			<h2 className="govuk-heading-l">Referrals made, by month</h2>
			<figure className="app-chart-figure">
				<BarChart
					id="referrals-by-month"
					title="Referrals made, by month"
					description="The number of referrals made each month of the period. The same figures are in the table below."
					values={report.referralsByMonth.map((month) => ({ label: month.label, value: month.made }))}
					max={Math.max(4, referralMax)}
					format={(value) => String(Math.round(value))}
					axisLabel="Referrals"
				/>
			</figure>

			<h2 className="govuk-heading-l">Bonus spend, by month</h2>
			<figure className="app-chart-figure">
				<BarChart
					id="spend-by-month"
					title="Bonuses paid, by month"
					description="The total of bonuses paid each month of the period, by the date paid. The same figures are in the table below."
					values={report.spendByMonth.map((month) => ({ label: month.label, value: month.pence }))}
					max={Math.max(100_000, spendMax)}
					format={(value) => formatPounds(Math.round(value))}
					axisLabel="Bonuses paid"
				/>
			</figure>

			<div className="app-table-scroll" role="region" aria-label="Referrals and bonuses by month" tabIndex={0}>
				<table className="govuk-table">
					<caption className="govuk-table__caption govuk-table__caption--s">Referrals and bonuses, by month</caption>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<Header>Month</Header>
							<Header numeric>Referrals made</Header>
							<Header numeric>Counted</Header>
							<Header numeric>Not eligible</Header>
							<Header numeric>Bonuses paid</Header>
							<Header numeric>Amount paid</Header>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{report.referralsByMonth.map((month, index) => (
							<tr key={month.month} className="govuk-table__row">
								<th scope="row" className="govuk-table__header app-nowrap">
									{month.label}
								</th>
								<Numeric>{month.made}</Numeric>
								<Numeric>{month.counted}</Numeric>
								<Numeric>{month.notEligible}</Numeric>
								<Numeric>{report.spendByMonth[index]!.bonuses}</Numeric>
								<Numeric>{formatPounds(report.spendByMonth[index]!.pence)}</Numeric>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<p className="govuk-body app-no-print">
				<a className="govuk-link" href={csv('months')} download>
					Download the months (CSV)
				</a>
			</p>

			<FiguresExplained>
				<li>
					Households are mainstream households whose first enquiry was in the period. Kinship households are not
					included: they follow another route and cannot earn a bonus.
				</li>
				<li>
					A household is referred when someone referred it and staff did not detach the referral, whether or not a bonus
					is due.
				</li>
				<li>
					A household reached a stage when it ever got that far, even if it left or moved back later. The share is out
					of all the households in its group.
				</li>
				<li>Referrals made are counted by the date of the referral, bonuses by the date they were paid.</li>
				<li>
					Cost per approved household: every bonus paid so far for the referred households who enquired in the period
					(including welcome bonuses), divided by how many of them were approved.
				</li>
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

import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/charts.tsx'
import { DataTable, useTableCsvHref } from '~/components/data-table.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import { HeadlineFigures, ReportFigure } from '~/components/report-figure.tsx'
import { ReportFilters } from '~/components/report-filters.tsx'
import { formatPounds } from '~/domain/bonus-scheme.ts'
import { REFERRAL_PERIOD, referralsSentence, spendSentence } from '~/domain/referral-report.ts'
import { referralTable } from '~/domain/referral-report-tables.ts'
import { chartMonthLabel, parsePeriod, periodWords, type ReportPeriod } from '~/domain/report-period.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames, type StageKey } from '~/domain/stages.ts'
import { loadReferralReport, type ReferralReport } from '~/models/referral-report.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The referral report: what refer-a-friend brings in and what it costs, the evidence for or
// against raising the bonus. Aggregates only (no household's or carer's details). The tables are
// app/domain/referral-report-tables.ts, which the CSV download writes too.

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Referral report').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.viewReferralReports })
	const { period, values, errors } = parsePeriod(new URL(request.url).searchParams, today(), REFERRAL_PERIOD)
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
			<ReportFilters
				label="Choose the period"
				heading="Households who enquired"
				submit="Show report"
				preset={REFERRAL_PERIOD.preset}
				presetHref="/staff/reports/referrals"
				values={page.values}
				errors={page.errors}
			/>
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
	period: ReportPeriod
	names: Record<StageKey, string>
}) {
	const csv = useTableCsvHref('/staff/reports/referrals.csv')
	return (
		<>
			<p className="govuk-body-l" role="status">
				{periodWords(period)}
			</p>
			<Headlines report={report} />
			<h2 className="govuk-heading-l">Referred households against others</h2>
			<p className="govuk-body">
				The share of households who enquired in the period that reached each stage: {report.conversion.referredTotal}{' '}
				referred, {report.conversion.othersTotal} others.
			</p>
			<DataTable table={referralTable('stages', report, names)} csvHref={csv('stages')} />
			<ReportFigure
				heading="Referrals made, by month"
				id="referrals-by-month"
				title="Referrals made, by month"
				summary={referralsSentence(report.referralsByMonth)}
				chart={(naming) => (
					<BarChart
						{...naming}
						values={report.referralsByMonth.map((month) => ({
							label: chartMonthLabel(month.month),
							value: month.made,
						}))}
						max={Math.max(4, ...report.referralsByMonth.map((month) => month.made))}
						format={(value) => String(Math.round(value))}
						axisLabel="Referrals"
					/>
				)}
			/>
			<ReportFigure
				heading="Bonus spend, by month"
				id="spend-by-month"
				title="Bonuses paid, by month"
				summary={spendSentence(report.spendByMonth)}
				chart={(naming) => (
					<BarChart
						{...naming}
						values={report.spendByMonth.map((month) => ({ label: chartMonthLabel(month.month), value: month.pence }))}
						max={Math.max(100_000, ...report.spendByMonth.map((month) => month.pence))}
						format={(value) => formatPounds(Math.round(value))}
						axisLabel="Bonuses paid"
					/>
				)}
				table={referralTable('months', report, names)}
				csvHref={csv('months')}
			/>
			<ReferralsExplained />
		</>
	)
}

function Headlines({ report }: { report: ReferralReport }) {
	const approved = report.approvalsFromReferrals
	return (
		<HeadlineFigures
			figures={[
				{ label: 'Referrals made', value: report.referralsMade },
				{ label: 'Enquiries from referrals', value: report.enquiriesFromReferrals },
				{ label: 'Approvals from referrals', value: approved },
				{ label: 'Bonuses paid in the period', value: formatPounds(report.spendInPeriodPence) },
				{
					label: 'Cost per approved household through referrals',
					value:
						report.costPerApprovedPence === null
							? 'No referred household approved yet'
							: `${formatPounds(report.costPerApprovedPence)} (${formatPounds(report.paidForReferredPence)} paid for ${approved} ${
									approved === 1 ? 'household' : 'households'
								})`,
				},
			]}
		/>
	)
}

function ReferralsExplained() {
	return (
		<FiguresExplained>
			<li>
				Households are mainstream households whose first enquiry was in the period. Kinship households are not included:
				they follow another route and cannot earn a bonus.
			</li>
			<li>
				A household is referred when someone referred it and staff did not detach the referral, whether or not a bonus
				is due.
			</li>
			<li>
				A household reached a stage when it ever got that far, even if it left or moved back later. The share is out of
				all the households in its group.
			</li>
			<li>Referrals made are counted by the date of the referral, bonuses by the date they were paid.</li>
			<li>
				Cost per approved household: every bonus paid so far for the referred households who enquired in the period
				(including welcome bonuses), divided by how many of them were approved.
			</li>
		</FiguresExplained>
	)
}

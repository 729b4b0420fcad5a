import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { FunnelChart, GroupedBarChart, StackedBarChart } from '~/components/charts.tsx'
import { DataTable, useTableCsvHref } from '~/components/data-table.tsx'
import { ErrorSummary, Radios, Select } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import { ReportFigure } from '~/components/report-figure.tsx'
import { PeriodKept, ReportFilters } from '~/components/report-filters.tsx'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import {
	BREAKDOWN_LABELS,
	COMPARISON_LABELS,
	COMPARISONS,
	ENDED_BY,
	ENDED_BY_LABELS,
	FUNNEL_MODE_LABELS,
	FUNNEL_MODES,
	FUNNEL_PERIOD,
	NATIONAL,
	NATIONAL_LATEST,
	allowedBreakdowns,
	biggestLoss,
	exitSentence,
	formatPercent,
	funnelScope,
	funnelSentence,
	nationalComparison,
	nationalSentence,
	parseFunnelQuery,
	trendSentence,
	type Breakdown,
	type FunnelFormValues,
	type FunnelQuery,
} from '~/domain/funnel.ts'
import { funnelTable, type FunnelTableKey } from '~/domain/funnel-tables.ts'
import { chartMonthLabel } from '~/domain/report-period.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { funnelChannels, loadFunnel, type Funnel } from '~/models/funnel.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The funnel (issue 6): where the service loses families, why, and how long each step takes, in
// one screen. Aggregates only, so every role that may see figures sees it, and no name is shown.
// Each figure is a chart with its table (app/components/report-figure.tsx); the tables are
// app/domain/funnel-tables.ts, which the CSV download writes too.

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Funnel').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewFunnel })
	const channels = await funnelChannels()
	const breakdowns = allowedBreakdowns(roleCan(user.role, 'viewHouseholds'))
	const { query, values, errors } = parseFunnelQuery(
		new URL(request.url).searchParams,
		today(),
		channels.map((channel) => channel.key),
		breakdowns
	)
	const funnel = query ? await loadFunnel(query, await getServiceConfig()) : null
	return data(
		{
			values,
			errors,
			query,
			funnel,
			breakdowns,
			channels: channels.map((channel) => ({
				key: channel.key,
				label: channel.retiredAt ? `${channel.label} (retired)` : channel.label,
			})),
		},
		{ status: errors.length > 0 ? 400 : 200 }
	)
}

export default function FunnelPage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return (
		<>
			<title>{`${page.errors.length > 0 ? 'Error: ' : ''}Funnel – ${serviceName} staff`}</title>
			<ErrorSummary errors={page.errors} />
			<h1 className="govuk-heading-l">Funnel</h1>
			<p className="govuk-body">
				Where the service loses families, why, and how long each step takes. Figures only: no household is named here.
				Ofsted’s figures for a year to 31 March are in the{' '}
				<Link className="govuk-link" to="/staff/reports/annual-return">
					annual return
				</Link>
				.
			</p>
			<FunnelFilters values={page.values} errors={page.errors} channels={page.channels} breakdowns={page.breakdowns} />
			{page.query && page.funnel ? (
				<Figures
					funnel={page.funnel}
					query={page.query}
					values={page.values}
					breakdowns={page.breakdowns}
					channelLabel={page.channels.find((channel) => channel.key === page.query!.channel)?.label ?? null}
				/>
			) : (
				<p className="govuk-body">Correct the choices above to see the figures.</p>
			)}
		</>
	)
}

function FunnelFilters({
	values,
	errors,
	channels,
	breakdowns,
}: {
	values: FunnelFormValues
	errors: readonly FieldError[]
	channels: readonly { key: string; label: string }[]
	breakdowns: readonly Breakdown[]
}) {
	return (
		<ReportFilters
			label="Choose the figures"
			heading="What to count"
			submit="Show figures"
			preset={FUNNEL_PERIOD.preset}
			presetHref="/staff/funnel"
			values={values}
			errors={errors}
			before={
				<Radios
					name="mode"
					legend="Count"
					error={errorFor(errors, 'mode')}
					choices={FUNNEL_MODES.map((mode) => ({ value: mode, label: FUNNEL_MODE_LABELS[mode] }))}
					selected={[values.mode]}
				/>
			}
			// The breakdown chosen lower down, kept (unless it was the mistake).
			after={
				<input type="hidden" name="by" value={(breakdowns as string[]).includes(values.by) ? values.by : 'channel'} />
			}
		>
			<Select
				name="channel"
				label="Channel"
				hint="How households first found the service"
				error={errorFor(errors, 'channel')}
				options={[{ value: '', label: 'All channels' }, ...channels.map(({ key, label }) => ({ value: key, label }))]}
				defaultValue={values.channel}
			/>
			<Select
				name="compare"
				label="Compare with"
				error={errorFor(errors, 'compare')}
				options={[
					{ value: '', label: 'Nothing' },
					...COMPARISONS.map((compare) => ({ value: compare, label: COMPARISON_LABELS[compare] })),
				]}
				defaultValue={values.compare}
			/>
		</ReportFilters>
	)
}

type FiguresProps = {
	funnel: Funnel
	query: FunnelQuery
	values: FunnelFormValues
	breakdowns: Breakdown[]
	channelLabel: string | null
}

function Figures({ funnel, query, values, breakdowns, channelLabel }: FiguresProps) {
	const csv = useTableCsvHref('/staff/funnel.csv')
	const table = (key: FunnelTableKey) => funnelTable(key, funnel)
	return (
		<>
			<p className="govuk-body-l" role="status">
				{funnelScope(query, channelLabel, funnel.comparison?.period ?? null)}
			</p>
			<StagesFigure funnel={funnel} query={query} csv={csv} />
			<ExitsFigure funnel={funnel} csvHref={csv('exits')} />
			<h2 className="govuk-heading-l">Time in each stage</h2>
			<p className="govuk-body">
				Working days from entering a stage to leaving it, not counting time on hold, for the households counted above
				that have left the stage. Targets are the service’s response-time targets where one covers the stage alone.
			</p>
			<DataTable table={table('time')} csvHref={csv('time')} />
			<BreakdownSection table={table('breakdown')} csvHref={csv('breakdown')} {...{ query, values, breakdowns }} />
			<NationalSection funnel={funnel} query={query} csvHref={csv('national')} />
			<MonthsFigure funnel={funnel} csvHref={csv('months')} />
			<h2 className="govuk-heading-l">Kinship</h2>
			<p className="govuk-body">
				Kinship (family and friends) households follow another route and are never mixed into the figures above.{' '}
				{funnelSentence(funnel.kinship.rows, query.mode, funnel.kinship.outcome ?? undefined)}
			</p>
			<DataTable table={table('kinship')} csvHref={csv('kinship')} />
			<FunnelExplained />
		</>
	)
}

function ExitsFigure({ funnel, csvHref }: { funnel: Funnel; csvHref: string }) {
	const { rows } = funnel.mainstream
	// Every stage but Approved, unless some left from it (as the table lists them).
	const stages = rows.filter((row) => row.stage !== 'approved' || row.left > 0)
	return (
		<ReportFigure
			heading="Where households leave and why"
			id="exits"
			title="Households that left, by stage and by who ended it"
			summary={exitSentence(rows)}
			chart={(naming) => (
				<StackedBarChart
					{...naming}
					series={ENDED_BY.map((endedBy) => ENDED_BY_LABELS[endedBy])}
					bars={stages.map((row) => ({ label: row.name, parts: ENDED_BY.map((endedBy) => row.leftBy[endedBy]) }))}
				/>
			)}
			table={funnelTable('exits', funnel)}
			csvHref={csvHref}
		/>
	)
}

function StagesFigure({ funnel, query, csv }: { funnel: Funnel; query: FunnelQuery; csv: (table: string) => string }) {
	const { rows, outcome } = funnel.mainstream
	const sentence = funnelSentence(rows, query.mode, outcome ?? undefined)
	const loss = biggestLoss(rows)
	return (
		<ReportFigure
			heading="The funnel"
			id="funnel"
			title={query.mode === 'period' ? 'Households entering each stage' : 'How far the cohort got'}
			summary={
				loss && loss.fromPrevious !== null
					? `${sentence} The biggest loss is on the way to ${loss.name}: ${formatPercent(loss.fromPrevious)} of the stage before went on.`
					: sentence
			}
			chart={(naming) => (
				<FunnelChart
					{...naming}
					bars={rows.map((row) => ({
						label: row.name,
						value: row.count,
						note: row.fromPrevious === null ? undefined : `${formatPercent(row.fromPrevious)} of previous`,
					}))}
				/>
			)}
			table={funnelTable('stages', funnel)}
			csvHref={csv('stages')}
		>
			{query.mode === 'period' ? (
				<p className="govuk-body">
					In period mode each stage counts the households that entered it in the dates, whenever they enquired, so a
					conversion can pass 100% when households that reached the stage before it did so before the dates began.
				</p>
			) : null}
		</ReportFigure>
	)
}

function BreakdownSection({
	table,
	csvHref,
	query,
	values,
	breakdowns,
}: {
	table: ReturnType<typeof funnelTable>
	csvHref: string
	query: FunnelQuery
	values: FunnelFormValues
	breakdowns: Breakdown[]
}) {
	return (
		<>
			<h2 className="govuk-heading-l">What brings households that are approved</h2>
			<Form method="get" className="app-no-print" aria-label="Choose a breakdown">
				{/* The figures' other choices, kept as they are. */}
				<input type="hidden" name="mode" value={values.mode} />
				<PeriodKept values={values} />
				<input type="hidden" name="channel" value={values.channel} />
				<input type="hidden" name="compare" value={values.compare} />
				<Select
					name="by"
					label="Break down by"
					options={breakdowns.map((breakdown) => ({ value: breakdown, label: BREAKDOWN_LABELS[breakdown] }))}
					defaultValue={query.breakdown}
				/>
				<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
					Show breakdown
				</button>
			</Form>
			<DataTable table={table} csvHref={csvHref} />
		</>
	)
}

function NationalSection({ funnel, query, csvHref }: { funnel: Funnel; query: FunnelQuery; csvHref: string }) {
	const count = (value: number) => value.toLocaleString('en-GB')
	const step = (key: keyof typeof NATIONAL) => {
		const { year, yearEnded, from, to } = NATIONAL[key]
		return `${count(to.count)} ${to.noun} from ${count(from.count)} ${from.noun} in the year to ${yearEnded} (${year})`
	}
	return (
		<>
			<h2 className="govuk-heading-l">Compared with England</h2>
			<p className="govuk-body">
				England’s figures are Ofsted’s counts for the latest year that has both counts of each step:{' '}
				{step('enquiry_to_application')}; {step('application_to_approval')}. They are counts within one year, like
				period mode.
				{query.mode === 'cohort'
					? ' A cohort followed through usually converts more than a year’s counts suggest.'
					: ''}{' '}
				One household often enquires with several services, so England’s enquiries are inflated.
			</p>
			<p className="govuk-body">
				Ofsted’s latest figures, for {NATIONAL_LATEST.year}, count no enquiries or approvals: at{' '}
				{NATIONAL_LATEST.yearEnded} England had {count(NATIONAL_LATEST.mainstreamHouseholds)} mainstream fostering
				households, and {count(NATIONAL_LATEST.deregistered)} left fostering during the year.
			</p>
			<p className="govuk-body">{nationalSentence(nationalComparison(funnel.mainstream.rows))}</p>
			<DataTable table={funnelTable('national', funnel)} csvHref={csvHref} />
		</>
	)
}

function MonthsFigure({ funnel, csvHref }: { funnel: Funnel; csvHref: string }) {
	return (
		<ReportFigure
			heading="Month by month"
			id="months"
			title="Enquiries, applications and approvals by month"
			summary={trendSentence(funnel.months)}
			chart={(naming) => (
				<GroupedBarChart
					{...naming}
					series={['Enquiries', 'Applications', 'Approvals']}
					groups={funnel.months.map((month) => ({
						label: chartMonthLabel(month.month),
						values: [month.enquiries, month.applications, month.approvals],
					}))}
					axisLabel="Households"
				/>
			)}
			table={funnelTable('months', funnel)}
			csvHref={csvHref}
		/>
	)
}

function FunnelExplained() {
	return (
		<FiguresExplained>
			<li>
				Period: each stage counts the households that first entered it within the dates; households that left are those
				that left within the dates. This is how Ofsted counts a year.
			</li>
			<li>
				Cohort: the households whose first enquiry fell within the dates, followed through to today: how many reached
				each stage, how many are still in it, and how many left from it. Approved, still in progress and left add up to
				the enquiries.
			</li>
			<li>A household that was reopened counts once, from the first time it entered each stage.</li>
			<li>Stage 1 and Stage 2 can run at the same time: a household counts in both.</li>
			<li>
				Time in Stage 1 counts only households with a recorded Stage 1 completion. Without one, the time up to Panel or
				leaving would be Stage 1 and Stage 2 together, so it is left out.
			</li>
			<li>The median is the middle time. The 90th percentile is the time 9 in 10 were at or under (nearest rank).</li>
		</FiguresExplained>
	)
}

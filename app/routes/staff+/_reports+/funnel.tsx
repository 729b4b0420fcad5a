import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { FunnelChart, GroupedBarChart, StackedBarChart } from '~/components/charts.tsx'
import { DataTable } from '~/components/data-table.tsx'
import { DateInput, ErrorSummary, Radios, Select } from '~/components/form.tsx'
import { FiguresExplained } from '~/components/figures-explained.tsx'
import {
	BREAKDOWN_LABELS,
	COMPARISON_LABELS,
	COMPARISONS,
	ENDED_BY,
	ENDED_BY_LABELS,
	FUNNEL_MODE_LABELS,
	FUNNEL_MODES,
	NATIONAL,
	allowedBreakdowns,
	biggestLoss,
	formatPercent,
	funnelSentence,
	monthLabel,
	nationalComparison,
	parseFunnelQuery,
	trendSentence,
	type Breakdown,
	type FunnelFormValues,
	type FunnelQuery,
	type StageRow,
} from '~/domain/funnel.ts'
import {
	breakdownTable,
	exitsTable,
	monthsTable,
	nationalTable,
	stagesTable,
	timeTable,
	type FunnelTableKey,
} from '~/domain/funnel-tables.ts'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { funnelChannels, loadFunnel, type Funnel } from '~/models/funnel.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// The funnel (issue 6): where the service loses families, why, and how long each step takes, in
// one screen. Aggregates only, so every role that may see figures sees it, and no name is shown.

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
	const { search } = useLocation()
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
			{/* Keyed on the query so the fields show the figures' filters after a link changes them. */}
			<Form
				key={search}
				method="get"
				className="app-filters app-no-print"
				aria-label="Choose the figures"
				role="search"
			>
				<h2 className="govuk-heading-m">What to count</h2>
				<Radios
					name="mode"
					legend="Count"
					error={errorFor(page.errors, 'mode')}
					choices={FUNNEL_MODES.map((mode) => ({ value: mode, label: FUNNEL_MODE_LABELS[mode] }))}
					selected={[page.values.mode]}
				/>
				<div className="app-filters__grid">
					<DateInput
						name="from"
						legend="From"
						hint="For example, 1 4 2025"
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
					<Select
						name="channel"
						label="Channel"
						hint="How households first found the service"
						error={errorFor(page.errors, 'channel')}
						options={[
							{ value: '', label: 'All channels' },
							...page.channels.map((channel) => ({ value: channel.key, label: channel.label })),
						]}
						defaultValue={page.values.channel}
					/>
					<Select
						name="compare"
						label="Compare with"
						error={errorFor(page.errors, 'compare')}
						options={[
							{ value: '', label: 'Nothing' },
							...COMPARISONS.map((compare) => ({ value: compare, label: COMPARISON_LABELS[compare] })),
						]}
						defaultValue={page.values.compare}
					/>
				</div>
				{/* The breakdown chosen below, kept (unless it was the mistake). */}
				<input
					type="hidden"
					name="by"
					value={(page.breakdowns as string[]).includes(page.values.by) ? page.values.by : 'channel'}
				/>
				<div className="govuk-button-group">
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Show figures
					</button>
					<Link className="govuk-link" to="/staff/funnel">
						Last 12 months
					</Link>
				</div>
			</Form>
			{page.query && page.funnel ? (
				<Figures
					funnel={page.funnel}
					query={page.query}
					values={page.values}
					breakdowns={page.breakdowns}
					search={search}
					channelLabel={page.channels.find((channel) => channel.key === page.query!.channel)?.label ?? null}
				/>
			) : (
				<p className="govuk-body">Correct the choices above to see the figures.</p>
			)}
		</>
	)
}

function Figures({
	funnel,
	query,
	values,
	breakdowns,
	search,
	channelLabel,
}: {
	funnel: Funnel
	query: FunnelQuery
	values: FunnelFormValues
	breakdowns: Breakdown[]
	search: string
	channelLabel: string | null
}) {
	const { rows, outcome } = funnel.mainstream
	const csv = (table: FunnelTableKey) => {
		const params = new URLSearchParams(search)
		params.set('table', table)
		return `/staff/funnel.csv?${params.toString()}`
	}
	const what =
		query.mode === 'period'
			? `Period: households that entered each stage from ${formatDate(query.period.from)} to ${formatDate(
					query.period.to
			  )}`
			: `Cohort: households whose first enquiry was from ${formatDate(query.period.from)} to ${formatDate(
					query.period.to
			  )}, followed through to today`
	const sentence = funnelSentence(rows, query.mode, outcome ?? undefined)
	const loss = biggestLoss(rows)
	const exits = rows.filter((row) => row.stage !== 'approved' || row.left > 0)
	const national = nationalComparison(rows)
	return (
		<>
			<p className="govuk-body-l" role="status">
				{what}; mainstream households, {channelLabel ? `channel: ${channelLabel}` : 'all channels'}
				{funnel.comparison
					? `; compared with ${formatDate(funnel.comparison.period.from)} to ${formatDate(funnel.comparison.period.to)}`
					: ''}
				.
			</p>

			<h2 className="govuk-heading-l">The funnel</h2>
			<figure className="app-chart-figure">
				<FunnelChart
					id="funnel"
					title={query.mode === 'period' ? 'Households entering each stage' : 'How far the cohort got'}
					description={`${sentence} The same figures are in the table below.`}
					bars={rows.map((row) => ({
						label: row.name,
						value: row.count,
						note: row.fromPrevious === null ? undefined : `${formatPercent(row.fromPrevious)} of previous`,
					}))}
				/>
				<figcaption className="govuk-body">
					{sentence}
					{loss && loss.fromPrevious !== null
						? ` The biggest loss is on the way to ${loss.name}: ${formatPercent(
								loss.fromPrevious
						  )} of the stage before went on.`
						: ''}
				</figcaption>
			</figure>
			{query.mode === 'period' ? (
				<p className="govuk-body">
					In period mode each stage counts the households that entered it in the dates, whenever they enquired, so a
					conversion can pass 100% when households that reached the stage before it did so before the dates began.
				</p>
			) : null}
			<DataTable table={stagesTable(rows, query.mode, 'stages', funnel.comparison)} csvHref={csv('stages')} />

			<h2 className="govuk-heading-l">Where households leave and why</h2>
			<figure className="app-chart-figure">
				<StackedBarChart
					id="exits"
					title="Households that left, by stage and by who ended it"
					description={`${exitSentence(rows)} The same figures are in the table below.`}
					series={ENDED_BY.map((endedBy) => ENDED_BY_LABELS[endedBy])}
					bars={exits.map((row) => ({ label: row.name, parts: ENDED_BY.map((endedBy) => row.leftBy[endedBy]) }))}
				/>
				<figcaption className="govuk-body">{exitSentence(rows)}</figcaption>
			</figure>
			<DataTable table={exitsTable(rows, query.mode)} csvHref={csv('exits')} />

			<h2 className="govuk-heading-l">Time in each stage</h2>
			<p className="govuk-body">
				Working days from entering a stage to leaving it, not counting time on hold, for the households counted above
				that have left the stage. Targets are the service’s response-time targets where one covers the stage alone.
			</p>
			<DataTable table={timeTable(rows)} csvHref={csv('time')} />

			<h2 className="govuk-heading-l">What brings households that are approved</h2>
			<Form method="get" className="app-no-print" aria-label="Choose a breakdown">
				{/* The figures' other choices, kept as they are. */}
				<input type="hidden" name="mode" value={values.mode} />
				{(['from', 'to'] as const).flatMap((field) =>
					(['day', 'month', 'year'] as const).map((part) => (
						<input key={`${field}-${part}`} type="hidden" name={`${field}-${part}`} value={values[field][part]} />
					))
				)}
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
			<DataTable table={breakdownTable(funnel.breakdown, query.mode, query.breakdown)} csvHref={csv('breakdown')} />

			<h2 className="govuk-heading-l">Compared with England</h2>
			<p className="govuk-body">
				England’s figures are Ofsted’s counts for the {NATIONAL.year} ({NATIONAL.enquiries.toLocaleString('en-GB')}{' '}
				enquiries, {NATIONAL.applications.toLocaleString('en-GB')} applications,{' '}
				{NATIONAL.approvals.toLocaleString('en-GB')} approvals): counts within one year, like period mode.
				{query.mode === 'cohort'
					? ' A cohort followed through usually converts more than a year’s counts suggest.'
					: ''}{' '}
				One household often enquires with several services, so England’s enquiries are inflated.
			</p>
			<p className="govuk-body">{nationalSentence(national)}</p>
			<DataTable table={nationalTable(rows)} csvHref={csv('national')} />

			<h2 className="govuk-heading-l">Month by month</h2>
			<figure className="app-chart-figure">
				<GroupedBarChart
					id="months"
					title="Enquiries, applications and approvals by month"
					description={`${trendSentence(funnel.months)} The same figures are in the table below.`}
					series={['Enquiries', 'Applications', 'Approvals']}
					groups={funnel.months.map((month) => ({
						label: monthLabel(month.month).replace(/ \d{2}(\d{2})$/, ' ’$1'),
						values: [month.enquiries, month.applications, month.approvals],
					}))}
					axisLabel="Households"
				/>
				<figcaption className="govuk-body">{trendSentence(funnel.months)}</figcaption>
			</figure>
			<DataTable table={monthsTable(funnel.months)} csvHref={csv('months')} />

			<h2 className="govuk-heading-l">Kinship</h2>
			<p className="govuk-body">
				Kinship (family and friends) households follow another route and are never mixed into the figures above.{' '}
				{funnelSentence(funnel.kinship.rows, query.mode, funnel.kinship.outcome ?? undefined)}
			</p>
			<DataTable table={stagesTable(funnel.kinship.rows, query.mode, 'kinship')} csvHref={csv('kinship')} />

			<FiguresExplained>
				<li>
					Period: each stage counts the households that first entered it within the dates; households that left are
					those that left within the dates. This is how Ofsted counts a year.
				</li>
				<li>
					Cohort: the households whose first enquiry fell within the dates, followed through to today: how many reached
					each stage, how many are still in it, and how many left from it. Approved, still in progress and left add up
					to the enquiries.
				</li>
				<li>A household that was reopened counts once, from the first time it entered each stage.</li>
				<li>Stage 1 and Stage 2 can run at the same time: a household counts in both.</li>
				<li>The median is the middle time. The 90th percentile is the time 9 in 10 were at or under (nearest rank).</li>
			</FiguresExplained>
		</>
	)
}

function exitSentence(rows: readonly StageRow[]): string {
	const left = rows.reduce((sum, row) => sum + row.left, 0)
	if (left === 0) return 'No household counted here has left.'
	const most = rows.reduce((best, row) => (row.left > best.left ? row : best))
	const reason = most.reasons[0]
	return `${left.toLocaleString('en-GB')} ${left === 1 ? 'household' : 'households'} left; most left from ${
		most.name
	} (${most.left.toLocaleString('en-GB')})${reason ? `, most often: ${reason.label} (${reason.count})` : ''}.`
}

function nationalSentence(comparisons: ReturnType<typeof nationalComparison>): string {
	const below = comparisons.filter((comparison) => comparison.verdict === 'below')
	if (comparisons.every((comparison) => comparison.verdict === null)) return 'No figures to compare yet.'
	if (below.length === 0) return 'The service converts at least as well as England at both steps.'
	return `Below England: ${below
		.map(
			(comparison) =>
				`${comparison.label.toLowerCase()} (${formatPercent(comparison.service)} against ${formatPercent(
					comparison.england
				)})`
		)
		.join(' and ')}.`
}

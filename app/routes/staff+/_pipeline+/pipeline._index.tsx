import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Select } from '~/components/form.tsx'
import { DeadlineFlag, HouseholdTags, householdHref, PipelineViews } from '~/components/pipeline.tsx'
import { OpenMatchesNotice } from '~/components/possible-matches.tsx'
import { describeDaysInStage } from '~/domain/days-in-stage.ts'
import { pipelineListHref, ROUTE_LABELS, ROUTES } from '~/domain/pipeline-filters.ts'
import { roleCan, ROLES_THAT } from '~/domain/staff.ts'
import { stageNames } from '~/domain/stages.ts'
import { pipelineBoard } from '~/models/pipeline.server.ts'
import { openMatchCount } from '~/models/possible-matches.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The pipeline board: one column per stage with the live households (open and on hold), counted,
// and the longest waiting first. Mainstream and kinship together unless a route is chosen.

export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Pipeline board')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const chosen = new URL(request.url).searchParams.get('route')
	// Anything else (a crafted value) shows both routes, as the form's first choice does.
	const route = ROUTES.find((value) => value === chosen) ?? null
	const day = today()
	const [board, config, openMatches] = await Promise.all([
		pipelineBoard({ route, today: day }),
		getServiceConfig(),
		roleCan(user.role, 'changeHouseholds') ? openMatchCount() : 0,
	])
	return { ...board, route, names: stageNames(config.stageNames), today: day, openMatches }
}

type Board = ReturnType<typeof useLoaderData<typeof loader>>
type Column = Board['columns'][number]

export default function PipelineBoard() {
	const { columns, total, route, names, cardsPerColumn, today, openMatches } = useLoaderData<typeof loader>()
	const routeWords = route ? `${ROUTE_LABELS[route].toLowerCase()} ` : ''
	return (
		<>
			<OpenMatchesNotice count={openMatches} />
			<h1 className="govuk-heading-l">Pipeline</h1>
			<PipelineViews current="board" />
			<RouteFilter route={route} />
			<p className="govuk-body">
				<strong>{total.toLocaleString('en-GB')}</strong> {routeWords}
				{total === 1 ? 'household' : 'households'} in the pipeline (open or on hold). Each stage shows the{' '}
				{cardsPerColumn} longest there first.
			</p>
			{/* Every stage in sight without scrolling sideways (ADR 030); each column is a region named by its stage. */}
			<div className="app-board">
				{columns.map((column) => (
					<BoardColumn key={column.stage} column={column} name={names[column.stage]} route={route} today={today} />
				))}
			</div>
		</>
	)
}

function RouteFilter({ route }: { route: Board['route'] }) {
	return (
		<Form method="get" className="app-board-filter">
			<Select
				name="route"
				label="Route"
				defaultValue={route ?? ''}
				options={[
					{ value: '', label: 'Mainstream and kinship' },
					...ROUTES.map((value) => ({ value, label: ROUTE_LABELS[value] })),
				]}
			/>
			<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
				Show
			</button>
		</Form>
	)
}

/** One stage: its name and count with any flags, its first cards, and links to all of them in the list. */
function BoardColumn({
	column,
	name,
	route,
	today,
}: {
	column: Column
	name: string
	route: Board['route']
	today: string
}) {
	const headingId = `stage-${column.stage}`
	const flagged = column.overdue > 0 || column.atRisk > 0
	return (
		// The column is named by its stage and count; the flags beside them are not part of its name.
		<section className="app-board__column" aria-labelledby={`${headingId}-name ${headingId}-count`}>
			<h2 className="govuk-heading-s app-board__heading" id={headingId}>
				<span id={`${headingId}-name`}>{name}</span>{' '}
				<span className="app-board__count" id={`${headingId}-count`}>
					{column.count.toLocaleString('en-GB')}
					<span className="govuk-visually-hidden"> {column.count === 1 ? 'household' : 'households'}</span>
				</span>
				{flagged ? <ColumnFlags overdue={column.overdue} atRisk={column.atRisk} /> : null}
			</h2>
			{column.households.length > 0 ? (
				<ol className="app-board__cards">
					{column.households.map((household) => (
						<BoardCard key={household.id} household={household} today={today} />
					))}
				</ol>
			) : (
				<p className="govuk-body-s">No households</p>
			)}
			{column.count > 0 ? (
				<Link className="govuk-link govuk-body-s" to={pipelineListHref({ stages: [column.stage], route })}>
					View all {column.count.toLocaleString('en-GB')}
					<span className="govuk-visually-hidden"> at {name}</span>
				</Link>
			) : null}
			{flagged ? (
				<Link
					className="govuk-link govuk-body-s app-board__flagged-link"
					to={pipelineListHref({ stages: [column.stage], route, deadlines: ['at_risk', 'overdue'], sort: 'deadline' })}
				>
					View at risk and overdue
					<span className="govuk-visually-hidden"> at {name}</span>
				</Link>
			) : null}
		</section>
	)
}

function ColumnFlags({ overdue, atRisk }: { overdue: number; atRisk: number }) {
	return (
		<span className="app-board__flags" data-testid="column-flags">
			{overdue > 0 ? (
				<strong className="govuk-tag govuk-tag--red">{overdue.toLocaleString('en-GB')} overdue</strong>
			) : null}
			{atRisk > 0 ? (
				<strong className="govuk-tag govuk-tag--orange">{atRisk.toLocaleString('en-GB')} at risk</strong>
			) : null}
		</span>
	)
}

/** A household's card: its name and reference, how long it has been in the stage, its owner and flags. */
function BoardCard({ household, today }: { household: Column['households'][number]; today: string }) {
	const late = household.deadline && household.deadline.status !== 'on_track' ? household.deadline.status : null
	return (
		<li className={`app-board__card${late ? ` app-board__card--${late.replace('_', '-')}` : ''}`}>
			<Link className="govuk-link govuk-!-font-weight-bold" to={householdHref(household.id)}>
				{household.displayName}
			</Link>
			<span className="app-board__reference">{household.reference}</span>
			<dl className="app-board__facts">
				<dt>In stage</dt>
				<dd>{describeDaysInStage(household.daysInStage)}</dd>
				<dt>Owner</dt>
				<dd>{household.ownerName ?? 'Unassigned'}</dd>
			</dl>
			<HouseholdTags household={household} />
			<DeadlineFlag deadline={household.deadline} today={today} />
		</li>
	)
}

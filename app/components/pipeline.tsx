import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Checkboxes, DateInput, ErrorSummary, Select, TextInput } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import {
	DEADLINE_FILTER_LABELS,
	DEADLINE_FILTERS,
	HOUSEHOLD_STATUSES,
	DEFAULT_SORT,
	LIST_SORTS,
	PAGE_SIZE,
	ROUTE_LABELS,
	ROUTES,
	SEARCH_MAX,
	SORT_LABELS,
	type ListSort,
	STATUS_LABELS,
	UNASSIGNED,
	type FilterFormValues,
	type PipelineHousehold,
} from '~/domain/pipeline-filters.ts'
import { STAGE_KEYS, type StageKey } from '~/domain/stages.ts'
import { formatShortDate } from '~/domain/working-days.ts'
import { CLOCK_DUE_WORDS, describeDeadline, type RunningStatus } from '~/domain/deadlines.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import { ScrollingTable } from './scrolling-table.tsx'
import { ClockStatusTag } from './status-tags.tsx'
import { TableHead, type TableColumn } from './table-head.tsx'

// The pipeline's shared parts: the household's tags, the switch between the board and the list,
// and the filtered, paginated list used by both "Pipeline list" and "My households".

type StageNames = Record<StageKey, string>
type Household = PipelineHousehold

export function householdHref(id: string) {
	return `/staff/households/${id}`
}

/** On hold, closed and kinship, as GOV.UK tags. */
export function HouseholdTags({ household }: { household: Pick<Household, 'status' | 'kinship'> }) {
	const tags: ReactNode[] = []
	if (household.status === 'on_hold')
		tags.push(
			<strong key="hold" className="govuk-tag govuk-tag--yellow">
				On hold
			</strong>
		)
	if (household.status === 'closed')
		tags.push(
			<strong key="closed" className="govuk-tag govuk-tag--grey">
				Closed
			</strong>
		)
	if (household.kinship)
		tags.push(
			<strong key="kinship" className="govuk-tag govuk-tag--purple">
				Kinship
			</strong>
		)
	return tags.length > 0 ? <span className="app-tags">{tags}</span> : null
}

/** The status of a running clock as a GOV.UK tag ("On track" only where asked for). */
export function DeadlineTag({ status, showOnTrack = false }: { status: RunningStatus; showOnTrack?: boolean }) {
	if (status === 'on_track' && !showOnTrack) return null
	return <ClockStatusTag status={status} />
}

/**
 * The at-risk or overdue flag with what is due and when ("Overdue: First personal contact was
 * due 20 November"); nothing while the nearest deadline is on track or none runs.
 */
export function DeadlineFlag({ deadline, today }: { deadline: Household['deadline']; today: string }) {
	if (!deadline || deadline.status === 'on_track') return null
	return (
		<span className="app-deadline" data-testid="deadline-flag">
			<DeadlineTag status={deadline.status} />
			<span className="govuk-visually-hidden">:</span> {describeDeadline(deadline, today)}
		</span>
	)
}

/** The links between the board and the list (separate pages, so not the in-page tabs component). */
export function PipelineViews({ current }: { current: 'board' | 'list' }) {
	const views = [
		{ key: 'board', to: '/staff/pipeline', label: 'Board' },
		{ key: 'list', to: '/staff/pipeline/list', label: 'List and search' },
	] as const
	return (
		<nav className="app-view-links" aria-label="Pipeline views">
			<ul className="app-view-links__list">
				{views.map((view) => (
					<li key={view.key} className="app-view-links__item">
						{view.key === current ? (
							<span className="app-view-links__current" aria-current="page">
								{view.label}
							</span>
						) : (
							<Link className="govuk-link govuk-link--no-visited-state" to={view.to}>
								{view.label}
							</Link>
						)}
					</li>
				))}
			</ul>
		</nav>
	)
}

export type PipelineListData = {
	errors: FieldError[]
	values: FilterFormValues
	names: StageNames
	owners: { id: string; label: string }[]
	channels: { key: string; label: string }[]
	result: { total: number; page: number; pages: number; households: Household[] } | null
	/** The order the list is in, said above it. */
	sort: ListSort
	today: string
}

/** The filter form (a GET form: the filters stay in the URL) and the page of results. */
export function PipelineList({
	data,
	action,
	showOwner,
	caption,
}: {
	data: PipelineListData
	action: string
	/** "My households" has no owner filter: the owner is the signed-in member of staff. */
	showOwner: boolean
	caption: string
}) {
	const { search } = useLocation()
	const { errors, result, names } = data
	return (
		<>
			<ErrorSummary errors={errors} />
			<FilterForm data={data} action={action} showOwner={showOwner} />
			{result ? (
				<Results result={result} names={names} caption={caption} search={search} sort={data.sort} />
			) : (
				<p className="govuk-body">Correct the filters to see the households.</p>
			)}
		</>
	)
}

type ListData = { data: PipelineListData }

/** What each filter takes from its name: its error, and the choice shown back as ticked or selected. */
function filterProps({ values, errors }: PipelineListData) {
	return {
		ticked: (name: 'stage' | 'status' | 'deadline') => ({
			name,
			error: errorFor(errors, name),
			selected: values[name],
		}),
		picked: (name: 'route' | 'owner' | 'channel' | 'sort') => ({
			name,
			error: errorFor(errors, name),
			defaultValue: values[name],
		}),
	}
}

function FilterForm({ data, action, showOwner }: ListData & { action: string; showOwner: boolean }) {
	const { values, errors, names } = data
	return (
		<Form method="get" action={action} className="app-filters" aria-label="Filter households" role="search">
			<h2 className="govuk-heading-m">Filter households</h2>
			<TextInput
				name="q"
				label="Search"
				hint="Name, email address, phone number, postcode or reference"
				defaultValue={values.q}
				error={errorFor(errors, 'q')}
				maxLength={SEARCH_MAX}
				spellCheck={false}
				widthClass="govuk-!-width-two-thirds"
			/>
			<div className="app-filters__grid">
				<Checkboxes
					{...filterProps(data).ticked('stage')}
					legend="Stage"
					hint="None ticked: every stage but approved"
					choices={STAGE_KEYS.map((stage) => ({ value: stage, label: names[stage] }))}
				/>
				<StatusFilters data={data} />
				<OwnerChannelAndSort data={data} showOwner={showOwner} />
				<EnquiryDateFilters data={data} />
			</div>
			<div className="govuk-button-group">
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Apply filters
				</button>
				<Link className="govuk-link" to={action}>
					Clear filters
				</Link>
			</div>
		</Form>
	)
}

/** Where the household stands: its status, its nearest deadline and its route. */
function StatusFilters({ data }: ListData) {
	const { ticked, picked } = filterProps(data)
	return (
		<div>
			<Checkboxes
				{...ticked('status')}
				legend="Status"
				hint="None ticked: open and on hold"
				choices={HOUSEHOLD_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
			/>
			<Checkboxes
				{...ticked('deadline')}
				legend="Response time"
				hint="Their nearest deadline"
				choices={DEADLINE_FILTERS.map((value) => ({ value, label: DEADLINE_FILTER_LABELS[value] }))}
			/>
			<Select
				{...picked('route')}
				label="Route"
				options={[
					{ value: '', label: 'Mainstream and kinship' },
					...ROUTES.map((route) => ({ value: route, label: ROUTE_LABELS[route] })),
				]}
			/>
		</div>
	)
}

/** Who owns the household and how it found us, and the order of the list. */
function OwnerChannelAndSort({ data, showOwner }: ListData & { showOwner: boolean }) {
	const { picked } = filterProps(data)
	return (
		<div>
			{showOwner ? (
				<Select
					{...picked('owner')}
					label="Owner"
					options={[
						{ value: '', label: 'Anyone' },
						{ value: UNASSIGNED, label: 'Nobody (unassigned)' },
						...data.owners.map((owner) => ({ value: owner.id, label: owner.label })),
					]}
				/>
			) : null}
			<Select
				{...picked('channel')}
				label="Channel"
				hint="How they first found us"
				options={[
					{ value: '', label: 'Any channel' },
					...data.channels.map((channel) => ({ value: channel.key, label: channel.label })),
				]}
			/>
			<Select
				{...picked('sort')}
				label="Sort by"
				options={LIST_SORTS.map((sort) => ({ value: sort === DEFAULT_SORT ? '' : sort, label: SORT_LABELS[sort] }))}
			/>
		</div>
	)
}

function EnquiryDateFilters({ data: { values, errors } }: ListData) {
	return (
		<div>
			<DateInput
				name="from"
				legend="Enquiry date from"
				hint="For example, 1 3 2026"
				error={errorFor(errors, 'from')}
				defaultValue={values.from}
			/>
			<DateInput name="to" legend="Enquiry date to" error={errorFor(errors, 'to')} defaultValue={values.to} />
		</div>
	)
}

const RESULT_COLUMNS: readonly TableColumn[] = [
	'Household',
	'Reference',
	'Stage',
	{ header: 'Days in stage', numeric: true },
	'Owner',
	'First enquiry',
	'Deadline',
]

function Results({
	result,
	names,
	caption,
	search,
	sort,
}: {
	result: NonNullable<PipelineListData['result']>
	names: StageNames
	caption: string
	search: string
	sort: ListSort
}) {
	return (
		<>
			<ResultsCount result={result} />
			{result.total > 1 ? <p className="govuk-body">Sorted by {SORT_LABELS[sort].toLowerCase()}.</p> : null}
			{result.total > 0 ? (
				<ScrollingTable caption={caption}>
					<TableHead columns={RESULT_COLUMNS} />
					<tbody className="govuk-table__body">
						{result.households.map((household) => (
							<ResultRow key={household.id} household={household} names={names} />
						))}
					</tbody>
				</ScrollingTable>
			) : null}
			<Pagination page={result.page} pages={result.pages} search={search} />
		</>
	)
}

/** How many households match, and which of them this page shows when there is more than one page. */
function ResultsCount({ result }: { result: NonNullable<PipelineListData['result']> }) {
	const first = (result.page - 1) * PAGE_SIZE + 1
	const last = first + result.households.length - 1
	const plural = result.total === 1 ? 'household' : 'households'
	return (
		<p className="govuk-body" role="status">
			{result.total === 0 ? (
				'No households match these filters.'
			) : (
				<>
					<strong>{result.total.toLocaleString('en-GB')}</strong> {plural}
					{result.pages > 1 ? ` (showing ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')})` : ''}
				</>
			)}
		</p>
	)
}

function ResultRow({ household, names }: { household: Household; names: StageNames }) {
	return (
		<tr className="govuk-table__row">
			<td className="govuk-table__cell">
				<Link className="govuk-link" to={householdHref(household.id)}>
					{household.displayName}
				</Link>{' '}
				<HouseholdTags household={household} />
			</td>
			<td className="govuk-table__cell app-nowrap">{household.reference}</td>
			<td className="govuk-table__cell">{names[household.stage]}</td>
			<td className="govuk-table__cell govuk-table__cell--numeric">{household.daysInStage.toLocaleString('en-GB')}</td>
			<td className="govuk-table__cell">{household.ownerName ?? 'Unassigned'}</td>
			<td className="govuk-table__cell app-nowrap">{formatShortDate(household.firstEnquiredOn)}</td>
			<td className="govuk-table__cell">
				{household.deadline ? (
					<>
						<span className="app-nowrap">{formatShortDate(household.deadline.on)}</span>
						<span className="app-deadline__what">{CLOCK_DUE_WORDS[household.deadline.key]}</span>
						<DeadlineTag status={household.deadline.status} />
					</>
				) : (
					'None running'
				)}
			</td>
		</tr>
	)
}

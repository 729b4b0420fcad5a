import { z } from 'zod'
import { readDateInput, type DateParts } from './date-input.ts'
import { searchTerm } from './household-search.ts'
import type { HouseholdStatus } from './stage-machine.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import { addCalendarDays, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'
import type { NextDeadline } from './deadlines.ts'

// The pipeline list's filters, read from the URL so a view can be bookmarked and shared. The
// query string is untrusted input: anything that does not fit becomes a GOV.UK error message for
// the filter form, never a server error. Whether an owner or channel exists is a question for the
// database, so the route asks `checkFilterChoices` with the lists it loaded.

export const PAGE_SIZE = 50
export const SEARCH_MAX = 100

export const HOUSEHOLD_STATUSES = ['open', 'on_hold', 'closed'] as const satisfies readonly HouseholdStatus[]
export const STATUS_LABELS: Record<HouseholdStatus, string> = { open: 'Open', on_hold: 'On hold', closed: 'Closed' }
/** Without a status filter the list shows the live pipeline. */
export const DEFAULT_STATUSES: HouseholdStatus[] = ['open', 'on_hold']
/**
 * Without a stage filter the list shows the stages still at work: approved households finished
 * recruitment, so they are shown only when Approved is ticked (issue 15, defect 3).
 */
export const DEFAULT_STAGES: StageKey[] = STAGE_KEYS.filter((stage) => stage !== 'approved')

export const ROUTES = ['mainstream', 'kinship'] as const
export type HouseholdRoute = (typeof ROUTES)[number]
export const ROUTE_LABELS: Record<HouseholdRoute, string> = { mainstream: 'Mainstream', kinship: 'Kinship' }

export const LIST_SORTS = ['deadline', 'in_stage', 'newest', 'name'] as const
export type ListSort = (typeof LIST_SORTS)[number]
export const SORT_LABELS: Record<ListSort, string> = {
	deadline: 'Nearest deadline first',
	in_stage: 'Longest in stage',
	newest: 'Newest enquiry',
	name: 'Name (A to Z)',
}
/** The work first: the household whose promise falls due soonest heads the list. */
export const DEFAULT_SORT: ListSort = 'deadline'

/** The response-time filter: households whose nearest clock is at risk, or overdue (or either). */
export const DEADLINE_FILTERS = ['at_risk', 'overdue'] as const
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number]
export const DEADLINE_FILTER_LABELS: Record<DeadlineFilter, string> = { at_risk: 'At risk', overdue: 'Overdue' }

/** The owner filter's value for households nobody owns yet. */
export const UNASSIGNED = 'none'

/** What the board and the list show of one household (models/pipeline.server.ts reads it, components/pipeline.tsx shows it). */
export type PipelineHousehold = {
	id: string
	reference: string
	displayName: string
	stage: StageKey
	status: HouseholdStatus
	kinship: boolean
	daysInStage: number
	ownerName: string | null
	firstEnquiredOn: CalendarDate
	/**
	 * Its nearest running clock's deadline and status today, from the row's copy (nextClock*);
	 * null when no clock runs (or it is on hold). The views flag it when at risk or overdue.
	 */
	deadline: NextDeadline | null
}

export type PipelineFilters = {
	stages: StageKey[]
	/** A staff id, UNASSIGNED, or null for anyone. */
	owner: string | null
	/** A channel key. */
	channel: string | null
	route: HouseholdRoute | null
	statuses: HouseholdStatus[]
	/** Only households whose nearest clock is in one of these states; empty for any. */
	deadlines: DeadlineFilter[]
	/** First enquiry on or after this London date... */
	enquiredFrom: CalendarDate | null
	/** ...and on or before this one. */
	enquiredTo: CalendarDate | null
	/** What to look for in Household.searchText (see household-search.ts), or null. */
	search: string | null
	sort: ListSort
	page: number
}

/** The filter form's fields as they were sent, to show them again. */
export type FilterFormValues = {
	stage: string[]
	owner: string
	channel: string
	route: string
	status: string[]
	deadline: string[]
	from: DateParts
	to: DateParts
	q: string
	sort: string
}

export type ParsedFilters = { filters: PipelineFilters; values: FilterFormValues; errors: FieldError[] }

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const KEY_PATTERN = /^[a-z0-9_]{1,50}$/

const QuerySchema = z.object({
	stage: z.array(z.enum(STAGE_KEYS as [StageKey, ...StageKey[]], { error: 'Select stages from the list' })),
	owner: z.string().regex(ID_PATTERN, 'Select an owner from the list').optional(),
	channel: z.string().regex(KEY_PATTERN, 'Select a channel from the list').optional(),
	route: z.enum(ROUTES, { error: 'Select mainstream or kinship' }).optional(),
	status: z.array(z.enum(HOUSEHOLD_STATUSES, { error: 'Select open, on hold or closed' })),
	deadline: z.array(z.enum(DEADLINE_FILTERS, { error: 'Select at risk or overdue' })),
	q: z.string().max(SEARCH_MAX, `Search must be ${SEARCH_MAX} characters or fewer`),
	sort: z.enum(LIST_SORTS, { error: 'Select how to sort the list' }).optional(),
})

export function parsePipelineFilters(params: URLSearchParams): ParsedFilters {
	const one = (name: string) => (params.get(name) ?? '').trim()
	const dateParts = (name: string): DateParts => ({
		day: one(`${name}-day`),
		month: one(`${name}-month`),
		year: one(`${name}-year`),
	})
	const values: FilterFormValues = {
		stage: params.getAll('stage').filter(Boolean),
		owner: one('owner'),
		channel: one('channel'),
		route: one('route'),
		status: params.getAll('status').filter(Boolean),
		deadline: params.getAll('deadline').filter(Boolean),
		from: dateParts('from'),
		to: dateParts('to'),
		q: (params.get('q') ?? '').trim(),
		sort: one('sort'),
	}
	const errors: FieldError[] = []
	// An empty select is no filter at all.
	const blankToUndefined = (value: string) => (value === '' ? undefined : value)
	const input = {
		...values,
		owner: blankToUndefined(values.owner),
		channel: blankToUndefined(values.channel),
		route: blankToUndefined(values.route),
		sort: blankToUndefined(values.sort),
	}
	const parsed = QuerySchema.safeParse(input)
	for (const issue of parsed.success ? [] : parsed.error.issues) {
		const field = String(issue.path[0])
		// One message per field, linked to its first input.
		if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message })
	}
	// The fields that were fine still apply (so the owner is still checked when a stage was wrong).
	const wrong = new Set(errors.map((error) => error.field))
	const valid = parsed.success
		? parsed.data
		: QuerySchema.parse(
				Object.fromEntries(
					Object.entries(input).map(([key, value]) => [
						key,
						wrong.has(key) ? (Array.isArray(value) ? [] : key === 'q' ? '' : undefined) : value,
					])
				)
			)

	const search = values.q === '' ? null : searchTerm(values.q)
	if (values.q !== '' && search === null && !errors.some((error) => error.field === 'q')) {
		errors.push({ field: 'q', message: 'Search must be 2 characters or more' })
	}
	const enquiredFrom = readOptionalDate(values.from, 'from', 'Enquiry date from', errors)
	const enquiredTo = readOptionalDate(values.to, 'to', 'Enquiry date to', errors)
	if (enquiredFrom && enquiredTo && enquiredTo < enquiredFrom) {
		errors.push({ field: 'to', message: 'Enquiry date to must be the same as or after enquiry date from' })
	}

	const page = Number(params.get('page') ?? '1')
	return {
		values,
		errors,
		filters: {
			stages: valid.stage.length > 0 ? [...new Set(valid.stage)] : [...DEFAULT_STAGES],
			owner: valid.owner ?? null,
			channel: valid.channel ?? null,
			route: valid.route ?? null,
			statuses: valid.status.length > 0 ? [...new Set(valid.status)] : [...DEFAULT_STATUSES],
			deadlines: [...new Set(valid.deadline)],
			enquiredFrom,
			enquiredTo,
			search,
			sort: valid.sort ?? DEFAULT_SORT,
			// The page is only ever set by the pagination links: a bad one quietly means the first.
			page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
		},
	}
}

/** A date range end is optional: only a partly or wrongly filled one is an error. */
function readOptionalDate(parts: DateParts, field: string, label: string, errors: FieldError[]): CalendarDate | null {
	if (parts.day === '' && parts.month === '' && parts.year === '') return null
	const result = readDateInput(parts, label)
	if (result.ok) return result.date
	errors.push({ field, message: result.error })
	return null
}

/** Errors for an owner or channel that is well formed but not one the service has. */
export function checkFilterChoices(
	filters: Pick<PipelineFilters, 'owner' | 'channel'>,
	known: { ownerIds: readonly string[]; channelKeys: readonly string[] }
): FieldError[] {
	const errors: FieldError[] = []
	if (filters.owner && filters.owner !== UNASSIGNED && !known.ownerIds.includes(filters.owner)) {
		errors.push({ field: 'owner', message: 'Select an owner from the list' })
	}
	if (filters.channel && !known.channelKeys.includes(filters.channel)) {
		errors.push({ field: 'channel', message: 'Select a channel from the list' })
	}
	return errors
}

/** The first instant after the range's last day, for a `<` comparison on a stored date-time. */
export function dayAfter(date: CalendarDate): CalendarDate {
	return addCalendarDays(date, 1)
}

/** The list's URL for a set of filters (the board's "View all" links). Defaults are left out. */
export function pipelineListHref(filters: {
	stages?: StageKey[]
	route?: HouseholdRoute | null
	owner?: string | null
	deadlines?: DeadlineFilter[]
	sort?: ListSort
}): string {
	const params = new URLSearchParams()
	for (const stage of filters.stages ?? []) params.append('stage', stage)
	if (filters.owner) params.set('owner', filters.owner)
	if (filters.route) params.set('route', filters.route)
	for (const deadline of filters.deadlines ?? []) params.append('deadline', deadline)
	if (filters.sort && filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort)
	const query = params.toString()
	return `/staff/pipeline/list${query ? `?${query}` : ''}`
}

/**
 * The query without the empty fields a GET form always sends (`owner=&channel=...`), so the URL
 * people share says only what was chosen; null when there are none to remove.
 */
export function withoutEmptyParams(params: URLSearchParams): string | null {
	const kept = [...params].filter(([, value]) => value.trim() !== '')
	if (kept.length === [...params].length) return null
	return new URLSearchParams(kept).toString()
}

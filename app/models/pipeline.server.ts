import { redirect } from '@remix-run/node'
import { nextDeadlineOf } from '~/domain/deadlines.ts'
import { daysInStage } from '~/domain/days-in-stage.ts'
import {
	checkFilterChoices,
	dayAfter,
	parsePipelineFilters,
	withoutEmptyParams,
	DEFAULT_STATUSES,
	PAGE_SIZE,
	UNASSIGNED,
	type HouseholdRoute,
	type PipelineFilters,
	type PipelineHousehold,
} from '~/domain/pipeline-filters.ts'
import type { HouseholdStatus } from '~/domain/stage-machine.ts'
import { ROLES_THAT, STAFF_ROLE_LABELS, isStaffRole } from '~/domain/staff.ts'
import { STAGE_KEYS, stageNames, type StageKey } from '~/domain/stages.ts'
import { londonDate, startOfLondonDay, type CalendarDate } from '~/domain/working-days.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { allChannels } from './channels.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { staffDirectory } from './staff.server.ts'

// The pipeline views: read-only queries over the Household row's own copies (stage, status,
// stageEnteredOn, displayName, searchText, channelId), so no view joins applicants, enquiries or
// events. Counts are SQL aggregates and every page of rows is a LIMITed, indexed query: nothing
// here loads every household into memory.

export const CARDS_PER_COLUMN = 20

export type BoardColumn = {
	stage: StageKey
	count: number
	/** How many of the column's households are past their nearest deadline, and how many are at risk. */
	overdue: number
	atRisk: number
	households: PipelineHousehold[]
}

const HOUSEHOLD_FIELDS = {
	id: true,
	reference: true,
	displayName: true,
	stage: true,
	status: true,
	route: true,
	stageEnteredOn: true,
	ownerId: true,
	firstEnquiryAt: true,
	nextClockKey: true,
	nextClockAtRiskOn: true,
	nextClockDeadline: true,
} satisfies Prisma.HouseholdSelect

type HouseholdRow = Prisma.HouseholdGetPayload<{ select: typeof HOUSEHOLD_FIELDS }>

function toPipelineHousehold(
	row: HouseholdRow,
	today: CalendarDate,
	ownerNames: Map<string, string>
): PipelineHousehold {
	return {
		id: row.id,
		reference: row.reference,
		displayName: row.displayName || row.reference,
		stage: row.stage as StageKey,
		status: row.status as HouseholdStatus,
		kinship: row.route === 'kinship',
		daysInStage: daysInStage(row.stageEnteredOn, today),
		ownerName: row.ownerId ? (ownerNames.get(row.ownerId) ?? null) : null,
		firstEnquiredOn: londonDate(row.firstEnquiryAt),
		deadline: nextDeadlineOf(row, today),
	}
}

/**
 * The row filters for households whose nearest deadline is overdue (passed) or at risk (its
 * at-risk day has come but the deadline has not passed) on `today`; both together is "at risk
 * from" today, since a deadline is never before its at-risk day.
 */
export function deadlineWhere(
	deadlines: readonly ('at_risk' | 'overdue')[],
	today: CalendarDate
): Prisma.HouseholdWhereInput {
	const atRisk = deadlines.includes('at_risk')
	const overdue = deadlines.includes('overdue')
	if (atRisk && overdue) return { nextClockAtRiskOn: { lte: today } }
	if (overdue) return { nextClockDeadline: { lt: today } }
	if (atRisk) return { nextClockAtRiskOn: { lte: today }, nextClockDeadline: { gte: today } }
	return {}
}

/** Everyone who can own a household (and anyone who still owns one), for names and the owner filter. */
export async function householdOwners() {
	const staff = await staffDirectory()
	const canOwn = ROLES_THAT.changeHouseholds as readonly string[]
	return {
		names: new Map(staff.map((person) => [person.id, person.name])),
		options: staff
			.filter((person) => canOwn.includes(person.role))
			.map((person) => ({
				id: person.id,
				label: `${person.name} (${isStaffRole(person.role) ? STAFF_ROLE_LABELS[person.role] : person.role}${
					person.disabledAt ? ', account turned off' : ''
				})`,
			})),
	}
}

/** Every channel, retired ones too (old households still came from them). */
export async function channelOptions() {
	const channels = await allChannels()
	return channels.map((channel) => ({
		id: channel.id,
		key: channel.key,
		label: channel.retiredAt ? `${channel.label} (retired)` : channel.label,
	}))
}

type ColumnCounts = { stage: string; status: string; count: Count; overdue: Count | null; atRisk: Count | null }
type Count = bigint | number

/**
 * How many live households each stage holds, and how many of them are overdue or at risk today:
 * one pass over the board's index, (status, stage, ..., route, nextClockAtRiskOn,
 * nextClockDeadline), grouped in the index's own order, so nothing is sorted or fetched.
 */
function columnCounts(route: HouseholdRoute | null, today: CalendarDate) {
	return prisma.$queryRaw<ColumnCounts[]>`
		SELECT "stage", "status", COUNT(*) AS "count",
			SUM("nextClockDeadline" < ${today}) AS "overdue",
			SUM("nextClockAtRiskOn" <= ${today} AND "nextClockDeadline" >= ${today}) AS "atRisk"
		FROM "Household" INDEXED BY "Household_board_idx"
		WHERE "status" IN (${Prisma.join(DEFAULT_STATUSES)})${route ? Prisma.sql` AND "route" = ${route}` : Prisma.empty}
		GROUP BY "status", "stage"`
}

/**
 * The first cards of every column, longest in the stage first: one statement of one LIMITed seek
 * into the board's index per stage and status (asking for both statuses at once would sort every
 * household at the stage); each column's two lists are merged below.
 */
function firstCards(route: HouseholdRoute | null) {
	const onRoute = route ? Prisma.sql` AND "route" = ${route}` : Prisma.empty
	const fields = Prisma.raw(
		Object.keys(HOUSEHOLD_FIELDS)
			.map((field) => `"${field}"`)
			.join(', ')
	)
	const seeks = STAGE_KEYS.flatMap((stage) =>
		DEFAULT_STATUSES.map(
			(status) => Prisma.sql`SELECT * FROM (SELECT ${fields} FROM "Household" INDEXED BY "Household_board_idx"
				WHERE "status" = ${status} AND "stage" = ${stage}${onRoute}
				ORDER BY "stageEnteredOn", "id" LIMIT ${CARDS_PER_COLUMN})`
		)
	)
	return prisma.$queryRaw<HouseholdRow[]>`${Prisma.join(seeks, ' UNION ALL ')}`
}

/**
 * The board: one column per stage with the live households (open and on hold) counted, and the
 * first few cards of each, longest in the stage first.
 */
export async function pipelineBoard(input: { route: HouseholdRoute | null; today: CalendarDate }) {
	const [counts, cards, owners] = await Promise.all([
		columnCounts(input.route, input.today),
		firstCards(input.route),
		householdOwners(),
	])
	const sum = (stage: StageKey, field: 'count' | 'overdue' | 'atRisk') =>
		counts.reduce((total, row) => total + (row.stage === stage ? Number(row[field] ?? 0) : 0), 0)
	const columns: BoardColumn[] = STAGE_KEYS.map((stage) => ({
		stage,
		count: sum(stage, 'count'),
		overdue: sum(stage, 'overdue'),
		atRisk: sum(stage, 'atRisk'),
		households: cards
			.filter((row) => row.stage === stage)
			.sort((a, b) => a.stageEnteredOn.localeCompare(b.stageEnteredOn) || (a.id < b.id ? -1 : 1))
			.slice(0, CARDS_PER_COLUMN)
			.map((row) => toPipelineHousehold(row, input.today, owners.names)),
	}))
	return { columns, total: columns.reduce((sum, column) => sum + column.count, 0), cardsPerColumn: CARDS_PER_COLUMN }
}

const ORDER_BY: Record<PipelineFilters['sort'], Prisma.HouseholdOrderByWithRelationInput[]> = {
	in_stage: [{ stageEnteredOn: 'asc' }, { id: 'asc' }],
	newest: [{ firstEnquiryAt: 'desc' }, { id: 'desc' }],
	name: [{ displayName: 'asc' }, { id: 'asc' }],
	// Households with no clock running (or on hold) have no deadline: they come last.
	deadline: [{ nextClockDeadline: { sort: 'asc', nulls: 'last' } }, { nextClockAtRiskOn: 'asc' }, { id: 'asc' }],
}

/** The Prisma filter for a list's filters; `channelId` is the id of the filter's channel key. */
function householdWhere(
	filters: PipelineFilters,
	channelId: string | null,
	today: CalendarDate
): Prisma.HouseholdWhereInput {
	const where: Prisma.HouseholdWhereInput = {
		status: { in: filters.statuses },
		...deadlineWhere(filters.deadlines, today),
	}
	if (filters.stages.length > 0) where.stage = { in: filters.stages }
	if (filters.owner) where.ownerId = filters.owner === UNASSIGNED ? null : filters.owner
	if (filters.channel) where.channelId = channelId ?? '(no such channel)'
	if (filters.route) where.route = filters.route
	if (filters.enquiredFrom || filters.enquiredTo) {
		where.firstEnquiryAt = {
			...(filters.enquiredFrom ? { gte: startOfLondonDay(filters.enquiredFrom) } : {}),
			...(filters.enquiredTo ? { lt: startOfLondonDay(dayAfter(filters.enquiredTo)) } : {}),
		}
	}
	// searchText is lower-cased, as searchTerm() is.
	if (filters.search) where.searchText = { contains: filters.search }
	return where
}

/**
 * One page of the list: the households matching the filters, the number of them and of pages.
 * A page past the end shows the last page.
 */
async function pipelineList(input: {
	filters: PipelineFilters
	today: CalendarDate
	channels: { id: string; key: string }[]
	ownerNames: Map<string, string>
}) {
	const { filters } = input
	const channelId = input.channels.find((channel) => channel.key === filters.channel)?.id ?? null
	const where = householdWhere(filters, channelId, input.today)
	const total = await prisma.household.count({ where })
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
	const page = Math.min(filters.page, pages)
	const rows =
		total === 0
			? []
			: await prisma.household.findMany({
					where,
					orderBy: ORDER_BY[filters.sort],
					skip: (page - 1) * PAGE_SIZE,
					take: PAGE_SIZE,
					select: HOUSEHOLD_FIELDS,
				})
	return {
		total,
		page,
		pages,
		households: rows.map((row) => toPipelineHousehold(row, input.today, input.ownerNames)),
	}
}

/**
 * Everything a list page needs from its URL: the filters read and checked (the owner and channel
 * against the service's own), the choices for the form, and the page of households unless a
 * filter is wrong. `ownerId` fixes the owner ("My households").
 */
export async function loadPipelineList(input: { url: URL; today: CalendarDate; ownerId?: string }) {
	const clean = withoutEmptyParams(input.url.searchParams)
	// The form sends every field; the address to share (and bookmark) names only the chosen ones.
	if (clean !== null) throw redirect(`${input.url.pathname}${clean ? `?${clean}` : ''}`)
	const parsed = parsePipelineFilters(input.url.searchParams)
	const [owners, channels, config] = await Promise.all([householdOwners(), channelOptions(), getServiceConfig()])
	const filters = input.ownerId ? { ...parsed.filters, owner: input.ownerId } : parsed.filters
	// With the owner fixed the page has no owner field: an owner in the URL is ignored, not an error.
	const errors = [
		...parsed.errors.filter((error) => !(input.ownerId && error.field === 'owner')),
		...checkFilterChoices(filters, {
			ownerIds: [...owners.names.keys()],
			channelKeys: channels.map((channel) => channel.key),
		}),
	]
	const result =
		errors.length > 0 ? null : await pipelineList({ filters, today: input.today, channels, ownerNames: owners.names })
	return {
		errors,
		values: parsed.values,
		names: stageNames(config.stageNames),
		owners: owners.options,
		channels: channels.map(({ key, label }) => ({ key, label })),
		result,
		sort: filters.sort,
		today: input.today,
	}
}

// "My work": what the signed-in member of staff has to do next. Their open households by nearest
// deadline (read from the row's copy, Household.nextClock*, on the (ownerId, nextClockDeadline)
// index), their households on hold with the review date, and the open tasks given to them; the
// grouping by when each is due is the domain's (app/domain/my-work.ts).
// Beside them (ADR 031): the open households nobody owns, for officers and managers, and for a
// manager the team's overdue and at-risk households, each saying whose it is.

import { myWorkGroups, sharedWorkItems } from '~/domain/my-work.ts'
import { stageNames } from '~/domain/stages.ts'
import type { CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { deadlineWhere } from './pipeline.server.ts'
import { getServiceConfig } from './service-settings.server.ts'

/** Each kind is capped: a page of hundreds of rows helps nobody, and My households has them all. */
export const MY_WORK_LIMITS = { households: 200, onHold: 50, tasks: 100, shared: 50 } as const

const HOUSEHOLD = { id: true, displayName: true, reference: true, stage: true } as const

export async function loadMyWork(staffId: string, today: CalendarDate) {
	const open = { ownerId: staffId, status: 'open' }
	const held = { ownerId: staffId, status: 'on_hold' }
	const tasksWhere = { assigneeId: staffId, completedAt: null }
	const [households, householdCount, onHold, onHoldCount, tasks, taskCount, config] = await Promise.all([
		prisma.household.findMany({
			where: open,
			orderBy: [{ nextClockDeadline: { sort: 'asc', nulls: 'last' } }, { stageEnteredOn: 'asc' }, { id: 'asc' }],
			take: MY_WORK_LIMITS.households,
			select: { ...HOUSEHOLD, nextClockKey: true, nextClockAtRiskOn: true, nextClockDeadline: true },
		}),
		prisma.household.count({ where: open }),
		prisma.household.findMany({
			where: held,
			orderBy: [{ stageEnteredOn: 'asc' }, { id: 'asc' }],
			take: MY_WORK_LIMITS.onHold,
			select: {
				...HOUSEHOLD,
				// The review date is on the hold that started it: the latest hold event.
				stageEvents: {
					where: { kind: 'hold' },
					orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }],
					take: 1,
					select: { reviewOn: true },
				},
			},
		}),
		prisma.household.count({ where: held }),
		prisma.householdTask.findMany({
			where: tasksWhere,
			orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
			take: MY_WORK_LIMITS.tasks,
			select: { id: true, title: true, dueOn: true, household: { select: HOUSEHOLD } },
		}),
		prisma.householdTask.count({ where: tasksWhere }),
		getServiceConfig(),
	])
	const heldRows = onHold.map(({ stageEvents, ...household }) => ({
		...household,
		reviewOn: stageEvents[0]?.reviewOn ?? null,
	}))
	return {
		groups: myWorkGroups({ households, onHold: heldRows, tasks }, today),
		stageNames: stageNames(config.stageNames),
		counts: { households: householdCount, onHold: onHoldCount, tasks: taskCount },
		shown: { households: households.length, onHold: onHold.length, tasks: tasks.length },
	}
}

const DEADLINE_FIELDS = { nextClockKey: true, nextClockAtRiskOn: true, nextClockDeadline: true } as const

/** Open households matching `where`, nearest deadline first (capped), with their owner's name, and how many there are. */
async function sharedWork(where: Prisma.HouseholdWhereInput, today: CalendarDate) {
	const [rows, count] = await Promise.all([
		prisma.household.findMany({
			where,
			orderBy: [{ nextClockDeadline: { sort: 'asc', nulls: 'last' } }, { stageEnteredOn: 'asc' }, { id: 'asc' }],
			take: MY_WORK_LIMITS.shared,
			select: { ...HOUSEHOLD, ...DEADLINE_FIELDS, owner: { select: { name: true } } },
		}),
		prisma.household.count({ where }),
	])
	const items = sharedWorkItems(
		rows.map(({ owner, ...row }) => ({ ...row, ownerName: owner?.name ?? null })),
		today
	)
	return { items, count }
}

/**
 * The work beside the reader's own: open households nobody owns (when `unassigned`), and
 * colleagues' open households whose nearest deadline is at risk or overdue (when `team`).
 */
export async function loadSharedWork(
	staffId: string,
	today: CalendarDate,
	show: { unassigned: boolean; team: boolean }
) {
	const [unassigned, team] = await Promise.all([
		show.unassigned ? sharedWork({ status: 'open', ownerId: null }, today) : null,
		show.team
			? sharedWork(
					{
						status: 'open',
						AND: [{ ownerId: { not: null } }, { ownerId: { not: staffId } }],
						...deadlineWhere(['at_risk', 'overdue'], today),
					},
					today
				)
			: null,
	])
	return { unassigned, team }
}

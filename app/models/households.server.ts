import {
	apply,
	householdDifferences,
	replay,
	tryReplay,
	type HouseholdState,
	type NewStageEvent,
	type RecordedStageEvent,
	type StageCommand,
} from '~/domain/stage-machine.ts'
import type { Household, Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { allExitReasons } from './exit-reasons.server.ts'
import { appendStageEvent, finishChange } from './household-writer.server.ts'
import { stageHistory } from './stage-history.server.ts'
import { getServiceConfig } from './service-settings.server.ts'

// Changing a household. Every change goes through `changeHousehold`: one transaction that first
// claims the version the member of staff was looking at (optimistic concurrency: if someone else
// saved in the meantime, nothing is written and they are told), then makes the change and ends it
// through the household writer (its funnel row and audit entry). Stage changes go through the pure
// stage machine (app/domain/stage-machine.ts), and the writer (household-writer.server.ts) appends
// the event and keeps the Household row's copies in step in the same transaction.

export const STALE_MESSAGE =
	'Someone else changed this household while you were looking at it, so your change has not been saved. ' +
	'The record below shows their change. Check it, then make your change again.'

export type Refusal = { ok: false; error: string; field: string | null; stale?: boolean }
export type ChangeOutcome<T> = { ok: true; value: T } | Refusal
export type ChangeResult<T> = { ok: true; value: T; version: number } | Refusal

/** Thrown inside the transaction to roll it back and answer with the refusal. */
class RefusedChange extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.error)
	}
}

/**
 * Runs `change` in one transaction if the household is still at `expectedVersion`, and moves it
 * to the next version. A refusal from `change` rolls everything back. `audit` says in words what
 * was changed (it may depend on the change's value).
 */
export async function changeHousehold<T>(
	input: { householdId: string; expectedVersion: number; actor: StaffIdentity; audit: string | ((value: T) => string) },
	change: (tx: Prisma.TransactionClient, household: Household) => Promise<ChangeOutcome<T>>
): Promise<ChangeResult<T>> {
	const { householdId, expectedVersion, actor } = input
	try {
		return await prisma.$transaction(async (tx) => {
			const claimed = await tx.household.updateMany({
				where: { id: householdId, version: expectedVersion },
				data: { version: { increment: 1 } },
			})
			if (claimed.count === 0) {
				const exists = await tx.household.count({ where: { id: householdId } })
				if (exists === 0) throw new Response('Household not found', { status: 404 })
				throw new RefusedChange({ ok: false, error: STALE_MESSAGE, field: null, stale: true })
			}
			const household = await tx.household.findUniqueOrThrow({ where: { id: householdId } })
			const outcome = await change(tx, household)
			if (!outcome.ok) throw new RefusedChange(outcome)
			// The household's funnel row follows its stages, owner and referrals in the same transaction.
			const detail = typeof input.audit === 'function' ? input.audit(outcome.value) : input.audit
			await finishChange(tx, householdId, { actorId: actor.id, householdId, action: 'changed', detail })
			return { ok: true as const, value: outcome.value, version: household.version }
		})
	} catch (error) {
		if (error instanceof RefusedChange) return error.refusal
		throw error
	}
}

export async function householdState(db: Prisma.TransactionClient, householdId: string): Promise<HouseholdState> {
	return replay(await stageHistory(db, householdId))
}

/** The service's exit reasons in the shape the stage machine checks a close against. */
export const exitReasonOptions = allExitReasons

/**
 * Asks the stage machine for the event a command makes and appends it through the household
 * writer, inside a changeHousehold transaction. Returns the machine's refusal if it is not allowed.
 */
export async function applyStageCommand(
	tx: Prisma.TransactionClient,
	household: Pick<Household, 'id'>,
	actor: StaffIdentity,
	command: StageCommand
): Promise<ChangeOutcome<{ state: HouseholdState; event: NewStageEvent }>> {
	const history = await stageHistory(tx, household.id)
	const state = replay(history)
	const [exitReasons, config] = await Promise.all([exitReasonOptions(), getServiceConfig()])
	const result = apply(state, command, {
		today: today(),
		actor: { id: actor.id, role: actor.role },
		exitReasons,
		stageNames: config.stageNames,
	})
	if (!result.ok) return { ok: false, error: result.error, field: result.field }
	const { exitReasonKey } = result.event
	const exitReasonId = exitReasonKey ? exitReasons.find((reason) => reason.key === exitReasonKey)!.id : null
	const next = await appendStageEvent(tx, household.id, { history, state }, { ...result.event, exitReasonId })
	return { ok: true, value: { state: next, event: result.event } }
}

/** Runs one stage command as its own change (move, hold, resume, close, reopen...). */
export function runStageCommand(input: {
	householdId: string
	expectedVersion: number
	actor: StaffIdentity
	command: StageCommand
	audit: string
}) {
	return changeHousehold(input, (tx, household) => applyStageCommand(tx, household, input.actor, input.command))
}

/**
 * The check that the Household rows and their histories never disagree: replays every
 * household's events and lists each whose row differs (or whose history breaks the rules).
 */
export async function findStageDisagreements(db: Prisma.TransactionClient = prisma) {
	const [households, events] = await Promise.all([
		db.household.findMany({ select: { id: true, reference: true, stage: true, status: true, stageEnteredOn: true } }),
		db.stageEvent.findMany({
			orderBy: [{ householdId: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
			select: {
				householdId: true,
				kind: true,
				fromStage: true,
				toStage: true,
				businessDate: true,
				reviewOn: true,
				exitReasonId: true,
			},
		}),
	])
	const byHousehold = new Map<string, RecordedStageEvent[]>()
	for (const event of events) {
		const list = byHousehold.get(event.householdId) ?? []
		list.push(event)
		byHousehold.set(event.householdId, list)
	}
	const problems: { reference: string; problems: string[] }[] = []
	for (const household of households) {
		const result = tryReplay(byHousehold.get(household.id) ?? [])
		if (!result.ok)
			problems.push({ reference: household.reference, problems: [`event ${result.index}: ${result.problem}`] })
		else {
			const differences = householdDifferences(result.state, household)
			if (differences.length > 0) problems.push({ reference: household.reference, problems: differences })
		}
	}
	return problems
}

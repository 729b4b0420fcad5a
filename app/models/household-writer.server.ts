// The one household writer (docs/decisions/023-one-household-writer.md). Every path that creates a
// household (the enquiry form, staff enquiries, released held-back enquiries, the CSV import, the
// demo data, test fixtures) writes here the rows of the pure intake step
// (app/domain/household-intake.ts), and every change to one (changeHousehold in
// households.server.ts, a confirmed possible match) appends its stage events, rewrites the
// household's copies and deadline, and ends with its funnel row and audit entry here. The caller
// holds the transaction, so everything a change writes is committed together or not at all.
// Possible matches and referrals are decided by their own models, after the households are in.

import crypto from 'node:crypto'
import {
	householdRows,
	type HouseholdIntake,
	type HouseholdRows,
	type IntakeContext,
} from '~/domain/household-intake.ts'
import {
	applyEvent,
	householdFields,
	replay,
	type HouseholdState,
	type NewStageEvent,
	type RecordedStageEvent,
} from '~/domain/stage-machine.ts'
import type { Household, Prisma } from '~/generated/prisma/client.ts'
import { now } from '~/utils/clock.server.ts'
import { yieldingEvery } from '~/utils/event-loop.ts'
import { recordAudit, type AuditRecord } from './audit.server.ts'
import { householdApproved } from './bonus-milestones.server.ts'
import { channelLookup } from './channels.server.ts'
import { allExitReasons } from './exit-reasons.server.ts'
import { refreshFunnelFacts, writeFunnelFacts } from './funnel-facts.server.ts'
import { clockContext, clockFields } from './response-clocks.server.ts'
import { insertRows, storedTimestamp } from './row-inserts.server.ts'
import { stageHistory } from './stage-history.server.ts'

// ---------------------------------------------------------------------------------------------
// New households

/** What the intake step needs for these households: the clocks, exit reasons, channels and referral codes. */
export async function intakeContext(
	tx: Prisma.TransactionClient,
	intakes: readonly HouseholdIntake[]
): Promise<IntakeContext> {
	const codeIds = [
		...new Set(intakes.flatMap((intake) => intake.enquiries.flatMap((enquiry) => enquiry.referralCodeId ?? []))),
	]
	const clocks = await clockContext()
	const exitReasons = await allExitReasons()
	const channels = await channelLookup()
	const referring =
		codeIds.length === 0
			? []
			: await tx.referralCode.findMany({
					where: { id: { in: codeIds }, active: true, carerId: { not: null } },
					select: { id: true },
				})
	return {
		now: now(),
		clocks,
		endedBy: new Map(exitReasons.map((reason) => [reason.key, reason.endedBy])),
		channelKeys: channels.keyById,
		referringCodeIds: new Set(referring.map((code) => code.id)),
		newId: () => crypto.randomUUID(),
	}
}

/** The rows of these new households, from the pure intake step with what the database says now. */
export async function rowsOf(tx: Prisma.TransactionClient, intakes: readonly HouseholdIntake[]) {
	const context = await intakeContext(tx, intakes)
	// An import's thousands take seconds: other requests are served in between (ADR 029).
	const letOthersIn = yieldingEvery(20)
	const rows: HouseholdRows[] = []
	for (const intake of intakes) {
		await letOthersIn()
		rows.push(householdRows(intake, context))
	}
	return rows
}

/** Each table a new household has rows in, in an order that satisfies their foreign keys. */
const TABLES: [string, (rows: HouseholdRows) => readonly object[]][] = [
	['Household', (rows) => [rows.household]],
	['Applicant', (rows) => rows.applicants],
	['Enquiry', (rows) => rows.enquiries],
	['StageEvent', (rows) => rows.events],
	['OwnerChange', (rows) => rows.ownerChanges],
	['HouseholdNote', (rows) => rows.notes],
	['AuditEntry', (rows) => rows.audit],
]

/**
 * Writes new households: each with its people, enquiries, history, owner's timeline entry, notes,
 * funnel row and audit entries, as the intake step made them. Look for possible matches before
 * (findPossibleMatches must not see the new households) and write them and any referrals after.
 */
export async function writeHouseholds(tx: Prisma.TransactionClient, rows: readonly HouseholdRows[]) {
	const updatedAt = storedTimestamp(now())
	// The statements run at once, so an import's 10,000 households would hold up every other
	// request for their whole write: they go a few hundred at a time, and pages are served in
	// between from the read connection (ADR 029). An enquiry's one household never waits.
	const letOthersIn = yieldingEvery(20)
	for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
		await letOthersIn()
		const chunk = rows.slice(start, start + WRITE_CHUNK)
		for (const [table, of] of TABLES) insertRows(table, chunk.flatMap(of))
		writeFunnelFacts(
			chunk.map((row) => row.funnelFact),
			updatedAt
		)
	}
}

/** Households written between two chances for other requests to be served. */
const WRITE_CHUNK = 200

/** New households from their intakes, with no possible matches looked for and no referrals (test households). */
export async function createHouseholds(tx: Prisma.TransactionClient, intakes: readonly HouseholdIntake[]) {
	const rows = await rowsOf(tx, intakes)
	await writeHouseholds(tx, rows)
	return rows
}

// ---------------------------------------------------------------------------------------------
// Changes

/**
 * Appends an event the stage machine chose (applied to `state`, the fold of `history`) and keeps
 * the Household row's copies of its stage and nearest deadline in step. An approval makes the
 * household carers, and the referral that brought them earns its bonus.
 */
export async function appendStageEvent(
	tx: Prisma.TransactionClient,
	householdId: string,
	past: { history: readonly RecordedStageEvent[]; state: HouseholdState },
	event: NewStageEvent & { exitReasonId: string | null }
): Promise<HouseholdState> {
	const { exitReasonKey: _key, ...row } = event
	await tx.stageEvent.create({ data: { ...row, householdId, recordedAt: now() } })
	const next = applyEvent(past.state, event)
	const clocks = clockFields([...past.history, event], await clockContext())
	await tx.household.update({ where: { id: householdId }, data: { ...householdFields(next), ...clocks } })
	if (event.kind === 'entered' && event.toStage === 'approved') {
		await householdApproved(tx, householdId, event.businessDate)
	}
	return next
}

/**
 * Rewrites the household's copies of its stage and nearest deadline from its stored history (after
 * events were moved onto it, as a confirmed possible match does), with any other fields that changed.
 */
export async function rewriteHouseholdCopies(
	tx: Prisma.TransactionClient,
	householdId: string,
	other: Prisma.HouseholdUpdateInput = {}
) {
	const history = await stageHistory(tx, householdId)
	const fields = { ...householdFields(replay(history)), ...clockFields(history, await clockContext()) }
	await tx.household.update({ where: { id: householdId }, data: { ...other, ...fields } })
}

/**
 * A confirmed possible match's history joined onto the household kept: the bridge event the stage
 * machine planned (planMerge), recorded at `at` (after the household's own events), then the
 * merged household's later events that follow on from it, each after the one before, so a replay
 * gives the plan's state. Rewrite the copies (rewriteHouseholdCopies) once the rest has moved.
 */
export async function joinHistory(
	tx: Prisma.TransactionClient,
	householdId: string,
	join: {
		at: number
		bridge: RecordedStageEvent & { kind: string; note: string; actorId: string }
		later: readonly { id: string; recordedAt: Date }[]
	}
) {
	let at = join.at
	await tx.stageEvent.create({ data: { ...join.bridge, householdId, recordedAt: new Date(at) } })
	for (const event of join.later) {
		at = Math.max(at + 1, event.recordedAt.getTime())
		await tx.stageEvent.update({ where: { id: event.id }, data: { householdId, recordedAt: new Date(at) } })
	}
}

/** Gives the household another owner (or none), on its timeline too. */
export async function changeOwner(
	tx: Prisma.TransactionClient,
	household: Pick<Household, 'id' | 'ownerId'>,
	ownerId: string | null,
	actorId: string
) {
	await tx.ownerChange.create({
		data: { householdId: household.id, fromOwnerId: household.ownerId, toOwnerId: ownerId, actorId, changedAt: now() },
	})
	await tx.household.update({ where: { id: household.id }, data: { ownerId } })
}

/** The end of every change to a household: its funnel row follows, and the audit says what changed. */
export async function finishChange(tx: Prisma.TransactionClient, householdId: string, audit: AuditRecord) {
	await refreshFunnelFacts(tx, [householdId])
	await recordAudit(tx, audit)
}

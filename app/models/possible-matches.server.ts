import {
	applicantKeys,
	MAX_MATCHES_PER_HOUSEHOLD,
	matchedOn,
	matchStrength,
	parseMatchedOn,
	planMerge,
	type KeepDetails,
	type MatchKeys,
	type MatchKind,
} from '~/domain/possible-matches.ts'
import { householdDisplayName } from '~/domain/household-search.ts'
import { STATUS_LABELS } from '~/domain/pipeline-filters.ts'
import type { HouseholdStatus, RecordedStageEvent } from '~/domain/stage-machine.ts'
import { stageNames, type StageKey } from '~/domain/stages.ts'
import { formatDate } from '~/domain/working-days.ts'
import type { Applicant, Household, Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { householdHeadline } from './household-record.server.ts'
import { changeOwner, joinHistory, rewriteHouseholdCopies } from './household-writer.server.ts'
import { changeHousehold, STALE_MESSAGE, type Refusal } from './households.server.ts'
import { judgeAwaitingReferrals, moveReferrals } from './referrals.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { stageHistory } from './stage-history.server.ts'

// Possible matches (docs/decisions/016): found when a new household is written (an enquiry, an
// import), shown to staff on both households' records, the pipeline and a list, and decided by an
// officer. Confirming merges the new household into the known one in one transaction; rejecting
// leaves both. Until then the known household is not touched at all.

export const MATCHES_PAGE_SIZE = 20
export const DECIDED_MESSAGE = 'Someone has already decided this possible match.'

export type NewHouseholdKeys = { id: string; reference: string; keys: MatchKeys[] }
export type NewMatch = {
	newHouseholdId: string
	newReference: string
	existingHouseholdId: string
	matchedOn: MatchKind[]
}

/** Households whose keys are looked up in one query (an import brings thousands). */
const LOOKUP_CHUNK = 200
/** Stored households one chunk may bring back: enough for every real match, not for a shared switchboard number. */
const ROWS_PER_CHUNK = 2000

/**
 * The possible matches of households about to be written, in their order: each may match a
 * household already stored or one earlier in the same batch, never itself, and never a household
 * that is itself waiting as the new side of an open match (the household it matched is the one
 * to compare with). Strongest and most recent first, at most MAX_MATCHES_PER_HOUSEHOLD each.
 * Call inside the writing transaction, before the new households are inserted.
 */
export async function findPossibleMatches(
	tx: Prisma.TransactionClient,
	batch: readonly NewHouseholdKeys[]
): Promise<NewMatch[]> {
	if (batch.length === 0) return []
	// Candidates by key ('email:…', 'phone:…', 'name:…'), most recent first, and their keys.
	const byKey = new Map<string, string[]>()
	const keysOf = new Map<string, MatchKeys[]>()
	// How recent each candidate is: stored ones in the query's order, the batch's own newer still.
	const rank = new Map<string, number>()
	const lookups = (keys: MatchKeys) =>
		[
			keys.email && `email:${keys.email}`,
			keys.phone.length >= 6 && `phone:${keys.phone}`,
			!keys.name.startsWith('|') && !keys.name.endsWith('|') && `name:${keys.name}`,
		].filter((key): key is string => Boolean(key))
	const index = (id: string, keys: MatchKeys, order: number) => {
		keysOf.set(id, [...(keysOf.get(id) ?? []), keys])
		if (!rank.has(id)) rank.set(id, order)
		for (const key of lookups(keys)) {
			const ids = byKey.get(key) ?? []
			if (!ids.includes(id)) byKey.set(key, [...ids, id])
		}
	}
	for (let start = 0; start < batch.length; start += LOOKUP_CHUNK) {
		const keys = batch.slice(start, start + LOOKUP_CHUNK).flatMap((household) => household.keys)
		const param = (values: string[]) => JSON.stringify([...new Set(values.filter(Boolean))])
		// Each key has its own index; SQLite reads the three and joins their rows (a multi-index OR).
		const rows = await tx.$queryRawUnsafe<{ householdId: string; email: string; phone: string; name: string }[]>(
			`SELECT a."householdId" AS "householdId", a."emailNormalized" AS "email", a."phoneKey" AS "phone", a."nameKey" AS "name"
			FROM "Applicant" a JOIN "Household" h ON h."id" = a."householdId"
			WHERE (a."emailNormalized" IN (SELECT value FROM json_each(?))
				OR a."phoneKey" IN (SELECT value FROM json_each(?))
				OR a."nameKey" IN (SELECT value FROM json_each(?)))
			AND NOT EXISTS (SELECT 1 FROM "PossibleMatch" m WHERE m."newHouseholdId" = a."householdId" AND m."status" = 'open')
			ORDER BY h."firstEnquiryAt" DESC, h."id"
			LIMIT ${ROWS_PER_CHUNK}`,
			param(keys.map((key) => key.email)),
			param(keys.map((key) => key.phone)),
			param(keys.map((key) => key.name))
		)
		for (const row of rows) {
			// Already indexed by an earlier chunk: each applicant once is enough.
			const seen = keysOf.get(row.householdId) ?? []
			if (seen.some((keys) => keys.email === row.email && keys.phone === row.phone && keys.name === row.name)) continue
			index(row.householdId, { email: row.email, phone: row.phone, name: row.name }, rank.size)
		}
	}
	const matches: NewMatch[] = []
	for (const [position, household] of batch.entries()) {
		const candidates = [
			...new Set(household.keys.flatMap((keys) => lookups(keys).flatMap((key) => byKey.get(key) ?? []))),
		]
		const found = candidates
			.filter((id) => id !== household.id)
			.map((id) => ({ id, kinds: matchedOn(household.keys, keysOf.get(id)!) }))
			.filter((candidate) => candidate.kinds.length > 0)
			.sort((a, b) => matchStrength(b.kinds) - matchStrength(a.kinds) || rank.get(a.id)! - rank.get(b.id)!)
			.slice(0, MAX_MATCHES_PER_HOUSEHOLD)
		for (const candidate of found)
			matches.push({
				newHouseholdId: household.id,
				newReference: household.reference,
				existingHouseholdId: candidate.id,
				matchedOn: candidate.kinds,
			})
		// Not waiting on a match of its own: later households in the batch may match it (newest first).
		if (found.length === 0) for (const keys of household.keys) index(household.id, keys, -1 - position)
	}
	return matches
}

/** Writes the matches found by findPossibleMatches, once their households are in. */
export async function writePossibleMatches(tx: Prisma.TransactionClient, matches: readonly NewMatch[]) {
	if (matches.length === 0) return
	await tx.possibleMatch.createMany({
		data: matches.map((match) => ({ ...match, matchedOn: JSON.stringify(match.matchedOn), createdAt: now() })),
	})
}

/** How many possible matches wait for a decision. */
export function openMatchCount() {
	return prisma.possibleMatch.count({ where: { status: 'open' } })
}

type HouseholdCard = {
	id: string
	reference: string
	displayName: string
	stage: StageKey
	status: HouseholdStatus
}

const CARD = { id: true, reference: true, displayName: true, stage: true, status: true } as const

async function cards(ids: readonly string[]) {
	const rows = await prisma.household.findMany({ where: { id: { in: [...new Set(ids)] } }, select: CARD })
	return new Map(
		rows.map((row) => [row.id, { ...row, stage: row.stage as StageKey, status: row.status as HouseholdStatus }])
	)
}

export type MatchSummary = {
	id: string
	matchedOn: MatchKind[]
	createdAt: Date
	newHousehold: HouseholdCard
	existingHousehold: HouseholdCard
}

/** Open matches, oldest first (the longest waiting), a page at a time. */
export async function listOpenMatches(requestedPage = 1) {
	const where = { status: 'open' }
	const total = await prisma.possibleMatch.count({ where })
	const pages = Math.max(1, Math.ceil(total / MATCHES_PAGE_SIZE))
	const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages)
	const rows = await prisma.possibleMatch.findMany({
		where,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		skip: (page - 1) * MATCHES_PAGE_SIZE,
		take: MATCHES_PAGE_SIZE,
	})
	const households = await cards(rows.flatMap((row) => [row.newHouseholdId, row.existingHouseholdId]))
	const matches: MatchSummary[] = rows.flatMap((row) => {
		const newHousehold = households.get(row.newHouseholdId)
		const existingHousehold = households.get(row.existingHouseholdId)
		if (!newHousehold || !existingHousehold) return []
		return [
			{
				id: row.id,
				matchedOn: parseMatchedOn(row.matchedOn),
				createdAt: row.createdAt,
				newHousehold,
				existingHousehold,
			},
		]
	})
	return { matches, total, page, pages, stageNames: stageNames((await getServiceConfig()).stageNames) }
}

/** The open matches a household is part of, on either side, for the notice on its record. */
export async function openMatchesOf(householdId: string) {
	const rows = await prisma.possibleMatch.findMany({
		where: { status: 'open', OR: [{ newHouseholdId: householdId }, { existingHouseholdId: householdId }] },
		orderBy: { createdAt: 'asc' },
	})
	const households = await cards(rows.flatMap((row) => [row.newHouseholdId, row.existingHouseholdId]))
	return rows.flatMap((row) => {
		const isNew = row.newHouseholdId === householdId
		const other = households.get(isNew ? row.existingHouseholdId : row.newHouseholdId)
		if (!other) return []
		return [
			{
				id: row.id,
				side: isNew ? ('new' as const) : ('existing' as const),
				matchedOn: parseMatchedOn(row.matchedOn),
				other,
			},
		]
	})
}

/** Where a household merged into another now is (for an old link to it), or null. */
export async function mergedInto(householdId: string) {
	const match = await prisma.possibleMatch.findFirst({
		where: { newHouseholdId: householdId, status: 'confirmed' },
		select: { existingHouseholdId: true },
	})
	return match?.existingHouseholdId ?? null
}

// ---------------------------------------------------------------------------------------------
// One match, both sides, as its page shows them

async function side(householdId: string) {
	const household = await prisma.household.findUnique({
		where: { id: householdId },
		include: {
			owner: { select: { name: true } },
			applicants: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] },
			enquiries: { orderBy: { receivedAt: 'asc' }, include: { channel: { select: { label: true } } } },
			referrals: { include: { referrer: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
		},
	})
	if (!household) return null
	return {
		...householdHeadline(household),
		owner: household.owner?.name ?? null,
		applicants: household.applicants.map(({ id, firstName, lastName, email, phone }) => ({
			id,
			name: `${firstName} ${lastName}`,
			email,
			phone,
		})),
		enquiries: household.enquiries.map((enquiry) => ({
			id: enquiry.id,
			reference: enquiry.reference,
			receivedAt: enquiry.receivedAt,
			source: enquiry.source,
			channel: enquiry.channel.label,
		})),
		referrals: household.referrals.map((referral) => ({
			id: referral.id,
			referrer: referral.referrer.name,
			status: referral.status,
			referredOn: referral.referredOn,
		})),
	}
}

export type MatchSide = NonNullable<Awaited<ReturnType<typeof side>>>

/** The match with both households, or null; `householdId` must be one of its two sides. */
export async function loadMatch(matchId: string, householdId: string) {
	const match = await prisma.possibleMatch.findUnique({
		where: { id: matchId },
		include: { decidedBy: { select: { name: true } } },
	})
	if (!match || (match.newHouseholdId !== householdId && match.existingHouseholdId !== householdId)) return null
	const [newHousehold, existingHousehold, config] = await Promise.all([
		side(match.newHouseholdId),
		side(match.existingHouseholdId),
		getServiceConfig(),
	])
	if (!existingHousehold) return null
	return {
		match: {
			id: match.id,
			status: match.status as 'open' | 'confirmed' | 'rejected',
			matchedOn: parseMatchedOn(match.matchedOn),
			newReference: match.newReference,
			decidedBy: match.decidedBy?.name ?? null,
			decidedAt: match.decidedAt,
			reason: match.reason,
			keptDetails: match.keptDetails as KeepDetails | null,
		},
		// Gone once merged: the record of the decision stays.
		newHousehold,
		existingHousehold,
		stageNames: stageNames(config.stageNames),
	}
}

// ---------------------------------------------------------------------------------------------
// Deciding

type Decision = {
	matchId: string
	actor: StaffIdentity
	/** The version of the new household the officer was shown (the known one's too, to merge). */
	newVersion: number
	reason: string
}

/** Claims the open match for this decision; null if someone has decided it already. */
async function claimMatch(
	tx: Prisma.TransactionClient,
	input: Decision,
	status: 'confirmed' | 'rejected',
	keptDetails: KeepDetails | null
) {
	const match = await tx.possibleMatch.findUnique({ where: { id: input.matchId } })
	if (!match) return null
	const claimed = await tx.possibleMatch.updateMany({
		where: { id: match.id, status: 'open' },
		data: { status, decidedById: input.actor.id, decidedAt: now(), reason: input.reason || null, keptDetails },
	})
	return claimed.count === 1 ? match : null
}

/** Moves the household to its next version if it is still at `version`; false if someone saved first. */
async function claimVersion(tx: Prisma.TransactionClient, householdId: string, version: number) {
	const claimed = await tx.household.updateMany({
		where: { id: householdId, version },
		data: { version: { increment: 1 } },
	})
	return claimed.count === 1
}

/** Someone changed one of the two households after the officer looked: nothing is saved. */
const stale: Refusal = { ok: false, error: STALE_MESSAGE, field: null, stale: true }

/**
 * "No, these are different households": both stay as they are; the new household's referrals,
 * which waited, are judged now as they would have been when made. The change is the new
 * household's (its version, its audit); the known household's audit records the decision too.
 */
export async function rejectMatch(input: Decision) {
	const match = await prisma.possibleMatch.findUnique({ where: { id: input.matchId } })
	if (!match) throw new Response('Possible match not found', { status: 404 })
	return changeHousehold<{ existingReference: string; newReference: string }>(
		{
			householdId: match.newHouseholdId,
			expectedVersion: input.newVersion,
			actor: input.actor,
			audit: (value) =>
				`Decided this is not the same household as ${value.existingReference} (possible match rejected)${
					input.reason ? `: ${input.reason}` : ''
				}`,
		},
		async (tx) => {
			const claimed = await claimMatch(tx, input, 'rejected', null)
			if (!claimed) return { ok: false, error: DECIDED_MESSAGE, field: null }
			const existing = await tx.household.findUniqueOrThrow({
				where: { id: claimed.existingHouseholdId },
				select: { reference: true },
			})
			await judgeAwaitingReferrals(tx, claimed.newHouseholdId)
			await recordAudit(tx, {
				actorId: input.actor.id,
				householdId: claimed.existingHouseholdId,
				action: 'changed',
				detail: `Decided ${claimed.newReference} is not this household (possible match rejected)${
					input.reason ? `: ${input.reason}` : ''
				}`,
			})
			return { ok: true, value: { existingReference: existing.reference, newReference: claimed.newReference } }
		}
	)
}

type Merged = {
	newId: string
	newReference: string
	existingId: string
	existingReference: string
	bridge: 'reopen' | 'returned'
	carried: boolean
}

/**
 * "Yes, these are the same household": the new household is merged into the known one, in one
 * transaction that claims both households' versions. The known household gains the new enquiry
 * as a returning enquirer's (a reopen to Enquiry if it had left, or a returned), and the new
 * household's own later stage changes if they fit after it (planMerge); its enquiries, notes,
 * tasks, contact attempts, emails and referrals move across, its referrals are judged against the
 * known household, and the contact details kept are the known household's unless the officer chose
 * the new enquiry's. The new household is then removed (with its funnel row); both ids go in the
 * audit, and the known household's stage copy, clocks and funnel row are worked out again.
 */
export async function confirmMatch(input: Decision & { existingVersion: number; keep: KeepDetails }) {
	const match = await prisma.possibleMatch.findUnique({ where: { id: input.matchId } })
	if (!match) throw new Response('Possible match not found', { status: 404 })
	return changeHousehold<Merged>(
		{
			householdId: match.existingHouseholdId,
			expectedVersion: input.existingVersion,
			actor: input.actor,
			audit: (value) =>
				`Confirmed that ${value.newReference} (household ${value.newId}) is this household (${value.existingReference}, household ${
					value.existingId
				}): merged it in, kept ${input.keep === 'new' ? 'the new enquiry’s' : 'the existing'} contact details${
					value.bridge === 'reopen' ? ', reopened at Enquiry' : ''
				}${input.reason ? `. Reason: ${input.reason}` : ''}`,
		},
		async (tx, existing) => {
			const claimed = await claimMatch(tx, input, 'confirmed', input.keep)
			if (!claimed) return { ok: false, error: DECIDED_MESSAGE, field: null }
			if (!(await claimVersion(tx, claimed.newHouseholdId, input.newVersion))) return stale
			const merged = await merge(tx, { newId: claimed.newHouseholdId, existing, actor: input.actor, keep: input.keep })
			await recordAudit(tx, {
				actorId: input.actor.id,
				householdId: claimed.newHouseholdId,
				action: 'changed',
				detail: `Merged into ${existing.reference} (household ${existing.id}): possible match confirmed${
					input.reason ? `. Reason: ${input.reason}` : ''
				}`,
			})
			return { ok: true, value: merged }
		}
	)
}

async function merge(
	tx: Prisma.TransactionClient,
	input: {
		newId: string
		existing: {
			id: string
			reference: string
			ownerId: string | null
			firstEnquiryAt: Date
			lastEnquiryAt: Date
			searchText: string
		}
		actor: StaffIdentity
		keep: KeepDetails
	}
): Promise<Merged> {
	const { newId, existing, actor } = input
	const incoming = await tx.household.findUniqueOrThrow({
		where: { id: newId },
		include: { applicants: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] } },
	})
	const [existingHistory, incomingHistory] = await Promise.all([stageHistory(tx, existing.id), stageHistory(tx, newId)])
	const first = incomingHistory[0]!
	const plan = planMerge(existingHistory, incomingHistory, first.businessDate)

	// The bridge, then the new household's later events: recorded in that order after the known
	// household's own, so replaying the kept history gives the plan's state.
	const at = Math.max(recordedAt(first).getTime(), ...existingHistory.map((event) => recordedAt(event).getTime() + 1))
	const enquiries = await tx.enquiry.findMany({
		where: { householdId: newId },
		orderBy: { receivedAt: 'asc' },
		select: { reference: true },
	})
	const references = enquiries.map((enquiry) => enquiry.reference).join(', ')
	const bridgeNote = `Enquiry ${references}, first recorded as ${incoming.reference}: confirmed as this household by ${actor.name}`
	const later = incomingHistory.slice(1) as (RecordedStageEvent & { id: string; recordedAt: Date })[]
	await joinHistory(tx, existing.id, {
		at,
		bridge: { ...plan.bridge, note: bridgeNote, actorId: actor.id },
		later: plan.carried ? later : [],
	})
	if (!plan.carried && later.length > 0) await noteNotCarried(tx, existing.id, incoming, actor)

	// Everything else the new household had.
	const moved = { where: { householdId: newId }, data: { householdId: existing.id } }
	await tx.enquiry.updateMany(moved)
	await tx.contactAttempt.updateMany(moved)
	await tx.householdNote.updateMany(moved)
	await tx.householdTask.updateMany(moved)
	await tx.outboxMessage.updateMany(moved)
	await moveReferrals(tx, newId, existing.id)
	await moveOtherMatches(tx, newId, existing.id)

	const { applicants, postcode } = await keepDetails(tx, existing.id, incoming, input.keep)
	// Its owner, if the known household had none (a phone enquiry's officer, say).
	if (!existing.ownerId && incoming.ownerId) await changeOwner(tx, existing, incoming.ownerId, actor.id)

	// Its stage and deadline as its history now has them (the plan's state), and the rest it gained.
	await rewriteHouseholdCopies(tx, existing.id, {
		firstEnquiryAt:
			incoming.firstEnquiryAt < existing.firstEnquiryAt ? incoming.firstEnquiryAt : existing.firstEnquiryAt,
		lastEnquiryAt: incoming.lastEnquiryAt > existing.lastEnquiryAt ? incoming.lastEnquiryAt : existing.lastEnquiryAt,
		...(postcode ? { postcode, displayName: householdDisplayName(applicants) } : {}),
		// Everything that found the merged household finds this one: its references, and the
		// new details too when kept.
		searchText: `${existing.searchText} ${incoming.searchText}`,
	})
	await judgeAwaitingReferrals(tx, existing.id)
	await tx.household.delete({ where: { id: newId } })
	return {
		newId,
		newReference: incoming.reference,
		existingId: existing.id,
		existingReference: existing.reference,
		bridge: plan.bridge.kind,
		carried: plan.carried,
	}
}

type Incoming = Household & { applicants: Applicant[] }

/**
 * Where the new household had got to cannot follow on from the known household's history: said
 * on the record, rather than lost.
 */
async function noteNotCarried(
	tx: Prisma.TransactionClient,
	existingId: string,
	incoming: Incoming,
	actor: StaffIdentity
) {
	const names = stageNames((await getServiceConfig()).stageNames)
	const where = `${names[incoming.stage as StageKey]} (${STATUS_LABELS[incoming.status as HouseholdStatus].toLowerCase()})`
	await tx.householdNote.create({
		data: {
			householdId: existingId,
			authorId: actor.id,
			createdAt: now(),
			body:
				`Before it was merged into this household, ${incoming.reference} was at ${where} since ` +
				`${formatDate(incoming.stageEnteredOn)}. Its stage changes could not follow on from this household’s, ` +
				'so they were not carried over; its contacts, notes and tasks were.',
		},
	})
}

/**
 * The household's people: the known household's, unless the officer chose the new enquiry's
 * details (then its primary applicant's and its postcode, with every applicant's match keys).
 */
async function keepDetails(tx: Prisma.TransactionClient, existingId: string, incoming: Incoming, keep: KeepDetails) {
	const applicants = await tx.applicant.findMany({
		where: { householdId: existingId },
		orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
	})
	const newest = incoming.applicants[0]
	if (keep !== 'new' || !newest || !applicants[0]) return { applicants, postcode: null }
	const postcode = incoming.postcode
	const primary = { firstName: newest.firstName, lastName: newest.lastName, email: newest.email, phone: newest.phone }
	applicants[0] = { ...applicants[0], ...primary }
	for (const applicant of applicants)
		await tx.applicant.update({
			where: { id: applicant.id },
			data: {
				...(applicant.id === applicants[0].id ? primary : {}),
				...applicantKeys(applicant, postcode),
			},
		})
	return { applicants, postcode }
}

function recordedAt(event: RecordedStageEvent): Date {
	return (event as RecordedStageEvent & { recordedAt: Date }).recordedAt
}

/**
 * The merged household's other matches become the kept household's. An open one still asks
 * whether the kept household is that other household (the one that enquired first is the known
 * side); a decided one in which it was the known side stays as history. A pair that repeats one
 * already recorded, or that would join the kept household to itself, is dropped.
 */
async function moveOtherMatches(tx: Prisma.TransactionClient, fromId: string, toId: string) {
	const others = await tx.possibleMatch.findMany({
		where: { OR: [{ newHouseholdId: fromId, status: 'open' }, { existingHouseholdId: fromId }] },
	})
	if (others.length === 0) return
	const kept = await tx.household.findUniqueOrThrow({
		where: { id: toId },
		select: { reference: true, firstEnquiryAt: true },
	})
	for (const other of others) {
		await tx.possibleMatch.delete({ where: { id: other.id } })
		const otherId = other.newHouseholdId === fromId ? other.existingHouseholdId : other.newHouseholdId
		if (otherId === toId) continue
		let pair: { newHouseholdId: string; newReference: string; existingHouseholdId: string }
		if (other.status === 'open') {
			const household = await tx.household.findUnique({
				where: { id: otherId },
				select: { reference: true, firstEnquiryAt: true },
			})
			if (!household) continue
			pair =
				household.firstEnquiryAt <= kept.firstEnquiryAt
					? { newHouseholdId: toId, newReference: kept.reference, existingHouseholdId: otherId }
					: { newHouseholdId: otherId, newReference: household.reference, existingHouseholdId: toId }
		} else {
			pair = { newHouseholdId: other.newHouseholdId, newReference: other.newReference, existingHouseholdId: toId }
		}
		const repeated = await tx.possibleMatch.count({
			where: {
				OR: [
					{ newHouseholdId: pair.newHouseholdId, existingHouseholdId: pair.existingHouseholdId },
					{ newHouseholdId: pair.existingHouseholdId, existingHouseholdId: pair.newHouseholdId },
				],
			},
		})
		if (repeated > 0) continue
		await tx.possibleMatch.create({
			data: {
				...pair,
				matchedOn: other.matchedOn,
				status: other.status,
				decidedById: other.decidedById,
				decidedAt: other.decidedAt,
				reason: other.reason,
				keptDetails: other.keptDetails,
				createdAt: other.createdAt,
			},
		})
	}
}

/**
 * After the upgrade that added the applicants' phone and name keys (their columns start empty),
 * fills them from the same function that writes new ones, a chunk at a time. `npm start` runs it
 * on every start; once every applicant has its keys it finds none and does nothing (a filled
 * nameKey is never empty: it holds at least the '|' between name and postcode).
 */
export async function fillMatchKeysAfterUpgrade(db: Prisma.TransactionClient = prisma): Promise<number> {
	let filled = 0
	for (;;) {
		const applicants = await db.applicant.findMany({
			where: { nameKey: '' },
			take: 500,
			select: { id: true, email: true, phone: true, lastName: true, household: { select: { postcode: true } } },
		})
		if (applicants.length === 0) return filled
		for (const applicant of applicants) {
			const { phoneKey, nameKey } = applicantKeys(applicant, applicant.household.postcode)
			await db.applicant.update({ where: { id: applicant.id }, data: { phoneKey, nameKey } })
		}
		filled += applicants.length
	}
}

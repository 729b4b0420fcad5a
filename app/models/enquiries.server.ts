// Recording enquiries from the form and from staff, exactly once each, a batch of them to a
// transaction (GroupCommit): what the enquirer is shown (their receipt), the household the writer
// makes for each new one, and the emails that go with it.

import crypto, { createHash } from 'node:crypto'
import { renderEnquiryAcknowledgement } from '../../emails/enquiry-acknowledgement.ts'
import { renderNewEnquiryAlert } from '../../emails/new-enquiry-alert.ts'
import { CHANNEL_LABELS, type ChannelKey } from '~/domain/attribution.ts'
import {
	enquiryIntake,
	sortArrivals,
	type EnquiryIntakeInput,
	type StoredArrival,
	type Verdict,
} from '~/domain/enquiry-intake.ts'
import { postcodeDistrict, type ValidEnquiry } from '~/domain/enquiry-form.ts'
import type { HouseholdRows } from '~/domain/household-intake.ts'
import { newReference } from '~/domain/reference.ts'
import { enquiryAlertRecipients, type ServiceConfig } from '~/domain/service-config.ts'
import { formatLongDate } from '~/domain/working-days.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { GroupCommit, type BatchOutcome } from '~/utils/group-commit.ts'
import { transactionStatement } from '~/utils/one-connection.server.ts'
import { siteOrigin, siteUrl } from '~/utils/site-url.server.ts'
import { recordAudit, type AuditRecord } from './audit.server.ts'
import { channelLookup } from './channels.server.ts'
import { rowsOf, writeHouseholds } from './household-writer.server.ts'
import { storedTimestamp } from './row-inserts.server.ts'
import { enqueueEmails, type OutboxEmail } from './outbox.server.ts'
import {
	findPossibleMatches,
	writePossibleMatches,
	type NewHouseholdKeys,
	type NewMatch,
} from './possible-matches.server.ts'
import { referralsFromEnquiries } from './referrals.server.ts'

/** An enquiry to record: as app/domain/enquiry-intake.ts takes it, with its channel's key. */
export type NewEnquiry = EnquiryIntakeInput & {
	/** A channel's key: one the public form derives, or any active one staff choose. */
	channel: ChannelKey | (string & {})
}

/** A held-back enquiry that is no longer there to release (released or deleted by someone else). */
export class QuarantineGone extends Error {
	constructor() {
		super('This enquiry has already been released or deleted')
	}
}

export type EnquiryReceipt = { reference: string; householdId: string; isKinship: boolean; channel: string }
export type RecordedEnquiry = { receipt: EnquiryReceipt; created: boolean }

type PendingEnquiry = NewEnquiry & { config: ServiceConfig }

const MAX_ATTEMPTS = 5
/** How long the same answers sent again count as the same enquiry. */
const RESUBMISSION_WINDOW_MS = 24 * 60 * 60 * 1000

const receiptSelect = {
	submissionKey: true,
	fingerprint: true,
	reference: true,
	householdId: true,
	isKinship: true,
	channelId: true,
} as const

type ReceiptRow = Prisma.EnquiryGetPayload<{ select: typeof receiptSelect }>

async function toReceipt(enquiry: ReceiptRow): Promise<EnquiryReceipt> {
	return {
		reference: enquiry.reference,
		householdId: enquiry.householdId,
		isKinship: enquiry.isKinship,
		channel: (await channelLookup()).keyById.get(enquiry.channelId) ?? 'other',
	}
}

const writer = new GroupCommit<PendingEnquiry, RecordedEnquiry>(writeEnquiries)

/**
 * Records an enquiry exactly once: a household of its own, the applicant, the enquiry with its
 * attribution, the first stage event, any possible match with a household already known (which is
 * not touched: an officer decides, ADR 016) and the emails in the outbox, all in one transaction.
 * A repeat of a submission key writes nothing and returns the first enquiry's receipt. Resolves
 * only once the enquiry is committed.
 */
export async function recordEnquiry(input: NewEnquiry, config: ServiceConfig): Promise<RecordedEnquiry> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await writer.submit({ ...input, config })
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error
			// Another process wrote the same submission first (answer with its receipt), or a new
			// reference clashed with one written meanwhile (write again with new references).
			const winner = await findReceipt({ submissionKey: input.submissionKey })
			if (winner) return { receipt: winner, created: false }
		}
	}
}

/** The service's channels in their order; retired ones stay for history (activeOnly: those staff may choose). */
export async function listChannels({ activeOnly = false } = {}) {
	return prisma.channel.findMany({
		where: activeOnly ? { retiredAt: null } : {},
		orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }],
		select: { id: true, key: true, label: true },
	})
}

export async function findReceipt(where: { submissionKey: string } | { reference: string }) {
	const enquiry = await prisma.enquiry.findUnique({ where, select: receiptSelect })
	return enquiry ? await toReceipt(enquiry) : null
}

/** The same answers give the same fingerprint, however they were typed (case, spaces) or ordered. */
export function enquiryFingerprint(answers: ValidEnquiry): string {
	const canonical = JSON.stringify(
		{
			...answers,
			email: answers.email.toLowerCase(),
			fosteringInterests: [...answers.fosteringInterests].sort(),
		},
		Object.keys(answers).sort()
	)
	return createHash('sha256').update(canonical).digest('base64url')
}

function isUniqueViolation(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

async function writeEnquiries(batch: PendingEnquiry[]): Promise<BatchOutcome<RecordedEnquiry>[]> {
	try {
		return await prisma.$transaction((tx) => writeInTransaction(tx, batch))
	} catch (error) {
		if (batch.length === 1) return [{ ok: false, error }]
		// One bad enquiry must not take the others with it: write each on its own.
		const outcomes: BatchOutcome<RecordedEnquiry>[] = []
		for (const enquiry of batch) outcomes.push(...(await writeEnquiries([enquiry])))
		return outcomes
	}
}

/**
 * One batch in one transaction: finding repeats, then for the new enquiries the pure intake step
 * (app/domain/enquiry-intake.ts, household-intake.ts), matching households already known, and the
 * write (app/models/household-writer.server.ts), with the emails and any releases.
 */
async function writeInTransaction(
	tx: Prisma.TransactionClient,
	batch: PendingEnquiry[]
): Promise<BatchOutcome<RecordedEnquiry>[]> {
	const fingerprints = batch.map((item) => enquiryFingerprint(item.answers))
	const verdicts = sortArrivals(
		batch.map((item, index) => ({
			submissionKey: item.submissionKey,
			fingerprint: fingerprints[index]!,
			receivedAt: item.receivedAt,
			releaseId: item.release?.quarantineId ?? null,
		})),
		await findRepeats(tx, batch, fingerprints),
		await heldStill(tx, batch),
		RESUBMISSION_WINDOW_MS
	)
	const fresh = batch.flatMap((item, index) =>
		verdicts[index]!.kind === 'new' ? [{ item, fingerprint: fingerprints[index]!, index }] : []
	)
	const rows = fresh.length === 0 ? [] : await rowsOf(tx, await intakesOf(tx, fresh))
	const matches = await findPossibleMatches(tx, rows.map(matchKeysOf))
	await writeHouseholds(tx, rows)
	await writePossibleMatches(tx, matches)
	// After the matches: the referral of a household that may be one already known waits.
	await referralsFromEnquiries(
		tx,
		rows.flatMap((row) => row.referrals)
	)
	if (rows.length > 0) enqueueEmails(await enquiryEmails(tx, fresh, rows, matches))

	const created = new Map(fresh.map(({ item, index }, n) => [index, receiptOf(item, rows[n]!)]))
	const { outcomes, releases, audit } = answers(batch, verdicts, created)
	if (releases.length > 0) await tx.quarantinedEnquiry.deleteMany({ where: { id: { in: releases } } })
	await recordAudit(tx, audit)
	return outcomes
}

type Fresh = { item: PendingEnquiry; fingerprint: string; index: number }

/**
 * What each enquiry of the batch is answered with (its receipt, or the first one's for a repeat),
 * and the held-back enquiries it releases, with the audit of a release of one already recorded.
 */
function answers(
	batch: readonly PendingEnquiry[],
	verdicts: readonly Verdict<EnquiryReceipt>[],
	created: ReadonlyMap<number, EnquiryReceipt>
) {
	const releases: string[] = []
	const audit: AuditRecord[] = []
	const outcomes = verdicts.map((verdict, index): BatchOutcome<RecordedEnquiry> => {
		const { release } = batch[index]!
		if (verdict.kind === 'gone') return { ok: false, error: new QuarantineGone() }
		if (release && (verdict.kind === 'new' || verdict.releases)) releases.push(release.quarantineId)
		if (verdict.kind === 'new') return { ok: true, value: { receipt: created.get(index)!, created: true } }
		const repeat = 'receipt' in verdict.of ? verdict.of.receipt : created.get(verdict.of.item)!
		if (release && verdict.releases)
			audit.push({
				actorId: release.actorId,
				householdId: repeat.householdId,
				action: 'changed',
				detail: `Released an enquiry held back by the spam trap: it was already recorded as ${repeat.reference}`,
			})
		return { ok: true, value: { receipt: repeat, created: false } }
	})
	return { outcomes, releases, audit }
}

// The batch's reads that grow with it run on the transaction's own connection (as the writer's
// inserts do): Prisma's findMany and count cost a batch more than its other reads (ADR 028).
const REPEATS_SQL = `SELECT "submissionKey", "fingerprint", "reference", "householdId", "isKinship", "channelId", "receivedAt"
	FROM "Enquiry"
	WHERE "submissionKey" IN (SELECT value FROM json_each(@keys))
		OR ("fingerprint" IN (SELECT value FROM json_each(@fingerprints)) AND "receivedAt" >= @since)
	ORDER BY "receivedAt"`

type StoredRepeat = Omit<ReceiptRow, 'isKinship'> & { isKinship: bigint | number; receivedAt: string }

/** Stored enquiries a batch may repeat: the same submission keys, or the same answers within the window. */
async function findRepeats(
	tx: Prisma.TransactionClient,
	batch: readonly PendingEnquiry[],
	fingerprints: readonly string[]
): Promise<StoredArrival<EnquiryReceipt>[]> {
	const since = new Date(Math.min(...batch.map((item) => item.receivedAt.getTime())) - RESUBMISSION_WINDOW_MS)
	const stored = transactionStatement(REPEATS_SQL).all({
		keys: JSON.stringify(batch.map((item) => item.submissionKey)),
		fingerprints: JSON.stringify(fingerprints),
		since: storedTimestamp(since),
	}) as StoredRepeat[]
	const repeats: StoredArrival<EnquiryReceipt>[] = []
	for (const row of stored) {
		const enquiry = { ...row, isKinship: Number(row.isKinship) === 1, receivedAt: new Date(row.receivedAt) }
		repeats.push({ ...enquiry, receipt: await toReceipt(enquiry) })
	}
	return repeats
}

/** Held-back enquiries being released must still be there: a second release finds nothing. */
async function heldStill(tx: Prisma.TransactionClient, batch: readonly PendingEnquiry[]) {
	const releasing = batch.flatMap((item) => (item.release ? [item.release.quarantineId] : []))
	if (releasing.length === 0) return new Set<string>()
	const held = await tx.quarantinedEnquiry.findMany({ where: { id: { in: releasing } }, select: { id: true } })
	return new Set(held.map((row) => row.id))
}

/** The new enquiries' households, from what they were sent with and what was found for them. */
async function intakesOf(tx: Prisma.TransactionClient, fresh: readonly Fresh[]) {
	const codes = fresh.flatMap(({ item }) => item.attribution.referralCode ?? [])
	const referralIds = new Map(
		codes.length === 0
			? []
			: (
					await tx.referralCode.findMany({
						where: { code: { in: codes }, active: true },
						select: { id: true, code: true },
					})
				).map((referral) => [referral.code, referral.id])
	)
	const { idByKey } = await channelLookup()
	const references = freshReferences(fresh.length)
	const day = today()
	return fresh.map(({ item, fingerprint }, n) =>
		enquiryIntake(item, {
			householdId: crypto.randomUUID(),
			householdReference: references.households[n]!,
			enquiryId: crypto.randomUUID(),
			enquiryReference: item.release?.reference ?? references.enquiries[n]!,
			fingerprint,
			channelId: idByKey.get(item.channel)!,
			referralCodeId: (item.attribution.referralCode && referralIds.get(item.attribution.referralCode)) || null,
			privacyNoticeUrl: item.config.privacyNoticeUrl,
			today: day,
		})
	)
}

function matchKeysOf(rows: HouseholdRows): NewHouseholdKeys {
	return { id: rows.household.id, reference: rows.household.reference, keys: rows.keys }
}

function receiptOf(item: PendingEnquiry, rows: HouseholdRows): EnquiryReceipt {
	const { household, enquiries } = rows
	return {
		reference: enquiries[0]!.reference,
		householdId: household.id,
		isKinship: household.route === 'kinship',
		channel: item.channel,
	}
}

/** The acknowledgement to each new enquirer and the alert to the team, with any possible match. */
async function enquiryEmails(
	tx: Prisma.TransactionClient,
	fresh: readonly Fresh[],
	rows: readonly HouseholdRows[],
	matches: readonly NewMatch[]
): Promise<OutboxEmail[]> {
	const references = new Map(rows.map(({ household }) => [household.id, household.reference]))
	const stored = matches.map((match) => match.existingHouseholdId).filter((id) => !references.has(id))
	if (stored.length > 0)
		for (const household of await tx.household.findMany({
			where: { id: { in: stored } },
			select: { id: true, reference: true },
		}))
			references.set(household.id, household.reference)
	const { labelByKey } = await channelLookup()
	return fresh.flatMap(({ item }, n) => {
		const { household, enquiries } = rows[n]!
		const match = matches.find((candidate) => candidate.newHouseholdId === household.id)
		return emailsFor(item, {
			householdId: household.id,
			householdReference: household.reference,
			reference: enquiries[0]!.reference,
			possibleMatch: match ? (references.get(match.existingHouseholdId) ?? null) : null,
			channelLabel: labelByKey.get(item.channel) ?? CHANNEL_LABELS[item.channel as ChannelKey] ?? item.channel,
			firstContactDeadline: household.nextClockDeadline!,
		})
	})
}

function emailsFor(
	item: PendingEnquiry,
	found: {
		householdId: string
		householdReference: string
		reference: string
		possibleMatch: string | null
		channelLabel: string
		firstContactDeadline: string
	}
): OutboxEmail[] {
	const { answers, config } = item
	const isKinship = answers.kinship === 'yes'
	return [
		{
			template: 'enquiry-acknowledgement',
			to: answers.email,
			householdId: found.householdId,
			...renderEnquiryAcknowledgement({
				firstName: answers.firstName,
				reference: found.reference,
				serviceName: config.serviceName,
				organisationName: config.organisationName,
				firstContactWorkingDays: config.targets.firstContactWorkingDays,
				phone: config.phone,
				phoneHours: config.phoneHours,
				publicEmail: config.publicEmail,
				isKinship,
				bestTimeToCall: answers.bestTimeToCall,
				origin: siteOrigin(),
				source: item.source,
			}),
		},
		...enquiryAlertRecipients(config, isKinship).map((to) => ({
			template: 'new-enquiry-alert',
			to,
			...renderNewEnquiryAlert({
				reference: found.reference,
				householdReference: found.householdReference,
				applicantName: `${answers.firstName} ${answers.lastName}`,
				isKinship,
				possibleMatch: found.possibleMatch,
				channelLabel: found.channelLabel,
				postcodeDistrict: postcodeDistrict(answers.postcode),
				receivedAt: item.receivedAt,
				// The same deadline the pipeline shows: closure days and the targets in force count.
				firstContactDeadline: formatLongDate(found.firstContactDeadline),
				staffUrl: siteUrl(`/staff/households/${found.householdId}`),
				serviceName: config.serviceName,
			}),
		})),
	]
}

// A held-back enquiry keeps the reference its sender was shown: no new enquiry may take it either.
const TAKEN_REFERENCES_SQL = `SELECT 'enquiry' AS "kind" FROM "Enquiry" WHERE "reference" IN (SELECT value FROM json_each(@enquiries))
	UNION ALL SELECT 'enquiry' FROM "QuarantinedEnquiry" WHERE "reference" IN (SELECT value FROM json_each(@enquiries))
	UNION ALL SELECT 'household' FROM "Household" WHERE "reference" IN (SELECT value FROM json_each(@households))`

/** `count` new enquiry and household references that no existing record has. */
function freshReferences(count: number) {
	const draw = (kind: 'enquiry' | 'household') => {
		const drawn = new Set<string>()
		while (drawn.size < count) drawn.add(newReference(kind))
		return [...drawn]
	}
	let enquiries = draw('enquiry')
	let households = draw('household')
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		const taken = new Set(
			(
				transactionStatement(TAKEN_REFERENCES_SQL).all({
					enquiries: JSON.stringify(enquiries),
					households: JSON.stringify(households),
				}) as { kind: 'enquiry' | 'household' }[]
			).map((row) => row.kind)
		)
		if (taken.size === 0) break
		if (taken.has('enquiry')) enquiries = draw('enquiry')
		if (taken.has('household')) households = draw('household')
	}
	return { enquiries, households }
}

/** One enquiry reference no enquiry, held back or recorded, has: for an enquiry the spam trap holds back. */
export async function freshEnquiryReference(_tx: Prisma.TransactionClient) {
	return freshReferences(1).enquiries[0]!
}

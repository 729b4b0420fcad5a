import { createHash } from 'node:crypto'
import { renderEnquiryAcknowledgement } from '../../emails/enquiry-acknowledgement.ts'
import { renderNewEnquiryAlert } from '../../emails/new-enquiry-alert.ts'
import { CHANNEL_LABELS, type Attribution, type ChannelKey } from '~/domain/attribution.ts'
import { postcodeDistrict, type ValidEnquiry } from '~/domain/enquiry-form.ts'
import { applicantKeys, matchKeys } from '~/domain/possible-matches.ts'
import { householdDisplayName, householdSearchText } from '~/domain/household-search.ts'
import { newReference } from '~/domain/reference.ts'
import { enquiryAlertRecipients, type ServiceConfig } from '~/domain/service-config.ts'
import { formatLongDate, londonDate } from '~/domain/working-days.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { GroupCommit, type BatchOutcome } from '~/utils/group-commit.ts'
import { recordAudit, type AuditRecord } from './audit.server.ts'
import { outboxRows, type OutboxEmail } from './outbox.server.ts'
import { findPossibleMatches, writePossibleMatches } from './possible-matches.server.ts'
import { refreshFunnelFacts } from './funnel-facts.server.ts'
import { referralsFromEnquiries } from './referrals.server.ts'
import { clockContext, clockFields } from './response-clocks.server.ts'
import { siteOrigin, siteUrl } from '~/utils/site-url.server.ts'

export type NewEnquiry = {
	submissionKey: string
	source: 'web' | 'phone' | 'event'
	answers: ValidEnquiry
	attribution: Attribution
	/** How the referral code came: the carer's link (the `ref` it carried) or typed in the form. */
	referralVia?: 'link' | 'code'
	/** A channel's key: one the public form derives, or any active one staff choose. */
	channel: ChannelKey | (string & {})
	consentWording: string
	receivedAt: Date
	/**
	 * An enquiry staff took by phone or at an event: they are its first event's actor (with the
	 * reason for a date before today) and the new household's owner, and the audit says so.
	 */
	staff?: { actorId: string; backdateReason: string | null; audit: string }
	/**
	 * An enquiry the spam trap held back, released by a member of staff: its row goes in the same
	 * transaction (so it is released once), it keeps the reference its sender was shown, and the
	 * release is audited. Refused with QuarantineGone if someone released or deleted it first.
	 */
	release?: { quarantineId: string; reference: string; actorId: string }
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

// Channels are renamed or retired but never re-keyed or deleted, so each process can remember
// which id has which key. Managers add channels in the settings: a key or id this process has not
// seen yet makes it read the list again.
let channels:
	| { idByKey: Map<string, string>; keyById: Map<string, string>; labelByKey: Map<string, string> }
	| undefined

async function channelLookup(
	db: Prisma.TransactionClient = prisma,
	need: { keys?: readonly string[]; ids?: readonly string[] } = {}
) {
	const known = channels
	if (known && !need.keys?.some((key) => !known.idByKey.has(key)) && !need.ids?.some((id) => !known.keyById.has(id))) {
		return known
	}
	const rows = await db.channel.findMany({ select: { id: true, key: true, label: true } })
	channels = {
		idByKey: new Map(rows.map((row) => [row.key, row.id])),
		keyById: new Map(rows.map((row) => [row.id, row.key])),
		labelByKey: new Map(rows.map((row) => [row.key, row.label])),
	}
	return channels
}

async function toReceipt(enquiry: ReceiptRow, db?: Prisma.TransactionClient): Promise<EnquiryReceipt> {
	return {
		reference: enquiry.reference,
		householdId: enquiry.householdId,
		isKinship: enquiry.isKinship,
		channel: (await channelLookup(db, { ids: [enquiry.channelId] })).keyById.get(enquiry.channelId) ?? 'other',
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
export async function recordEnquiry(
	input: NewEnquiry,
	config: ServiceConfig
): Promise<RecordedEnquiry> {
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

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): to be split into finding repeats, matching, a pure intake step and the write (the household writer)
async function writeInTransaction(
	tx: Prisma.TransactionClient,
	batch: PendingEnquiry[]
): Promise<BatchOutcome<RecordedEnquiry>[]> {
	// Repeats: the same submission key, or the same answers sent again within the window.
	const fingerprints = batch.map((item) => enquiryFingerprint(item.answers))
	const byKey = new Map<string, EnquiryReceipt>()
	const byFingerprint = new Map<string, { receipt: EnquiryReceipt; at: number }[]>()
	// Within the window of each other: a released enquiry (or a back-dated one) is compared with
	// what arrived around its own time, not with what arrived since.
	const sameAnswers = (fingerprint: string, at: Date) =>
		byFingerprint
			.get(fingerprint)
			?.find((earlier) => Math.abs(earlier.at - at.getTime()) <= RESUBMISSION_WINDOW_MS)?.receipt
	const remember = (fingerprint: string, receipt: EnquiryReceipt, at: Date) =>
		byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), { receipt, at: at.getTime() }])
	const since = new Date(Math.min(...batch.map((item) => item.receivedAt.getTime())) - RESUBMISSION_WINDOW_MS)
	for (const enquiry of await tx.enquiry.findMany({
		where: {
			OR: [
				{ submissionKey: { in: batch.map((item) => item.submissionKey) } },
				{ fingerprint: { in: fingerprints }, receivedAt: { gte: since } },
			],
		},
		orderBy: { receivedAt: 'asc' },
		select: { ...receiptSelect, receivedAt: true },
	})) {
		const receipt = await toReceipt(enquiry, tx)
		byKey.set(enquiry.submissionKey, receipt)
		if (enquiry.fingerprint) remember(enquiry.fingerprint, receipt, enquiry.receivedAt)
	}

	// Held-back enquiries being released must still be there: a second release finds nothing.
	const releasing = batch.flatMap((item) => (item.release ? [item.release.quarantineId] : []))
	const stillHeld = new Set(
		releasing.length === 0
			? []
			: (
					await tx.quarantinedEnquiry.findMany({ where: { id: { in: releasing } }, select: { id: true } })
			  ).map((row) => row.id)
	)

	const codes = batch.flatMap((item) => item.attribution.referralCode ?? [])
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
	const { idByKey: channelIds, labelByKey: channelLabels } = await channelLookup(tx, {
		keys: batch.map((item) => item.channel),
	})
	const references = await freshReferences(tx, batch.length)
	// Each new household may be one the service already knows (or one earlier in this batch).
	const newHouseholds = batch.map((item, index) => ({
		id: crypto.randomUUID(),
		reference: references.households[index]!,
		keys: [matchKeys(item.answers, item.answers.postcode)],
	}))
	// Which items write a household: not a repeat (of a stored enquiry or one earlier in this
	// batch), and not a release of an enquiry someone else released or deleted first.
	// The same rules as the writing loop below, which relies on these answers.
	const claimedKeys = new Set<string>()
	const claimedAnswers: { fingerprint: string; at: number }[] = []
	const writes = batch.map((item, index) => {
		const fingerprint = fingerprints[index]!
		const at = item.receivedAt.getTime()
		if (byKey.has(item.submissionKey) || sameAnswers(fingerprint, item.receivedAt)) return false
		if (claimedKeys.has(item.submissionKey)) return false
		if (claimedAnswers.some((other) => other.fingerprint === fingerprint && Math.abs(other.at - at) <= RESUBMISSION_WINDOW_MS))
			return false
		if (item.release && !stillHeld.has(item.release.quarantineId)) return false
		claimedKeys.add(item.submissionKey)
		claimedAnswers.push({ fingerprint, at })
		return true
	})
	const matches = await findPossibleMatches(
		tx,
		newHouseholds.filter((_household, index) => writes[index])
	)
	const knownReferences = new Map(
		(
			await tx.household.findMany({
				where: { id: { in: matches.map((match) => match.existingHouseholdId) } },
				select: { id: true, reference: true },
			})
		).map((household) => [household.id, household.reference])
	)
	for (const household of newHouseholds) knownReferences.set(household.id, household.reference)

	const rows = {
		households: [] as Prisma.HouseholdCreateManyInput[],
		applicants: [] as Prisma.ApplicantCreateManyInput[],
		events: [] as Prisma.StageEventCreateManyInput[],
		enquiries: [] as Prisma.EnquiryCreateManyInput[],
		emails: [] as OutboxEmail[],
		owners: [] as Prisma.OwnerChangeCreateManyInput[],
		audit: [] as AuditRecord[],
		referrals: [] as Parameters<typeof referralsFromEnquiries>[1],
		released: [] as string[],
	}

	// A new enquiry starts the first-contact clock.
	const clocks = await clockContext(tx)
	const enquiryClock = (on: string) =>
		clockFields([{ kind: 'entered', fromStage: null, toStage: 'enquiry', businessDate: on }], clocks)

	// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): the write of one enquiry inside the batch; goes with the split of writeInTransaction
	const outcomes = batch.map((item, index): BatchOutcome<RecordedEnquiry> => {
		const fingerprint = fingerprints[index]!
		if (!writes[index]) {
			const repeat = byKey.get(item.submissionKey) ?? sameAnswers(fingerprint, item.receivedAt)
			if (!repeat) return { ok: false, error: new QuarantineGone() }
			// Already recorded (a double click on Release, or the same answers sent again without
			// the trap): releasing it records nothing more than the release.
			if (item.release && stillHeld.delete(item.release.quarantineId)) {
				rows.released.push(item.release.quarantineId)
				rows.audit.push({
					actorId: item.release.actorId,
					householdId: repeat.householdId,
					action: 'changed',
					detail: `Released an enquiry held back by the spam trap: it was already recorded as ${repeat.reference}`,
				})
			}
			return { ok: true, value: { receipt: repeat, created: false } }
		}
		if (item.release) {
			stillHeld.delete(item.release.quarantineId)
			rows.released.push(item.release.quarantineId)
		}

		const { answers, attribution, config } = item
		const isKinship = answers.kinship === 'yes'
		const today = londonDate(item.receivedAt)
		const reference = item.release?.reference ?? references.enquiries[index]!
		const household = newHouseholds[index]!
		const possibleMatch = matches.find((match) => match.newHouseholdId === household.id)

		rows.households.push({
			id: household.id,
			reference: household.reference,
			route: isKinship ? 'kinship' : 'mainstream',
			stage: 'enquiry',
			stageEnteredOn: today,
			...enquiryClock(today),
			postcode: answers.postcode,
			spareBedroom: answers.spareBedroom,
			householdMembers: answers.householdMembers,
			fosteringInterests: JSON.stringify(answers.fosteringInterests),
			firstEnquiryAt: item.receivedAt,
			lastEnquiryAt: item.receivedAt,
			displayName: householdDisplayName([answers]),
			searchText: householdSearchText({
				reference: household.reference,
				postcode: answers.postcode,
				applicants: [answers],
				enquiryReferences: [reference],
			}),
			channelId: channelIds.get(item.channel)!,
			ownerId: item.staff?.actorId,
		})
		if (item.staff)
			rows.owners.push({
				householdId: household.id,
				toOwnerId: item.staff.actorId,
				actorId: item.staff.actorId,
				changedAt: now(),
			})
		rows.applicants.push({
			householdId: household.id,
			firstName: answers.firstName,
			lastName: answers.lastName,
			email: answers.email,
			phone: answers.phone,
			...applicantKeys(answers, answers.postcode),
		})
		rows.events.push({
			householdId: household.id,
			kind: 'entered',
			toStage: 'enquiry',
			businessDate: today,
			actorId: item.staff?.actorId,
			backdateReason: item.staff?.backdateReason,
		})

		const enquiryId = crypto.randomUUID()
		const referralCodeId = attribution.referralCode ? referralIds.get(attribution.referralCode) : undefined
		if (referralCodeId) {
			rows.referrals.push({
				householdId: household.id,
				enquiryId,
				referralCodeId,
				via: item.referralVia ?? 'code',
				receivedAt: item.receivedAt,
			})
		}
		rows.enquiries.push({
			id: enquiryId,
			householdId: household.id,
			submissionKey: item.submissionKey,
			fingerprint,
			reference,
			source: item.source,
			receivedAt: item.receivedAt,
			firstName: answers.firstName,
			lastName: answers.lastName,
			email: answers.email,
			phone: answers.phone,
			postcode: answers.postcode,
			bestTimeToCall: answers.bestTimeToCall,
			spareBedroom: answers.spareBedroom,
			householdMembers: answers.householdMembers,
			fosteringInterests: JSON.stringify(answers.fosteringInterests),
			isKinship,
			kinshipDetails: isKinship ? answers.kinshipDetails || null : null,
			howHeard: answers.howHeard,
			howHeardOther: answers.howHeard === 'other' ? answers.howHeardOther : null,
			channelId: channelIds.get(item.channel)!,
			utmSource: attribution.utmSource,
			utmMedium: attribution.utmMedium,
			utmCampaign: attribution.utmCampaign,
			utmContent: attribution.utmContent,
			referringSite: attribution.referringSite,
			landingPage: attribution.landingPage,
			referralCodeText: attribution.referralCode,
			referralCodeId,
			consentGiven: true,
			consentWording: item.consentWording,
			privacyNoticeUrl: config.privacyNoticeUrl,
		})

		if (item.staff)
			rows.audit.push({
				actorId: item.staff.actorId,
				householdId: household.id,
				action: 'changed',
				detail: item.staff.audit,
			})
		if (item.release)
			rows.audit.push({
				actorId: item.release.actorId,
				householdId: household.id,
				action: 'changed',
				detail: `Released enquiry ${reference}, held back by the spam trap since ${formatLongDate(today)}`,
			})

		rows.emails.push(
			{
				template: 'enquiry-acknowledgement',
				to: answers.email,
				householdId: household.id,
				...renderEnquiryAcknowledgement({
					firstName: answers.firstName,
					reference,
					serviceName: config.serviceName,
					organisationName: config.organisationName,
					firstContactWorkingDays: config.targets.firstContactWorkingDays,
					phone: config.phone,
					phoneHours: config.phoneHours,
					publicEmail: config.publicEmail,
					isKinship,
					origin: siteOrigin(),
					source: item.source,
				}),
			},
			...enquiryAlertRecipients(config, isKinship).map((to) => ({
				template: 'new-enquiry-alert',
				to,
				...renderNewEnquiryAlert({
					reference,
					householdReference: household.reference,
					applicantName: `${answers.firstName} ${answers.lastName}`,
					isKinship,
					possibleMatch: possibleMatch ? knownReferences.get(possibleMatch.existingHouseholdId) ?? null : null,
					channelLabel: channelLabels.get(item.channel) ?? CHANNEL_LABELS[item.channel as ChannelKey] ?? item.channel,
					postcodeDistrict: postcodeDistrict(answers.postcode),
					receivedAt: item.receivedAt,
					// The same deadline the pipeline shows: closure days and the targets in force count.
					firstContactDeadline: formatLongDate(enquiryClock(today).nextClockDeadline!),
					staffUrl: siteUrl(`/staff/households/${household.id}`),
					serviceName: config.serviceName,
				}),
			}))
		)

		const receipt = { reference, householdId: household.id, isKinship, channel: item.channel }
		byKey.set(item.submissionKey, receipt)
		remember(fingerprint, receipt, item.receivedAt)
		return { ok: true, value: { receipt, created: true } }
	})

	if (rows.households.length > 0) await tx.household.createMany({ data: rows.households })
	if (rows.applicants.length > 0) await tx.applicant.createMany({ data: rows.applicants })
	await writePossibleMatches(tx, matches)
	if (rows.events.length > 0) await tx.stageEvent.createMany({ data: rows.events })
	if (rows.enquiries.length > 0) await tx.enquiry.createMany({ data: rows.enquiries })
	if (rows.emails.length > 0) await tx.outboxMessage.createMany({ data: outboxRows(rows.emails) })
	if (rows.owners.length > 0) await tx.ownerChange.createMany({ data: rows.owners })
	if (rows.released.length > 0) await tx.quarantinedEnquiry.deleteMany({ where: { id: { in: rows.released } } })
	// After the matches: the referral of a household that may be one already known waits.
	await referralsFromEnquiries(tx, rows.referrals)
	// New households join the funnel.
	await refreshFunnelFacts(
		tx,
		rows.households.map((household) => household.id!)
	)
	await recordAudit(tx, rows.audit)
	return outcomes
}

/** `count` new enquiry and household references that no existing record has. */
async function freshReferences(tx: Prisma.TransactionClient, count: number) {
	const draw = (kind: 'enquiry' | 'household') => {
		const drawn = new Set<string>()
		while (drawn.size < count) drawn.add(newReference(kind))
		return [...drawn]
	}
	let enquiries = draw('enquiry')
	let households = draw('household')
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		// A held-back enquiry keeps the reference its sender was shown: no new enquiry may take it.
		const takenEnquiries =
			(await tx.enquiry.count({ where: { reference: { in: enquiries } } })) +
			(await tx.quarantinedEnquiry.count({ where: { reference: { in: enquiries } } }))
		const takenHouseholds = await tx.household.count({ where: { reference: { in: households } } })
		if (takenEnquiries === 0 && takenHouseholds === 0) break
		if (takenEnquiries > 0) enquiries = draw('enquiry')
		if (takenHouseholds > 0) households = draw('household')
	}
	return { enquiries, households }
}

/** One enquiry reference no enquiry, held back or recorded, has: for an enquiry the spam trap holds back. */
export async function freshEnquiryReference(tx: Prisma.TransactionClient) {
	return (await freshReferences(tx, 1)).enquiries[0]!
}

import { createHash } from 'node:crypto'
import { renderEnquiryAcknowledgement } from '../../emails/enquiry-acknowledgement.ts'
import { renderNewEnquiryAlert } from '../../emails/new-enquiry-alert.ts'
import { CHANNEL_LABELS, type Attribution, type ChannelKey } from '~/domain/attribution.ts'
import { postcodeDistrict, type ValidEnquiry } from '~/domain/enquiry-form.ts'
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
 * Records an enquiry exactly once: the household (or the existing one its email address belongs
 * to), the applicant, the enquiry with its attribution, the first stage event and the emails in
 * the outbox, all in one transaction. A repeat of a submission key writes nothing and returns the
 * first enquiry's receipt. Resolves only once the enquiry is committed.
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

async function writeInTransaction(
	tx: Prisma.TransactionClient,
	batch: PendingEnquiry[]
): Promise<BatchOutcome<RecordedEnquiry>[]> {
	// Repeats: the same submission key, or the same answers sent again within the window.
	const fingerprints = batch.map((item) => enquiryFingerprint(item.answers))
	const byKey = new Map<string, EnquiryReceipt>()
	const byFingerprint = new Map<string, EnquiryReceipt>()
	const since = new Date(Math.min(...batch.map((item) => item.receivedAt.getTime())) - RESUBMISSION_WINDOW_MS)
	for (const enquiry of await tx.enquiry.findMany({
		where: {
			OR: [
				{ submissionKey: { in: batch.map((item) => item.submissionKey) } },
				{ fingerprint: { in: fingerprints }, receivedAt: { gte: since } },
			],
		},
		orderBy: { receivedAt: 'asc' },
		select: receiptSelect,
	})) {
		const receipt = await toReceipt(enquiry, tx)
		byKey.set(enquiry.submissionKey, receipt)
		if (enquiry.fingerprint && !byFingerprint.has(enquiry.fingerprint)) byFingerprint.set(enquiry.fingerprint, receipt)
	}

	// A returning enquirer is the same household, not a second entry in the funnel.
	// status and stage say whether the returning household is closed (a new enquiry reopens it).
	const households = new Map<
		string,
		{ id: string; reference: string; status: string; stage: string; lastChangeOn?: string }
	>()
	const known = await tx.applicant.findMany({
		where: { emailNormalized: { in: batch.map((item) => item.answers.email.toLowerCase()) } },
		orderBy: { createdAt: 'asc' },
		select: { emailNormalized: true, householdId: true },
	})
	if (known.length > 0) {
		const rows = new Map<
			string,
			{ id: string; reference: string; status: string; stage: string; lastChangeOn?: string }
		>(
			(
				await tx.household.findMany({
					where: { id: { in: known.map((applicant) => applicant.householdId) } },
					select: { id: true, reference: true, status: true, stage: true },
				})
			).map((household) => [household.id, household])
		)
		for (const applicant of known) {
			if (!households.has(applicant.emailNormalized))
				households.set(applicant.emailNormalized, rows.get(applicant.householdId)!)
		}
		// A closed household is reopened on the enquiry's date, which must not come before it left
		// (staff may back-date an enquiry); an earlier enquiry is only recorded against it.
		const lastChanges = await tx.stageEvent.groupBy({
			by: ['householdId'],
			where: { householdId: { in: [...rows.keys()] }, kind: { not: 'returned' } },
			_max: { businessDate: true },
		})
		for (const change of lastChanges) rows.get(change.householdId)!.lastChangeOn = change._max.businessDate ?? undefined
	}

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

	const rows = {
		households: [] as Prisma.HouseholdCreateManyInput[],
		applicants: [] as Prisma.ApplicantCreateManyInput[],
		events: [] as Prisma.StageEventCreateManyInput[],
		enquiries: [] as Prisma.EnquiryCreateManyInput[],
		emails: [] as OutboxEmail[],
		returning: [] as { id: string; at: Date; reference: string; reopenedOn: string | null }[],
		owners: [] as Prisma.OwnerChangeCreateManyInput[],
		audit: [] as AuditRecord[],
		referrals: [] as Parameters<typeof referralsFromEnquiries>[1],
	}

	// A new enquiry (or a household that had left, back at Enquiry) starts the first-contact clock.
	const clocks = await clockContext(tx)
	const enquiryClock = (on: string) =>
		clockFields([{ kind: 'entered', fromStage: null, toStage: 'enquiry', businessDate: on }], clocks)

	const outcomes = batch.map((item, index): BatchOutcome<RecordedEnquiry> => {
		const fingerprint = fingerprints[index]!
		const repeat = byKey.get(item.submissionKey) ?? byFingerprint.get(fingerprint)
		if (repeat) return { ok: true, value: { receipt: repeat, created: false } }

		const { answers, attribution, config } = item
		const isKinship = answers.kinship === 'yes'
		const emailNormalized = answers.email.toLowerCase()
		const today = londonDate(item.receivedAt)
		const reference = references.enquiries[index]!
		const returning = households.get(emailNormalized)
		const household = returning ?? {
			id: crypto.randomUUID(),
			reference: references.households[index]!,
			status: 'open',
			stage: 'enquiry',
		}

		if (returning) {
			// A household that had left starts again at Enquiry (a reopen, as the stage machine
			// allows for a returning enquirer); one still in the pipeline just gains the enquiry.
			const reopen = returning.status === 'closed' && today >= (returning.lastChangeOn ?? today)
			rows.returning.push({ id: returning.id, at: item.receivedAt, reference, reopenedOn: reopen ? today : null })
			rows.events.push({
				householdId: returning.id,
				kind: reopen ? 'reopen' : 'returned',
				fromStage: reopen ? returning.stage : null,
				toStage: reopen ? 'enquiry' : null,
				businessDate: today,
				note: `New enquiry ${reference}`,
				actorId: item.staff?.actorId,
				backdateReason: item.staff?.backdateReason,
			})
			if (reopen) Object.assign(returning, { status: 'open', stage: 'enquiry' })
		} else {
			households.set(emailNormalized, household)
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
				emailNormalized,
				phone: answers.phone,
			})
			rows.events.push({
				householdId: household.id,
				kind: 'entered',
				toStage: 'enquiry',
				businessDate: today,
				actorId: item.staff?.actorId,
				backdateReason: item.staff?.backdateReason,
			})
		}

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
					isReturning: Boolean(returning),
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
		byFingerprint.set(fingerprint, receipt)
		return { ok: true, value: { receipt, created: true } }
	})

	if (rows.households.length > 0) await tx.household.createMany({ data: rows.households })
	if (rows.applicants.length > 0) await tx.applicant.createMany({ data: rows.applicants })
	for (const household of rows.returning) {
		const reopened = household.reopenedOn
			? {
					status: 'open',
					stage: 'enquiry',
					stageEnteredOn: household.reopenedOn,
					...enquiryClock(household.reopenedOn),
			  }
			: {}
		await tx.household.update({
			where: { id: household.id },
			data: { lastEnquiryAt: household.at, version: { increment: 1 }, ...reopened },
			select: { id: true },
		})
		// The new enquiry's reference finds the household too.
		await tx.$executeRaw`UPDATE "Household" SET "searchText" = "searchText" || ' ' || ${household.reference.toLowerCase()} WHERE "id" = ${
			household.id
		}`
	}
	if (rows.events.length > 0) await tx.stageEvent.createMany({ data: rows.events })
	if (rows.enquiries.length > 0) await tx.enquiry.createMany({ data: rows.enquiries })
	if (rows.emails.length > 0) await tx.outboxMessage.createMany({ data: outboxRows(rows.emails) })
	if (rows.owners.length > 0) await tx.ownerChange.createMany({ data: rows.owners })
	await referralsFromEnquiries(tx, rows.referrals)
	// New households join the funnel; returning ones may be back in progress.
	await refreshFunnelFacts(tx, [
		...rows.households.map((household) => household.id!),
		...rows.returning.map((household) => household.id),
	])
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
		const takenEnquiries = await tx.enquiry.count({ where: { reference: { in: enquiries } } })
		const takenHouseholds = await tx.household.count({ where: { reference: { in: households } } })
		if (takenEnquiries === 0 && takenHouseholds === 0) break
		if (takenEnquiries > 0) enquiries = draw('enquiry')
		if (takenHouseholds > 0) households = draw('household')
	}
	return { enquiries, households }
}

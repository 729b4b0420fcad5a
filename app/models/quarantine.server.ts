import type { Attribution } from '~/domain/attribution.ts'
import type { ValidEnquiry } from '~/domain/enquiry-form.ts'
import { QUARANTINE_PAGE_SIZE, quarantineCutoff } from '~/domain/spam-trap.ts'
import type { ServiceConfig } from '~/domain/service-config.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { freshEnquiryReference, QuarantineGone, recordEnquiry, type NewEnquiry } from './enquiries.server.ts'

// Enquiries the spam trap held back (docs/decisions/016): stored with everything needed to record
// them later (answers, attribution, submission key, when), and nothing else: no household, no
// email, not in the funnel. Staff who change households release one (recorded exactly as if it
// had just arrived, at its original time, once) or delete it, each audited; the scheduler deletes
// those nobody released after QUARANTINE_DAYS.

type Held = Pick<
	NewEnquiry,
	'submissionKey' | 'answers' | 'attribution' | 'referralVia' | 'channel' | 'consentWording' | 'receivedAt'
>

type StoredAttribution = { attribution: Attribution; referralVia: NewEnquiry['referralVia'] | null; channel: string }

/**
 * Holds an enquiry back, with the reference its sender is shown (the one it keeps if released).
 * The same submission sent again is held once.
 */
export async function quarantineEnquiry(input: Held & { trapValue: string }): Promise<{ reference: string }> {
	return prisma.$transaction(async (tx) => {
		const held = await tx.quarantinedEnquiry.findUnique({
			where: { submissionKey: input.submissionKey },
			select: { reference: true },
		})
		if (held) return held
		const stored: StoredAttribution = {
			attribution: input.attribution,
			referralVia: input.referralVia ?? null,
			channel: input.channel,
		}
		return tx.quarantinedEnquiry.create({
			data: {
				submissionKey: input.submissionKey,
				reference: await freshEnquiryReference(tx),
				receivedAt: input.receivedAt,
				answers: JSON.stringify(input.answers),
				attribution: JSON.stringify(stored),
				consentWording: input.consentWording,
				trapValue: input.trapValue,
			},
			select: { reference: true },
		})
	})
}

/** A held-back enquiry's reference, as the confirmation page shows it (null if there is none). */
export async function findQuarantinedReceipt(reference: string) {
	const held = await prisma.quarantinedEnquiry.findUnique({
		where: { reference },
		select: { reference: true, answers: true },
	})
	if (!held) return null
	return { reference: held.reference, isKinship: (JSON.parse(held.answers) as ValidEnquiry).kinship === 'yes' }
}

/** Held-back enquiries, newest first, a page at a time, with what staff need to judge them. */
export async function listQuarantined(requestedPage = 1) {
	const total = await prisma.quarantinedEnquiry.count()
	const pages = Math.max(1, Math.ceil(total / QUARANTINE_PAGE_SIZE))
	const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages)
	const rows = await prisma.quarantinedEnquiry.findMany({
		orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
		skip: (page - 1) * QUARANTINE_PAGE_SIZE,
		take: QUARANTINE_PAGE_SIZE,
	})
	const enquiries = rows.map((row) => {
		const answers = JSON.parse(row.answers) as ValidEnquiry
		return {
			id: row.id,
			reference: row.reference,
			receivedAt: row.receivedAt,
			name: `${answers.firstName} ${answers.lastName}`,
			email: answers.email,
			phone: answers.phone,
			postcode: answers.postcode,
			householdMembers: answers.householdMembers,
			trapValue: row.trapValue,
		}
	})
	return { enquiries, total, page, pages }
}

type Gone = { ok: false; error: string }

const GONE = 'This enquiry has already been released or deleted'

/**
 * Releases a held-back enquiry: recorded through recordEnquiry exactly as if it had just arrived,
 * at the time it was received, with its reference; its row goes in the same transaction, so a
 * double submit (or two members of staff) release it once.
 */
export async function releaseQuarantined(
	id: string,
	actor: StaffIdentity,
	config: ServiceConfig
): Promise<{ ok: true; reference: string; householdId: string; created: boolean } | Gone> {
	const held = await prisma.quarantinedEnquiry.findUnique({ where: { id } })
	if (!held) return { ok: false, error: GONE }
	const stored = JSON.parse(held.attribution) as StoredAttribution
	try {
		const { receipt, created } = await recordEnquiry(
			{
				submissionKey: held.submissionKey,
				source: 'web',
				answers: JSON.parse(held.answers) as ValidEnquiry,
				attribution: stored.attribution,
				referralVia: stored.referralVia ?? undefined,
				channel: stored.channel,
				consentWording: held.consentWording,
				receivedAt: held.receivedAt,
				release: { quarantineId: held.id, reference: held.reference, actorId: actor.id },
			},
			config
		)
		return { ok: true, reference: receipt.reference, householdId: receipt.householdId, created }
	} catch (error) {
		if (error instanceof QuarantineGone) return { ok: false, error: GONE }
		throw error
	}
}

/** Deletes a held-back enquiry as spam; audited (it has no household). */
export async function deleteQuarantined(
	id: string,
	actor: StaffIdentity
): Promise<{ ok: true; reference: string } | Gone> {
	return prisma.$transaction(async (tx) => {
		const held = await tx.quarantinedEnquiry.findUnique({
			where: { id },
			select: { reference: true, receivedAt: true },
		})
		const deleted = await tx.quarantinedEnquiry.deleteMany({ where: { id } })
		if (!held || deleted.count === 0) return { ok: false as const, error: GONE }
		await recordAudit(tx, {
			actorId: actor.id,
			householdId: null,
			action: 'changed',
			detail: `Deleted enquiry ${held.reference} (received ${formatDateTime(held.receivedAt)}), held back by the spam trap`,
		})
		return { ok: true as const, reference: held.reference }
	})
}

/** The scheduler's tidy-up: held-back enquiries nobody released within QUARANTINE_DAYS. */
export async function deleteExpiredQuarantine(now: Date): Promise<number> {
	const deleted = await prisma.quarantinedEnquiry.deleteMany({ where: { receivedAt: { lt: quarantineCutoff(now) } } })
	return deleted.count
}

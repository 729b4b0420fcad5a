import type { LedgerAction, LedgerOutcome, LedgerStatus } from '~/domain/bonus-ledger.ts'
import { stripeLiveRefusal, type LedgerFilter } from '~/domain/bonus-ledger-forms.ts'
import type { Milestone } from '~/domain/bonus-scheme.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { prisma } from '~/utils/db.server.ts'
import { applyLedgerAction } from './bonus-ledger.server.ts'

// The bonus ledger as managers see it (/staff/bonuses): entries a page at a time by status, one
// entry with its history, and the changes a manager makes, each through the one ledger function
// (applyLedgerAction: checked transition, guarded update, audit, email) in a transaction.

export const LEDGER_PAGE_SIZE = 25

// The longest-waiting decision first; settled entries latest first.
const ORDER: Record<LedgerFilter, Prisma.BonusEntryOrderByWithRelationInput[]> = {
	earned: [{ earnedOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
	approved: [{ approvedAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
	pending: [{ createdAt: 'desc' }],
	paid: [{ paidOn: 'desc' }, { paidAt: 'desc' }],
	void: [{ voidedAt: 'desc' }],
	all: [{ createdAt: 'desc' }],
}

export async function listBonusEntries(filter: LedgerFilter, requestedPage = 1) {
	const where: Prisma.BonusEntryWhereInput = filter === 'all' ? {} : { status: filter }
	const [total, counts] = await Promise.all([
		prisma.bonusEntry.count({ where }),
		prisma.bonusEntry.groupBy({ by: ['status'], _count: { _all: true } }),
	])
	const pages = Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE))
	const page = Math.min(Math.max(1, requestedPage), pages)
	const rows = await prisma.bonusEntry.findMany({
		where,
		orderBy: [...ORDER[filter], { id: 'asc' }],
		skip: (page - 1) * LEDGER_PAGE_SIZE,
		take: LEDGER_PAGE_SIZE,
		select: {
			id: true,
			milestone: true,
			amountPence: true,
			status: true,
			earnedOn: true,
			approvedAt: true,
			paidOn: true,
			voidedAt: true,
			payee: { select: { name: true } },
			referral: { select: { referredOn: true, referrer: { select: { name: true } } } },
		},
	})
	return {
		total,
		page,
		pages,
		counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<
			Record<LedgerStatus, number>
		>,
		entries: rows.map((row) => ({
			id: row.id,
			milestone: row.milestone as Milestone,
			amountPence: row.amountPence,
			status: row.status as LedgerStatus,
			referredOn: row.referral.referredOn,
			referrer: row.referral.referrer.name,
			payee: row.payee?.name ?? null,
			earnedOn: row.earnedOn,
			approvedAt: row.approvedAt?.toISOString() ?? null,
			paidOn: row.paidOn,
			voidedAt: row.voidedAt?.toISOString() ?? null,
		})),
	}
}

/** One entry with its referral, the people involved and who made each change, or null. */
export async function getBonusEntry(id: string) {
	const entry = await prisma.bonusEntry.findUnique({
		where: { id },
		include: {
			payee: { select: { id: true, name: true, status: true, stripeAccountStatus: true } },
			referral: {
				select: {
					id: true,
					referredOn: true,
					via: true,
					status: true,
					referrer: { select: { id: true, name: true } },
					household: { select: { id: true, reference: true } },
					scheme: { select: { effectiveFrom: true } },
				},
			},
		},
	})
	if (!entry) return null
	const ids = [entry.approvedById, entry.paidRecordedById, entry.voidedById].filter((id): id is string => id !== null)
	const people = await prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
	const nameOf = (id: string | null) =>
		id ? (people.find((person) => person.id === id)?.name ?? 'A former member of staff') : null
	return {
		id: entry.id,
		milestone: entry.milestone as Milestone,
		amountPence: entry.amountPence,
		status: entry.status as LedgerStatus,
		referral: entry.referral,
		payee: entry.payee,
		earnedOn: entry.earnedOn,
		approvedAt: entry.approvedAt?.toISOString() ?? null,
		approvedBy: nameOf(entry.approvedById),
		paidOn: entry.paidOn,
		paidAt: entry.paidAt?.toISOString() ?? null,
		paymentMethod: entry.paymentMethod,
		paymentReference: entry.paymentReference,
		// Null with a paid entry: the system recorded it (a Stripe transfer Stripe confirmed).
		paidRecordedBy: nameOf(entry.paidRecordedById),
		voidReason: entry.voidReason,
		voidedAt: entry.voidedAt?.toISOString() ?? null,
		voidedBy: nameOf(entry.voidedById),
	}
}

export type BonusEntryRecord = NonNullable<Awaited<ReturnType<typeof getBonusEntry>>>

/**
 * A manager's change to one entry: approve, void or a payment made outside Stripe. While a Stripe
 * payment of the entry is queued or paid (BonusPayment.liveEntryId), recording another payment or
 * making it void is refused in the same transaction: the transfer may already be on its way.
 */
export function changeBonusEntry(
	entryId: string,
	action: Extract<LedgerAction, { kind: 'approve' | 'void' | 'pay' }>,
	actor: StaffIdentity
): Promise<LedgerOutcome> {
	return prisma.$transaction(async (tx) => {
		const live = (await tx.bonusPayment.count({ where: { liveEntryId: entryId } })) > 0
		const refusal = stripeLiveRefusal(action.kind, live)
		if (refusal) return { ok: false, error: refusal }
		return applyLedgerAction(tx, entryId, action, actor)
	})
}

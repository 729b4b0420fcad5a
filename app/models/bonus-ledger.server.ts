import { ledgerTransition, type LedgerAction, type LedgerOutcome, type LedgerStatus } from '~/domain/bonus-ledger.ts'
import { formatPounds, MILESTONE_LABELS, type Milestone } from '~/domain/bonus-scheme.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { now } from '~/utils/clock.server.ts'
import { renderReferralBonus } from '../../emails/referral-bonus.ts'
import { recordAudit } from './audit.server.ts'
import { enqueueEmail } from './outbox.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'

// Every change to the bonus ledger goes through applyLedgerAction, inside the caller's
// transaction: the pure rules (app/domain/bonus-ledger.ts) say whether the entry may move, the
// update is guarded by the status it was read in (so two managers, or a manager and the Stripe
// worker, cannot both move it), the change is audited against the referred household when a
// member of staff made it, and the payee is emailed when a bonus is earned or paid.

export const LEDGER_STALE_MESSAGE =
	'Someone else changed this bonus while you were looking at it. Check it and try again.'

const PAID_BY: Record<string, string> = {
	stripe: 'by bank transfer through Stripe',
	bank_transfer: 'by bank transfer',
	payroll: 'with your fostering allowance',
	cheque: 'by cheque',
}

function auditDetail(milestone: string, amountPence: number, action: LedgerAction): string {
	const what = `${formatPounds(amountPence)} referral bonus (${MILESTONE_LABELS[milestone as Milestone] ?? milestone})`
	switch (action.kind) {
		case 'earn':
			return `Referral bonus earned: ${formatPounds(action.amountPence)} (${
				MILESTONE_LABELS[milestone as Milestone] ?? milestone
			})`
		case 'approve':
			return `Approved the ${what} for payment`
		case 'pay':
			return `Recorded the ${what} as paid (${action.method}, reference ${action.reference})`
		case 'void':
			return `Made the ${what} void: ${action.reason}`
	}
}

/**
 * Moves one ledger entry by `action`. `actor` is the member of staff who did it, or null for the
 * system (a milestone reached, Stripe confirming a transfer). `payeeId` may be given with an earn
 * action for a welcome bonus, whose payee is known only once the new carers are approved.
 */
export async function applyLedgerAction(
	tx: Prisma.TransactionClient,
	entryId: string,
	action: LedgerAction,
	actor: StaffIdentity | null,
	options: { payeeId?: string } = {}
): Promise<LedgerOutcome> {
	const entry = await tx.bonusEntry.findUnique({ where: { id: entryId }, include: { referral: true } })
	if (!entry) return { ok: false, error: 'There is no such bonus' }
	const outcome = ledgerTransition(entry.status as LedgerStatus, action)
	if (!outcome.ok) return outcome
	const at = now()
	const data: Prisma.BonusEntryUpdateManyMutationInput & { payeeId?: string } = { status: outcome.status }
	if (action.kind === 'earn') {
		Object.assign(data, { earnedOn: action.on, amountPence: action.amountPence })
		if (options.payeeId) data.payeeId = options.payeeId
	} else if (action.kind === 'approve') {
		Object.assign(data, { approvedAt: at, approvedById: actor?.id ?? null })
	} else if (action.kind === 'pay') {
		Object.assign(data, {
			paidAt: at,
			paidOn: action.paidOn,
			paymentMethod: action.method,
			paymentReference: action.reference.trim() || null,
			paidRecordedById: actor?.id ?? null,
		})
	} else {
		Object.assign(data, { voidReason: action.reason.trim(), voidedAt: at, voidedById: actor?.id ?? null })
	}
	const moved = await tx.bonusEntry.updateMany({ where: { id: entry.id, status: entry.status }, data })
	if (moved.count === 0) return { ok: false, error: LEDGER_STALE_MESSAGE }

	const amountPence = action.kind === 'earn' ? action.amountPence : entry.amountPence
	if (actor) {
		await recordAudit(tx, {
			actorId: actor.id,
			householdId: entry.referral.householdId,
			action: 'changed',
			detail: auditDetail(entry.milestone, entry.amountPence, action),
		})
	}
	if (action.kind === 'earn' || action.kind === 'pay') {
		const payeeId = options.payeeId ?? entry.payeeId
		const payee = payeeId ? await tx.carer.findUnique({ where: { id: payeeId } }) : null
		if (payee && payee.status === 'active' && amountPence > 0) {
			const config = await getServiceConfig()
			const email = renderReferralBonus({
				kind: action.kind === 'earn' ? 'earned' : 'paid',
				carerName: payee.name,
				amountPence,
				milestone: entry.milestone,
				paidBy: action.kind === 'pay' ? PAID_BY[action.method] : undefined,
				portalUrl: siteUrl('/refer'),
				serviceName: config.serviceName,
				organisationName: config.organisationName,
			})
			await enqueueEmail(tx, {
				...email,
				template: action.kind === 'earn' ? 'referral-bonus-earned' : 'referral-bonus-paid',
				to: payee.email,
			})
		}
	}
	return outcome
}

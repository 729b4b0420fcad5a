import { beforeAll, describe, expect, test } from 'vitest'
import type { FieldError } from '~/domain/field-errors.ts'
import type { StaffRole } from '~/domain/staff.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The bonus ledger pages: managers list bonuses by status, approve each earned bonus, record a
// payment made outside Stripe and make bonuses void with a reason. Every change goes through the
// ledger, so it is audited on the referred household, emails the payee when paid, and a change
// another manager has overtaken is refused.

const { prisma } = await import('~/utils/db.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const list = await import('~/routes/staff+/_carers+/bonuses._index.tsx')
const entryPage = await import('~/routes/staff+/_carers+/bonuses.$id.tsx')

let manager: SignedIn
let carer: { id: string; email: string }

async function referralWithEntries(
	entries: { milestone: string; status: string; amountPence: number; earnedOn?: string }[]
) {
	const household = await createHousehold({ stage: 'approved' })
	const referral = await prisma.referral.create({
		data: {
			referrerId: carer.id,
			householdId: household.id,
			via: 'link',
			referredOn: household.stageEnteredOn,
			status: 'counted',
			countedHouseholdId: household.id,
			schemeId: 'initial-bonus-scheme',
		},
	})
	const created = []
	for (const entry of entries) {
		created.push(await prisma.bonusEntry.create({ data: { referralId: referral.id, payeeId: carer.id, ...entry } }))
	}
	return { household, entries: created }
}

const path = (id: string) => `/staff/bonuses/${id}`
const post = (id: string, who: SignedIn, form: Record<string, string>) =>
	runRoute(entryPage.action, staffRequest(path(id), who, form), { id })

function paidOnFields(date: string) {
	return { 'paidOn-day': date.slice(8, 10), 'paidOn-month': date.slice(5, 7), 'paidOn-year': date.slice(0, 4) }
}

beforeAll(async () => {
	manager = await signedInAs('manager', 'Mo Manager')
	carer = await prisma.carer.create({
		data: { name: 'Ada Carer', email: 'ada.carer@example.com', emailNormalized: 'ada.carer@example.com' },
	})
})

describe('who may see and change bonuses', () => {
	test('managers only; everyone else gets 403, and an unknown bonus is 404', async () => {
		const { entries } = await referralWithEntries([{ milestone: 'approved', status: 'earned', amountPence: 25_000 }])
		const id = entries[0]!.id
		for (const role of ['administrator', 'officer', 'social_worker', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			expect((await runRoute(list.loader, staffRequest('/staff/bonuses', someone))).status).toBe(403)
			expect((await runRoute(entryPage.loader, staffRequest(path(id), someone), { id })).status).toBe(403)
			expect((await post(id, someone, { intent: 'approve' })).status).toBe(403)
		}
		expect((await prisma.bonusEntry.findUniqueOrThrow({ where: { id } })).status).toBe('earned')
		expect((await runRoute(entryPage.loader, staffRequest(path('nope'), manager), { id: 'nope' })).status).toBe(404)
	})

	test('a change without the session’s CSRF token is refused', async () => {
		const { entries } = await referralWithEntries([{ milestone: 'approved', status: 'earned', amountPence: 25_000 }])
		const id = entries[0]!.id
		const forged = await runRoute(
			entryPage.action,
			staffRequest(path(id), { ...manager, csrf: 'forged' }, { intent: 'approve' }),
			{
				id,
			}
		)
		expect(forged.status).toBe(403)
		expect((await prisma.bonusEntry.findUniqueOrThrow({ where: { id } })).status).toBe('earned')
	})
})

describe('the ledger list', () => {
	test('shows the bonuses awaiting approval by default, the longest waiting first, with counts by status', async () => {
		const { entries } = await referralWithEntries([
			{ milestone: 'approved', status: 'earned', amountPence: 25_000, earnedOn: '2026-01-05' },
			{ milestone: 'placement', status: 'pending', amountPence: 25_000 },
		])
		const { data } = await runRoute(list.loader, staffRequest('/staff/bonuses', manager))
		expect(data.filter).toBe('earned')
		expect(data.entries.every((entry: { status: string }) => entry.status === 'earned')).toBe(true)
		expect(data.entries[0]).toMatchObject({ id: entries[0]!.id, referrer: 'Ada Carer', amountPence: 25_000 })
		expect(data.counts.pending).toBeGreaterThanOrEqual(1)
		const pending = await runRoute(list.loader, staffRequest('/staff/bonuses?status=pending', manager))
		expect(pending.data.entries.map((entry: { id: string }) => entry.id)).toContain(entries[1]!.id)
	})
})

describe('a manager’s decisions', () => {
	test('approve, then record a payroll payment: audited on the household, and the carer is emailed', async () => {
		const { household, entries } = await referralWithEntries([
			{ milestone: 'approved', status: 'earned', amountPence: 25_000, earnedOn: today() },
		])
		const id = entries[0]!.id

		const approved = await post(id, manager, { intent: 'approve' })
		expect(approved).toMatchObject({ status: 303, location: `${path(id)}?done=approved` })
		// A second manager pressing approve on a page they loaded earlier is told it moved on.
		const again = await post(id, manager, { intent: 'approve' })
		expect(again.status).toBe(409)
		expect(again.data.errors[0].message).toMatch(/approved/)

		const wrong = await post(id, manager, { intent: 'pay', method: '', reference: ' ', ...paidOnFields('2999-01-01') })
		expect(wrong.status).toBe(400)
		expect(wrong.data.errors.map((error: FieldError) => error.field)).toEqual(['method', 'paidOn', 'reference'])

		const paid = await post(id, manager, {
			intent: 'pay',
			method: 'payroll',
			reference: 'PAY-2026-11',
			...paidOnFields(today()),
		})
		expect(paid).toMatchObject({ status: 303, location: `${path(id)}?done=paid` })
		const stored = await prisma.bonusEntry.findUniqueOrThrow({ where: { id } })
		expect(stored).toMatchObject({
			status: 'paid',
			paidOn: today(),
			paymentMethod: 'payroll',
			paymentReference: 'PAY-2026-11',
			paidRecordedById: manager.staff.id,
			approvedById: manager.staff.id,
		})
		const audit = await prisma.auditEntry.findMany({ where: { householdId: household.id, actorId: manager.staff.id } })
		expect(audit.length).toBe(2)
		expect(await prisma.outboxMessage.count({ where: { toAddress: carer.email } })).toBeGreaterThanOrEqual(1)

		const { data } = await runRoute(entryPage.loader, staffRequest(path(id), manager), { id })
		expect(data.entry).toMatchObject({ status: 'paid', approvedBy: 'Mo Manager', paidRecordedBy: 'Mo Manager' })
		// Paid is final: it cannot be made void.
		const voided = await post(id, manager, { intent: 'void', reason: 'Changed my mind' })
		expect(voided.status).toBe(409)
	})

	test('a payment cannot be recorded before the bonus is approved', async () => {
		const { entries } = await referralWithEntries([{ milestone: 'approved', status: 'earned', amountPence: 25_000 }])
		const id = entries[0]!.id
		const answer = await post(id, manager, {
			intent: 'pay',
			method: 'cheque',
			reference: 'CHQ 1',
			...paidOnFields(today()),
		})
		expect(answer.status).toBe(409)
		expect((await prisma.bonusEntry.findUniqueOrThrow({ where: { id } })).status).toBe('earned')
	})

	test('make void needs a reason, which is kept', async () => {
		const { entries } = await referralWithEntries([{ milestone: 'placement', status: 'pending', amountPence: 25_000 }])
		const id = entries[0]!.id
		const blank = await post(id, manager, { intent: 'void', reason: '  ' })
		expect(blank.status).toBe(400)
		expect(blank.data.errors).toEqual([{ field: 'reason', message: 'Enter why the bonus is void' }])
		const voided = await post(id, manager, { intent: 'void', reason: 'The household was referred by two carers' })
		expect(voided).toMatchObject({ status: 303, location: `${path(id)}?done=void` })
		const { data } = await runRoute(entryPage.loader, staffRequest(path(id), manager), { id })
		expect(data.entry).toMatchObject({
			status: 'void',
			voidReason: 'The household was referred by two carers',
			voidedBy: 'Mo Manager',
		})
	})

	test('no payment can be recorded, nor the bonus made void, while Stripe is paying it', async () => {
		const { entries } = await referralWithEntries([{ milestone: 'approved', status: 'approved', amountPence: 25_000 }])
		const id = entries[0]!.id
		await prisma.bonusPayment.create({
			data: { entryId: id, liveEntryId: id, amountPence: 25_000, destinationAccountId: 'acct_test' },
		})
		const paid = await post(id, manager, {
			intent: 'pay',
			method: 'cheque',
			reference: 'CHQ 2',
			...paidOnFields(today()),
		})
		expect(paid.status).toBe(409)
		expect(paid.data.errors[0].message).toMatch(/being paid through Stripe/)
		expect((await post(id, manager, { intent: 'void', reason: 'Duplicate' })).status).toBe(409)
		expect((await prisma.bonusEntry.findUniqueOrThrow({ where: { id } })).status).toBe('approved')
	})
})

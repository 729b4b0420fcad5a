import type { ActionFunctionArgs } from '@remix-run/node'
import { expect, test } from 'vitest'
import { validEnquiryFields } from '../support/enquiry-form.ts'
import { runRoute, signIn, createStaff, staffRequest } from '../support/staff.ts'

// The staff pages over what the rest of the service writes: a friend enquires with a carer's code,
// staff take the household to approval in the pipeline, and the earned bonus turns up in the
// ledger, is approved and recorded as paid, and the referral report counts all of it.

const { action: enquire } = await import('~/routes/_enquiry+/enquire.tsx')
const { prisma } = await import('~/utils/db.server.ts')
const { runStageCommand } = await import('~/models/households.server.ts')
const { addCarer } = await import('~/models/carers.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const list = await import('~/routes/staff+/_carers+/bonuses._index.tsx')
const entryPage = await import('~/routes/staff+/_carers+/bonuses.$id.tsx')
const report = await import('~/routes/staff+/_reports+/reports.referrals.tsx')

const managerIdentity = await createStaff('manager', 'Mina Manager')
const manager = await signIn(managerIdentity)

async function enquireWithCode(email: string, code: string) {
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(validEnquiryFields({ email, referralCode: code })).toString(),
	})
	try {
		await enquire({ request, context: { cspNonce: '', clientIp: '192.0.2.77' }, params: {} } as ActionFunctionArgs)
	} catch (thrown) {
		if (!(thrown instanceof Response) || thrown.status !== 303) throw thrown
	}
	return prisma.household.findFirstOrThrow({ where: { applicants: { some: { emailNormalized: email } } } })
}

async function approve(householdId: string) {
	const run = async (command: Parameters<typeof runStageCommand>[0]['command']) => {
		const { version } = await prisma.household.findUniqueOrThrow({ where: { id: householdId } })
		return runStageCommand({
			householdId,
			expectedVersion: version,
			actor: managerIdentity,
			command,
			audit: command.type,
		})
	}
	for (const toStage of [
		'initial_contact',
		'initial_visit',
		'application',
		'stage_1',
		'stage_2',
		'panel',
		'approved',
	]) {
		if (toStage === 'panel') await run({ type: 'complete_stage_1', businessDate: today() })
		const moved = await run({ type: 'move', toStage, businessDate: today() })
		if (!moved.ok) throw new Error(moved.error)
	}
}

test('a referred friend approved in the pipeline: the bonus is approved and paid from the ledger, and the report counts it', async () => {
	const added = await addCarer({
		name: 'Maggie Okafor',
		email: 'maggie.okafor@example.com',
		phone: null,
		kind: 'foster_carer',
		approvedOn: '2023-05-01',
		shortBreakOnly: false,
		actor: managerIdentity,
	})
	if (!added.ok) throw new Error('carer not added')
	const friend = await enquireWithCode('friend.of.maggie@example.com', added.carer.code)
	await approve(friend.id)

	const waiting = await runRoute(list.loader, staffRequest('/staff/bonuses', manager))
	expect(waiting.data.entries).toHaveLength(1)
	const entry = waiting.data.entries[0]
	expect(entry).toMatchObject({
		referrer: 'Maggie Okafor',
		milestone: 'approved',
		amountPence: 25_000,
		earnedOn: today(),
	})

	const post = (form: Record<string, string>) =>
		runRoute(entryPage.action, staffRequest(`/staff/bonuses/${entry.id}`, manager, form), { id: entry.id })
	expect((await post({ intent: 'approve' })).status).toBe(303)
	const [year, month, day] = today().split('-')
	expect(
		(
			await post({
				intent: 'pay',
				method: 'bank_transfer',
				reference: 'BACS 0042',
				'paidOn-day': day!,
				'paidOn-month': month!,
				'paidOn-year': year!,
			})
		).status
	).toBe(303)
	expect(
		await prisma.outboxMessage.count({
			where: { template: 'referral-bonus-paid', toAddress: 'maggie.okafor@example.com' },
		})
	).toBe(1)

	const query = `from-day=${day}&from-month=${month}&from-year=${year}&to-day=${day}&to-month=${month}&to-year=${year}`
	const { data } = await runRoute(report.loader, staffRequest(`/staff/reports/referrals?${query}`, manager))
	expect(data.report).toMatchObject({
		referralsMade: 1,
		enquiriesFromReferrals: 1,
		approvalsFromReferrals: 1,
		spendInPeriodPence: 25_000,
		costPerApprovedPence: 25_000,
	})
	expect(data.report.conversion.stages.at(-1).referred).toEqual({ reached: 1, share: 1 })
})

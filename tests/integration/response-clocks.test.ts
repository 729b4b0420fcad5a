import { expect, test } from 'vitest'
import { addWorkingDays } from '~/domain/working-days.ts'
import { createHousehold, createStaff } from '../support/staff.ts'

// The household row keeps its nearest deadline in step with its events, so the board can flag
// and sort households by it; refreshing every household after a change of closure days.

const { prisma } = await import('~/utils/db.server.ts')
const { runStageCommand } = await import('~/models/households.server.ts')
const { fillClocksAfterUpgrade, refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const { today } = await import('~/utils/clock.server.ts')

test('a stage change writes the nearest deadline in the same change; a hold clears it', async () => {
	const officer = await createStaff('officer')
	const household = await createHousehold()
	const moved = await runStageCommand({
		householdId: household.id,
		expectedVersion: household.version,
		actor: officer,
		command: { type: 'move', toStage: 'initial_contact', businessDate: today() },
		audit: 'Moved to Initial contact',
	})
	expect(moved.ok).toBe(true)
	expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
		nextClockKey: 'initial_visit',
		nextClockAtRiskOn: addWorkingDays(today(), 8),
		nextClockDeadline: addWorkingDays(today(), 10),
	})
	const held = await runStageCommand({
		householdId: household.id,
		expectedVersion: moved.ok ? moved.version : 0,
		actor: officer,
		command: { type: 'hold', businessDate: today(), reviewOn: addWorkingDays(today(), 20) },
		audit: 'Put on hold',
	})
	expect(held.ok).toBe(true)
	expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
		nextClockKey: null,
		nextClockDeadline: null,
	})
})

test('refreshing every household after the service adds closure days moves their deadlines', async () => {
	const household = await createHousehold()
	await refreshAllClocks()
	const before = await prisma.household.findUniqueOrThrow({ where: { id: household.id } })
	expect(before).toMatchObject({ nextClockKey: 'first_contact', nextClockDeadline: addWorkingDays(today(), 1) })
	await prisma.serviceClosure.create({ data: { date: addWorkingDays(today(), 1), label: 'Team away day' } })
	expect(await refreshAllClocks()).toBeGreaterThanOrEqual(1)
	const after = await prisma.household.findUniqueOrThrow({ where: { id: household.id } })
	expect(after.nextClockDeadline).toBe(addWorkingDays(today(), 2))
	await prisma.serviceClosure.deleteMany()
	await refreshAllClocks()
})

test('an enquiry from the form starts the first-contact clock on the household row', async () => {
	const { action } = await import('~/routes/_enquiry+/enquire.tsx')
	const { validEnquiryFields } = await import('../support/enquiry-form.ts')
	const request = new Request('http://localhost/enquire', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(validEnquiryFields({ email: 'clock.starts@example.com' })).toString(),
	})
	await action({ request, context: { cspNonce: '', clientIp: '192.0.2.1' }, params: {} } as never).catch(
		(thrown) => thrown
	)
	const { householdId } = await prisma.enquiry.findFirstOrThrow({ where: { email: 'clock.starts@example.com' } })
	expect(await prisma.household.findUniqueOrThrow({ where: { id: householdId } })).toMatchObject({
		nextClockKey: 'first_contact',
		nextClockAtRiskOn: addWorkingDays(today(), 1),
		nextClockDeadline: addWorkingDays(today(), 1),
	})
})

test('after the upgrade, households made before clocks existed get their deadlines once', async () => {
	const household = await createHousehold()
	// Households made before clocks existed have no copies of their deadlines.
	await prisma.household.updateMany({ data: { nextClockKey: null, nextClockAtRiskOn: null, nextClockDeadline: null } })
	expect(await fillClocksAfterUpgrade()).toBeGreaterThanOrEqual(1)
	expect(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).toMatchObject({
		nextClockKey: 'first_contact',
		nextClockDeadline: addWorkingDays(today(), 1),
	})
	// From then on it leaves the copies to the code that changes households.
	expect(await fillClocksAfterUpgrade()).toBe(0)
})

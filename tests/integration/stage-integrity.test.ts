import { expect, test } from 'vitest'
import { findStageDisagreements } from '~/models/households.server.ts'
import { refreshAllClocks } from '~/models/response-clocks.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { seedDemoData } from '../../prisma/seed.ts'

// The check the issue asks for: every Household row's copy of its stage agrees with what its
// stage events say, run here over the two years of demo data that `npm start` loads.

test('every demo household’s stage, status and stage date agree with its replayed history', async () => {
	await seedDemoData(prisma, { today: new Date('2026-11-23T10:30:00Z') })
	expect(await prisma.household.count()).toBeGreaterThan(1000)
	expect(await findStageDisagreements()).toEqual([])
	// The live households' copies of their nearest deadline are what their events say today.
	expect(await prisma.household.count({ where: { status: 'open', nextClockDeadline: { not: null } } })).toBeGreaterThan(
		50
	)
	expect(await refreshAllClocks()).toBe(0)
	// Two years of demo households, each written through the household writer as npm start does:
	// seconds alone, but up to about 20 s while the rest of the suite shares two cores.
}, 60_000)

test('the check names a household whose row has drifted from its history', async () => {
	const household = await prisma.household.findFirstOrThrow({ where: { status: 'open', stage: 'stage_1' } })
	await prisma.household.update({ where: { id: household.id }, data: { stage: 'stage_2' } })
	expect(await findStageDisagreements()).toEqual([
		{ reference: household.reference, problems: ['stage is "stage_2" but the events say "stage_1"'] },
	])
})

test('demo households can be found by their reference, name and postcode', async () => {
	const household = await prisma.household.findFirstOrThrow({ include: { applicants: true } })
	const applicant = household.applicants[0]!
	for (const text of [
		household.reference,
		`${applicant.firstName} ${applicant.lastName}`,
		household.postcode.replace(' ', ''),
	]) {
		expect(household.searchText).toContain(text.toLowerCase())
	}
	expect(household.displayName).toContain(applicant.firstName)
})

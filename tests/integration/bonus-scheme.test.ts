import { beforeAll, describe, expect, test } from 'vitest'
import { DEFAULT_BONUS_RULES } from '~/domain/bonus-scheme.ts'
import type { StaffRole } from '~/domain/staff.ts'
import { addCalendarDays } from '~/domain/working-days.ts'
import { runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// The refer-a-friend bonus scheme page: managers make new versions from today or later; a referral
// made on a day earns under the version in force that day, so earlier referrals keep their terms.

const { today } = await import('~/utils/clock.server.ts')
const { schemeForDate, listSchemes } = await import('~/models/bonus-schemes.server.ts')
const page = await import('~/routes/staff+/_settings+/settings.referral-scheme.tsx')
const settings = await import('~/routes/staff+/_settings+/settings._index.tsx')

const PATH = '/staff/settings/referral-scheme'
let manager: SignedIn

beforeAll(async () => {
	manager = await signedInAs('manager', 'Mo Manager')
})

function schemeForm(overrides: Record<string, string | string[]> = {}) {
	const day = today()
	return {
		approvedPounds: '1,000',
		placementPounds: '1000',
		placementWeeks: '12',
		welcomePounds: '0',
		shortBreakPercent: '50',
		contactWindowMonths: '6',
		eligibleReferrerKinds: ['foster_carer', 'community_group'],
		'effectiveFrom-day': String(Number(day.slice(8, 10))),
		'effectiveFrom-month': String(Number(day.slice(5, 7))),
		'effectiveFrom-year': day.slice(0, 4),
		...overrides,
	}
}

describe('who may change the bonus scheme', () => {
	test('managers only: administrators, officers and others get 403, and the settings page links it for managers only', async () => {
		expect((await runRoute(page.loader, staffRequest(PATH, manager))).status).toBe(200)
		for (const role of ['administrator', 'officer', 'social_worker', 'read_only'] as StaffRole[]) {
			const someone = await signedInAs(role)
			expect((await runRoute(page.loader, staffRequest(PATH, someone))).status).toBe(403)
			expect((await runRoute(page.action, staffRequest(PATH, someone, schemeForm()))).status).toBe(403)
		}
		const links = async (who: SignedIn) =>
			(await runRoute(settings.loader, staffRequest('/staff/settings', who))).data.sections.map(
				(section: { to: string }) => section.to
			)
		expect(await links(manager)).toContain(PATH)
		expect(await links(await signedInAs('administrator'))).not.toContain(PATH)
	})

	test('a form without the session’s CSRF token is refused', async () => {
		const request = staffRequest(PATH, { ...manager, csrf: 'forged' }, schemeForm())
		expect((await runRoute(page.action, request)).status).toBe(403)
	})
})

describe('a new version of the scheme', () => {
	test('starts with the service’s first scheme in force', async () => {
		const { data } = await runRoute(page.loader, staffRequest(PATH, manager))
		expect(data.inForce.rules).toEqual(DEFAULT_BONUS_RULES)
		expect(data.history).toHaveLength(1)
		expect(data.history[0].createdBy).toBeNull()
	})

	test('is refused with GOV.UK messages when a field is wrong, and nothing is saved', async () => {
		const before = (await listSchemes(today())).history.length
		const answer = await runRoute(
			page.action,
			staffRequest(
				PATH,
				manager,
				schemeForm({ approvedPounds: '£ten', eligibleReferrerKinds: [], 'effectiveFrom-year': '2020' })
			)
		)
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{
				field: 'approvedPounds',
				message: 'The bonus when the referred household is approved must be an amount in pounds, like 250 or 12.50',
			},
			{ field: 'eligibleReferrerKinds', message: 'Select who can earn a bonus' },
			{ field: 'effectiveFrom', message: 'The date the scheme starts must be today or in the future' },
		])
		expect(answer.data.values.approvedPounds).toBe('£ten')
		expect((await listSchemes(today())).history.length).toBe(before)
	})

	test('from a later day leaves today’s scheme in force and applies from that day', async () => {
		const later = addCalendarDays(today(), 30)
		const answer = await runRoute(
			page.action,
			staffRequest(
				PATH,
				manager,
				schemeForm({
					approvedPounds: '1,500',
					placementPounds: '1,500',
					'effectiveFrom-day': String(Number(later.slice(8, 10))),
					'effectiveFrom-month': String(Number(later.slice(5, 7))),
					'effectiveFrom-year': later.slice(0, 4),
				})
			)
		)
		expect(answer.status).toBe(303)
		expect(answer.location).toBe(`${PATH}?saved=${later}`)
		expect((await schemeForDate(today())).rules.approvedPence).toBe(25_000)
		expect((await schemeForDate(later)).rules).toMatchObject({ approvedPence: 150_000, placementPence: 150_000 })
		const { data } = await runRoute(page.loader, staffRequest(PATH, manager))
		expect(data.scheduled.map((version: { effectiveFrom: string }) => version.effectiveFrom)).toEqual([later])
		expect(data.history[0]).toMatchObject({ effectiveFrom: later, status: 'scheduled', createdBy: 'Mo Manager' })
	})

	test('from today is in force at once; referrals from before keep the earlier scheme', async () => {
		const answer = await runRoute(page.action, staffRequest(PATH, manager, schemeForm()))
		expect(answer.status).toBe(303)
		const inForce = await schemeForDate(today())
		expect(inForce.rules).toEqual({
			...DEFAULT_BONUS_RULES,
			approvedPence: 100_000,
			placementPence: 100_000,
			shortBreakPercent: 50,
			eligibleReferrerKinds: ['foster_carer', 'community_group'],
		})
		expect((await schemeForDate(addCalendarDays(today(), -1))).rules).toEqual(DEFAULT_BONUS_RULES)
		const { data } = await runRoute(page.loader, staffRequest(PATH, manager))
		expect(data.inForce.id).toBe(inForce.id)
		expect(data.history.map((version: { status: string }) => version.status)).toEqual([
			'scheduled',
			'in_force',
			'ended',
		])
	})
})

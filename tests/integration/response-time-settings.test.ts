import { beforeAll, describe, expect, test } from 'vitest'
import { DEMO_SERVICE_CONFIG } from '~/domain/service-config.ts'
import { addCalendarDays, addWorkingDays, isWorkingDay } from '~/domain/working-days.ts'
import { createHousehold, runRoute, signedInAs, staffRequest, type SignedIn } from '../support/staff.ts'

// Managers' response-time settings: the targets (with their history, so a running clock keeps
// the target it started with), the at-risk point and reminders, and closure days, each of which
// moves deadlines at once.

const { prisma } = await import('~/utils/db.server.ts')
const { getServiceConfig, saveServiceConfig } = await import('~/models/service-settings.server.ts')
const { householdClocks, refreshAllClocks } = await import('~/models/response-clocks.server.ts')
const { today } = await import('~/utils/clock.server.ts')
const responseTimes = await import('~/routes/staff+/_settings+/settings.response-times._index.tsx')
const closureDays = await import('~/routes/staff+/_settings+/settings.response-times.closure-days.tsx')

const PAGE = '/staff/settings/response-times'
const CLOSURES = '/staff/settings/response-times/closure-days'
const TARGETS = {
	firstContactWorkingDays: '1',
	initialVisitWorkingDays: '10',
	stage1DecisionWorkingDays: '10',
	applicationToPanelMonths: '6',
	panelToDecisionWorkingDays: '7',
}

let manager: SignedIn

beforeAll(async () => {
	await saveServiceConfig(DEMO_SERVICE_CONFIG)
	manager = await signedInAs('manager', 'Mo Manager')
})

const post = (path: string, form: Record<string, string | string[]>, as: SignedIn = manager) =>
	runRoute(path === PAGE ? responseTimes.action : closureDays.action, staffRequest(path, as, form))

/** A working day from today, so the deadlines below fall on ordinary days. */
const dayAfter = (n: number) => addWorkingDays(today(), n)

test('officers and read-only staff cannot see or change the response-time settings', async () => {
	for (const role of ['officer', 'social_worker', 'read_only'] as const) {
		const someone = await signedInAs(role)
		expect((await runRoute(responseTimes.loader, staffRequest(PAGE, someone))).status).toBe(403)
		expect((await runRoute(closureDays.loader, staffRequest(CLOSURES, someone))).status).toBe(403)
		expect((await post(PAGE, { intent: 'targets', ...TARGETS, firstContactWorkingDays: '3' }, someone)).status).toBe(
			403
		)
		expect(
			(await post(CLOSURES, { 'date-day': '1', 'date-month': '12', 'date-year': '2026', label: 'X' }, someone)).status
		).toBe(403)
	}
	expect((await getServiceConfig()).targets.firstContactWorkingDays).toBe(1)
	expect(await prisma.serviceClosure.count()).toBe(0)
	const administrator = await signedInAs('administrator')
	expect((await runRoute(responseTimes.loader, staffRequest(PAGE, administrator))).status).toBe(200)
})

describe('targets', () => {
	test('wrong values come back with GOV.UK messages and change nothing', async () => {
		const answer = await post(PAGE, {
			intent: 'targets',
			...TARGETS,
			firstContactWorkingDays: '',
			initialVisitWorkingDays: 'ten',
			applicationToPanelMonths: '9',
		})
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{ field: 'firstContactWorkingDays', message: 'Enter the target for enquiry to first personal contact' },
			{
				field: 'initialVisitWorkingDays',
				message: 'The target for first contact to initial visit must be a whole number',
			},
			{
				field: 'applicationToPanelMonths',
				message: 'The target for application to panel must be 8 months or fewer (the statutory limit)',
			},
		])
		expect(answer.data.values.initialVisitWorkingDays).toBe('ten')
		expect(await prisma.targetSetting.count()).toBe(0)
	})

	test('a change applies to clocks started from today; a clock already running keeps its target, and the history says who changed it', async () => {
		// In Initial contact since last week: its initial-visit clock runs with the 10-day target.
		const running = await createHousehold({ stage: 'initial_contact', enquiredOn: addCalendarDays(today(), -8) })
		const before = (await householdClocks(running.id)).find((clock) => clock.key === 'initial_visit')!
		expect(before.target).toEqual({ unit: 'working_days', amount: 10 })

		const answer = await post(PAGE, { intent: 'targets', ...TARGETS, initialVisitWorkingDays: '15' })
		expect(answer).toMatchObject({ status: 303, location: `${PAGE}?done=targets` })
		expect((await getServiceConfig()).targets.initialVisitWorkingDays).toBe(15)

		const after = (await householdClocks(running.id)).find((clock) => clock.key === 'initial_visit')!
		expect(after).toMatchObject({ target: { amount: 10 }, deadline: before.deadline })
		const started = await createHousehold({ stage: 'initial_contact' })
		expect((await householdClocks(started.id)).find((clock) => clock.key === 'initial_visit')).toMatchObject({
			startedOn: today(),
			target: { amount: 15 },
			deadline: dayAfter(15),
		})

		const page = await runRoute(responseTimes.loader, staffRequest(PAGE, manager))
		expect(page.data.history.entries).toMatchObject([
			{ original: false, appliesFrom: today(), changedBy: 'Mo Manager', targets: { initialVisitWorkingDays: 15 } },
			{ original: true, changedBy: null, targets: { initialVisitWorkingDays: 10 } },
		])

		// Saving the same values again is not a change.
		expect(await post(PAGE, { intent: 'targets', ...TARGETS, initialVisitWorkingDays: '15' })).toMatchObject({
			location: `${PAGE}?done=unchanged`,
		})
		expect(await prisma.targetSetting.count()).toBe(2)
		// Back to the default for the tests that follow.
		await post(PAGE, { intent: 'targets', ...TARGETS })
	})
})

describe('at-risk point and reminders', () => {
	test('a share outside 50 to 95 is refused', async () => {
		const answer = await post(PAGE, { intent: 'reminders', atRiskPercent: '40', reminders: ['remindAtRisk'] })
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{ field: 'atRiskPercent', message: 'Enter the at-risk point as a whole number between 50 and 95' },
		])
	})

	test('a new at-risk point moves every running clock’s at-risk day; the switches are saved', async () => {
		const household = await createHousehold({ stage: 'initial_contact' })
		await refreshAllClocks()
		expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).nextClockAtRiskOn).toBe(
			dayAfter(8)
		)
		const answer = await post(PAGE, { intent: 'reminders', atRiskPercent: '50', reminders: ['morningDigest'] })
		expect(answer).toMatchObject({ status: 303, location: `${PAGE}?done=reminders` })
		expect((await getServiceConfig()).clocks).toEqual({
			atRiskPercent: 50,
			remindAtRisk: false,
			escalateOverdue: false,
			morningDigest: true,
		})
		expect((await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).nextClockAtRiskOn).toBe(
			dayAfter(5)
		)
		await post(PAGE, {
			intent: 'reminders',
			atRiskPercent: '75',
			reminders: ['remindAtRisk', 'escalateOverdue', 'morningDigest'],
		})
	})
})

describe('closure days', () => {
	const dateFields = (date: string) => ({
		'date-day': String(Number(date.slice(8, 10))),
		'date-month': String(Number(date.slice(5, 7))),
		'date-year': date.slice(0, 4),
	})

	test('a closure day moves deadlines over it at once, and removing it moves them back', async () => {
		const household = await createHousehold()
		await refreshAllClocks()
		const deadline = async () =>
			(await prisma.household.findUniqueOrThrow({ where: { id: household.id } })).nextClockDeadline
		expect(await deadline()).toBe(dayAfter(1))

		const closed = dayAfter(1)
		const added = await post(CLOSURES, { intent: 'add', ...dateFields(closed), label: 'Team training day' })
		expect(added).toMatchObject({ status: 303, location: `${CLOSURES}?added=${closed}` })
		expect(await deadline()).toBe(dayAfter(2))
		const page = await runRoute(closureDays.loader, staffRequest(`${CLOSURES}?added=${closed}`, manager))
		expect(page.data.closures).toContainEqual({ date: closed, label: 'Team training day' })

		const again = await post(CLOSURES, { intent: 'add', ...dateFields(closed), label: 'Again' })
		expect(again.status).toBe(400)
		expect(again.data.errors).toEqual([{ field: 'date', message: 'That day is already a closure day' }])

		expect(await post(CLOSURES, { intent: 'remove', date: closed })).toMatchObject({ status: 303 })
		expect(await deadline()).toBe(dayAfter(1))
		expect(await prisma.serviceClosure.count()).toBe(0)
	})

	test('the form says what is missing, and accepts a day that already is not a working day', async () => {
		const answer = await post(CLOSURES, {
			intent: 'add',
			'date-day': '29',
			'date-month': '',
			'date-year': '2026',
			label: '',
		})
		expect(answer.status).toBe(400)
		expect(answer.data.errors).toEqual([
			{ field: 'date', message: 'The date must include a month' },
			{ field: 'label', message: 'Enter why the service is closed' },
		])
		const saturday = '2026-12-26'
		expect(isWorkingDay(saturday)).toBe(false)
		expect(await post(CLOSURES, { intent: 'add', ...dateFields(saturday), label: 'Christmas' })).toMatchObject({
			status: 303,
		})
		expect(await prisma.serviceClosure.findUnique({ where: { date: saturday } })).toMatchObject({ label: 'Christmas' })
	})
})

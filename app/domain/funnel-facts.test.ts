import { describe, expect, test } from 'vitest'
import { countWorkingDays, funnelFacts, type FunnelFactInput } from './funnel-facts.ts'
import { StageHistoryError, type RecordedStageEvent } from './stage-machine.ts'
import type { StageKey } from './stages.ts'
import { addCalendarDays, workingDaysBetween, type PausedRange } from './working-days.ts'

// Hand-computed fixtures. November 2026 has no bank holiday: 2 November is a Monday, so a week's
// move (Monday to Monday) is 5 working days. June 2026 has none either (the late May one is the 25th).

const enter = (toStage: StageKey, fromStage: StageKey | null, businessDate: string): RecordedStageEvent => ({
	kind: 'entered',
	fromStage,
	toStage,
	businessDate,
})
const hold = (businessDate: string): RecordedStageEvent => ({
	kind: 'hold',
	fromStage: null,
	toStage: null,
	businessDate,
	reviewOn: '2027-01-01',
})
const resume = (businessDate: string): RecordedStageEvent => ({
	kind: 'resume',
	fromStage: null,
	toStage: null,
	businessDate,
})
const exit = (fromStage: StageKey, businessDate: string, exitReasonKey: string): RecordedStageEvent => ({
	kind: 'exit',
	fromStage,
	toStage: null,
	businessDate,
	exitReasonKey,
})
const reopen = (fromStage: StageKey, toStage: StageKey, businessDate: string): RecordedStageEvent => ({
	kind: 'reopen',
	fromStage,
	toStage,
	businessDate,
})
const complete = (businessDate: string): RecordedStageEvent => ({
	kind: 'completed',
	fromStage: 'stage_1',
	toStage: null,
	businessDate,
})

const facts = (events: RecordedStageEvent[], extra: Partial<FunnelFactInput> = {}) =>
	funnelFacts({
		route: 'mainstream',
		events,
		endedBy: new Map([
			['circumstances_changed', 'household'],
			['not_suitable', 'not_approved'],
		]),
		firstEnquiry: {
			channelKey: 'website',
			utmSource: 'facebook',
			utmMedium: 'social',
			utmCampaign: 'spring',
			howHeard: 'social_media',
		},
		interests: '["short_term"]',
		postcode: 'NE1 4ST',
		ownerId: 'staff-1',
		referred: false,
		closures: [],
		...extra,
	})

/** Enquiry on Monday 2 November, Initial contact on Wednesday 4, Initial visit on Monday 9. */
const toInitialVisit = [
	enter('enquiry', null, '2026-11-02'),
	enter('initial_contact', 'enquiry', '2026-11-04'),
	enter('initial_visit', 'initial_contact', '2026-11-09'),
]

describe('a household moving through the stages', () => {
	test('has the first date of each stage it reached and the working days of each stage it has left', () => {
		expect(facts(toInitialVisit)).toMatchObject({
			status: 'open',
			currentStage: 'initial_visit',
			enquiredOn: '2026-11-02',
			enquiredMonth: '2026-11',
			initialContactOn: '2026-11-04',
			initialVisitOn: '2026-11-09',
			applicationOn: null,
			approvedOn: null,
			// Tuesday and Wednesday; then Thursday, Friday and Monday.
			enquiryDays: 2,
			initialContactDays: 3,
			// Still in it: not known yet.
			initialVisitDays: null,
			applicationDays: null,
			exitStage: null,
			exitReasonKey: null,
			endedBy: null,
			exitedOn: null,
		})
	})

	test('does not count bank holidays or the service’s closure days', () => {
		expect(facts(toInitialVisit, { closures: ['2026-11-03', '2026-11-06'] })).toMatchObject({
			enquiryDays: 1,
			initialContactDays: 2,
		})
		// Christmas Day and Boxing Day (a Saturday, so Monday 28th is the bank holiday).
		const christmas = [enter('enquiry', null, '2026-12-24'), enter('initial_contact', 'enquiry', '2026-12-29')]
		expect(facts(christmas).enquiryDays).toBe(1)
	})

	test('records several stages on the same day as 0 days', () => {
		const sameDay = [
			enter('enquiry', null, '2026-11-02'),
			enter('initial_contact', 'enquiry', '2026-11-02'),
			enter('initial_visit', 'initial_contact', '2026-11-02'),
		]
		expect(facts(sameDay)).toMatchObject({ initialContactOn: '2026-11-02', enquiryDays: 0, initialContactDays: 0 })
	})

	test('uses business dates: a back-dated event counts from the day it happened', () => {
		// Recorded in this order, the initial contact on the 20th was written down on the 23rd.
		const backDated = [enter('enquiry', null, '2026-11-16'), enter('initial_contact', 'enquiry', '2026-11-20')]
		expect(facts(backDated)).toMatchObject({ initialContactOn: '2026-11-20', enquiryDays: 4 })
	})

	test('an approved household has finished: every stage timed, Approved dated', () => {
		const approved = [
			enter('enquiry', null, '2026-06-01'),
			enter('initial_contact', 'enquiry', '2026-06-01'),
			enter('initial_visit', 'initial_contact', '2026-06-01'),
			enter('application', 'initial_visit', '2026-06-01'),
			enter('stage_1', 'application', '2026-06-01'),
			enter('stage_2', 'stage_1', '2026-06-08'),
			complete('2026-06-08'),
			enter('panel', 'stage_2', '2026-06-15'),
			enter('approved', 'panel', '2026-06-22'),
		]
		expect(facts(approved)).toMatchObject({
			status: 'approved',
			currentStage: 'approved',
			approvedOn: '2026-06-22',
			stage1Days: 5,
			stage2Days: 5,
			panelDays: 5,
		})
	})
})

describe('Stage 1 and Stage 2 in parallel', () => {
	const toStage2 = [
		enter('enquiry', null, '2026-05-01'),
		enter('initial_contact', 'enquiry', '2026-05-01'),
		enter('initial_visit', 'initial_contact', '2026-05-01'),
		enter('application', 'initial_visit', '2026-05-01'),
		enter('stage_1', 'application', '2026-06-01'),
		enter('stage_2', 'stage_1', '2026-06-15'),
	]

	test('Stage 1 keeps running after Stage 2 starts, until it is completed', () => {
		expect(facts(toStage2)).toMatchObject({ stage1On: '2026-06-01', stage2On: '2026-06-15', stage1Days: null })
		const completed = facts([...toStage2, complete('2026-06-22')])
		expect(completed).toMatchObject({ currentStage: 'stage_2', stage1Days: 15, stage2Days: null })
		expect(facts([...toStage2, complete('2026-06-22'), enter('panel', 'stage_2', '2026-07-06')])).toMatchObject({
			stage1Days: 15,
			stage2Days: 15,
		})
	})

	test('Panel closes a Stage 1 never completed, but its time is not known: no time in Stage 1', () => {
		// 1 June to 6 July would be 25 working days: Stage 1 and Stage 2 together, not Stage 1's time.
		expect(facts([...toStage2, enter('panel', 'stage_2', '2026-07-06')])).toMatchObject({
			stage1On: '2026-06-01',
			stage1Days: null,
			stage2Days: 15,
		})
	})

	test('a household that leaves during Stage 2 with no Stage 1 completion has no Stage 1 time', () => {
		expect(facts([...toStage2, exit('stage_2', '2026-06-22', 'circumstances_changed')])).toMatchObject({
			status: 'closed',
			exitStage: 'stage_2',
			stage1Days: null,
			stage2Days: 5,
		})
		// Completed on 15 June (10 working days from 1 June), then left during Stage 2: Stage 1 is timed.
		const completedThenLeft = [
			...toStage2,
			complete('2026-06-15'),
			exit('stage_2', '2026-06-22', 'circumstances_changed'),
		]
		expect(facts(completedThenLeft)).toMatchObject({ stage1Days: 10, stage2Days: 5 })
	})
})

describe('holds', () => {
	// On hold from Thursday 5 to Monday 9 November, resumed on Tuesday 10, moved on on Wednesday 11.
	const held = [
		enter('enquiry', null, '2026-11-02'),
		enter('initial_contact', 'enquiry', '2026-11-04'),
		hold('2026-11-05'),
		resume('2026-11-10'),
		enter('initial_visit', 'initial_contact', '2026-11-11'),
	]

	test('days on hold do not count towards the stage', () => {
		const result = facts(held)
		// Thursday to Wednesday is 5 working days; Thursday, Friday and Monday were on hold.
		expect(result).toMatchObject({ status: 'open', initialContactDays: 2 })
	})

	test('a household on hold now is on hold, its stage still running', () => {
		expect(facts(held.slice(0, 3))).toMatchObject({
			status: 'on_hold',
			currentStage: 'initial_contact',
			initialContactDays: null,
		})
	})

	test('a hold ended by leaving does not count either', () => {
		const left = [...held.slice(0, 3), exit('initial_contact', '2026-11-11', 'circumstances_changed')]
		// Thursday 5 to Tuesday 10 on hold: only Wednesday 11 counts.
		expect(facts(left)).toMatchObject({ status: 'closed', initialContactDays: 1, exitedOn: '2026-11-11' })
	})
})

describe('households that left', () => {
	const left = [...toInitialVisit, exit('initial_visit', '2026-11-16', 'circumstances_changed')]

	test('record the stage they left from, why, who ended it and when', () => {
		expect(facts(left)).toMatchObject({
			status: 'closed',
			currentStage: 'initial_visit',
			exitStage: 'initial_visit',
			exitReasonKey: 'circumstances_changed',
			endedBy: 'household',
			exitedOn: '2026-11-16',
			initialVisitDays: 5,
			applicationOn: null,
		})
	})

	test('not approved at panel is ended by the panel’s decision', () => {
		const panel = [
			enter('enquiry', null, '2026-06-01'),
			enter('initial_contact', 'enquiry', '2026-06-01'),
			enter('initial_visit', 'initial_contact', '2026-06-01'),
			enter('application', 'initial_visit', '2026-06-01'),
			enter('stage_1', 'application', '2026-06-01'),
			enter('stage_2', 'stage_1', '2026-06-01'),
			enter('panel', 'stage_2', '2026-06-08'),
			exit('panel', '2026-06-15', 'not_suitable'),
		]
		expect(facts(panel)).toMatchObject({ exitStage: 'panel', endedBy: 'not_approved', panelDays: 5, approvedOn: null })
	})

	test('a reopened household is in progress again: first dates kept, no exit, the stage running again', () => {
		const reopened = [...left, reopen('initial_visit', 'initial_visit', '2026-11-23')]
		expect(facts(reopened)).toMatchObject({
			status: 'open',
			currentStage: 'initial_visit',
			initialVisitOn: '2026-11-09',
			exitStage: null,
			exitReasonKey: null,
			endedBy: null,
			exitedOn: null,
			initialVisitDays: null,
		})
		// Both visits count, the week it was closed does not: 5 days, then Monday 23 to Wednesday 25.
		expect(facts([...reopened, enter('application', 'initial_visit', '2026-11-25')])).toMatchObject({
			initialVisitDays: 7,
			applicationOn: '2026-11-25',
		})
	})

	test('a returning enquirer starts again at Enquiry, but belongs to the cohort of their first enquiry', () => {
		const returned = [...left, reopen('initial_visit', 'enquiry', '2027-02-01')]
		expect(facts(returned)).toMatchObject({
			status: 'open',
			currentStage: 'enquiry',
			enquiredOn: '2026-11-02',
			enquiredMonth: '2026-11',
			initialContactOn: '2026-11-04',
			initialVisitOn: '2026-11-09',
			enquiryDays: null,
			initialContactDays: 3,
			initialVisitDays: 5,
		})
	})
})

describe('corrections and starting later', () => {
	test('a manager moving a household back keeps the first dates and adds up the time of each visit', () => {
		const corrected = [
			...toInitialVisit,
			enter('initial_contact', 'initial_visit', '2026-11-10'),
			enter('initial_visit', 'initial_contact', '2026-11-12'),
			enter('application', 'initial_visit', '2026-11-16'),
		]
		expect(facts(corrected)).toMatchObject({
			initialContactOn: '2026-11-04',
			initialVisitOn: '2026-11-09',
			// 3 days, then Wednesday and Thursday.
			initialContactDays: 5,
			// Tuesday 10; then Friday 13 and Monday 16.
			initialVisitDays: 3,
		})
	})

	test('a household added at a later stage has reached the earlier ones on that day, their time unknown', () => {
		const added = [enter('application', null, '2026-11-02'), enter('stage_1', 'application', '2026-11-09')]
		expect(facts(added)).toMatchObject({
			enquiredOn: '2026-11-02',
			initialContactOn: '2026-11-02',
			initialVisitOn: '2026-11-02',
			applicationOn: '2026-11-02',
			stage1On: '2026-11-09',
			enquiryDays: null,
			initialContactDays: null,
			initialVisitDays: null,
			applicationDays: 5,
		})
	})

	test('a history that breaks the stage rules is refused', () => {
		expect(() => facts([enter('enquiry', null, '2026-11-02'), enter('application', 'enquiry', '2026-11-03')])).toThrow(
			StageHistoryError
		)
		expect(() => facts([])).toThrow()
	})
})

describe('what the funnel is broken down by', () => {
	test('comes from the first enquiry and the household as it is now', () => {
		expect(facts(toInitialVisit, { route: 'kinship', referred: true })).toMatchObject({
			route: 'kinship',
			channelKey: 'website',
			utmSource: 'facebook',
			utmMedium: 'social',
			utmCampaign: 'spring',
			howHeard: 'social_media',
			referred: true,
			interests: '["short_term"]',
			postcodeDistrict: 'NE1',
			ownerId: 'staff-1',
		})
	})

	test('each interest once, however many times a household is stored with it', () => {
		const interests = JSON.stringify([...Array(500).fill('teenagers'), 'long_term', 'teenagers'])
		expect(facts(toInitialVisit, { interests }).interests).toBe('["teenagers","long_term"]')
		// Not a list at all (never written by the app): no interests, rather than a query that fails.
		expect(facts(toInitialVisit, { interests: 'teenagers' }).interests).toBe('[]')
		expect(facts(toInitialVisit, { interests: '{"a":1}' }).interests).toBe('[]')
	})

	test('a household with no enquiry on record is from an unknown channel', () => {
		expect(facts(toInitialVisit, { firstEnquiry: null, ownerId: null })).toMatchObject({
			channelKey: 'unknown',
			utmSource: null,
			howHeard: null,
			ownerId: null,
		})
	})
})

describe('counting working days', () => {
	test('gives what workingDaysBetween gives, over thousands of random spans, closures and holds', () => {
		// A small deterministic generator: the same spans on every run.
		let seed = 42
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
		const day = (from: string, span: number) => addCalendarDays(from, Math.floor(random() * span))
		for (let i = 0; i < 3000; i++) {
			const from = day('2023-06-01', 1400)
			const to = day(from, random() < 0.1 ? 900 : 120)
			const closures = Array.from({ length: Math.floor(random() * 6) }, () => day(from, 150))
			// Christmas closures often fall on bank holidays and weekends: counted once.
			if (random() < 0.3) closures.push(`${from.slice(0, 4)}-12-25`, `${from.slice(0, 4)}-12-29`)
			const paused: PausedRange[] = []
			let cursor = from
			for (let holds = Math.floor(random() * 3); holds > 0; holds--) {
				const heldFrom = day(cursor, 60)
				const heldTo = day(heldFrom, 30)
				paused.push([heldFrom, heldTo])
				cursor = addCalendarDays(heldTo, 2)
			}
			expect(countWorkingDays(from, to, closures, paused), `${from} to ${to}`).toBe(
				workingDaysBetween(from, to, closures, paused)
			)
		}
	})

	test('a span ending before it starts has no working days; a bad date is refused', () => {
		expect(countWorkingDays('2026-11-10', '2026-11-02', [], [])).toBe(0)
		expect(() => countWorkingDays('2026-02-30', '2026-03-02', [], [])).toThrow(RangeError)
	})
})

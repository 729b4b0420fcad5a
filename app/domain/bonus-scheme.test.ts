import { describe, expect, test } from 'vitest'
import {
	DEFAULT_BONUS_RULES,
	earnedAmount,
	formatPounds,
	milestonesOf,
	parseBonusRules,
	placementMilestoneReachedOn,
	schemeInForce,
} from './bonus-scheme.ts'

describe('the scheme in force on the day of the referral', () => {
	const schemes = [
		{ id: 'first', effectiveFrom: '2000-01-01' },
		{ id: 'raised', effectiveFrom: '2026-04-01' },
		{ id: 'raised-again-same-day', effectiveFrom: '2026-04-01' },
		{ id: 'future', effectiveFrom: '2027-01-01' },
	]
	test.each([
		['2026-03-31', 'first'],
		['2026-04-01', 'raised-again-same-day'],
		['2026-12-31', 'raised-again-same-day'],
		['2027-01-01', 'future'],
	])('on %s is %s', (date, id) => {
		expect(schemeInForce(schemes, date)?.id).toBe(id)
	})

	test('is none before the first', () => {
		expect(schemeInForce(schemes, '1999-12-31')).toBeNull()
	})
})

describe('amounts', () => {
	const rules = {
		...DEFAULT_BONUS_RULES,
		approvedPence: 150_000,
		placementPence: 150_000,
		shortBreakPercent: 50,
		welcomePence: 10_000,
	}
	test('are the scheme’s, halved for short-break-only carers under a 50% rate', () => {
		expect(earnedAmount(rules, 'approved', false)).toBe(150_000)
		expect(earnedAmount(rules, 'approved', true)).toBe(75_000)
		expect(earnedAmount(rules, 'welcome', true)).toBe(5_000)
	})

	test('round down to whole pence', () => {
		expect(
			earnedAmount({ ...DEFAULT_BONUS_RULES, approvedPence: 25_001, shortBreakPercent: 50 }, 'approved', true)
		).toBe(12_500)
	})

	test('a welcome bonus is a milestone only when the scheme pays one', () => {
		expect(milestonesOf(DEFAULT_BONUS_RULES)).toEqual(['approved', 'placement'])
		expect(milestonesOf(rules)).toEqual(['approved', 'placement', 'welcome'])
	})

	test('read as people write money', () => {
		expect(formatPounds(25_000)).toBe('£250')
		expect(formatPounds(150_000)).toBe('£1,500')
		expect(formatPounds(1_250)).toBe('£12.50')
	})
})

test('the migration’s first scheme is the default, £250 + £250 after 12 weeks', () => {
	expect(
		parseBonusRules(
			'{"approvedPence":25000,"placementPence":25000,"placementWeeks":12,"welcomePence":0,"shortBreakPercent":100,"eligibleReferrerKinds":["foster_carer"],"contactWindowMonths":6}'
		)
	).toEqual(DEFAULT_BONUS_RULES)
})

describe('the placement milestone', () => {
	// 12 weeks (84 days) after Monday 7 September 2026 is Monday 30 November 2026.
	test('is reached 12 weeks after the placement started', () => {
		const placements = [{ startedOn: '2026-09-07', endedOn: null }]
		expect(placementMilestoneReachedOn(placements, 12, '2026-11-29')).toBeNull()
		expect(placementMilestoneReachedOn(placements, 12, '2026-11-30')).toBe('2026-11-30')
		expect(placementMilestoneReachedOn(placements, 12, '2027-03-01')).toBe('2026-11-30')
	})

	test('is not reached by a placement that ended before 12 weeks, but by a later one that lasted', () => {
		const placements = [
			{ startedOn: '2026-06-01', endedOn: '2026-08-23' }, // ended on day 83
			{ startedOn: '2026-09-07', endedOn: '2026-11-30' }, // ended on day 84: it lasted
		]
		expect(placementMilestoneReachedOn(placements, 12, '2026-12-31')).toBe('2026-11-30')
		expect(placementMilestoneReachedOn(placements.slice(0, 1), 12, '2026-12-31')).toBeNull()
	})
})

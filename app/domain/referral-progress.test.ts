import { expect, test } from 'vitest'
import { referralProgress } from './referral-progress.ts'

test.each([
	['enquiry', false, 'enquired'],
	['initial_visit', false, 'enquired'],
	['application', false, 'applied'],
	['panel', false, 'applied'],
	['approved', false, 'approved'],
	['approved', true, 'bonus_paid'],
] as const)(
	'a household whose furthest stage is %s (bonus paid: %s) shows as %s',
	(furthestStage, bonusPaid, shown) => {
		expect(referralProgress({ furthestStage, bonusPaid })).toBe(shown)
	}
)

import { describe, expect, test } from 'vitest'
import { furthestStage, referralProgress } from './referral-progress.ts'

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

describe('how far a household got', () => {
	test('is the furthest stage it ever entered, even after going back or leaving', () => {
		expect(furthestStage([])).toBe('enquiry')
		expect(
			furthestStage([
				{ kind: 'entered', toStage: 'enquiry' },
				{ kind: 'entered', toStage: 'initial_contact' },
				{ kind: 'entered', toStage: 'application' },
				{ kind: 'entered', toStage: 'initial_visit' },
				{ kind: 'exit', toStage: null },
			])
		).toBe('application')
		expect(
			furthestStage([
				{ kind: 'hold', toStage: null },
				{ kind: 'reopen', toStage: 'stage_1' },
			])
		).toBe('stage_1')
	})
})

import { describe, expect, it } from 'vitest'
import { daysInStage, describeDaysInStage } from './days-in-stage.ts'
import { addCalendarDays } from './working-days.ts'

describe('days in stage', () => {
	it('counts whole calendar days, weekends included', () => {
		expect(daysInStage('2026-11-23', '2026-11-23')).toBe(0)
		expect(daysInStage('2026-11-20', '2026-11-23')).toBe(3)
		expect(daysInStage('2025-11-23', '2026-11-23')).toBe(365)
	})

	it('is not thrown off by the clocks changing', () => {
		// British Summer Time ended on 25 October 2026: still 2 days, not 2 days and an hour.
		expect(daysInStage('2026-10-24', '2026-10-26')).toBe(2)
		expect(daysInStage('2026-03-28', '2026-03-30')).toBe(2)
	})

	it('never shows a negative wait for a date after today', () => {
		expect(daysInStage('2026-11-24', '2026-11-23')).toBe(0)
	})

	it('refuses something that is not a date', () => {
		expect(() => daysInStage('2026-02-30', '2026-03-01')).toThrow(RangeError)
	})

	it('says it in words', () => {
		expect(describeDaysInStage(0)).toBe('Today')
		expect(describeDaysInStage(1)).toBe('1 day')
		expect(describeDaysInStage(1234)).toBe('1,234 days')
		expect(daysInStage(addCalendarDays('2026-11-23', -40), '2026-11-23')).toBe(40)
	})
})

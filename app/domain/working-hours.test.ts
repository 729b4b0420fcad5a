import { describe, expect, test } from 'vitest'
import { workingHoursBetween } from './working-hours.ts'

// Instants are written in UTC: London is UTC+0 in winter and UTC+1 in summer (from 29 March to
// 25 October 2026), so '2026-06-10T08:00:00Z' is 09:00 in London.
const at = (iso: string) => new Date(iso)

describe('workingHoursBetween', () => {
	test.each([
		// [what, start, end, hours]
		['within one working day (winter)', '2026-01-14T10:00:00Z', '2026-01-14T13:30:00Z', 3.5],
		['within one working day (summer, 10:00 to 13:30 London)', '2026-06-10T09:00:00Z', '2026-06-10T12:30:00Z', 3.5],
		['an enquiry before opening counts from 09:00', '2026-01-14T07:15:00Z', '2026-01-14T10:00:00Z', 1],
		['an evening enquiry answered next morning', '2026-01-14T19:00:00Z', '2026-01-15T10:30:00Z', 1.5],
		['a whole working day is eight hours', '2026-01-14T00:00:00Z', '2026-01-15T00:00:00Z', 8],
		['Friday 16:00 to Monday 10:00 skips the weekend', '2026-01-16T16:00:00Z', '2026-01-19T10:00:00Z', 2],
		['a weekend enquiry answered on Monday at 09:45', '2026-01-17T11:00:00Z', '2026-01-19T09:45:00Z', 0.75],
		['nothing counts at a weekend', '2026-01-17T09:00:00Z', '2026-01-18T17:00:00Z', 0],
		// Easter 2026: Good Friday 3 April and Easter Monday 6 April (London in summer time).
		['Thursday 16:00 to Tuesday 10:00 over Easter', '2026-04-02T15:00:00Z', '2026-04-07T09:00:00Z', 2],
		// 25 December 2026 is a Friday; Boxing Day's substitute is Monday 28 December.
		['Christmas Eve to the next working day', '2026-12-24T16:00:00Z', '2026-12-29T09:30:00Z', 1.5],
		// Clocks go forward on Sunday 29 March 2026: Friday 16:00 GMT to Monday 10:00 BST.
		['over the spring clock change', '2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z', 2],
		// Clocks go back on Sunday 25 October 2026: Friday 16:30 BST to Monday 09:30 GMT.
		['over the autumn clock change', '2026-10-23T15:30:00Z', '2026-10-26T09:30:00Z', 1],
		['a week is five working days', '2026-01-12T09:00:00Z', '2026-01-19T09:00:00Z', 40],
		['the end before the start', '2026-01-14T13:00:00Z', '2026-01-14T10:00:00Z', 0],
		['the same instant', '2026-01-14T13:00:00Z', '2026-01-14T13:00:00Z', 0],
	])('%s', (_, start, end, hours) => {
		expect(workingHoursBetween(at(start), at(end))).toBeCloseTo(hours, 10)
	})

	test("the service's closure days do not count", () => {
		// Tuesday 29 December 2026 closed: Christmas Eve 16:00 to Wednesday 30 December 09:30.
		expect(workingHoursBetween(at('2026-12-24T16:00:00Z'), at('2026-12-30T09:30:00Z'), ['2026-12-29'])).toBe(1.5)
	})

	test('an invalid instant is an error, not NaN hours', () => {
		expect(() => workingHoursBetween(new Date('nonsense'), at('2026-01-14T10:00:00Z'))).toThrow(RangeError)
	})
})

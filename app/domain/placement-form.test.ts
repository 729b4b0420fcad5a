import { describe, expect, test } from 'vitest'
import { readPlacementForm } from './placement-form.ts'

const TODAY = '2026-03-27'
const empty = { day: '', month: '', year: '' }
const date = (day: string, month: string, year: string) => ({ day, month, year })

describe('recording a placement', () => {
	test('a start date is enough; the end date and the child’s reference are optional', () => {
		expect(
			readPlacementForm({ startedOn: date('2', '1', '2026'), endedOn: empty, childReference: '  ' }, TODAY)
		).toEqual({ ok: true, value: { startedOn: '2026-01-02', endedOn: null, childReference: null } })
		expect(
			readPlacementForm(
				{ startedOn: date('2', '1', '2026'), endedOn: date('2', '1', '2026'), childReference: ' C-123 ' },
				TODAY
			)
		).toEqual({ ok: true, value: { startedOn: '2026-01-02', endedOn: '2026-01-02', childReference: 'C-123' } })
	})

	test('no start date, dates in the future, an end before the start and a long reference are refused', () => {
		expect(readPlacementForm({ startedOn: empty, endedOn: date('1', '', '2026'), childReference: '' }, TODAY)).toEqual({
			ok: false,
			errors: [
				{ field: 'startedOn', message: 'Enter the date the placement started' },
				{ field: 'endedOn', message: 'The date the placement ended must include a month' },
			],
		})
		expect(
			readPlacementForm({ startedOn: date('28', '3', '2026'), endedOn: empty, childReference: 'x'.repeat(51) }, TODAY)
		).toEqual({
			ok: false,
			errors: [
				{
					field: 'startedOn',
					message: 'The date the placement started must be today or in the past (today is 27 March 2026)',
				},
				{ field: 'childReference', message: 'The child’s reference must be 50 characters or less' },
			],
		})
		expect(
			readPlacementForm(
				{ startedOn: date('10', '3', '2026'), endedOn: date('9', '3', '2026'), childReference: '' },
				TODAY
			)
		).toEqual({
			ok: false,
			errors: [{ field: 'endedOn', message: 'The date the placement ended must be on or after the date it started' }],
		})
	})
})

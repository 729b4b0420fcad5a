// The funnel's time table: Stage 1's households with no recorded completion are counted on a row
// of their own, not timed (issue 15).
import { describe, expect, test } from 'vitest'
import type { StageRow } from './funnel.ts'
import { stage1WithoutCompletion, timeTable } from './funnel-tables.ts'

const row = (stage: StageRow['stage'], name: string, count: number, timed: number, stillIn: number): StageRow => ({
	stage,
	name,
	count,
	fromPrevious: null,
	fromEnquiry: null,
	stillIn,
	left: 0,
	leftBy: { household: 0, service: 0, not_approved: 0 },
	reasons: [],
	timed,
	medianDays: timed === 0 ? null : 30,
	p90Days: timed === 0 ? null : 45,
	targetDays: null,
	withinTarget: null,
})

describe('Stage 1 without a recorded completion', () => {
	test('is the households counted, less those timed and those still in it', () => {
		// 20 entered Stage 1; 12 completed it (timed), 5 are in it now: 3 moved on or left with no completion.
		expect(stage1WithoutCompletion({ count: 20, timed: 12, stillIn: 5 })).toBe(3)
		expect(stage1WithoutCompletion({ count: 4, timed: 4, stillIn: 0 })).toBe(0)
	})

	test('has its own row under Stage 1 in the time table, and no other stage has one', () => {
		const table = timeTable([row('stage_1', 'Stage 1', 20, 12, 5), row('stage_2', 'Stage 2', 10, 6, 4)])
		expect(table.rows).toEqual([
			['Stage 1', '12', '30', '45', 'No target for this stage alone', '–'],
			['Stage 1: not timed, no completion recorded', '3', '–', '–', '', '–'],
			['Stage 2', '6', '30', '45', 'No target for this stage alone', '–'],
		])
	})
})

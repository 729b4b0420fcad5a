import { describe, expect, it } from 'vitest'
import { addCalendarDays, workingDaysBetween, type PausedRange } from '~/domain/working-days.ts'
import { funnelFactOf, workingDayCounter } from './bench-data.ts'

const reasons = new Map([['r-housing', { id: 'r-housing', key: 'housing', endedBy: 'household' }]])
const entered = (from: string | null, to: string, businessDate: string) => ({
	kind: 'entered',
	fromStage: from,
	toStage: to,
	businessDate,
})
const context = { exitReasonById: reasons, workingDays: workingDayCounter('2025-01-01', '2026-12-31') }

describe('funnelFactOf (seed:bench)', () => {
	it('counts working days in each stage left, without holds or bank holidays, with Stage 1 and 2 in parallel', () => {
		const fact = funnelFactOf(
			[
				entered(null, 'enquiry', '2026-03-02'), // Monday
				entered('enquiry', 'initial_contact', '2026-03-05'),
				{ kind: 'hold', fromStage: null, toStage: null, businessDate: '2026-03-09' },
				{ kind: 'resume', fromStage: null, toStage: null, businessDate: '2026-03-16' },
				entered('initial_contact', 'initial_visit', '2026-03-20'),
				entered('initial_visit', 'application', '2026-03-23'),
				entered('application', 'stage_1', '2026-03-24'),
				entered('stage_1', 'stage_2', '2026-03-31'),
				{ kind: 'exit', fromStage: 'stage_2', toStage: null, businessDate: '2026-04-07', exitReasonId: 'r-housing' },
			],
			context
		)
		expect(fact).toMatchObject({
			status: 'closed',
			enquiredOn: '2026-03-02',
			initialContactOn: '2026-03-05',
			stage2On: '2026-03-31',
			panelOn: null,
			approvedOn: null,
			// 3, 4, 5 March.
			enquiryDays: 3,
			// 6 to 20 March is 11 working days; on hold 9 to 15 March takes 5 of them.
			initialContactDays: 6,
			initialVisitDays: 1,
			applicationDays: 1,
			// Stage 1 stays open alongside Stage 2 until the exit: 25 March to 7 April less Good Friday and Easter Monday.
			stage1Days: 8,
			stage2Days: 3,
			panelDays: null,
			exitStage: 'stage_2',
			exitReasonKey: 'housing',
			endedBy: 'household',
			exitedOn: '2026-04-07',
		})
	})

	it('ends Stage 1 when it is completed or at Panel, and leaves the current stage and holds open', () => {
		const approved = funnelFactOf(
			[
				entered(null, 'enquiry', '2026-01-05'),
				entered('enquiry', 'initial_contact', '2026-01-05'),
				entered('initial_contact', 'initial_visit', '2026-01-06'),
				entered('initial_visit', 'application', '2026-01-07'),
				entered('application', 'stage_1', '2026-01-08'),
				entered('stage_1', 'stage_2', '2026-01-09'),
				entered('stage_2', 'panel', '2026-01-16'),
				entered('panel', 'approved', '2026-01-19'),
			],
			context
		)
		expect(approved).toMatchObject({ status: 'approved', enquiryDays: 0, stage1Days: 6, stage2Days: 5, panelDays: 1 })
		expect(approved.approvedOn).toBe('2026-01-19')

		const onHold = funnelFactOf(
			[
				entered(null, 'enquiry', '2026-01-05'),
				entered('enquiry', 'initial_contact', '2026-01-05'),
				entered('initial_contact', 'initial_visit', '2026-01-06'),
				entered('initial_visit', 'application', '2026-01-07'),
				entered('application', 'stage_1', '2026-01-08'),
				entered('stage_1', 'stage_2', '2026-01-09'),
				{ kind: 'completed', fromStage: 'stage_1', toStage: null, businessDate: '2026-01-13' },
				{ kind: 'hold', fromStage: null, toStage: null, businessDate: '2026-01-20' },
			],
			context
		)
		expect(onHold).toMatchObject({ status: 'on_hold', stage1Days: 3, stage2Days: null, exitStage: null })
	})

	it('answers as workingDaysBetween does, with and without pauses', () => {
		const counter = workingDayCounter('2024-01-01', '2026-12-31')
		for (let i = 0; i < 300; i++) {
			const from = addCalendarDays('2024-01-01', (i * 37) % 900)
			const to = addCalendarDays(from, (i * 13) % 120)
			const paused: PausedRange[] =
				i % 3 === 0 ? [] : [[addCalendarDays(from, (i % 11) - 3), addCalendarDays(from, (i % 11) + (i % 17))]]
			expect(counter(from, to, paused), `${from} to ${to}, paused ${JSON.stringify(paused)}`).toBe(
				workingDaysBetween(from, to, undefined, paused)
			)
		}
	})
})

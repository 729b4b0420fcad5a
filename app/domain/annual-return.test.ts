import { describe, expect, test } from 'vitest'
import {
	annualReturn,
	annualReturnSentence,
	approvalTimes,
	withdrawalSentence,
	type AnnualReturnInput,
	type ExitCount,
} from './annual-return.ts'
import { annualReturnCsvRows, annualReturnTables } from './annual-return-tables.ts'
import { DEFAULT_EXIT_REASONS } from './exit-reasons.ts'
import { ofstedYear } from './report-period.ts'

const exit = (
	stage: ExitCount['stage'],
	endedBy: string,
	reasonKey: string | null,
	count: number,
	route: ExitCount['route'] = 'mainstream'
): ExitCount => ({ route, stage, endedBy, reasonKey, count })

const input: AnnualReturnInput = {
	counts: {
		mainstream: { enquiries: 120, applications: 14, approvals: 5 },
		kinship: { enquiries: 9, applications: 3, approvals: 2 },
	},
	exits: [
		exit('stage_1', 'household', 'assessment_process', 2), // AW2
		exit('stage_2', 'household', 'circumstances_changed', 1), // AW3
		exit('stage_2', 'household', 'household_health', 2), // AW3
		exit('application', 'household', 'work_or_finances', 1), // AW4
		exit('panel', 'household', 'allegations', 1), // AW5: at panel, before its recommendation
		exit('stage_1', 'household', 'lost_contact', 2), // AW0, coded
		exit('stage_1', 'household', null, 1), // AW0: no reason recorded
		exit('application', 'household', 'moved_abroad', 1), // AW0: a reason with no code
		exit('initial_contact', 'household', 'timing', 10), // before applying: not a withdrawal before panel
		exit('stage_1', 'service', 'checks_concerns', 3),
		exit('enquiry', 'service', 'outside_area', 7), // before applying
		exit('panel', 'not_approved', 'panel_against', 1),
		exit('stage_1', 'household', 'assessment_process', 4, 'kinship'), // kinship: never in the return
	],
	approvals: [
		{ applicationOn: '2025-05-10', approvedOn: '2025-10-10', count: 1 }, // 153 days, within 6 months
		{ applicationOn: '2025-06-30', approvedOn: '2026-02-28', count: 2 }, // 243 days; 8 months on is 28 Feb
		{ applicationOn: '2025-03-01', approvedOn: '2025-12-01', count: 1 }, // 275 days, over 8 months
		{ applicationOn: null, approvedOn: '2025-09-01', count: 1 }, // no application date on record
	],
	reasons: [
		...DEFAULT_EXIT_REASONS.map((reason) => ({ key: reason.key, label: reason.label, ofstedCode: reason.ofstedCode })),
		{ key: 'moved_abroad', label: 'Moved abroad', ofstedCode: null },
	],
}

describe('the annual return', () => {
	const figures = annualReturn(input)

	test('counts the mainstream households that applied and then withdrew, left or were turned down', () => {
		expect(figures.mainstream).toEqual({
			enquiries: 120,
			applications: 14,
			approvals: 5,
			withdrawnBeforePanel: 11,
			endedByServiceAfterApplying: 3,
			notApproved: 1,
			withdrewBeforeApplying: 10,
		})
		expect(figures.kinship).toEqual({ enquiries: 9, applications: 3, approvals: 2 })
	})

	test('puts each withdrawal under its reason’s Ofsted code, with unknown and uncoded ones as AW0', () => {
		expect(figures.withdrawals.map((row) => [row.code, row.count])).toEqual([
			['AW1', 0],
			['AW2', 2],
			['AW3', 3],
			['AW4', 1],
			['AW5', 1],
			['AW0', 4],
		])
		expect(figures.withdrawals[2]!.reasons).toEqual([
			{ label: 'Health', count: 2 },
			{ label: 'Change in personal circumstances', count: 1 },
		])
		expect(figures.withdrawals[5]!.reasons).toEqual([
			{ label: 'Did not respond or lost contact', count: 2 },
			{ label: 'Moved abroad', count: 1 },
			{ label: 'No reason recorded', count: 1 },
		])
		expect(figures.uncoded).toBe(2)
		// Every withdrawal has exactly one code.
		expect(figures.withdrawals.reduce((sum, row) => sum + row.count, 0)).toBe(figures.mainstream.withdrawnBeforePanel)
	})

	test('times application to approval in calendar days, with the 6 and 8 month limits read as dates', () => {
		expect(figures.times).toEqual({
			approved: 5,
			timed: 4,
			// 153, 243, 243, 275: the middle two are 243.
			medianDays: 243,
			withinSixMonths: 1,
			withinEightMonths: 3,
			overEightMonths: 1,
		})
		// 31 August + 6 months is 28 February (no 31st): approved that day is within, the next is not.
		expect(approvalTimes([{ applicationOn: '2025-08-31', approvedOn: '2026-02-28', count: 1 }]).withinSixMonths).toBe(1)
		expect(approvalTimes([{ applicationOn: '2025-08-31', approvedOn: '2026-03-01', count: 1 }]).withinSixMonths).toBe(0)
		expect(approvalTimes([])).toEqual({
			approved: 0,
			timed: 0,
			medianDays: null,
			withinSixMonths: 0,
			withinEightMonths: 0,
			overEightMonths: 0,
		})
	})

	test('says the year in one line', () => {
		expect(annualReturnSentence(figures)).toBe(
			'120 initial enquiries, 14 applications and 5 approvals; 11 applications were withdrawn before panel.'
		)
		expect(withdrawalSentence(figures)).toBe(
			'11 applications were withdrawn before panel; the most under AW0 (other or unknown reason): 4.'
		)
		const none = annualReturn({
			...input,
			counts: { ...input.counts, mainstream: { enquiries: 0, applications: 0, approvals: 0 } },
		})
		expect(annualReturnSentence(none)).toBe('No mainstream household enquired, applied or was approved in this year.')
		expect(withdrawalSentence(annualReturn({ ...input, exits: [] }))).toBe(
			'No application was withdrawn by the household before panel in this year.'
		)
	})

	test('draws the tables and writes the same numbers to one CSV', () => {
		const tables = annualReturnTables(figures, ofstedYear(2026))
		expect(tables.map((table) => table.key)).toEqual(['recruitment', 'withdrawals', 'times', 'kinship'])
		expect(tables[0]!.caption).toBe('Mainstream recruitment, 1 April 2025 to 31 March 2026')
		expect(tables[0]!.rows.at(-1)).toEqual([
			'For context, not in the return: households that withdrew before applying',
			'10',
		])
		expect(tables[1]!.rows.at(-1)).toEqual(['Total', 'All withdrawals before panel', '11', ''])
		expect(tables[2]!.rows).toContainEqual(['Approved within 8 months of applying', '3 (75%)'])
		const csv = annualReturnCsvRows(tables)
		expect(csv[0]).toEqual(['Table', 'Figure', 'Value'])
		expect(csv).toContainEqual(['Mainstream recruitment, 1 April 2025 to 31 March 2026', 'Initial enquiries', '120'])
		expect(csv).toContainEqual([
			'Applications withdrawn by the household before panel, by Ofsted withdrawal code',
			'AW3 Household circumstances changed during the assessment (other than for financial reasons)',
			'3',
		])
		expect(csv).toContainEqual([
			'Time from application to approval, households approved in the year',
			'Approved within 8 months of applying',
			'3',
		])
		expect(csv).toContainEqual([
			'Time from application to approval, households approved in the year',
			'Median calendar days from application to approval',
			'243',
		])
		// 7 recruitment (one for context) + 7 withdrawal + 6 time + 3 kinship figures, under one heading row.
		expect(csv).toHaveLength(1 + 7 + 7 + 6 + 3)
	})
})

// The return year (1 April to 31 March) is tested with the other periods, in report-period.test.ts.

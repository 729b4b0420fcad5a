import { describe, expect, test } from 'vitest'
import {
	REFERRAL_PERIOD,
	costPerApproved,
	formatShare,
	referralsByMonth,
	referralsSentence,
	spendByMonth,
	spendSentence,
	stageConversion,
	type ReportHousehold,
} from './referral-report.ts'
import { monthsOf, parsePeriod } from './report-period.ts'

describe('the period', () => {
	test('is twelve months to today unless chosen', () => {
		expect(REFERRAL_PERIOD.preset.of('2026-11-24')).toEqual({ from: '2025-11-25', to: '2026-11-24' })
		expect(REFERRAL_PERIOD.preset.of('2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
		const { period, values } = parsePeriod(new URLSearchParams(), '2026-11-24', REFERRAL_PERIOD)
		expect(period).toEqual({ from: '2025-11-25', to: '2026-11-24' })
		expect(values.from).toEqual({ day: '25', month: '11', year: '2025' })
	})

	test('must be real, ordered and at most three years', () => {
		const parse = (query: string) => parsePeriod(new URLSearchParams(query), '2026-11-24', REFERRAL_PERIOD).errors
		expect(parse('from-day=1&from-month=2&from-year=2026&to-day=31&to-month=1&to-year=2026')).toEqual([
			{ field: 'to', message: 'The end of the period must be the same as or after the start' },
		])
		expect(parse('from-day=1&from-month=1&from-year=2020&to-day=1&to-month=1&to-year=2026')).toEqual([
			{ field: 'to', message: 'The period must be 3 years or shorter' },
		])
		expect(parse('from-day=30&from-month=2&from-year=2026&to-day=&to-month=1&to-year=2026')).toEqual([
			{ field: 'from', message: 'The start of the period must be a real date' },
			{ field: 'to', message: 'The end of the period must include a day' },
		])
	})

	test('covers every month it touches, across a new year', () => {
		expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
		expect(monthsOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['2026-03'])
	})
})

describe('conversion of referred households against others', () => {
	// 4 referred: two approved, one left at Stage 2, one still an enquiry.
	// 5 others: one approved, one at Application, three at Initial contact.
	const households: ReportHousehold[] = [
		{ referred: true, furthestStage: 'approved' },
		{ referred: true, furthestStage: 'approved' },
		{ referred: true, furthestStage: 'stage_2' },
		{ referred: true, furthestStage: 'enquiry' },
		{ referred: false, furthestStage: 'approved' },
		{ referred: false, furthestStage: 'application' },
		{ referred: false, furthestStage: 'initial_contact' },
		{ referred: false, furthestStage: 'initial_contact' },
		{ referred: false, furthestStage: 'initial_contact' },
	]

	test('counts each group reaching each stage or a later one, as a share of the group', () => {
		const result = stageConversion(households)
		expect(result.referredTotal).toBe(4)
		expect(result.othersTotal).toBe(5)
		const at = (stage: string) => result.stages.find((row) => row.stage === stage)!
		expect(at('enquiry')).toEqual({
			stage: 'enquiry',
			referred: { reached: 4, share: 1 },
			others: { reached: 5, share: 1 },
		})
		expect(at('initial_contact').referred).toEqual({ reached: 3, share: 0.75 })
		expect(at('initial_contact').others).toEqual({ reached: 5, share: 1 })
		expect(at('application').referred).toEqual({ reached: 3, share: 0.75 })
		expect(at('application').others).toEqual({ reached: 2, share: 0.4 })
		expect(at('stage_2').referred).toEqual({ reached: 3, share: 0.75 })
		expect(at('panel').referred).toEqual({ reached: 2, share: 0.5 })
		expect(at('approved').referred).toEqual({ reached: 2, share: 0.5 })
		expect(at('approved').others).toEqual({ reached: 1, share: 0.2 })
		expect(result.stages.map((row) => row.stage)).toHaveLength(8)
	})

	test('has no share for an empty group (not 0%)', () => {
		const result = stageConversion([{ referred: false, furthestStage: 'enquiry' }])
		expect(result.stages[0]!.referred).toEqual({ reached: 0, share: null })
		expect(formatShare(null)).toBe('–')
		expect(formatShare(2 / 3)).toBe('67%')
	})
})

describe('by month', () => {
	const period = { from: '2026-01-10', to: '2026-03-31' }

	test('referrals made, counted and not eligible; detached and out-of-period ones left out', () => {
		const rows = referralsByMonth(
			[
				{ referredOn: '2026-01-09', status: 'counted' },
				{ referredOn: '2026-01-10', status: 'counted' },
				{ referredOn: '2026-01-31', status: 'not_eligible' },
				{ referredOn: '2026-03-02', status: 'counted' },
				{ referredOn: '2026-03-03', status: 'detached' },
				{ referredOn: '2026-04-01', status: 'counted' },
			],
			period
		)
		expect(rows).toEqual([
			{ month: '2026-01', label: 'Jan 2026', made: 2, counted: 1, notEligible: 1 },
			{ month: '2026-02', label: 'Feb 2026', made: 0, counted: 0, notEligible: 0 },
			{ month: '2026-03', label: 'Mar 2026', made: 1, counted: 1, notEligible: 0 },
		])
	})

	test('bonus spend by the month paid, in pence', () => {
		const rows = spendByMonth(
			[
				{ paidOn: '2026-02-01', amountPence: 25_000 },
				{ paidOn: '2026-02-28', amountPence: 12_500 },
				{ paidOn: '2026-03-15', amountPence: 150_000 },
				{ paidOn: '2025-12-31', amountPence: 99_999 },
			],
			period
		)
		expect(rows.map((row) => [row.label, row.bonuses, row.pence])).toEqual([
			['Jan 2026', 0, 0],
			['Feb 2026', 2, 37_500],
			['Mar 2026', 1, 150_000],
		])
		expect(spendSentence(rows)).toBe('£1,875 paid in bonuses over 3 months; the most in Mar 2026 (£1,500).')
		expect(spendSentence(spendByMonth([], period))).toBe('No bonuses were paid in this period.')
	})

	test('the line under the chart of referrals: how many, over how long, and the busiest month', () => {
		const rows = referralsByMonth(
			[
				{ referredOn: '2026-02-03', status: 'counted' },
				{ referredOn: '2026-03-04', status: 'counted' },
				{ referredOn: '2026-03-05', status: 'not_eligible' },
			],
			period
		)
		expect(referralsSentence(rows)).toBe('3 referrals made over 3 months; the most in Mar 2026 (2).')
		expect(referralsSentence(rows.slice(0, 2))).toBe('1 referral made over 2 months; the most in Feb 2026 (1).')
		expect(referralsSentence(referralsByMonth([], period))).toBe('No referrals were made in this period.')
	})
})

describe('cost per approved household through referrals', () => {
	test('is the bonus paid divided by the referred households approved, to the penny', () => {
		// £250 + £250 + £100 welcome for one, £250 for another: £850 over 2 = £425.
		expect(costPerApproved(85_000, 2)).toBe(42_500)
		// £1,000 over 3 households: £333.33.
		expect(costPerApproved(100_000, 3)).toBe(33_333)
		expect(costPerApproved(50_000, 0)).toBeNull()
	})
})

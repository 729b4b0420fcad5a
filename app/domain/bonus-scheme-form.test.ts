import { describe, expect, test } from 'vitest'
import { DEFAULT_BONUS_RULES, REFERRER_KIND_LABELS } from './bonus-scheme.ts'
import {
	describeRules,
	poundsForInput,
	readPounds,
	readSchemeForm,
	schemeFormValues,
	schemeStatuses,
} from './bonus-scheme-form.ts'

const TODAY = '2026-11-24'
const VALID = {
	approvedPounds: '1,500',
	placementPounds: '£1,500.00',
	placementWeeks: '12',
	welcomePounds: '100',
	shortBreakPercent: '50',
	contactWindowMonths: '6',
	eligibleReferrerKinds: ['foster_carer', 'staff'],
	effectiveFrom: { day: '1', month: '12', year: '2026' },
}

describe('who can earn a bonus', () => {
	test('a kind ticked more than once counts once', () => {
		const result = readSchemeForm(
			{ ...VALID, eligibleReferrerKinds: ['staff', 'foster_carer', 'staff', 'staff'] },
			TODAY
		)
		expect(result.ok && result.value.rules.eligibleReferrerKinds).toEqual(['foster_carer', 'staff'])
	})

	test('a kind the form does not offer is refused, not quietly dropped', () => {
		const result = readSchemeForm({ ...VALID, eligibleReferrerKinds: ['foster_carer', 'neighbour'] }, TODAY)
		expect(result).toMatchObject({
			ok: false,
			errors: [{ field: 'eligibleReferrerKinds', message: 'Select who can earn a bonus' }],
		})
	})
})

describe('amounts in pounds', () => {
	test('are read as people write them, into whole pence', () => {
		expect(readPounds('250', 'x')).toEqual({ pence: 25_000 })
		expect(readPounds(' £1,500 ', 'x')).toEqual({ pence: 150_000 })
		expect(readPounds('12.50', 'x')).toEqual({ pence: 1_250 })
		expect(readPounds('0', 'x')).toEqual({ pence: 0 })
	})

	test('refuse what is not an amount, or is implausibly large', () => {
		expect(readPounds('', 'the bonus')).toEqual({ error: 'Enter the bonus' })
		expect(readPounds('12.5', 'the bonus')).toEqual({
			error: 'The bonus must be an amount in pounds, like 250 or 12.50',
		})
		expect(readPounds('-5', 'the bonus').error).toMatch(/amount in pounds/)
		expect(readPounds('two hundred', 'the bonus').error).toMatch(/amount in pounds/)
		expect(readPounds('5000.01', 'the bonus')).toEqual({ error: 'The bonus must be £5,000 or less' })
		expect(readPounds('5,000', 'the bonus')).toEqual({ pence: 500_000 })
	})

	test('are written back for the form the way they were typed', () => {
		expect(poundsForInput(25_000)).toBe('250')
		expect(poundsForInput(1_250)).toBe('12.50')
		expect(poundsForInput(5)).toBe('0.05')
	})
})

describe('the new scheme form', () => {
	test('reads a whole scheme with its start date', () => {
		expect(readSchemeForm(VALID, TODAY)).toEqual({
			ok: true,
			value: {
				effectiveFrom: '2026-12-01',
				rules: {
					approvedPence: 150_000,
					placementPence: 150_000,
					placementWeeks: 12,
					welcomePence: 10_000,
					shortBreakPercent: 50,
					eligibleReferrerKinds: ['foster_carer', 'staff'],
					contactWindowMonths: 6,
				},
			},
		})
	})

	test('may start today, never in the past', () => {
		const on = (day: string) => readSchemeForm({ ...VALID, effectiveFrom: { day, month: '11', year: '2026' } }, TODAY)
		expect(on('24').ok).toBe(true)
		const past = on('23')
		expect(past.ok).toBe(false)
		if (!past.ok) {
			expect(past.errors).toEqual([
				{ field: 'effectiveFrom', message: 'The date the scheme starts must be today or in the future' },
			])
		}
	})

	test('says what is wrong with each field, in the order of the page, and keeps what was typed', () => {
		const result = readSchemeForm(
			{
				approvedPounds: '',
				placementPounds: '250',
				placementWeeks: '0',
				welcomePounds: 'none',
				shortBreakPercent: '120%',
				contactWindowMonths: '6.5',
				eligibleReferrerKinds: ['nobody'],
				effectiveFrom: { day: '31', month: '2', year: '2027' },
			},
			TODAY
		)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors).toEqual([
			{ field: 'approvedPounds', message: 'Enter the bonus when the referred household is approved' },
			{ field: 'placementWeeks', message: 'The number of qualifying weeks must be between 1 and 104' },
			{
				field: 'welcomePounds',
				message: 'The welcome bonus for the new carers must be an amount in pounds, like 250 or 12.50',
			},
			{ field: 'shortBreakPercent', message: 'The share paid for short-break carers must be between 0 and 100%' },
			{ field: 'eligibleReferrerKinds', message: 'Select who can earn a bonus' },
			{ field: 'contactWindowMonths', message: 'The contact window must be a whole number' },
			{ field: 'effectiveFrom', message: 'The date the scheme starts must be a real date' },
		])
		expect(result.values.welcomePounds).toBe('none')
		expect(result.values.effectiveFrom).toEqual({ day: '31', month: '2', year: '2027' })
	})

	test('starts from the scheme in force', () => {
		const values = schemeFormValues(DEFAULT_BONUS_RULES, { day: '', month: '', year: '' })
		expect(values).toMatchObject({ approvedPounds: '250', placementPounds: '250', welcomePounds: '0' })
		expect(readSchemeForm({ ...values, effectiveFrom: VALID.effectiveFrom }, TODAY)).toEqual({
			ok: true,
			value: { effectiveFrom: '2026-12-01', rules: DEFAULT_BONUS_RULES },
		})
	})
})

describe('the rules in words', () => {
	test('name every amount and condition', () => {
		expect(describeRules(DEFAULT_BONUS_RULES, REFERRER_KIND_LABELS)).toEqual([
			'When the referred household is approved: £250',
			'When their first placement has lasted 12 weeks: £250',
			'No welcome bonus for the new carers',
			'Short-break carers: the full amounts',
			'Who can earn: approved foster carer',
			'Households in contact in the 6 months before the referral earn nothing',
		])
	})
})

describe('where each version stands', () => {
	test('one in force, later ones scheduled, earlier ones ended, same-day ones replaced by the later made', () => {
		const statuses = schemeStatuses(
			[
				{ id: 'first', effectiveFrom: '2000-01-01' },
				{ id: 'raised', effectiveFrom: '2026-06-01' },
				{ id: 'typo', effectiveFrom: '2027-01-01' },
				{ id: 'next', effectiveFrom: '2027-01-01' },
			],
			TODAY
		)
		expect(Object.fromEntries(statuses)).toEqual({
			first: 'ended',
			raised: 'in_force',
			typo: 'replaced',
			next: 'scheduled',
		})
	})
})

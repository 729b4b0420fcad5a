import { describe, expect, it } from 'vitest'
import { householdDisplayName, householdSearchText, phoneDigits, searchTerm } from './household-search.ts'

const household = {
	reference: 'HH-7K3M9Q',
	postcode: 'LS1 4AP',
	applicants: [
		{ firstName: 'Priya', lastName: 'Shah', email: 'Priya.Shah@example.com', phone: '+44 7700 900123' },
		{ firstName: 'Tom', lastName: 'Reed', email: 'tom@example.com', phone: '(0113) 496-0000' },
	],
	enquiryReferences: ['ENQ-4F7H2K'],
}

describe('household search', () => {
	it('finds a household by any of the ways staff look one up', () => {
		const text = householdSearchText(household)
		for (const query of [
			'priya shah',
			'SHAH',
			'tom reed',
			'priya.shah@example',
			'ls1 4ap',
			'ls14ap',
			'hh-7k3m9q',
			'enq-4f7h2k',
			'07700 900123',
			'+44 7700 900123',
			'0113 496 0000',
		]) {
			expect(text, query).toContain(searchTerm(query))
		}
	})

	it('reduces phone numbers to digits, writing +44 as 0', () => {
		expect(phoneDigits('+44 7700 900123')).toBe('07700900123')
		expect(phoneDigits('07700-900-123')).toBe('07700900123')
		expect(phoneDigits('+44 (0)7700 900123')).toBe('07700900123')
		expect(searchTerm('  +44 (0)7700 900123 ')).toBe('07700900123')
	})

	it('ignores a search of fewer than two characters', () => {
		expect(searchTerm(' a ')).toBeNull()
		expect(searchTerm('ab')).toBe('ab')
	})

	it('names the household as staff would say it', () => {
		expect(householdDisplayName([{ firstName: 'Priya', lastName: 'Shah' }])).toBe('Priya Shah')
		expect(
			householdDisplayName([
				{ firstName: 'Priya', lastName: 'Shah' },
				{ firstName: 'Tom', lastName: 'shah' },
			])
		).toBe('Priya and Tom Shah')
		expect(householdDisplayName(household.applicants)).toBe('Priya Shah and Tom Reed')
		expect(householdDisplayName([])).toBe('')
	})
})

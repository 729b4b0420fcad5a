import { describe, expect, it } from 'vitest'
import { dateParts, readDateInput } from './date-input.ts'

const parts = (day: string, month: string, year: string) => ({ day, month, year })

describe('reading a GOV.UK date input', () => {
	it('reads day, month and year into a calendar date, with or without leading zeros', () => {
		expect(readDateInput(parts('3', '11', '2026'), 'Date')).toMatchObject({ ok: true, date: '2026-11-03' })
		expect(readDateInput(parts('29', '02', '2024'), 'Date')).toMatchObject({ ok: true, date: '2024-02-29' })
	})

	it('says which parts are missing, or asks for the date when none was given', () => {
		expect(readDateInput(parts('', '', ''), 'The date of the visit')).toMatchObject({
			ok: false,
			error: 'Enter the date of the visit',
		})
		expect(readDateInput(parts('3', '', ''), 'Date of the visit')).toMatchObject({
			error: 'Date of the visit must include a month and year',
		})
		expect(readDateInput(parts('', '4', '2026'), 'Date of the visit')).toMatchObject({
			error: 'Date of the visit must include a day',
		})
	})

	it('refuses dates that do not exist', () => {
		for (const [day, month, year] of [
			['29', '2', '2026'],
			['31', '4', '2026'],
			['1', '13', '2026'],
			['a', '1', '2026'],
			['1', '1', '26'],
		]) {
			expect(readDateInput(parts(day!, month!, year!), 'Date')).toMatchObject({
				ok: false,
				error: 'Date must be a real date',
			})
		}
	})

	it('reads the parts from a submitted form, trimmed', () => {
		const form = new URLSearchParams('visit-day=+3+&visit-month=11&visit-year=2026')
		expect(dateParts(form, 'visit')).toEqual(parts('3', '11', '2026'))
	})
})

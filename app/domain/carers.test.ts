import { describe, expect, test } from 'vitest'
import { isShortBreakOnly, newReferralCode, readCarerInput } from './carers.ts'

const typed = {
	name: 'Maggie Okafor',
	email: ' Maggie@Example.com ',
	phone: '07700 900 982',
	kind: 'foster_carer',
	shortBreakOnly: false,
}

describe('a carer’s details', () => {
	test('are accepted and tidied', () => {
		expect(readCarerInput(typed, '2024-03-01', '2026-11-23')).toEqual({
			ok: true,
			value: {
				name: 'Maggie Okafor',
				email: 'Maggie@Example.com',
				phone: '07700900982',
				kind: 'foster_carer',
				approvedOn: '2024-03-01',
				shortBreakOnly: false,
			},
		})
	})

	test('get GOV.UK messages for what is wrong', () => {
		const result = readCarerInput(
			{ ...typed, name: ' ', email: 'maggie@', phone: '12', kind: 'neighbour' },
			'2026-11-24',
			'2026-11-23'
		)
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'name', message: 'Enter the carer’s name' },
				{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
				{ field: 'phone', message: 'Enter a telephone number, like 01632 960 001 or 07700 900 982' },
				{ field: 'kind', message: 'Select what kind of referrer this is' },
				{ field: 'approvedOn', message: 'The date approved must be today or in the past' },
			],
		})
	})

	test('need no phone number', () => {
		expect(readCarerInput({ ...typed, phone: '' }, null, '2026-11-23')).toMatchObject({
			ok: true,
			value: { phone: null },
		})
	})
})

test('referral codes are 8 characters with no look-alikes (0/O, 1/I/L, 5/S)', () => {
	expect(newReferralCode(() => [0, 1, 2, 3, 4, 5, 6, 28])).toBe('ABCDEFG9')
	for (let i = 0; i < 200; i++) expect(newReferralCode()).toMatch(/^[A-HJKMNP-RT-Z2346-9]{8}$/)
})

test('a household interested only in short breaks is a short-break-only carer', () => {
	expect(isShortBreakOnly(['short_breaks'])).toBe(true)
	expect(isShortBreakOnly(['short_breaks', 'teenagers'])).toBe(false)
	// An old household stored with the interest twice is still short breaks only.
	expect(isShortBreakOnly(['short_breaks', 'short_breaks'])).toBe(true)
})

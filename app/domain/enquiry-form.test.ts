import { describe, expect, test } from 'vitest'
import {
	normalisePhone,
	normalisePostcode,
	postcodeDistrict,
	readEnquiryValues,
	readSubmissionKey,
	validateEnquiry,
	type EnquiryValues,
} from './enquiry-form.ts'

const VALID: EnquiryValues = {
	firstName: 'Siobhán',
	lastName: 'Ó Dálaigh',
	email: 'siobhan@example.com',
	phone: '07700 900 982',
	postcode: 'ne1 4st',
	bestTimeToCall: 'evening',
	spareBedroom: 'yes',
	householdMembers: 'Me and my partner',
	kinship: 'no',
	kinshipDetails: '',
	fosteringInterests: ['teenagers', 'sibling_groups'],
	howHeard: 'radio',
	howHeardOther: '',
	referralCode: '',
	consent: 'yes',
}

function form(entries: [string, string][]) {
	const data = new FormData()
	for (const [name, value] of entries) data.append(name, value)
	return data
}

describe('validateEnquiry', () => {
	test('accepts a complete enquiry and normalises phone and postcode', () => {
		const result = validateEnquiry(VALID)
		expect(result).toMatchObject({
			ok: true,
			enquiry: { firstName: 'Siobhán', lastName: 'Ó Dálaigh', phone: '07700900982', postcode: 'NE1 4ST' },
		})
	})

	test('keeps names in any script exactly as typed', () => {
		const result = validateEnquiry({ ...VALID, firstName: '李小龍', lastName: "O'Neill-Nowak" })
		expect(result).toMatchObject({ ok: true, enquiry: { firstName: '李小龍', lastName: "O'Neill-Nowak" } })
	})

	test('an empty form gets one GOV.UK message per question, in page order', () => {
		const result = validateEnquiry({})
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.errors.map((error) => error.message)).toEqual([
			'Enter your first name',
			'Enter your last name',
			'Enter your email address',
			'Enter a telephone number',
			'Enter your postcode',
			'Select the best time to call you',
			'Select whether you have a spare bedroom',
			'Tell us who lives in your home',
			'Select yes if you want to care for a child you already know',
			'Select the kinds of fostering you are interested in, or select ‘I’m not sure yet’',
			'Select how you heard about us',
			'Select that you agree to us contacting you about fostering',
		])
	})

	test.each([
		['email', 'siobhan@', 'Enter an email address in the correct format, like name@example.com'],
		['phone', '12345', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
		['postcode', 'NE1', 'Enter a full UK postcode, like NE1 4ST'],
		['firstName', '<script>alert(1)</script>', 'First name must only include letters, spaces, hyphens and apostrophes'],
		['firstName', 'A'.repeat(101), 'First name must be 100 characters or less'],
		['householdMembers', 'x'.repeat(1001), 'Who lives in your home must be 1000 characters or less'],
		['referralCode', 'ABC<1>', 'Referral code must only include letters and numbers, like NORTH7K3'],
	] as const)('%s "%s" is refused with a clear message', (field, value, message) => {
		const result = validateEnquiry({ ...VALID, [field]: value })
		expect(result).toEqual({ ok: false, errors: [{ field, message }] })
	})

	test('a name must start with a letter: a combining mark on its own is refused', () => {
		expect(validateEnquiry({ ...VALID, firstName: '\u0301Anna' })).toEqual({
			ok: false,
			errors: [
				{ field: 'firstName', message: 'First name must only include letters, spaces, hyphens and apostrophes' },
			],
		})
		expect(validateEnquiry({ ...VALID, lastName: '\u0308' })).toEqual({
			ok: false,
			errors: [{ field: 'lastName', message: 'Last name must only include letters, spaces, hyphens and apostrophes' }],
		})
		// Marks after a letter are part of the name, composed or not.
		expect(validateEnquiry({ ...VALID, firstName: 'Zoe\u0308', lastName: 'Nu\u0301n\u0303ez' }).ok).toBe(true)
	})

	test('a kind of fostering ticked more than once counts once', () => {
		const interests = [...Array(500).fill('teenagers'), 'sibling_groups', 'teenagers']
		expect(validateEnquiry({ ...VALID, fosteringInterests: interests })).toMatchObject({
			ok: true,
			enquiry: { fosteringInterests: ['teenagers', 'sibling_groups'] },
		})
		// "Not sure" twice is still only "not sure", not "not sure" and something else.
		expect(validateEnquiry({ ...VALID, fosteringInterests: ['not_sure', 'not_sure'] })).toMatchObject({
			ok: true,
			enquiry: { fosteringInterests: ['not_sure'] },
		})
		// Copies of a value that is not offered are still refused.
		expect(validateEnquiry({ ...VALID, fosteringInterests: ['teenagers', 'hamsters', 'hamsters'] })).toEqual({
			ok: false,
			errors: [{ field: 'fosteringInterests', message: 'Select the kinds of fostering you are interested in' }],
		})
	})

	test('"not sure" cannot be combined with other kinds of fostering', () => {
		const result = validateEnquiry({ ...VALID, fosteringInterests: ['not_sure', 'teenagers'] })
		expect(result.ok).toBe(false)
		expect(validateEnquiry({ ...VALID, fosteringInterests: ['not_sure'] }).ok).toBe(true)
	})

	test('"somewhere else" needs the place', () => {
		expect(validateEnquiry({ ...VALID, howHeard: 'other' })).toEqual({
			ok: false,
			errors: [{ field: 'howHeardOther', message: 'Tell us where you heard about us' }],
		})
		expect(validateEnquiry({ ...VALID, howHeard: 'other', howHeardOther: 'Church newsletter' }).ok).toBe(true)
	})

	test('values outside the offered choices are refused', () => {
		const result = validateEnquiry({ ...VALID, spareBedroom: 'maybe', fosteringInterests: ['hamsters'] })
		expect(result).toEqual({
			ok: false,
			errors: [
				{ field: 'spareBedroom', message: 'Select whether you have a spare bedroom' },
				{ field: 'fosteringInterests', message: 'Select the kinds of fostering you are interested in' },
			],
		})
	})
})

describe('readEnquiryValues', () => {
	test('trims, folds spaces, strips control characters and keeps line breaks in long answers', () => {
		const values = readEnquiryValues(
			form([
				['firstName', '  Priya \u0000 '],
				['householdMembers', 'Me\r\nMy son, 9\n\n\n\nMy mum'],
				['fosteringInterests', 'teenagers'],
				['fosteringInterests', 'emergency'],
			])
		)
		expect(values.firstName).toBe('Priya')
		expect(values.householdMembers).toBe('Me\nMy son, 9\n\nMy mum')
		expect(values.fosteringInterests).toEqual(['teenagers', 'emergency'])
		expect(values.lastName).toBe('')
	})

	test('a checkbox value sent many times is read once', () => {
		const values = readEnquiryValues(
			form([...Array(500).fill(['fosteringInterests', 'teenagers']), ['fosteringInterests', ' emergency ']])
		)
		expect(values.fosteringInterests).toEqual(['teenagers', 'emergency'])
	})

	test('an email address with a control character in it is refused, not cleaned into another address', () => {
		for (const email of ['siobhan\u0000@example.com', 'siobhan@example.com\u0000', 'sio\u0008bhan@example.com']) {
			const values = readEnquiryValues(form([['email', email]]))
			expect(validateEnquiry({ ...VALID, email: values.email })).toEqual({
				ok: false,
				errors: [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }],
			})
		}
		const spaced = readEnquiryValues(form([['email', '  siobhan@example.com \n']]))
		expect(validateEnquiry({ ...VALID, email: spaced.email })).toMatchObject({
			ok: true,
			enquiry: { email: 'siobhan@example.com' },
		})
	})
})

describe('phone and postcode', () => {
	test.each([
		['07700 900982', '07700900982'],
		['+44 (0)7700-900-982', '07700900982'],
		['+44 7700 900982', '07700900982'],
		['01632 960 001', '01632960001'],
		['00353 1 555 0123', '+35315550123'],
		['0800 123', undefined],
		['phone me', undefined],
	])('phone %s → %s', (input, expected) => {
		expect(normalisePhone(input)).toBe(expected)
	})

	test.each([
		['sw1a1aa', 'SW1A 1AA'],
		['M1 1AE', 'M1 1AE'],
		[' b33 8th ', 'B33 8TH'],
		['CR2 6XH', 'CR2 6XH'],
		['DN55 1PT', 'DN55 1PT'],
		['GIR 0AA', 'GIR 0AA'],
		['gir0aa', 'GIR 0AA'],
		['GIR 1AA', undefined],
		['GI 0AA', undefined],
		['NE1', undefined],
		['12345', undefined],
	])('postcode %s → %s', (input, expected) => {
		expect(normalisePostcode(input)).toBe(expected)
	})

	test('the district is the outward code', () => {
		expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A')
	})
})

describe('the submission key', () => {
	test('a copy of the same form keeps its key; anything that is not a UUID gets a fresh one', () => {
		const key = '0F8FAD5B-D9CB-469F-A165-70867728950E'
		const form = (value: string | null) => new URLSearchParams(value === null ? {} : { submissionKey: value })
		expect(readSubmissionKey(form(key))).toBe(key.toLowerCase())
		for (const crafted of [null, '', 'not-a-key', `${key}x`]) {
			const fresh = readSubmissionKey(form(crafted))
			expect(fresh).toMatch(/^[0-9a-f-]{36}$/)
			expect(fresh).not.toBe(key.toLowerCase())
		}
	})
})

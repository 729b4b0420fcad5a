// The one email address rule: GOV.UK messages, nothing inside an address changed, control
// characters refused.
import { describe, expect, test } from 'vitest'
import {
	EMAIL_FORMAT_MESSAGE,
	EMAIL_TOO_LONG_MESSAGE,
	emailAddressError,
	emailAddressSchema,
	normaliseEmail,
	readEmailAddress,
} from './email-address.ts'

describe('emailAddressError', () => {
	test('gives the GOV.UK messages', () => {
		expect(emailAddressError('')).toBe('Enter your email address')
		expect(emailAddressError('   ', { missing: 'Enter your friend’s email address' })).toBe(
			'Enter your friend’s email address'
		)
		expect(emailAddressError('grace@')).toBe(EMAIL_FORMAT_MESSAGE)
		expect(emailAddressError('grace@example')).toBe(EMAIL_FORMAT_MESSAGE)
		expect(emailAddressError(`${'a'.repeat(250)}@x.uk`)).toBe(EMAIL_TOO_LONG_MESSAGE)
		expect(emailAddressError(' grace@example.com ')).toBeNull()
		expect(emailAddressError("o'neill+fostering@council.gov.uk")).toBeNull()
	})

	test.each([
		['NUL', 'gr\u0000ace@example.com'],
		['NUL at the end', 'grace@example.com\u0000'],
		['backspace', 'grace\u0008@example.com'],
		['escape', 'grace@exa\u001bmple.com'],
		['delete', 'grace\u007f@example.com'],
		['C1 next line', 'grace@example\u0085.com'],
		['zero-width space', 'grace\u200b@example.com'],
		['tab inside', 'grace\t@example.com'],
	])('refuses an address with a %s in it', (_name, email) => {
		expect(emailAddressError(email)).toBe(EMAIL_FORMAT_MESSAGE)
	})

	test('anything but text is no answer', () => {
		expect(emailAddressError(null)).toBe('Enter your email address')
		expect(emailAddressError(new File(['x'], 'grace@example.com'))).toBe('Enter your email address')
	})
})

describe('reading and matching an address', () => {
	test('only the spaces and line breaks around it are taken off', () => {
		expect(readEmailAddress('  Grace@Example.com\r\n')).toBe('Grace@Example.com')
		expect(readEmailAddress('gr\u0000ace@example.com')).toBe('gr\u0000ace@example.com')
		expect(readEmailAddress(undefined)).toBe('')
	})

	test('addresses are matched lower-cased', () => {
		expect(normaliseEmail(' Grace@Example.COM ')).toBe('grace@example.com')
	})

	test('the schema gives the address without spaces, or the message', () => {
		const schema = emailAddressSchema('Enter the carer’s email address')
		expect(schema.parse(' grace@example.com ')).toBe('grace@example.com')
		expect(schema.safeParse('').error?.issues[0]?.message).toBe('Enter the carer’s email address')
		expect(schema.safeParse('gr\u0000ace@example.com').error?.issues[0]?.message).toBe(EMAIL_FORMAT_MESSAGE)
	})
})

import { describe, expect, test } from 'vitest'
import { checkNewPassword, PASSWORD_MESSAGES, PASSWORD_POLICY } from './password-policy.ts'
import { DEMO_STAFF_PASSWORD } from './staff.ts'

const email = 'jo.bloggs@northdale.example'
const check = (password: string, confirm = password) => checkNewPassword({ password, confirm, email })

describe('a new staff password', () => {
	test('a long passphrase typed twice is accepted, without any required symbols or capitals', () => {
		expect(check('correct horse battery staple')).toEqual([])
		expect(check('twelve chars')).toEqual([])
	})

	test('must be at least 12 characters, counting characters rather than bytes', () => {
		expect(check('')).toEqual([{ field: 'password', message: PASSWORD_MESSAGES.missing }])
		expect(check('eleven char')).toEqual([{ field: 'password', message: 'Password must be 12 characters or more' }])
		expect(check('🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊')).toEqual([])
	})

	test('has an upper limit far above any real password', () => {
		expect(check('a'.repeat(PASSWORD_POLICY.maxLength))).toEqual([])
		expect(check('a'.repeat(PASSWORD_POLICY.maxLength + 1))).toEqual([
			{ field: 'password', message: 'Password must be 256 characters or fewer' },
		])
	})

	test('may not be the public demo password, a well-known one, or the email address', () => {
		expect(check(DEMO_STAFF_PASSWORD)[0]!.message).toBe(PASSWORD_MESSAGES.known)
		expect(check('Password1234')[0]!.message).toBe(PASSWORD_MESSAGES.known)
		expect(check('JO.BLOGGS@northdale.example')[0]!.message).toBe(PASSWORD_MESSAGES.isEmail)
	})

	test('must be confirmed with the same password', () => {
		expect(check('correct horse battery staple', '')).toEqual([
			{ field: 'confirm', message: 'Confirm your new password' },
		])
		expect(check('correct horse battery staple', 'correct horse battery stapler')).toEqual([
			{ field: 'confirm', message: 'The passwords do not match' },
		])
	})
})

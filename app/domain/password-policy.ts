import { DEMO_STAFF_PASSWORD } from './staff.ts'
import type { FieldError } from './field-errors.ts'

// The rules for a new staff password, after the NCSC's advice: length over complexity (no
// required mix of symbols, no forced expiry), a long upper limit so passphrases and password
// managers work, and a refusal of passwords that are known to an attacker already.

export const PASSWORD_POLICY = {
	minLength: 12,
	// The same as MAX_PASSWORD_LENGTH in app/utils/password.server.ts, which hashing enforces.
	maxLength: 256,
} as const

/** Passwords too well known to use: the public demo password and the commonest long ones. */
const KNOWN_PASSWORDS = new Set(
	[
		DEMO_STAFF_PASSWORD,
		'password1234',
		'password12345',
		'password123456',
		'123456789012',
		'1234567890123',
		'qwertyuiopas',
		'qwerty123456',
		'iloveyou1234',
		'fostering123',
		'fostering1234',
		'fostering12345',
	].map((password) => password.toLowerCase())
)

export const PASSWORD_MESSAGES = {
	missing: 'Enter a new password',
	tooShort: `Password must be ${PASSWORD_POLICY.minLength} characters or more`,
	tooLong: `Password must be ${PASSWORD_POLICY.maxLength} characters or fewer`,
	known: 'Choose a password that is harder to guess: this one is widely known',
	isEmail: 'Password must not be your email address',
	confirmMissing: 'Confirm your new password',
	mismatch: 'The passwords do not match',
} as const

export type PasswordError = FieldError<'password' | 'confirm'>

/**
 * What is wrong with a new password and its confirmation, as GOV.UK error messages; an empty list
 * when it may be used. Length is counted in characters as typed (a passphrase of emoji counts).
 */
export function checkNewPassword(input: { password: string; confirm: string; email: string }): PasswordError[] {
	const { password, confirm } = input
	const length = [...password.normalize('NFC')].length
	const errors: PasswordError[] = []
	if (password === '') errors.push({ field: 'password', message: PASSWORD_MESSAGES.missing })
	else if (length < PASSWORD_POLICY.minLength) errors.push({ field: 'password', message: PASSWORD_MESSAGES.tooShort })
	else if (password.length > PASSWORD_POLICY.maxLength)
		errors.push({ field: 'password', message: PASSWORD_MESSAGES.tooLong })
	else if (KNOWN_PASSWORDS.has(password.trim().toLowerCase()))
		errors.push({ field: 'password', message: PASSWORD_MESSAGES.known })
	else if (password.trim().toLowerCase() === input.email.trim().toLowerCase())
		errors.push({ field: 'password', message: PASSWORD_MESSAGES.isEmail })
	if (errors.length > 0) return errors
	if (confirm === '') return [{ field: 'confirm', message: PASSWORD_MESSAGES.confirmMissing }]
	if (confirm !== password) return [{ field: 'confirm', message: PASSWORD_MESSAGES.mismatch }]
	return []
}

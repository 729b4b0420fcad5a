// The one rule for an email address read from a form or an imported file: the enquiry forms,
// carers, staff accounts, staff sign-in, forgotten passwords, the portal's sign-in links and a
// carer's invitation all use it, so an address one of them accepts every other accepts too.
// Nothing inside an address is ever removed or changed: an address with a control character in it
// (a NUL, a backspace) is refused, because quietly cleaning it would store a different address
// from the one that was sent.
import { z } from 'zod'

export const MAX_EMAIL_LENGTH = 254
export const EMAIL_FORMAT_MESSAGE = 'Enter an email address in the correct format, like name@example.com'
export const EMAIL_TOO_LONG_MESSAGE = `Email address must be ${MAX_EMAIL_LENGTH} characters or less`

// C0 and C1 control characters and DEL. (Other invisible characters, such as a zero-width space,
// are refused by the format, which allows ASCII only.)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/
// zod's email pattern: a plain ASCII address with a dotted domain (no quoted or IP-literal parts).
const EMAIL_FORMAT = z.email()

/** The address as it came: only the spaces and line breaks around it are taken off. */
export function readEmailAddress(value: unknown): string {
	return typeof value === 'string' ? value.trim() : ''
}

/** The GOV.UK message for an address (read with readEmailAddress), or null when it is one. */
export function emailAddressError(
	value: unknown,
	messages: { missing: string } = { missing: 'Enter your email address' }
): string | null {
	const email = readEmailAddress(value)
	if (email === '') return messages.missing
	if (email.length > MAX_EMAIL_LENGTH) return EMAIL_TOO_LONG_MESSAGE
	if (CONTROL_CHARACTER.test(email) || !EMAIL_FORMAT.safeParse(email).success) return EMAIL_FORMAT_MESSAGE
	return null
}

/** The same rule for zod schemas of whole forms: the output is the address without spaces around it. */
export function emailAddressSchema(missing: string) {
	return z.string().transform((value, context) => {
		const error = emailAddressError(value, { missing })
		if (error) {
			context.addIssue({ code: 'custom', message: error })
			return z.NEVER
		}
		return readEmailAddress(value)
	})
}

/** How an address is matched against those already stored: without spaces around it, lower-cased. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase()
}

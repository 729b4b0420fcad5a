import { z } from 'zod'
import { REFERRER_KINDS, type ReferrerKind } from './bonus-scheme.ts'
import { emailAddressSchema } from './email-address.ts'
import { normalisePhone } from './enquiry-form.ts'
import { isCalendarDate, type CalendarDate } from './working-days.ts'
import type { FieldError } from './field-errors.ts'

// Carers and referrers as staff add them (one by one or by CSV import), and their referral codes.
// One set of rules for both ways in, so a row the import accepts is one the form would accept.

export type CarerInput = {
	name: string
	email: string
	phone: string | null
	kind: ReferrerKind
	approvedOn: CalendarDate | null
	shortBreakOnly: boolean
}

export type CarerFieldError = FieldError<keyof CarerInput>

const CarerSchema = z.object({
	name: z.string().trim().min(1, 'Enter the carer’s name').max(100, 'Name must be 100 characters or less'),
	email: emailAddressSchema('Enter the carer’s email address'),
	phone: z
		.string()
		.trim()
		.transform((value, context) => {
			if (value === '') return null
			const phone = normalisePhone(value)
			if (!phone) {
				context.addIssue({ code: 'custom', message: 'Enter a telephone number, like 01632 960 001 or 07700 900 982' })
				return z.NEVER
			}
			return phone
		}),
	kind: z.enum(REFERRER_KINDS, { error: 'Select what kind of referrer this is' }),
})

/**
 * Checks a carer's details as typed (strings from a form or a CSV row); `approvedOn` has already
 * been read from its date input or CSV cell (null when left blank), `today` bounds it.
 */
export function readCarerInput(
	raw: { name: string; email: string; phone: string; kind: string; shortBreakOnly: boolean },
	approvedOn: CalendarDate | null,
	today: CalendarDate
): { ok: true; value: CarerInput } | { ok: false; errors: CarerFieldError[] } {
	const errors: CarerFieldError[] = []
	const parsed = CarerSchema.safeParse(raw)
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = issue.path[0] as keyof CarerInput
			if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message })
		}
	}
	if (approvedOn !== null && (!isCalendarDate(approvedOn) || approvedOn > today)) {
		errors.push({ field: 'approvedOn', message: 'The date approved must be today or in the past' })
	}
	if (!parsed.success || errors.length > 0) return { ok: false, errors }
	return { ok: true, value: { ...parsed.data, approvedOn, shortBreakOnly: raw.shortBreakOnly } }
}

// No 0/O, 1/I/L or 5/S: codes are read aloud and typed from memory.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXYZ2346789'
export const REFERRAL_CODE_LENGTH = 8

/** A new referral code such as "K7MXT3QA". `random` gives integers (injectable for tests). */
export function newReferralCode(random: (count: number) => ArrayLike<number> = randomValues): string {
	const values = random(REFERRAL_CODE_LENGTH)
	let code = ''
	for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += CODE_ALPHABET[values[i]! % CODE_ALPHABET.length]
	return code
}

function randomValues(count: number): Uint32Array {
	// 2^32 is so much larger than the alphabet that the modulo's bias is negligible.
	return crypto.getRandomValues(new Uint32Array(count))
}

/** Households approved for short breaks only: the scheme may pay a reduced rate for them. */
export function isShortBreakOnly(fosteringInterests: readonly string[]): boolean {
	const interests = new Set(fosteringInterests)
	return interests.size === 1 && interests.has('short_breaks')
}

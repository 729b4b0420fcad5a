import { z } from 'zod'
import { HOW_HEARD_OPTIONS } from './attribution.ts'
import { readChoices } from './choices.ts'
import { emailAddressSchema, readEmailAddress } from './email-address.ts'
import { inPageOrder, type FieldError } from './field-errors.ts'

// The enquiry form's questions and rules: one zod schema, used by the server to decide and by
// the page to show the same messages. Messages follow the GOV.UK Design System's wording.

export const BEST_TIMES = [
	{ value: 'morning', label: 'Morning (9am to 12pm)' },
	{ value: 'afternoon', label: 'Afternoon (12pm to 5pm)' },
	{ value: 'evening', label: 'Early evening (5pm to 7pm)' },
	{ value: 'any', label: 'Any time' },
] as const

/**
 * The time the person chose, as the acknowledgement repeats it: "You asked us to call you in the
 * early evening (5pm to 7pm)."; null for a value the form does not offer (an imported enquiry).
 */
export function callTimeSentence(value: string): string | null {
	if (value === 'any') return 'You told us any time suits you for the call.'
	const time = BEST_TIMES.find((choice) => choice.value === value)
	return time ? `You asked us to call you in the ${time.label.charAt(0).toLowerCase()}${time.label.slice(1)}.` : null
}

export const SPARE_BEDROOM_OPTIONS = [
	{ value: 'yes', label: 'Yes' },
	{ value: 'not_yet', label: 'Not yet, but I will have one' },
	{ value: 'no', label: 'No' },
] as const

export const FOSTERING_INTERESTS = [
	{ value: 'short_term', label: 'Short-term fostering', hint: 'Days, weeks or months while plans are made' },
	{ value: 'long_term', label: 'Long-term fostering', hint: 'Until the child grows up' },
	{ value: 'short_breaks', label: 'Short breaks', hint: 'Regular short stays, often for disabled children' },
	{ value: 'emergency', label: 'Emergency fostering', hint: 'At short notice, often overnight' },
	{ value: 'parent_and_child', label: 'Parent and child', hint: 'A young parent and their baby together' },
	{ value: 'teenagers', label: 'Teenagers' },
	{ value: 'sibling_groups', label: 'Brothers and sisters together' },
	{ value: 'disabilities', label: 'Children with disabilities' },
] as const
export const NOT_SURE = 'not_sure'

const FIELD_LIMITS = { name: 100, longText: 1000, referralCode: 20 } as const

// Control characters other than tab and line breaks: never typed by a person, unsafe to store.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** The text without its control characters (tab and line breaks stay). */
export function withoutControlCharacters(value: string): string {
	return value.replace(CONTROL_CHARACTERS, '')
}

/** Trims, folds runs of spaces and strips control characters; '' when nothing is left. */
export function cleanText(value: unknown): string {
	if (typeof value !== 'string') return ''
	return withoutControlCharacters(value.normalize('NFC'))
		.replace(/[ \t]+/g, ' ')
		.trim()
}

/** As cleanText, but keeps line breaks (at most one blank line in a row) for longer answers. */
export function cleanMultiline(value: unknown): string {
	if (typeof value !== 'string') return ''
	return withoutControlCharacters(value.normalize('NFC').replace(/\r\n?/g, '\n'))
		.replace(/\n{3,}/g, '\n\n')
		.trim()
}

// Letters of any script (Siobhán Ó Dálaigh, 李小龍), with the marks that combine with them,
// spaces, hyphens, apostrophes and full stops; it starts with a letter (a combining mark on its
// own has nothing to combine with).
const NAME_PATTERN = /^\p{L}[\p{L}\p{M} '’.-]*$/u

function nameField(label: 'first name' | 'last name') {
	const capital = label[0]!.toUpperCase() + label.slice(1)
	return z
		.string()
		.min(1, `Enter your ${label}`)
		.max(FIELD_LIMITS.name, `${capital} must be ${FIELD_LIMITS.name} characters or less`)
		.regex(NAME_PATTERN, `${capital} must only include letters, spaces, hyphens and apostrophes`)
}

/** UK numbers (01632 960 001, 07700 900 982, +44 7700 900982) or international ones (+353 ...). */
export function normalisePhone(value: string): string | undefined {
	// "+44 (0)7700 900982" is a common way to write a UK number: the (0) is dropped when dialling.
	const compact = value.replace(/^\s*\+44\s*\(0\)/, '+44').replace(/[\s().-]/g, '')
	if (/^0\d{9,10}$/.test(compact)) return compact
	if (/^\+44\d{9,10}$/.test(compact)) return `0${compact.slice(3)}`
	if (/^(\+|00)[1-9]\d{6,14}$/.test(compact)) return compact.replace(/^00/, '+')
	return undefined
}

// The Royal Mail format: outward code (area, district) and inward code (sector, unit). GIR 0AA
// (Girobank's, in Bootle) is a real postcode outside the pattern, and the only one.
const POSTCODE_PATTERN = /^([A-Z]{1,2}[0-9][0-9A-Z]?|GIR(?=0AA$))([0-9][A-Z]{2})$/

/** "ne14st" → "NE1 4ST", "gir0aa" → "GIR 0AA"; undefined when it is not a full UK postcode. */
export function normalisePostcode(value: string): string | undefined {
	const match = POSTCODE_PATTERN.exec(value.toUpperCase().replace(/\s+/g, ''))
	return match ? `${match[1]} ${match[2]}` : undefined
}

/** The outward code, e.g. "NE1": enough to route an enquiry without the full address. */
export function postcodeDistrict(postcode: string): string {
	return postcode.split(' ')[0] ?? postcode
}

/**
 * A household's interests as stored (Household.fosteringInterests, a JSON array): each once, as
 * rows written before repeated boxes were collapsed may hold one many times; [] for anything
 * that is not a list.
 */
export function readStoredInterests(json: string): string[] {
	let value: unknown
	try {
		value = JSON.parse(json)
	} catch {
		return []
	}
	return Array.isArray(value) ? readChoices(value) : []
}

const HOW_HEARD_VALUES = HOW_HEARD_OPTIONS.map((option) => option.value) as [string, ...string[]]
const INTEREST_VALUES = [NOT_SURE, ...FOSTERING_INTERESTS.map((interest) => interest.value)] as [string, ...string[]]

export const EnquirySchema = z
	.object({
		firstName: nameField('first name'),
		lastName: nameField('last name'),
		email: emailAddressSchema('Enter your email address'),
		phone: z
			.string()
			.min(1, 'Enter a telephone number')
			.transform((value, ctx) => {
				const phone = normalisePhone(value)
				if (!phone) {
					ctx.addIssue({
						code: 'custom',
						message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
					})
					return z.NEVER
				}
				return phone
			}),
		postcode: z
			.string()
			.min(1, 'Enter your postcode')
			.transform((value, ctx) => {
				const postcode = normalisePostcode(value)
				if (!postcode) {
					ctx.addIssue({ code: 'custom', message: 'Enter a full UK postcode, like NE1 4ST' })
					return z.NEVER
				}
				return postcode
			}),
		bestTimeToCall: z.enum(
			BEST_TIMES.map((time) => time.value),
			{ error: 'Select the best time to call you' }
		),
		spareBedroom: z.enum(
			SPARE_BEDROOM_OPTIONS.map((option) => option.value),
			{ error: 'Select whether you have a spare bedroom' }
		),
		householdMembers: z
			.string()
			.min(1, 'Tell us who lives in your home')
			.max(FIELD_LIMITS.longText, `Who lives in your home must be ${FIELD_LIMITS.longText} characters or less`),
		fosteringInterests: z
			.array(z.enum(INTEREST_VALUES, { error: 'Select the kinds of fostering you are interested in' }))
			.min(1, 'Select the kinds of fostering you are interested in, or select ‘I’m not sure yet’')
			// A box sent more than once (a doubled-up or crafted form) is one interest, stored once.
			.transform((values) => [...new Set(values)])
			.refine((values) => !(values.includes(NOT_SURE) && values.length > 1), {
				message: 'Select the kinds of fostering you are interested in, or select ‘I’m not sure yet’, not both',
			}),
		kinship: z.enum(['yes', 'no'], { error: 'Select yes if you want to care for a child you already know' }),
		kinshipDetails: z
			.string()
			.max(FIELD_LIMITS.longText, `Tell us about the child in ${FIELD_LIMITS.longText} characters or less`),
		howHeard: z.enum(HOW_HEARD_VALUES, { error: 'Select how you heard about us' }),
		howHeardOther: z.string().max(200, 'Where you heard about us must be 200 characters or less'),
		referralCode: z
			.string()
			.max(FIELD_LIMITS.referralCode, `Referral code must be ${FIELD_LIMITS.referralCode} characters or less`)
			.regex(/^[A-Za-z0-9 -]*$/, 'Referral code must only include letters and numbers, like NORTH7K3'),
		consent: z.literal('yes', { error: 'Select that you agree to us contacting you about fostering' }),
	})
	.superRefine((enquiry, ctx) => {
		if (enquiry.howHeard === 'other' && enquiry.howHeardOther === '') {
			ctx.addIssue({ code: 'custom', path: ['howHeardOther'], message: 'Tell us where you heard about us' })
		}
	})

export type EnquiryFormFields = keyof z.input<typeof EnquirySchema>
export type ValidEnquiry = z.output<typeof EnquirySchema>

/** Field order on the page: the error summary lists problems in the same order. */
export const FIELD_ORDER: readonly EnquiryFormFields[] = [
	'firstName',
	'lastName',
	'email',
	'phone',
	'postcode',
	'bestTimeToCall',
	'spareBedroom',
	'householdMembers',
	'kinship',
	'kinshipDetails',
	'fosteringInterests',
	'howHeard',
	'howHeardOther',
	'referralCode',
	'consent',
]

export type EnquiryValues = Partial<Record<EnquiryFormFields, string | string[]>>

/**
 * The submitted answers, cleaned, as the page shows them back (so nothing typed is lost). The
 * email address is not cleaned: one with a control character in it is refused, not changed.
 */
export function readEnquiryValues(form: {
	get(name: string): unknown
	getAll(name: string): unknown[]
}): EnquiryValues {
	const values: EnquiryValues = {}
	for (const field of FIELD_ORDER) {
		values[field] =
			field === 'fosteringInterests'
				? readChoices(form.getAll(field).map(cleanText))
				: field === 'householdMembers' || field === 'kinshipDetails'
					? cleanMultiline(form.get(field))
					: field === 'email'
						? readEmailAddress(form.get(field))
						: cleanText(form.get(field))
	}
	return values
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The form's submission key (a UUID the page was given): every copy of one submission carries it,
 * so the enquiry is recorded once. Anything else (a crafted value) gets a fresh key of its own.
 */
export function readSubmissionKey(form: { get(name: string): unknown }): string {
	const submitted = String(form.get('submissionKey') ?? '')
	return UUID.test(submitted) ? submitted.toLowerCase() : crypto.randomUUID()
}

export type EnquiryValidation =
	{ ok: true; enquiry: ValidEnquiry } | { ok: false; errors: FieldError<EnquiryFormFields>[] }

export function validateEnquiry(values: EnquiryValues): EnquiryValidation {
	// An unanswered question is an empty answer, so it gets its question's own message.
	const answers = Object.fromEntries(
		FIELD_ORDER.map((field) => [field, values[field] ?? (field === 'fosteringInterests' ? [] : '')])
	)
	const result = EnquirySchema.safeParse(answers)
	if (result.success) return { ok: true, enquiry: result.data }
	// One message a question (its first), in the order the questions appear.
	const found = result.error.issues.map((issue) => ({
		field: issue.path[0] as EnquiryFormFields,
		message: issue.message,
	}))
	return { ok: false, errors: inPageOrder(found, FIELD_ORDER) }
}

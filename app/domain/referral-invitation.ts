import { emailAddressError, normaliseEmail } from './email-address.ts'
import type { FieldError } from './field-errors.ts'

// A carer inviting a friend by email from /refer. We email someone who never gave us their
// address, so the carer must say the friend is happy to hear from us, each friend gets one
// invitation from a carer, and a carer can send only a few a day.

/** Invitations one carer may send in a day (Europe/London). */
export const INVITATIONS_PER_DAY = 10

export const MAX_FRIEND_NAME_LENGTH = 100

export const INVITATION_MESSAGES = {
	nameMissing: 'Enter your friend’s first name',
	nameTooLong: `Your friend’s first name must be ${MAX_FRIEND_NAME_LENGTH} characters or fewer`,
	emailMissing: 'Enter your friend’s email address',
	consentMissing: 'Confirm your friend is happy for us to contact them',
	ownAddress: 'Enter your friend’s email address, not your own',
	alreadyInvited: 'You have already invited this friend. We only send one invitation to each person.',
	tooMany: `You can invite up to ${INVITATIONS_PER_DAY} friends a day. Try again tomorrow.`,
} as const

export type InvitationField = 'friendName' | 'friendEmail' | 'consent'
export type InvitationError = FieldError<InvitationField>
export type InvitationValues = { friendName: string; friendEmail: string; consent: boolean }

export function readInvitation(form: { get(name: string): unknown }): InvitationValues {
	return {
		friendName: String(form.get('friendName') ?? '').trim(),
		friendEmail: String(form.get('friendEmail') ?? '').trim(),
		consent: form.get('consent') === 'yes',
	}
}

/** The form's errors, in the order of its fields. `ownEmail`: the carer's own address. */
export function validateInvitation(values: InvitationValues, ownEmail: string): InvitationError[] {
	const errors: InvitationError[] = []
	if (values.friendName === '') errors.push({ field: 'friendName', message: INVITATION_MESSAGES.nameMissing })
	else if (values.friendName.length > MAX_FRIEND_NAME_LENGTH) {
		errors.push({ field: 'friendName', message: INVITATION_MESSAGES.nameTooLong })
	}
	const emailError = emailAddressError(values.friendEmail, { missing: INVITATION_MESSAGES.emailMissing })
	if (emailError) errors.push({ field: 'friendEmail', message: emailError })
	else if (normaliseEmail(values.friendEmail) === normaliseEmail(ownEmail)) {
		errors.push({ field: 'friendEmail', message: INVITATION_MESSAGES.ownAddress })
	}
	if (!values.consent) errors.push({ field: 'consent', message: INVITATION_MESSAGES.consentMissing })
	return errors
}

/** "Amira" from "Amira Hussain": how the invitation names the carer to their friend. */
export function firstNameOf(name: string): string {
	return name.trim().split(/\s+/)[0] ?? ''
}

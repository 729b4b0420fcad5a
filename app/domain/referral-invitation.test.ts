import { describe, expect, test } from 'vitest'
import { firstNameOf, INVITATION_MESSAGES, readInvitation, validateInvitation } from './referral-invitation.ts'

const form = (fields: Record<string, string>) => new URLSearchParams(fields)
const good = { friendName: 'Siobhán', friendEmail: 'siobhan@example.com', consent: true }

describe('validateInvitation', () => {
	test('a first name, an address and the friend’s permission are enough', () => {
		expect(validateInvitation(good, 'grace@example.com')).toEqual([])
	})

	test('an empty form gets a message for each field, in the order of the form', () => {
		const values = readInvitation(form({}))
		expect(validateInvitation(values, 'grace@example.com')).toEqual([
			{ field: 'friendName', message: 'Enter your friend’s first name' },
			{ field: 'friendEmail', message: 'Enter your friend’s email address' },
			{ field: 'consent', message: 'Confirm your friend is happy for us to contact them' },
		])
	})

	test('the permission box must be ticked: no invitation without it', () => {
		const values = readInvitation(form({ friendName: 'Siobhán', friendEmail: 'siobhan@example.com' }))
		expect(validateInvitation(values, 'grace@example.com')).toEqual([
			{ field: 'consent', message: INVITATION_MESSAGES.consentMissing },
		])
	})

	test('a malformed address, a very long name, or the carer’s own address are refused', () => {
		expect(validateInvitation({ ...good, friendEmail: 'siobhan@' }, 'grace@example.com')[0]?.message).toBe(
			'Enter an email address in the correct format, like name@example.com'
		)
		expect(validateInvitation({ ...good, friendName: 'x'.repeat(101) }, 'grace@example.com')[0]?.message).toBe(
			INVITATION_MESSAGES.nameTooLong
		)
		expect(validateInvitation({ ...good, friendEmail: ' Grace@Example.com' }, 'grace@example.com')).toEqual([
			{ field: 'friendEmail', message: INVITATION_MESSAGES.ownAddress },
		])
	})
})

test('readInvitation trims what was typed and reads the box only when ticked', () => {
	expect(readInvitation(form({ friendName: ' Siobhán ', friendEmail: ' s@example.com ', consent: 'yes' }))).toEqual({
		friendName: 'Siobhán',
		friendEmail: 's@example.com',
		consent: true,
	})
	expect(readInvitation(form({ consent: 'on' })).consent).toBe(false)
})

test('the invitation names the carer by first name only', () => {
	expect(firstNameOf('Grace Mensah')).toBe('Grace')
	expect(firstNameOf('  Amira  Hussain ')).toBe('Amira')
})

import { describe, expect, test } from 'vitest'
import {
	ACCOUNT_REFUSALS,
	accountActions,
	accountChangeRefusal,
	accountStatus,
	readAccountForm,
} from './staff-accounts.ts'

const now = new Date('2026-11-23T12:00:00Z')

describe('an account’s status', () => {
	const active = { passwordHash: '$argon2id$...', disabledAt: null }
	test('turned off beats everything; then no password yet', () => {
		expect(accountStatus(active)).toBe('active')
		expect(accountStatus({ ...active, disabledAt: now, passwordHash: null })).toBe('disabled')
		expect(accountStatus({ ...active, passwordHash: null })).toBe('no_password')
	})
})

describe('the account form', () => {
	test('tidies the name and lower-cases the email', () => {
		expect(
			readAccountForm({ name: '  Jo   Bloggs ', email: ' Jo@Northdale.Example ', role: 'officer' }, { withEmail: true })
		).toEqual({
			ok: true,
			value: { name: 'Jo Bloggs', email: 'jo@northdale.example', role: 'officer' },
		})
	})

	test('asks for every missing answer in GOV.UK words', () => {
		expect(readAccountForm({ name: '', email: 'not-an-email', role: 'boss' }, { withEmail: true })).toEqual({
			ok: false,
			errors: [
				{ field: 'name', message: 'Enter their full name' },
				{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
				{ field: 'role', message: 'Select a role' },
			],
		})
	})
})

describe('changes that would lock everyone out', () => {
	const admin = { id: 'a', role: 'administrator' as const, disabled: false }
	test('an administrator cannot turn off their own account', () => {
		expect(
			accountChangeRefusal({ actorId: 'a', target: admin, change: { disable: true }, otherActiveAdministrators: 3 })
		).toBe(ACCOUNT_REFUSALS.disableSelf)
	})

	test('the last active administrator keeps the role and stays on', () => {
		const last = { actorId: 'b', target: admin, otherActiveAdministrators: 0 }
		expect(accountChangeRefusal({ ...last, change: { role: 'manager' } })).toBe(ACCOUNT_REFUSALS.lastAdministrator)
		expect(accountChangeRefusal({ ...last, change: { disable: true } })).toBe(ACCOUNT_REFUSALS.lastAdministrator)
		expect(accountChangeRefusal({ ...last, change: { role: 'administrator' } })).toBeNull()
		expect(accountChangeRefusal({ ...last, otherActiveAdministrators: 1, change: { role: 'manager' } })).toBeNull()
	})

	test('other staff can be changed and turned off freely', () => {
		const officer = { id: 'o', role: 'officer' as const, disabled: false }
		expect(
			accountChangeRefusal({ actorId: 'a', target: officer, change: { disable: true }, otherActiveAdministrators: 0 })
		).toBeNull()
	})
})

describe('what an administrator may do to an account', () => {
	test.each<[string, string, { id: string; disabled: boolean }, Record<string, string | null>]>([
		[
			'someone else’s active account: everything',
			'admin',
			{ id: 'officer', disabled: false },
			{ save: null, send_link: null, disable: null, enable: null },
		],
		[
			'their own account: everything but turning it off',
			'admin',
			{ id: 'admin', disabled: false },
			{ save: null, send_link: null, disable: ACCOUNT_REFUSALS.disableSelf, enable: null },
		],
		[
			'an account turned off: no password link until it is on again',
			'admin',
			{ id: 'officer', disabled: true },
			{ save: null, send_link: ACCOUNT_REFUSALS.linkWhileDisabled, enable: null, disable: null },
		],
	])('%s', (_, actorId, target, expected) => {
		expect(accountActions(actorId, target)).toEqual(expected)
	})

	test('turning off one’s own account is refused by the change too, in the same words', () => {
		const self = { id: 'admin', role: 'administrator' as const, disabled: false }
		expect(
			accountChangeRefusal({ actorId: 'admin', target: self, change: { disable: true }, otherActiveAdministrators: 2 })
		).toBe(accountActions('admin', self).disable)
	})
})

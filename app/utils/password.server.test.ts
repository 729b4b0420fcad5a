import { describe, expect, test } from 'vitest'
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from './password.server.ts'

describe('staff password hashes', () => {
	test('are argon2id with OWASP parameters and a salt, and never contain the password', async () => {
		const hash = await hashPassword('correct horse battery staple')
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
		expect(hash).not.toContain('correct horse')
	})

	test('differ for the same password, because each has its own random salt', async () => {
		const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')])
		expect(first).not.toBe(second)
		expect(await verifyPassword('same password', first)).toBe(true)
		expect(await verifyPassword('same password', second)).toBe(true)
	})

	test('accept only the exact password', async () => {
		const hash = await hashPassword('Fostering-2026!')
		expect(await verifyPassword('Fostering-2026!', hash)).toBe(true)
		expect(await verifyPassword('fostering-2026!', hash)).toBe(false)
		expect(await verifyPassword('Fostering-2026! ', hash)).toBe(false)
		expect(await verifyPassword('', hash)).toBe(false)
	})

	test('treat the same accented password typed in either Unicode form as the same', async () => {
		const hash = await hashPassword('Siobh\u00e1n-password')
		expect(await verifyPassword('Siobha\u0301n-password', hash)).toBe(true)
	})

	test('refuse a malformed hash or an over-long password instead of throwing', async () => {
		const hash = await hashPassword('a password')
		expect(await verifyPassword('a password', 'not a hash')).toBe(false)
		expect(await verifyPassword('a password', hash.replace('argon2id', 'argon2i'))).toBe(false)
		expect(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), hash)).toBe(false)
	})
})

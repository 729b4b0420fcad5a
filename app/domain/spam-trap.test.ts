import { describe, expect, test } from 'vitest'
import { QUARANTINE_DAYS, quarantineCutoff, readTrap, TRAP_FIELD } from './spam-trap.ts'

describe('the spam trap', () => {
	test('is named so that no browser or password manager has a reason to fill it in', () => {
		// The words autofill looks for in a field's name, id or label (WHATWG autofill field names
		// and the heuristics browsers add to them).
		const words = ['name', 'email', 'mail', 'phone', 'tel', 'address', 'url', 'website', 'web', 'site', 'postcode']
		words.push('zip', 'city', 'company', 'organi', 'user', 'login', 'pass', 'card', 'fax', 'nick', 'title', 'country')
		for (const word of words) expect(TRAP_FIELD.toLowerCase(), word).not.toContain(word)
	})

	test('keeps what was typed, trimmed and capped, and nothing for an empty or missing box', () => {
		const form = (value: unknown) => ({ get: () => value })
		expect(readTrap(form('  http://spam.example  '))).toBe('http://spam.example')
		expect(readTrap(form('x'.repeat(500)))).toHaveLength(200)
		expect(readTrap(form(''))).toBe('')
		expect(readTrap(form(null))).toBe('')
	})

	test('held-back enquiries go after 30 days', () => {
		expect(QUARANTINE_DAYS).toBe(30)
		expect(quarantineCutoff(new Date('2026-12-31T12:00:00Z')).toISOString()).toBe('2026-12-01T12:00:00.000Z')
	})
})

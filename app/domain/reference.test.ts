import { describe, expect, test } from 'vitest'
import { newReference, normaliseReference } from './reference.ts'

describe('references', () => {
	test('six characters from the unambiguous alphabet after the prefix', () => {
		expect(newReference('enquiry', () => [0, 1, 18, 20, 27, 31])).toBe('ENQ-01JMVZ')
		expect(newReference('household', () => [10, 11, 12, 13, 14, 15])).toBe('HH-ABCDEF')
		expect(newReference('enquiry')).toMatch(/^ENQ-[0-9A-HJKMNP-TV-Z]{6}$/)
	})

	test('what people type is read back to the canonical form', () => {
		expect(normaliseReference('enq 01jmvz')).toBe('ENQ-01JMVZ')
		expect(normaliseReference('ENQ-O1JMVZ')).toBe('ENQ-01JMVZ')
		expect(normaliseReference('hh-abcdef')).toBe('HH-ABCDEF')
		expect(normaliseReference('ENQ-1234')).toBeUndefined()
		expect(normaliseReference('<script>')).toBeUndefined()
	})
})

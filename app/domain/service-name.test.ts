import { expect, test } from 'vitest'
import { fosterWith } from './service-name.ts'

// A service's name after the verb "foster", whatever the name.

test('a name that already says "foster with" is not said twice', () => {
	expect(fosterWith('Foster with Northdale')).toBe('foster with Northdale')
	expect(fosterWith('Fostering with Northdale', 'fostering')).toBe('fostering with Northdale')
	expect(fosterWith('Foster for Kent', 'fosters')).toBe('fosters for Kent')
	expect(fosterWith('FOSTERING IN Leeds')).toBe('foster in Leeds')
	expect(fosterWith('  Foster with Northdale ')).toBe('foster with Northdale')
})

test('other names follow "foster with" as they are', () => {
	expect(fosterWith('Northdale Fostering')).toBe('foster with Northdale Fostering')
	expect(fosterWith('Fostering Futures', 'fostering')).toBe('fostering with Fostering Futures')
	expect(fosterWith('Fosterline')).toBe('foster with Fosterline')
})

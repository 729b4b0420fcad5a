// Which pages React hydrates: the public site's layouts opt out, and nothing else does (ADR 026).
import { describe, expect, test } from 'vitest'
import { pageHydrates, STATIC_PAGE } from './hydration.ts'

describe('pageHydrates', () => {
	test('a page hydrates unless one of its routes says it does not', () => {
		expect(pageHydrates([])).toBe(true)
		expect(pageHydrates([undefined, { breadcrumb: 'Staff' }, null, 'text'])).toBe(true)
		expect(pageHydrates([undefined, { hydrate: true }])).toBe(true)
		expect(pageHydrates([undefined, STATIC_PAGE, undefined])).toBe(false)
		expect(pageHydrates([{ hydrate: true }, { hydrate: false }])).toBe(false)
	})
})

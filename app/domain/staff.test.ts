import { describe, expect, test } from 'vitest'
import { safeStaffRedirect } from './staff.ts'

describe('where staff go after signing in', () => {
	test('a page in the staff area, with its query', () => {
		expect(safeStaffRedirect('/staff')).toBe('/staff')
		expect(safeStaffRedirect('/staff/pipeline?stage=enquiry')).toBe('/staff/pipeline?stage=enquiry')
	})

	test('the staff home for anything else: other sites, public pages, look-alike paths', () => {
		for (const target of [
			null,
			'',
			'https://evil.example/staff',
			'//evil.example/staff',
			'/\\evil.example',
			'/staffroom',
			'/enquire',
			'/staff/../enquire',
			'/staff\n/x',
		]) {
			expect(safeStaffRedirect(target), String(target)).toBe('/staff')
		}
	})
})

import { describe, expect, test } from 'vitest'
import { readAttachReferral, readReferralReason } from './referral-forms.ts'

const form = (values: Record<string, string>) => new Map(Object.entries(values))

describe('changing a household’s referral', () => {
	test('attach by code or by carer, one or the other, always with a reason', () => {
		expect(readAttachReferral(form({ code: ' north7k3 ', reason: 'Told us on the phone' }), [])).toEqual({
			ok: true,
			value: { code: 'north7k3' },
			reason: 'Told us on the phone',
		})
		expect(readAttachReferral(form({ carerId: 'c1', reason: 'At the information evening' }), ['c1'])).toEqual({
			ok: true,
			value: { carerId: 'c1' },
			reason: 'At the information evening',
		})
		expect(readAttachReferral(form({ reason: '' }), ['c1'])).toEqual({
			ok: false,
			errors: [
				{ field: 'code', message: 'Enter the referral code or choose the carer' },
				{ field: 'reason', message: 'Enter why you are attaching this referral' },
			],
		})
		expect(readAttachReferral(form({ code: 'A', carerId: 'c1', reason: 'x' }), ['c1'])).toEqual({
			ok: false,
			errors: [{ field: 'code', message: 'Enter the referral code or choose the carer, not both' }],
		})
		expect(readAttachReferral(form({ carerId: 'gone', reason: 'x' }), ['c1'])).toEqual({
			ok: false,
			errors: [{ field: 'carerId', message: 'Choose a carer from the list' }],
		})
	})

	test('detach and override need a reason of a sensible length', () => {
		expect(readReferralReason(form({ reason: ' Entered by mistake ' }), 'detach')).toEqual({
			ok: true,
			value: { reason: 'Entered by mistake' },
		})
		expect(readReferralReason(form({}), 'override')).toEqual({
			ok: false,
			errors: [{ field: 'reason', message: 'Enter why this referral should count' }],
		})
		expect(readReferralReason(form({ reason: 'x'.repeat(501) }), 'detach')).toEqual({
			ok: false,
			errors: [{ field: 'reason', message: 'The reason must be 500 characters or fewer' }],
		})
	})
})

import { describe, expect, test } from 'vitest'
import { carryOverQuery, deriveChannel, readAttribution, withCarryOver } from './attribution.ts'

describe('carryOverQuery', () => {
	test('an ordinary visit carries nothing, so URLs stay clean', () => {
		expect(carryOverQuery(new URL('https://foster.example/can-i-foster'), null)).toBe('')
		expect(carryOverQuery(new URL('https://foster.example/faqs'), 'https://foster.example/')).toBe('')
	})

	test('a tracked link carries its UTM parameters and the landing page', () => {
		const url = new URL(
			'https://foster.example/can-i-foster?utm_source=facebook&utm_medium=paid_social&utm_campaign=teens&fbclid=xyz'
		)
		expect(carryOverQuery(url, 'https://l.facebook.com/')).toBe(
			'utm_source=facebook&utm_medium=paid_social&utm_campaign=teens&site=l.facebook.com&landing=%2Fcan-i-foster'
		)
	})

	test('arriving from another site records the site and the landing page', () => {
		expect(carryOverQuery(new URL('https://foster.example/'), 'https://www.google.co.uk/')).toBe(
			'site=www.google.co.uk&landing=%2F'
		)
	})

	test('once carried, the landing page and site are kept, not replaced by later pages', () => {
		const url = new URL('https://foster.example/faqs?site=www.google.co.uk&landing=%2F')
		expect(carryOverQuery(url, 'https://foster.example/')).toBe('landing=%2F&site=www.google.co.uk')
	})

	test('a referral link carries the code', () => {
		expect(carryOverQuery(new URL('https://foster.example/?ref=NORTH7K3'), null)).toBe('ref=NORTH7K3&landing=%2F')
	})

	test('control characters are stripped and values capped', () => {
		const url = new URL(`https://foster.example/?utm_campaign=${encodeURIComponent('a\u0000b' + 'c'.repeat(300))}`)
		const carried = new URLSearchParams(carryOverQuery(url, null))
		expect(carried.get('utm_campaign')).toBe('ab' + 'c'.repeat(198))
	})
})

describe('withCarryOver', () => {
	test('appends to paths with or without a query and keeps the fragment last', () => {
		expect(withCarryOver('/enquire', 'ref=A1')).toBe('/enquire?ref=A1')
		expect(withCarryOver('/faqs?x=1#money', 'ref=A1')).toBe('/faqs?x=1&ref=A1#money')
		expect(withCarryOver('/faqs', '')).toBe('/faqs')
	})
})

describe('readAttribution', () => {
	test('maps parameters to fields and normalises a referral code', () => {
		const params = new URLSearchParams('utm_source=radio-north&utm_medium=radio&ref=north-7k3&landing=/&site=x.com')
		expect(readAttribution((name) => params.get(name))).toEqual({
			utmSource: 'radio-north',
			utmMedium: 'radio',
			referralCode: 'NORTH7K3',
			landingPage: '/',
			referringSite: 'x.com',
		})
	})
})

describe('deriveChannel', () => {
	test.each([
		[{ hasReferralCode: true, utmMedium: 'cpc', howHeard: 'search_engine' }, 'referral'],
		[{ utmSource: 'facebook', utmMedium: 'paid_social' }, 'paid_social'],
		[{ utmSource: 'instagram', utmMedium: 'cpc' }, 'paid_social'],
		[{ utmSource: 'google', utmMedium: 'cpc' }, 'search'],
		[{ utmSource: 'heart-fm', utmMedium: 'radio' }, 'radio'],
		[{ utmSource: 'leaflet-drop', utmMedium: 'qr' }, 'print'],
		[{ utmSource: 'facebook' }, 'social'],
		[{ referringSite: 'www.google.co.uk', howHeard: 'friend_or_family' }, 'search'],
		[{ referringSite: 'l.facebook.com' }, 'social'],
		[{ referringSite: 'news.example.org', howHeard: 'print' }, 'print'],
		[{ howHeard: 'foster_carer' }, 'referral'],
		[{ howHeard: 'friend_or_family' }, 'word_of_mouth'],
		[{}, 'other'],
	] as const)('%o → %s', (input, channel) => {
		expect(deriveChannel(input)).toBe(channel)
	})
})

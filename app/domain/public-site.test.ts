import { describe, expect, test } from 'vitest'
import { fosteringFaqs } from './faqs.ts'
import { allowanceRange, publicServiceConfig, SITEMAP_PATHS, telephoneHref } from './public-site.ts'
import { DEMO_SERVICE_CONFIG } from './service-config.ts'
import { faqPageJsonLd, organisationJsonLd } from './structured-data.ts'

describe('public site helpers', () => {
	test('the public pages never receive the recruitment team addresses or internal settings', () => {
		const shown = publicServiceConfig(DEMO_SERVICE_CONFIG)
		expect(JSON.stringify(shown)).not.toContain('recruitment@northdale.example')
		expect(shown).not.toHaveProperty('brandColour')
		expect(shown.publicEmail).toBe('fostering@northdale.example')
	})

	test('allowances read as a range, or one figure for a flat rate', () => {
		expect(allowanceRange({ weeklyFromPounds: 320, weeklyToPounds: 560 })).toBe('£320 to £560')
		expect(allowanceRange({ weeklyFromPounds: 1200, weeklyToPounds: 1200 })).toBe('£1,200')
	})

	test('phone numbers become dialable tel: links', () => {
		expect(telephoneHref('0300 123 4567')).toBe('tel:03001234567')
		expect(telephoneHref('+44 (0)116 305 0505')).toBe('tel:+4401163050505')
	})

	test('the sitemap lists each page once, the enquiry form included', () => {
		expect(SITEMAP_PATHS).toContain('/enquire')
		expect(new Set(SITEMAP_PATHS).size).toBe(SITEMAP_PATHS.length)
	})
})

describe('structured data', () => {
	test('a council is a GovernmentOrganization, an agency an Organization', () => {
		const council = organisationJsonLd(publicServiceConfig(DEMO_SERVICE_CONFIG), 'https://fostering.example')
		expect(council).toMatchObject({
			'@type': 'GovernmentOrganization',
			name: 'Northdale County Council',
			url: 'https://fostering.example/',
			telephone: '0300 123 4567',
			email: 'fostering@northdale.example',
			areaServed: 'Northdale and the Vale of Ashby',
		})
		const agency = organisationJsonLd(
			publicServiceConfig({ ...DEMO_SERVICE_CONFIG, organisationType: 'independent_agency' }),
			'https://fostering.example'
		)
		expect(agency['@type']).toBe('Organization')
	})

	test('the FAQ structured data carries every question and its whole answer', () => {
		const faqs = fosteringFaqs(publicServiceConfig(DEMO_SERVICE_CONFIG))
		const data = faqPageJsonLd(faqs)
		expect(faqs.length).toBeGreaterThanOrEqual(10)
		expect(data.mainEntity.map((entry) => entry.name)).toEqual(faqs.map((faq) => faq.question))
		const payQuestion = data.mainEntity.find((entry) => entry.name === 'Do foster carers get paid?')
		expect(payQuestion?.acceptedAnswer.text).toContain('£320 to £560 a week for each child')
	})
})

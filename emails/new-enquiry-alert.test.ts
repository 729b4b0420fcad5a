import { describe, expect, test } from 'vitest'
import { renderNewEnquiryAlert } from './new-enquiry-alert.ts'
import { sampleAlert } from './samples.ts'

const input = sampleAlert

describe('renderNewEnquiryAlert', () => {
	test('the subject names the enquiry, with markers for kinship and possible matches', () => {
		expect(renderNewEnquiryAlert(input).subject).toBe('New fostering enquiry ENQ-7K3M9Q')
		expect(renderNewEnquiryAlert({ ...input, isKinship: true }).subject).toBe(
			'[Kinship] New fostering enquiry ENQ-7K3M9Q'
		)
		expect(renderNewEnquiryAlert({ ...input, possibleMatch: 'HH-4F7H2K' }).subject).toBe(
			'New fostering enquiry ENQ-7K3M9Q (Possible match)'
		)
	})

	test('both parts give the call-by date, the minimum details and the link to the record', () => {
		const { html, text } = renderNewEnquiryAlert(input)
		for (const part of [html, text]) {
			expect(part).toContain('Call by: Thursday 2 July 2026')
			expect(part).toContain('Siobhán Ó Dálaigh')
			expect(part).toContain('ENQ-7K3M9Q')
			expect(part).toContain('HH-4D2R8T')
			expect(part).toContain('LE1')
			expect(part).toContain('Search engine')
			expect(part).toContain('https://fostering.northdale.example/staff/households/HH-4D2R8T')
		}
		expect(html).toContain('href="https://fostering.northdale.example/staff/households/HH-4D2R8T"')
	})

	test('shows when it was received in UK time (British Summer Time in July)', () => {
		expect(renderNewEnquiryAlert(input).text).toContain('Received: Wednesday 1 July 2026 at 2:05pm')
		const winter = renderNewEnquiryAlert({ ...input, receivedAt: new Date('2026-12-01T09:30:00Z') })
		expect(winter.text).toContain('Received: Tuesday 1 December 2026 at 9:30am')
	})

	test('kinship enquiries and possible matches say so in the body too', () => {
		const { html, text } = renderNewEnquiryAlert({ ...input, isKinship: true, possibleMatch: 'HH-4F7H2K' })
		for (const part of [html, text]) {
			expect(part).toContain('Kinship (family and friends)')
			expect(part).toContain('pass it to the family and friends team')
			expect(part).toContain('Possible match: they may be household HH-4F7H2K')
		}
	})

	test('a name typed as markup is escaped in the HTML part', () => {
		const { html, subject } = renderNewEnquiryAlert({ ...input, applicantName: '<script>alert(1)</script>' })
		expect(html).not.toContain('<script>')
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(subject).not.toContain('script')
	})

	test('names in other scripts come through intact', () => {
		expect(renderNewEnquiryAlert({ ...input, applicantName: '李小龍' }).html).toContain('李小龍')
	})
})

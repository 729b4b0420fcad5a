import { describe, expect, test } from 'vitest'
import { renderEnquiryAcknowledgement } from './enquiry-acknowledgement.ts'
import { sampleAcknowledgement } from './samples.ts'

const input = sampleAcknowledgement

describe('renderEnquiryAcknowledgement', () => {
	test('the subject tells the enquirer we have their enquiry and gives the reference', () => {
		expect(renderEnquiryAcknowledgement(input).subject).toBe('We have your fostering enquiry (ENQ-7K3M9Q)')
	})

	test('both parts thank them, give the reference, the next step and how to reach the team', () => {
		const { html, text } = renderEnquiryAcknowledgement(input)
		for (const part of [html, text]) {
			expect(part).toContain('Dear Siobhán,')
			// The service is called "Foster with Northdale": its name is not put after "fostering with" again.
			expect(part).toContain('Thank you for your enquiry about fostering with Northdale.')
			expect(part).not.toMatch(/fostering with Foster/)
			expect(part).toContain('You asked us to call you in the early evening (5pm to 7pm).')
			expect(part).toContain('ENQ-7K3M9Q')
			expect(part).toContain('will call you within 1 working day')
			expect(part).toContain('0300 123 4567')
			expect(part).toContain('Monday to Friday, 9am to 5pm')
			expect(part).toContain('fostering@northdale.example')
			expect(part).toContain('https://fostering.northdale.example/what-fostering-involves')
			expect(part).toContain('Northdale County Council')
			expect(part).not.toContain('kinship')
		}
		expect(html).toContain('href="tel:03001234567"')
		expect(html).toContain('href="mailto:fostering@northdale.example"')
	})

	test('an enquiry staff took by phone or at an event thanks them for the call or the conversation', () => {
		const phone = renderEnquiryAcknowledgement({ ...input, source: 'phone' })
		const event = renderEnquiryAcknowledgement({ ...input, source: 'event' })
		for (const part of [phone.html, phone.text]) {
			expect(part).toContain(
				'Thank you for calling Foster with Northdale about fostering. We have recorded your enquiry.'
			)
		}
		expect(event.text).toContain(
			'Thank you for talking to Foster with Northdale about fostering at our event. We have recorded your enquiry.'
		)
		// The next step and the reference are the same as for the web form.
		expect(phone.text).toContain('will call you within 1 working day')
		expect(phone.subject).toBe('We have your fostering enquiry (ENQ-7K3M9Q)')
	})

	test('repeats the time the person chose for the call, whichever it was', () => {
		expect(renderEnquiryAcknowledgement({ ...input, bestTimeToCall: 'morning' }).text).toContain(
			'will call you within 1 working day to talk about fostering and answer your questions. You asked us to call you in the morning (9am to 12pm).'
		)
		expect(renderEnquiryAcknowledgement({ ...input, bestTimeToCall: 'any' }).text).toContain(
			'You told us any time suits you for the call.'
		)
		expect(renderEnquiryAcknowledgement({ ...input, isKinship: true }).text).toContain(
			'team will contact you. You asked us to call you in the early evening (5pm to 7pm).'
		)
		expect(renderEnquiryAcknowledgement({ ...input, bestTimeToCall: undefined }).text).not.toContain('You asked us')
	})

	test('uses the service target for the first call, in working days', () => {
		const { text } = renderEnquiryAcknowledgement({ ...input, firstContactWorkingDays: 3 })
		expect(text).toContain('will call you within 3 working days')
	})

	test('kinship enquirers are told the family and friends team will contact them instead', () => {
		const { html, text } = renderEnquiryAcknowledgement({ ...input, isKinship: true })
		for (const part of [html, text]) {
			expect(part).toContain('Our family and friends (kinship) team will contact you.')
			expect(part).toContain('different route')
			expect(part).not.toContain('will call you within')
			expect(part).toContain('ENQ-7K3M9Q')
		}
	})

	test('names in any script come through intact, and markup typed as a name is escaped', () => {
		expect(renderEnquiryAcknowledgement({ ...input, firstName: '李小龍' }).html).toContain('Dear 李小龍,')
		const hostile = renderEnquiryAcknowledgement({ ...input, firstName: '<script>alert(1)</script>' })
		expect(hostile.html).not.toContain('<script>')
		expect(hostile.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,')
		expect(hostile.text).toContain('Dear <script>alert(1)</script>,')
	})

	test('greets without a name when none was given', () => {
		expect(renderEnquiryAcknowledgement({ ...input, firstName: '  ' }).text).toMatch(/^Hello,\n/)
	})
})

import { callTimeSentence } from '~/domain/enquiry-form.ts'
import { workingDaysPhrase } from '~/domain/service-config.ts'
import { fosterWith } from '~/domain/service-name.ts'
import { emailLayout, heading, html, inset, link, paragraph, subjectLine, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// Sent to the enquirer within a minute of their enquiry: it says we have it, gives the reference
// they can quote, what happens next and how to reach the team. It holds no personal data beyond
// their first name, because email is not a private channel.

export type EnquiryAcknowledgementInput = {
	firstName: string
	reference: string
	serviceName: string
	organisationName: string
	firstContactWorkingDays: number
	phone: string
	phoneHours: string
	publicEmail: string
	isKinship: boolean
	/** The public site's origin, e.g. "https://fostering.northdale.gov.uk". */
	origin: string
	/** The best time to call the person chose ('evening'), repeated so they know we heard it. */
	bestTimeToCall?: string
	/** How the enquiry came in: staff record enquiries taken by phone or at an event. */
	source?: 'web' | 'phone' | 'event'
}

export function renderEnquiryAcknowledgement(input: EnquiryAcknowledgementInput): RenderedEmail {
	const firstName = input.firstName.trim()
	const greeting = firstName ? `Dear ${firstName},` : 'Hello,'
	const thanks = {
		web: `Thank you for your enquiry about ${fosterWith(input.serviceName, 'fostering')}.`,
		phone: `Thank you for calling ${input.serviceName} about fostering. We have recorded your enquiry.`,
		event: `Thank you for talking to ${input.serviceName} about fostering at our event. We have recorded your enquiry.`,
	}[input.source ?? 'web']
	const quote = 'Please quote it if you contact us.'
	const callTime = input.bestTimeToCall ? callTimeSentence(input.bestTimeToCall) : null
	const nextStep = input.isKinship
		? [
				`You told us your enquiry is about caring for a child you already know, such as a relative or a family friend. Our family and friends (kinship) team will contact you.${callTime ? ` ${callTime}` : ''}`,
				'Caring for a child you already know is a different route from fostering a child you do not know, with its own assessment, so they are the right people to help.',
			]
		: [
				`Someone from our fostering team will call you within ${workingDaysPhrase(input.firstContactWorkingDays)} to talk about fostering and answer your questions.${callTime ? ` ${callTime}` : ''}`,
				'You do not have to decide anything on that call.',
			]
	const phoneLine = input.phoneHours.trim() ? `${input.phone} (${input.phoneHours.trim()})` : input.phone
	const learnUrl = `${input.origin.replace(/\/+$/, '')}/what-fostering-involves`
	const learnText = 'Find out what fostering involves'
	const footer = `You are getting this email because you made an enquiry about ${fosterWith(input.serviceName, 'fostering')}, run by ${input.organisationName}. If this was not you, please tell us at ${input.publicEmail}.`
	const subject = subjectLine(`We have your fostering enquiry (${input.reference})`)

	const body = html`${heading('We have your enquiry', 1)}
${paragraph(greeting)}
${paragraph(thanks)}
${inset(html`Your reference is<br><strong style="font-size:24px;letter-spacing:1px;">${input.reference}</strong>`)}
${paragraph(quote)}
${heading('What happens next')}
${nextStep.map((line) => paragraph(line))}
${heading('Contact us')}
${paragraph(html`Phone: ${link(input.phone, `tel:${input.phone.replace(/[^\d+]/g, '')}`)}${input.phoneHours.trim() ? html`<br>${input.phoneHours.trim()}` : ''}`)}
${paragraph(html`Email: ${link(input.publicEmail, `mailto:${input.publicEmail}`)}`)}
${heading('While you wait')}
${paragraph(link(learnText, learnUrl))}
${paragraph(html`${input.serviceName}<br>${input.organisationName}`)}`

	const text = textLayout([
		greeting,
		thanks,
		`Your reference is ${input.reference}. ${quote}`,
		`WHAT HAPPENS NEXT\n\n${nextStep.join('\n\n')}`,
		`CONTACT US\n\nPhone: ${phoneLine}\nEmail: ${input.publicEmail}`,
		`WHILE YOU WAIT\n\n${learnText}:\n${learnUrl}`,
		`${input.serviceName}\n${input.organisationName}`,
		'---',
		footer,
	])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${footer}` }),
		text,
	}
}

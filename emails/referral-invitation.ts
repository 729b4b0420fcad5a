import { fosterWith } from '~/domain/service-name.ts'
import { emailLayout, greetingFor, heading, html, link, paragraph, subjectLine, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// An invitation a foster carer sent a friend from /refer. The friend never gave us their
// address, so it is short, says who asked us to write and why, and promises no more email unless
// they get in touch. It names the carer by first name only and holds nothing else about them.

export type ReferralInvitationInput = {
	friendName: string
	carerFirstName: string
	/** The carer's personal link, e.g. "https://.../r/NORTH7K3": an enquiry through it is their referral. */
	referralUrl: string
	/** The public site's origin. */
	origin: string
	serviceName: string
	organisationName: string
}

export function renderReferralInvitation(input: ReferralInvitationInput): RenderedEmail {
	const carer = input.carerFirstName.trim() || 'A foster carer you know'
	const subject = subjectLine(`${carer} thinks you could ${fosterWith(input.serviceName)}`)
	const greeting = greetingFor(input.friendName)
	const why = `${carer}, who ${fosterWith(input.serviceName, 'fosters')}, asked us to send you this. They think you would make a great foster carer, and told us you would be happy to hear from us.`
	const fostering = `Foster carers look after children who cannot live with their own families, for a few nights, a few months or longer. You do not need to own your home or be married, and you get training, support and an allowance from ${input.organisationName}.`
	const learnUrl = `${input.origin.replace(/\/+$/, '')}/what-fostering-involves`
	const learnText = 'Find out what fostering involves'
	const enquire = `If you would like to talk about it, you can enquire through ${carer}’s link. There is no commitment: someone from our team will call you to answer your questions.`
	const optOut =
		'We will not email you again and have not added you to any mailing list: you will not hear from us again unless you enquire.'
	const footer = `${input.serviceName}, ${input.organisationName}. You are getting this email because ${carer} asked us to invite you.`

	const body = html`${heading(`${carer} thinks you could foster`, 1)} ${paragraph(greeting)} ${paragraph(why)}
	${heading('What fostering is')} ${paragraph(fostering)} ${paragraph(link(learnText, learnUrl))}
	${heading('Find out more')} ${paragraph(enquire)} ${paragraph(link('Enquire about fostering', input.referralUrl))}
	${paragraph(optOut)}`

	const text = textLayout([
		greeting,
		why,
		`WHAT FOSTERING IS\n\n${fostering}\n\n${learnText}:\n${learnUrl}`,
		`FIND OUT MORE\n\n${enquire}\n\nEnquire about fostering:\n${input.referralUrl}`,
		optOut,
		'---',
		footer,
	])
	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${footer}` }),
		text,
	}
}

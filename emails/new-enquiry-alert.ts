import { formatLondonDateTime } from './format.ts'
import {
	buttonLink,
	emailLayout,
	heading,
	html,
	link,
	paragraph,
	subjectLine,
	summaryList,
	textLayout,
} from './layout.ts'
import type { RenderedEmail } from './render.ts'

// Tells the recruitment team a new enquiry has arrived and by when to call. Email leaves the
// service's systems, so it carries only what is needed to act: the name, the postcode district,
// the channel, the references and a link to the record; everything else stays behind the login.

export type NewEnquiryAlertInput = {
	reference: string
	householdReference: string
	applicantName: string
	isKinship: boolean
	/** The reference of a household this one may be (a possible match for staff to check), or null. */
	possibleMatch: string | null
	channelLabel: string
	postcodeDistrict: string
	receivedAt: Date
	/** Human-readable, e.g. "Tuesday 24 November 2026". */
	firstContactDeadline: string
	staffUrl: string
	serviceName: string
}

export function renderNewEnquiryAlert(input: NewEnquiryAlertInput): RenderedEmail {
	const subject = subjectLine(
		`${input.isKinship ? '[Kinship] ' : ''}New fostering enquiry ${input.reference}${input.possibleMatch ? ' (Possible match)' : ''}`
	)
	const received = formatLondonDateTime(input.receivedAt)
	const callBy = `Call by: ${input.firstContactDeadline}`
	const route = input.isKinship ? 'Kinship (family and friends)' : 'Mainstream fostering'
	const notes = [
		input.isKinship &&
			'This is a kinship enquiry: pass it to the family and friends team. It is kept out of the mainstream funnel figures.',
		input.possibleMatch &&
			`Possible match: they may be household ${input.possibleMatch}, which we already know. Check the record and confirm or reject the match before you call.`,
	].filter((note): note is string => Boolean(note))
	const rows: Array<[string, string]> = [
		['Name', input.applicantName],
		['Enquiry', input.reference],
		['Household', input.householdReference],
		['Possible match', input.possibleMatch ?? 'None'],
		['Route', route],
		['Postcode district', input.postcodeDistrict],
		['Channel', input.channelLabel],
		['Received', received],
	]
	const openText = 'Open the enquiry record'
	const privacy =
		'This email holds only what you need to act on the enquiry. The full details are in the record; please do not forward this email.'

	const body = html`${heading(subject, 1)}
${paragraph(html`<strong>${callBy}</strong>`)}
${notes.map((note) => paragraph(note))}
${summaryList(rows)}
${buttonLink(openText, input.staffUrl)}
${paragraph(html`Or copy this link: ${link(input.staffUrl, input.staffUrl)}`)}`

	const text = textLayout([
		subject,
		callBy,
		...notes,
		rows.map(([key, value]) => `${key}: ${value}`).join('\n'),
		`${openText}:\n${input.staffUrl}`,
		'---',
		privacy,
	])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${privacy}` }),
		text,
	}
}

import { lifetimePhrase } from '~/domain/sign-in-links.ts'
import {
	buttonLink,
	emailLayout,
	greetingFor,
	heading,
	html,
	link,
	paragraph,
	subjectLine,
	textLayout,
} from './layout.ts'
import type { RenderedEmail } from './render.ts'

// The link a carer asked for at /refer to sign in to refer-a-friend. It says how long the link
// lasts and what to do if they did not ask for it; it never carries anything about referrals.

export type CarerSignInLinkInput = {
	name: string
	/** The link with its token, e.g. "https://.../refer/sign-in/abc...". */
	url: string
	serviceName: string
	organisationName: string
	lifetimeMs?: number
}

export function renderCarerSignInLink(input: CarerSignInLinkInput): RenderedEmail {
	const subject = subjectLine(`Sign in to refer a friend to ${input.serviceName}`)
	const greeting = greetingFor(input.name)
	const why = `You asked to sign in to refer a friend to ${input.serviceName}. Use this link to see your personal referral link and how your referrals are going.`
	const lifetime = `The link works once, for ${lifetimePhrase(
		input.lifetimeMs
	)}. If it runs out, ask for a new one on the refer a friend page.`
	const notYou =
		'If you did not ask for this, you can ignore this email: nobody can sign in without the link. Please do not forward it.'
	const footer = `${input.serviceName}, ${input.organisationName}. You are getting this email because someone asked to sign in to refer a friend with this address.`

	const body = html`${heading('Sign in to refer a friend', 1)} ${paragraph(greeting)} ${paragraph(why)}
	${buttonLink('Sign in', input.url)}
	${paragraph(html`Or copy this link into your browser: ${link(input.url, input.url)}`)} ${paragraph(lifetime)}
	${paragraph(notYou)}`

	const text = textLayout([greeting, why, `Sign in:\n${input.url}`, lifetime, notYou, '---', footer])
	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${footer}` }),
		text,
	}
}

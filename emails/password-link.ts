import { resetLinkLifetimePhrase, type ResetLinkKind } from '~/domain/password-reset.ts'
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

// A link to set a staff password: for a new account ("welcome") or to reset a forgotten one. It
// says how long the link lasts and what to do if the email was not expected; it never carries
// the password or anything about households.

export type PasswordLinkInput = {
	kind: ResetLinkKind
	name: string
	/** The link with its token, e.g. "https://.../staff/reset-password/abc...". */
	url: string
	serviceName: string
	organisationName: string
}

export function renderPasswordLink(input: PasswordLinkInput): RenderedEmail {
	const welcome = input.kind === 'welcome'
	const subject = subjectLine(
		welcome
			? `Set your password for the ${input.serviceName} staff area`
			: `Reset your ${input.serviceName} staff password`
	)
	const greeting = greetingFor(input.name)
	const why = welcome
		? `An administrator has made you an account for the ${input.serviceName} staff area. To start using it, choose your password.`
		: `Someone asked to reset the password of your ${input.serviceName} staff account. If it was you, choose a new password.`
	const buttonText = welcome ? 'Set your password' : 'Reset your password'
	const lifetime = `The link works once, for ${resetLinkLifetimePhrase(
		input.kind
	)}. If it runs out, ask for a new one from the sign-in page (“Forgotten your password?”).`
	const notYou = welcome
		? 'If you were not expecting this, you can ignore this email: no one can use the account until a password is set.'
		: 'If you did not ask for this, you can ignore this email: your password has not changed. Tell your administrator if it keeps happening.'
	const footer = `${input.serviceName}, ${input.organisationName}. This email was sent to a member of staff; please do not forward it, because the link lets whoever has it set the password.`

	const body = html`${heading(welcome ? 'Set your password' : 'Reset your password', 1)} ${paragraph(greeting)}
	${paragraph(why)} ${buttonLink(buttonText, input.url)}
	${paragraph(html`Or copy this link into your browser: ${link(input.url, input.url)}`)} ${paragraph(lifetime)}
	${paragraph(notYou)}`

	const text = textLayout([greeting, why, `${buttonText}:\n${input.url}`, lifetime, notYou, '---', footer])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${footer}` }),
		text,
	}
}

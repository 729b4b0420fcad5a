// The one secret an email may carry: the token of a link that lets its holder in (a staff password
// link, a carer's sign-in link). The outbox keeps it apart from the words (ADR 017): the text and
// HTML hold a placeholder where the token goes, the token waits in its own column, the worker puts
// it in as it sends, and the same UPDATE that marks the email sent (or given up on) removes it.
// So the database keeps no live link once the email has gone, and the staff mailbox never shows
// one. These are the pure rules; app/models/outbox.server.ts and the worker apply them.

/** Where the token goes in a link, in the stored text and HTML: `https://.../reset-password/{{secret}}`. */
export const SECRET_PLACEHOLDER = '{{secret}}'

/** What the staff mailbox shows instead of the link. */
export const HIDDEN_LINK = '[sign-in link hidden]'

/** Templates whose emails carry a secret: password links (`password-reset`, `password-welcome`) and sign-in links. */
const SECRET_TEMPLATE_PREFIXES = ['password-', 'sign-in-'] as const

export function carriesSecret(template: string): boolean {
	return SECRET_TEMPLATE_PREFIXES.some((prefix) => template.startsWith(prefix))
}

/** A token goes into a URL and HTML as it is, so it may only be of URL- and HTML-safe characters. */
export function isSecretToken(value: string): boolean {
	return /^[A-Za-z0-9_-]{16,256}$/.test(value)
}

export type StoredEmail = {
	template: string
	subject: string
	html: string
	text: string
	secret: string | null
	secretUntil: Date | null
}

export type EmailToSend =
	{ ok: true; email: { subject: string; html: string; text: string } } | { ok: false; reason: string }

export const NOT_SENT_REASONS = {
	expired: 'The link in this email ran out before it could be sent, so it was not sent',
	gone: 'The link in this email was removed when the service gave up sending it, so it was not sent',
} as const

/**
 * The email as it goes to the mail server: the token put back into its links. One whose link has
 * run out, or whose token is gone, is not worth sending: it would only be a broken link.
 */
export function emailToSend(stored: StoredEmail, now: Date): EmailToSend {
	const { subject, html, text } = stored
	if (!carriesSecret(stored.template)) return { ok: true, email: { subject, html, text } }
	if (!stored.secret || !isSecretToken(stored.secret)) return { ok: false, reason: NOT_SENT_REASONS.gone }
	if (stored.secretUntil && now.getTime() >= stored.secretUntil.getTime()) {
		return { ok: false, reason: NOT_SENT_REASONS.expired }
	}
	return {
		ok: true,
		email: {
			subject,
			html: html.replaceAll(SECRET_PLACEHOLDER, stored.secret),
			text: text.replaceAll(SECRET_PLACEHOLDER, stored.secret),
		},
	}
}

const LINK_WITH_PLACEHOLDER = new RegExp(`\\S*${SECRET_PLACEHOLDER.replace(/[{}]/g, '\\$&')}\\S*`, 'g')

/** The plain text as staff may read it in the mailbox: each link that would carry the token hidden. */
export function textForStaff(stored: { template: string; text: string }): string {
	if (!carriesSecret(stored.template)) return stored.text
	return stored.text.replace(LINK_WITH_PLACEHOLDER, HIDDEN_LINK)
}

/**
 * Why an email about to go in the outbox would break these rules, or null if it keeps them: a
 * secret-carrying template needs its token given apart, with the placeholder in both versions and
 * the token itself in neither; any other template carries no token.
 */
export function secretRuleBroken(email: {
	template: string
	html: string
	text: string
	secret?: string | null
}): string | null {
	if (!carriesSecret(email.template)) return email.secret ? `A ${email.template} email carries no secret` : null
	if (!email.secret || !isSecretToken(email.secret)) return `A ${email.template} email needs its link's token apart`
	if (!email.text.includes(SECRET_PLACEHOLDER) || !email.html.includes(SECRET_PLACEHOLDER)) {
		return `A ${email.template} email must have the placeholder where its link's token goes`
	}
	if (email.text.includes(email.secret) || email.html.includes(email.secret)) {
		return `A ${email.template} email must not hold its link's token in its words`
	}
	return null
}

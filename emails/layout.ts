// The shared frame of every email: simple, accessible HTML (lang="en", no images, Arial, inline
// styles because many mail clients drop <style>) and a plain text twin. Every value interpolated
// through `html` is HTML-escaped unless it is already SafeHtml, so a name typed into a form can
// never become markup.

/** HTML that has been escaped or built from escaped parts. */
export class SafeHtml {
	constructor(readonly value: string) {}
	toString() {
		return this.value
	}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
	return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

function interpolate(value: unknown): string {
	if (value instanceof SafeHtml) return value.value
	if (Array.isArray(value)) return value.map(interpolate).join('')
	if (value === null || value === undefined || value === false) return ''
	return escapeHtml(value)
}

/** Tagged template: `html\`<p>${name}</p>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
	let out = strings[0] ?? ''
	values.forEach((value, i) => {
		out += interpolate(value) + (strings[i + 1] ?? '')
	})
	return new SafeHtml(out)
}

/** Only web, mail and phone links may reach an email; anything else becomes inert. */
export function safeHref(url: string): string {
	return /^(https?:\/\/|mailto:|tel:)/i.test(url.trim()) ? url.trim() : '#'
}

export const FONT = 'Arial, Helvetica, sans-serif'
const TEXT_COLOUR = '#0b0c0c'
const LINK_COLOUR = '#1d70b8'
const SECONDARY_COLOUR = '#505a5f'

export function heading(text: string, level: 1 | 2 = 2): SafeHtml {
	const size = level === 1 ? '28px' : '22px'
	const tag = new SafeHtml(`h${level}`)
	return html`<${tag} style="margin:0 0 16px;font-family:${FONT};font-size:${size};line-height:1.25;font-weight:bold;color:${TEXT_COLOUR};">${text}</${tag}>`
}

export function paragraph(content: unknown): SafeHtml {
	return html`<p style="margin:0 0 16px;font-family:${FONT};font-size:19px;line-height:1.5;color:${TEXT_COLOUR};">${content}</p>`
}

export function link(text: string, href: string): SafeHtml {
	return html`<a href="${safeHref(href)}" style="color:${LINK_COLOUR};text-decoration:underline;">${text}</a>`
}

/** A bordered panel that makes one thing (a reference, a deadline) easy to find. */
export function inset(content: unknown): SafeHtml {
	return html`<div style="margin:0 0 24px;padding:16px;border-left:10px solid #b1b4b6;font-family:${FONT};font-size:19px;line-height:1.5;color:${TEXT_COLOUR};">${content}</div>`
}

/** Key and value rows, read in order by screen readers (a layout table would not be). */
export function summaryList(rows: Array<[string, unknown]>): SafeHtml {
	const items = rows.map(
		([key, value]) =>
			html`<tr><th scope="row" style="padding:8px 16px 8px 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top;font-family:${FONT};font-size:19px;font-weight:bold;color:${TEXT_COLOUR};">${key}</th><td style="padding:8px 0;border-bottom:1px solid #b1b4b6;vertical-align:top;font-family:${FONT};font-size:19px;color:${TEXT_COLOUR};">${value}</td></tr>`
	)
	return html`<table style="width:100%;margin:0 0 24px;border-collapse:collapse;">${items}</table>`
}

/** A link styled as a button; still a plain link to clients that ignore the styles. */
export function buttonLink(text: string, href: string): SafeHtml {
	return html`<p style="margin:0 0 24px;"><a href="${safeHref(href)}" style="display:inline-block;padding:10px 16px;background-color:#00703c;color:#ffffff;font-family:${FONT};font-size:19px;font-weight:bold;text-decoration:none;border-bottom:2px solid #002d18;">${text}</a></p>`
}

export type LayoutInput = {
	/** The document title: what a screen reader announces first. */
	title: string
	/** Shown in the banner at the top, e.g. the fostering service's name. */
	serviceName: string
	body: SafeHtml
	footer?: SafeHtml
}

export function emailLayout({ title, serviceName, body, footer }: LayoutInput): string {
	return html`<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f2f1;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f2f1;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;">
<tr><td style="padding:16px 24px;background-color:${TEXT_COLOUR};font-family:${FONT};font-size:22px;line-height:1.25;font-weight:bold;color:#ffffff;">${serviceName}</td></tr>
<tr><td style="padding:24px;">
${body}
</td></tr>
${footer ? html`<tr><td style="padding:16px 24px 24px;border-top:1px solid #b1b4b6;font-family:${FONT};font-size:16px;line-height:1.5;color:${SECONDARY_COLOUR};">${footer}</td></tr>` : ''}
</table>
</td></tr>
</table>
</body>
</html>
`.value
}

/** "Dear Amira Hussain," or, when no name was given, "Hello,". */
export function greetingFor(name: string): string {
	return name.trim() ? `Dear ${name.trim()},` : 'Hello,'
}

/** The plain text part: blocks separated by blank lines, empty ones left out. */
export function textLayout(blocks: Array<string | false | undefined>): string {
	return `${blocks
		.filter((block): block is string => Boolean(block))
		.map((block) => block.trim())
		.join('\n\n')}\n`
}

/** A header line must not carry line breaks (they would start a new header). */
export function subjectLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim()
}

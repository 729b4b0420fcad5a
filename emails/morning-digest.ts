import {
	householdDeadlineHtml,
	householdDeadlineText,
	STAFF_EMAIL_PRIVACY,
	type HouseholdDeadline,
} from './household-deadline.ts'
import { emailLayout, greetingFor, heading, html, paragraph, subjectLine, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// The morning digest: at 8am on a working day, each member of staff gets the households they own
// whose deadlines fall today or have passed. Names, references and links only.

export type DigestEntry = HouseholdDeadline & { overdue: boolean }

export type MorningDigestInput = {
	recipientName: string
	/** Human-readable, e.g. "Tuesday 24 November 2026". */
	date: string
	entries: DigestEntry[]
	serviceName: string
}

export function renderMorningDigest(input: MorningDigestInput): RenderedEmail {
	const subject = subjectLine(`Your deadlines for ${input.date}`)
	const greeting = greetingFor(input.recipientName)
	const overdue = input.entries.filter((entry) => entry.overdue)
	const today = input.entries.filter((entry) => !entry.overdue)
	const summary = [
		overdue.length > 0 && `${overdue.length} ${overdue.length === 1 ? 'household is' : 'households are'} overdue`,
		today.length > 0 && `${today.length} ${today.length === 1 ? 'household is' : 'households are'} due today`,
	]
		.filter(Boolean)
		.join(' and ')
	const intro = `Of the households you own, ${summary}.`
	const sections = [
		{ title: 'Overdue', entries: overdue },
		{ title: 'Due today', entries: today },
	].filter((section) => section.entries.length > 0)
	const privacy = STAFF_EMAIL_PRIVACY

	const body = html`${heading(`Your deadlines for ${input.date}`, 1)} ${paragraph(greeting)} ${paragraph(intro)}
	${sections.map(
		(section) =>
			html`${heading(section.title)}
			${section.entries.map((entry) => householdDeadlineHtml(entry))}`
	)}`

	const text = textLayout([
		greeting,
		intro,
		...sections.flatMap((section) => [
			section.title.toUpperCase(),
			...section.entries.map((entry) => householdDeadlineText(entry)),
		]),
		'---',
		privacy,
	])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${privacy}` }),
		text,
	}
}

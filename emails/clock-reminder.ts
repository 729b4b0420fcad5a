import { emailLayout, heading, html, link, paragraph, subjectLine, summaryList, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// A response-time reminder to staff: to a household's owner when its nearest deadline goes at
// risk, or to the managers when it has passed. One email lists every household that reached that
// point in one run of the scheduler, so a backlog arrives as one message, not hundreds. Email
// leaves the service's systems, so each household is named, referenced and linked, nothing more.

export type ClockReminderItem = {
	displayName: string
	reference: string
	/** What is due: the clock's name, e.g. "First contact to initial visit". */
	due: string
	/** Human-readable, e.g. "Monday 16 November 2026". */
	deadline: string
	url: string
}

export type ClockReminderInput = {
	level: 'at_risk' | 'overdue'
	recipientName: string
	items: ClockReminderItem[]
	serviceName: string
}

export function renderClockReminder(input: ClockReminderInput): RenderedEmail {
	const atRisk = input.level === 'at_risk'
	const [first] = input.items
	const count = input.items.length
	const subject = subjectLine(
		count === 1 && first
			? `${atRisk ? 'Deadline coming up' : 'Deadline missed'}: ${first.reference}`
			: `${atRisk ? 'Deadlines coming up' : 'Deadlines missed'}: ${count} households`
	)
	const greeting = input.recipientName.trim() ? `Dear ${input.recipientName.trim()},` : 'Hello,'
	const households = count === 1 ? 'this household' : `these ${count} households`
	const why = atRisk
		? `The response-time deadline for ${households} is getting close. Please act before the end of the deadline day.`
		: `The response-time deadline for ${households} has passed. You are told as a manager of the service, so you can see it is picked up.`
	const rows = (item: ClockReminderItem): Array<[string, string]> => [
		['Household', `${item.displayName} (${item.reference})`],
		['Due', item.due],
		[atRisk ? 'Deadline' : 'Deadline was', item.deadline],
	]
	const privacy = 'Please do not forward this email. The details are in the staff area.'

	const body = html`${heading(atRisk ? 'Deadline coming up' : 'Deadline missed', 1)} ${paragraph(greeting)}
	${paragraph(why)}
	${input.items.map((item) => html`${summaryList(rows(item))} ${paragraph(link(`Open ${item.reference}`, item.url))}`)}`

	const text = textLayout([
		greeting,
		why,
		...input.items.map((item) =>
			[...rows(item).map(([key, value]) => `${key}: ${value}`), `Open: ${item.url}`].join('\n')
		),
		'---',
		privacy,
	])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${privacy}` }),
		text,
	}
}

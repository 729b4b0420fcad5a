import {
	householdDeadlineHtml,
	householdDeadlineText,
	STAFF_EMAIL_PRIVACY,
	type HouseholdDeadline,
} from './household-deadline.ts'
import { emailLayout, greetingFor, heading, html, paragraph, subjectLine, textLayout } from './layout.ts'
import type { RenderedEmail } from './render.ts'

// A response-time reminder to staff: to a household's owner when its nearest deadline goes at
// risk, or to the managers when it has passed. One email lists every household that reached that
// point in one run of the scheduler, so a backlog arrives as one message, not hundreds. Email
// leaves the service's systems, so each household is named, referenced and linked, nothing more.

export type ClockReminderItem = HouseholdDeadline

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
	const greeting = greetingFor(input.recipientName)
	const households = count === 1 ? 'this household' : `these ${count} households`
	const why = atRisk
		? `The response-time deadline for ${households} is getting close. Please act before the end of the deadline day.`
		: `The response-time deadline for ${households} has passed. You are told as a manager of the service, so you can see it is picked up.`
	const deadlineLabel = atRisk ? 'Deadline' : 'Deadline was'
	const privacy = STAFF_EMAIL_PRIVACY

	const body = html`${heading(atRisk ? 'Deadline coming up' : 'Deadline missed', 1)} ${paragraph(greeting)}
	${paragraph(why)}
	${input.items.map((item) => householdDeadlineHtml(item, deadlineLabel))}`

	const text = textLayout([
		greeting,
		why,
		...input.items.map((item) => householdDeadlineText(item, deadlineLabel)),
		'---',
		privacy,
	])

	return {
		subject,
		html: emailLayout({ title: subject, serviceName: input.serviceName, body, footer: html`${privacy}` }),
		text,
	}
}

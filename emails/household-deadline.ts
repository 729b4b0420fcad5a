import { html, link, paragraph, summaryList, type SafeHtml } from './layout.ts'

// A household as the staff reminder emails list it (a deadline coming up or missed, the morning
// digest): its name and reference, what is due and by when, and a link to its record. Email
// leaves the service's systems, so nothing more; the details stay in the staff area.

export type HouseholdDeadline = {
	displayName: string
	reference: string
	/** What is due: the clock's name, e.g. "First contact to initial visit". */
	due: string
	/** Human-readable, e.g. "Monday 16 November 2026". */
	deadline: string
	url: string
}

/** The last words of every staff reminder. */
export const STAFF_EMAIL_PRIVACY = 'Please do not forward this email. The details are in the staff area.'

/** "Deadline" by default; "Deadline was" where every deadline listed has passed. */
function rows(item: HouseholdDeadline, deadlineLabel: string): Array<[string, string]> {
	return [
		['Household', `${item.displayName} (${item.reference})`],
		['Due', item.due],
		[deadlineLabel, item.deadline],
	]
}

export function householdDeadlineHtml(item: HouseholdDeadline, deadlineLabel = 'Deadline'): SafeHtml {
	return html`${summaryList(rows(item, deadlineLabel))} ${paragraph(link(`Open ${item.reference}`, item.url))}`
}

export function householdDeadlineText(item: HouseholdDeadline, deadlineLabel = 'Deadline'): string {
	return [...rows(item, deadlineLabel).map(([key, value]) => `${key}: ${value}`), `Open: ${item.url}`].join('\n')
}

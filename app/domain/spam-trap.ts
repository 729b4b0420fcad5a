// The enquiry form's spam trap (a "honeypot", docs/decisions/016): a box people never see or reach
// and browsers have no reason to fill in, so something typed in it is most likely a bot's. Most
// likely is not certainly: an enquiry caught by it is held back for staff to release or delete,
// never thrown away, and the sender is answered as any other.

/**
 * The trap's field name: nothing a browser or password manager autofills by (no name, email,
 * phone, address, url or website), and nothing the form already asks.
 */
export const TRAP_FIELD = 'extra_comments'

/** Held-back enquiries nobody released are deleted after this many days (the scheduler does it). */
export const QUARANTINE_DAYS = 30

export const QUARANTINE_PAGE_SIZE = 20

/** What is kept of the trap's contents, to help staff judge: enough to tell an address from a sentence. */
const TRAP_VALUE_MAX = 200

/** What was typed in the trap ('' when nothing was), trimmed to what is worth keeping. */
export function readTrap(form: { get(name: string): unknown }): string {
	const value = form.get(TRAP_FIELD)
	return typeof value === 'string' ? value.trim().slice(0, TRAP_VALUE_MAX) : ''
}

/** The instant before which held-back enquiries are deleted. */
export function quarantineCutoff(now: Date): Date {
	return new Date(now.getTime() - QUARANTINE_DAYS * 24 * 60 * 60 * 1000)
}

// Which pages React hydrates. The public site (the information pages and the enquiry journey) works
// without JavaScript and is sent without React's runtime, which alone is over its budget (ADR 026);
// a route says so in its `handle`, and the root and the document renderer read it here.

/** What a route module's `handle` may say about the page it is part of. */
export type PageHandle = {
	/** false: pages with this route in them are sent without React's scripts and never hydrate. */
	hydrate?: boolean
}

/** The handle of the public site's layouts: its pages are plain HTML with one small script of our own. */
export const STATIC_PAGE: PageHandle = { hydrate: false }

/** Whether a page whose routes have these handles is hydrated: yes, unless one of them says not. */
export function pageHydrates(handles: readonly unknown[]): boolean {
	return !handles.some(
		(handle) => typeof handle === 'object' && handle !== null && (handle as PageHandle).hydrate === false
	)
}

import type { MetaDescriptor } from '@remix-run/node'

export type SiteMeta = { origin: string; serviceName: string; organisationName: string }

/**
 * Title, description, canonical link and Open Graph tags for one page. Every public page calls
 * this so none is left with a duplicate title or a missing canonical URL.
 */
export function pageMeta(
	site: SiteMeta | undefined,
	page: { title: string; description: string; path: string; error?: boolean }
): MetaDescriptor[] {
	const serviceName = site?.serviceName ?? 'Fostering'
	const title = `${page.error ? 'Error: ' : ''}${page.title} – ${serviceName}`
	const url = `${site?.origin ?? ''}${page.path}`
	return [
		{ title },
		{ name: 'description', content: page.description },
		{ tagName: 'link', rel: 'canonical', href: url },
		{ property: 'og:type', content: 'website' },
		{ property: 'og:site_name', content: serviceName },
		{ property: 'og:title', content: page.title },
		{ property: 'og:description', content: page.description },
		{ property: 'og:url', content: url },
		{ property: 'og:locale', content: 'en_GB' },
	]
}

/** Staff pages: a title, and never in a search engine (robots.txt also disallows /staff). */
export function staffPageMeta(site: SiteMeta | undefined, title: string): MetaDescriptor[] {
	return [
		{ title: `${title} – ${site?.serviceName ?? 'Fostering'} staff` },
		{ name: 'robots', content: 'noindex, nofollow' },
	]
}

/** Staff pages hold personal data: never kept by a browser or a shared cache, never indexed. */
export const STAFF_HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' }

/**
 * The refer-a-friend portal's pages (and the page an emailed sign-in link opens): personal to one
 * carer, so never cached or indexed.
 */
export const PORTAL_HEADERS = STAFF_HEADERS

/** A portal page's title tag is rendered by the page itself ("Error: " prefix); this keeps it out of search. */
export const PORTAL_META = [{ name: 'robots', content: 'noindex, nofollow' }]

import type { ServiceConfig } from './service-config.ts'

// The public information pages, in the order we link them. The sitemap, the related-content
// links and the tests all read this list, so a new page is added in one place.
export const INFORMATION_PAGES = [
	{ path: '/can-i-foster', label: 'Can I foster?' },
	{ path: '/what-fostering-involves', label: 'What fostering involves' },
	{ path: '/support-and-allowances', label: 'Support and allowances' },
	{ path: '/faqs', label: 'Questions about fostering' },
] as const

export const POLICY_PAGES = [
	{ path: '/privacy', label: 'Privacy notice' },
	{ path: '/cookies', label: 'Cookies and analytics' },
	{ path: '/accessibility', label: 'Accessibility statement' },
] as const

/** Every page a search engine should find, the enquiry form included. */
export const SITEMAP_PATHS: readonly string[] = [
	'/',
	...INFORMATION_PAGES.map((page) => page.path),
	'/enquire',
	...POLICY_PAGES.map((page) => page.path),
]

/** The configuration the public pages may show: never staff addresses or internal settings. */
export type PublicServiceConfig = Omit<ServiceConfig, 'recruitmentTeamEmails' | 'kinshipTeamEmails' | 'brandColour'>

export function publicServiceConfig(config: ServiceConfig): PublicServiceConfig {
	const { recruitmentTeamEmails: _team, kinshipTeamEmails: _kinship, brandColour: _brand, ...shown } = config
	return shown
}

/** "£320 to £560", or one figure when the service pays a flat rate. */
export function allowanceRange({ weeklyFromPounds, weeklyToPounds }: ServiceConfig['allowances']): string {
	const from = `£${weeklyFromPounds.toLocaleString('en-GB')}`
	const to = `£${weeklyToPounds.toLocaleString('en-GB')}`
	return weeklyFromPounds === weeklyToPounds ? from : `${from} to ${to}`
}

/** "1 month", "6 months". */
export function monthsPhrase(months: number): string {
	return `${months} ${months === 1 ? 'month' : 'months'}`
}

/** A tel: link for a phone number as people write it, e.g. "0300 123 4567" → "tel:03001234567". */
export function telephoneHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`
}

/**
 * How long an enquiry that never led to an application is kept, from the last contact. The
 * regulations set no period for enquiries (only for applicants and carers), so the service sets it.
 */
export const ENQUIRY_RETENTION_YEARS = 2

// Where an enquiry came from, worked out without storing anything on the visitor's device (see
// docs/decisions/004-attribution-without-tracking-cookies.md). The tracked-link parameters the
// visitor arrived with travel in the URLs of our own links until they reach the enquiry form,
// which posts them back as hidden fields.

export const CHANNEL_KEYS = [
	'search',
	'social',
	'paid_social',
	'radio',
	'print',
	'event',
	'word_of_mouth',
	'referral',
	'other',
] as const
export type ChannelKey = (typeof CHANNEL_KEYS)[number]

export const CHANNEL_LABELS: Record<ChannelKey, string> = {
	search: 'Search engine',
	social: 'Social media',
	paid_social: 'Paid social media advert',
	radio: 'Radio',
	print: 'Print (newspaper, leaflet, poster)',
	event: 'Event',
	word_of_mouth: 'Word of mouth',
	referral: 'Referral by a foster carer',
	other: 'Other',
}

/** The answers to "How did you hear about us?", each with the channel it stands for. */
export const HOW_HEARD_OPTIONS = [
	{ value: 'search_engine', label: 'Searching online', channel: 'search' },
	{ value: 'social_media', label: 'Social media', channel: 'social' },
	{ value: 'online_advert', label: 'An online or social media advert', channel: 'paid_social' },
	{ value: 'radio', label: 'Radio', channel: 'radio' },
	{ value: 'print', label: 'Newspaper, magazine, leaflet or poster', channel: 'print' },
	{ value: 'event', label: 'An event or information stand', channel: 'event' },
	{ value: 'friend_or_family', label: 'A friend, relative or colleague', channel: 'word_of_mouth' },
	{ value: 'foster_carer', label: 'A foster carer told me about it', channel: 'referral' },
	{ value: 'other', label: 'Somewhere else', channel: 'other' },
] as const satisfies readonly { value: string; label: string; channel: ChannelKey }[]
export type HowHeard = (typeof HOW_HEARD_OPTIONS)[number]['value']

/** URL parameters that carry attribution from the landing page to the enquiry form. */
export const ATTRIBUTION_PARAMS = [
	'utm_source',
	'utm_medium',
	'utm_campaign',
	'utm_content',
	'ref',
	'landing',
	'site',
] as const
type AttributionParam = (typeof ATTRIBUTION_PARAMS)[number]

const MAX_PARAM_LENGTH = 200

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

/** Keeps printable text only, trimmed and capped, so a hostile link cannot bloat a record. */
function cleanParam(value: string | null | undefined): string | undefined {
	if (value == null) return undefined
	const cleaned = value.replace(CONTROL_CHARACTERS, '').trim().slice(0, MAX_PARAM_LENGTH)
	return cleaned === '' ? undefined : cleaned
}

/** Host name of a Referer header, or undefined when it is missing, malformed or our own site. */
export function externalReferrerHost(referer: string | null | undefined, ownHost: string): string | undefined {
	if (!referer) return undefined
	try {
		const host = new URL(referer).hostname.toLowerCase()
		return host && host !== ownHost.toLowerCase().replace(/:\d+$/, '') ? host : undefined
	} catch {
		return undefined
	}
}

/**
 * The query string our internal links should carry so the attribution the visitor arrived with
 * reaches the enquiry form: the tracked-link parameters of this URL, plus the landing page and
 * the referring site when this is the page they arrived on. Empty when there is nothing to carry,
 * so an ordinary visit keeps clean URLs.
 */
export function carryOverQuery(url: URL, referer: string | null | undefined): string {
	const carried = new URLSearchParams()
	for (const name of ATTRIBUTION_PARAMS) {
		const value = cleanParam(url.searchParams.get(name))
		if (value) carried.set(name, value)
	}
	const site = externalReferrerHost(referer, url.host)
	const tracked = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'ref'].some((name) => carried.has(name))
	if (!carried.has('site') && site) carried.set('site', site)
	if (!carried.has('landing') && (tracked || carried.has('site'))) carried.set('landing', url.pathname)
	return carried.toString()
}

/** Adds a carried query string to an internal path. */
export function withCarryOver(path: string, carry: string): string {
	if (!carry) return path
	const [base, hash] = path.split('#', 2) as [string, string | undefined]
	const joined = `${base}${base.includes('?') ? '&' : '?'}${carry}`
	return hash === undefined ? joined : `${joined}#${hash}`
}

export type Attribution = {
	utmSource?: string
	utmMedium?: string
	utmCampaign?: string
	utmContent?: string
	referringSite?: string
	landingPage?: string
	referralCode?: string
}

const PARAM_TO_FIELD: Record<AttributionParam, keyof Attribution> = {
	utm_source: 'utmSource',
	utm_medium: 'utmMedium',
	utm_campaign: 'utmCampaign',
	utm_content: 'utmContent',
	ref: 'referralCode',
	landing: 'landingPage',
	site: 'referringSite',
}

/** Reads attribution from URL parameters or from the form's hidden fields (same names). */
export function readAttribution(get: (name: string) => string | null | undefined): Attribution {
	const attribution: Attribution = {}
	for (const name of ATTRIBUTION_PARAMS) {
		const value = cleanParam(get(name))
		if (value) attribution[PARAM_TO_FIELD[name]] = name === 'ref' ? normaliseReferralCode(value) : value
	}
	return attribution
}

/** Referral codes are typed by people: ignore case, spaces and dashes. */
export function normaliseReferralCode(code: string): string {
	return code.replace(/[\s-]/g, '').toUpperCase()
}

const SEARCH_HOSTS =
	/(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yahoo\.com|ecosia\.org|baidu\.com|yandex\.[a-z]+|search\.brave\.com)$/
const SOCIAL_HOSTS =
	/(^|\.)(facebook\.com|fb\.com|instagram\.com|t\.co|twitter\.com|x\.com|linkedin\.com|lnkd\.in|tiktok\.com|youtube\.com|reddit\.com|nextdoor\.co\.uk|nextdoor\.com|threads\.net|bsky\.app|pinterest\.[a-z.]+)$/
const PAID_MEDIUMS = new Set(['cpc', 'ppc', 'paid', 'paidsocial', 'paid_social', 'paid-social', 'display', 'cpm'])
const SOCIAL_SOURCES =
	/facebook|instagram|meta|twitter|linkedin|tiktok|snapchat|youtube|nextdoor|reddit|pinterest|^x$|^fb$|^ig$/
const MEDIUM_CHANNELS: Record<string, ChannelKey> = {
	organic: 'search',
	search: 'search',
	social: 'social',
	radio: 'radio',
	audio: 'radio',
	print: 'print',
	leaflet: 'print',
	poster: 'print',
	newspaper: 'print',
	offline: 'print',
	qr: 'print',
	event: 'event',
	referral: 'referral',
}

/**
 * The channel an enquiry came through. The firmest evidence wins: a referral code, then a
 * tracked link (UTM), then the site the visitor came from, then what the person told us.
 */
export function deriveChannel(input: Attribution & { howHeard?: string; hasReferralCode?: boolean }): ChannelKey {
	if (input.hasReferralCode) return 'referral'
	const medium = input.utmMedium?.toLowerCase()
	const source = input.utmSource?.toLowerCase()
	if (medium) {
		if (PAID_MEDIUMS.has(medium)) return source && SOCIAL_SOURCES.test(source) ? 'paid_social' : 'search'
		const channel = MEDIUM_CHANNELS[medium]
		if (channel) return channel
	}
	if (source && SOCIAL_SOURCES.test(source)) return 'social'
	const site = input.referringSite?.toLowerCase()
	if (site && SEARCH_HOSTS.test(site)) return 'search'
	if (site && SOCIAL_HOSTS.test(site)) return 'social'
	const heard = HOW_HEARD_OPTIONS.find((option) => option.value === input.howHeard)
	return heard?.channel ?? 'other'
}

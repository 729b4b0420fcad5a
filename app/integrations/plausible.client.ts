// Plausible in the browser: pageviews and goals, sent only when the server says analytics are
// configured. Events go to our own /api/event, which forwards them to the configured Plausible
// host (docs/decisions/005-analytics.md), so the visitor's browser talks to nobody but us and the
// CSP stays 'self'. Used by React on hydrated pages and by the public site's script (ADR 026).
import Plausible from 'plausible-tracker'

let tracker: ReturnType<typeof Plausible> | undefined

function getTracker(domain: string) {
	tracker ??= Plausible({ domain, apiHost: window.location.origin, trackLocalhost: true })
	return tracker
}

export function trackPageview(domain: string) {
	getTracker(domain).trackPageview()
}

export function trackEvent(domain: string, name: string, props: Record<string, string>) {
	getTracker(domain).trackEvent(name, { props })
}

// The public site's only script. Its pages are plain HTML that React does not hydrate (ADR 026), so
// what React did there is done here: the body classes govuk-frontend's styles look for, the form
// components' behaviour where a page has a form, and the Plausible pageview and any goal the page
// marks (only when the server says analytics are on). Bundled by app/cli/build-assets.ts into
// public/assets/public.js and served from our origin, so the CSP's 'self' allows it.
import { trackEvent, trackPageview } from '~/integrations/plausible.client.ts'
import { startFormBehaviour } from '~/utils/form-behaviour.ts'
import { readPageGoals } from '~/utils/page-goals.ts'

// Read while this script runs: the element carries what the server configured it with.
const script = document.currentScript as HTMLScriptElement | null

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
startFormBehaviour(document)

const domain = script?.dataset.plausibleDomain
if (domain) {
	trackPageview(domain)
	for (const goal of readPageGoals(document)) trackEvent(domain, goal.name, goal.props)
}

import { getServiceConfig } from '~/models/service-settings.server.ts'

// The service's brand colour, as a stylesheet of its own so the CSP needs no inline styles.
// The colour was checked for contrast with white text when it was saved.
export async function loader() {
	const { brandColour } = await getServiceConfig()
	const css = `.app-header, .app-header .govuk-header__container { background-color: ${brandColour}; }
.govuk-footer, .app-related { border-top-color: ${brandColour}; }
`
	return new Response(css, {
		headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
	})
}

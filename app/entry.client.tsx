import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'

startTransition(() => {
	hydrateRoot(
		document,
		<StrictMode>
			<RemixBrowser />
		</StrictMode>
	)
	// govuk-frontend styles some components differently once scripts are known to run.
	document.body.classList.add('js-enabled', 'govuk-frontend-supported')
})

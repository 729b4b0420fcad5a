// Renders each document request to HTML, streamed to browsers and whole to crawlers, with the
// response's CSP nonce on every script React writes.
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { keepRenderedPage } from '~/services/public-page-cache.server.ts'
import { pageHydrates } from '~/utils/hydration.ts'
import { renderHtmlStream } from '~/utils/html-stream.server.ts'
import { NonceProvider } from '~/utils/nonce.ts'

export { startBackgroundJobs } from '~/integrations/background-jobs.server.ts'
// For app/server.ts to print the demo sign-ins at start-up.
export { demoLoginsSummary } from '~/models/staff.server.ts'
// For app/server.ts to answer repeat visits to the public pages (ADR 026): the same module, and so
// the same cache, as the one this renderer fills and a settings change empties.
export { answerFromPageCache } from '~/services/public-page-cache.server.ts'
// For app/server.ts to run each request in a scope its loaders share (one staff session read).
export { inRequestScope } from '~/utils/request-scope.server.ts'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default async function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext
) {
	const nonce = loadContext.cspNonce
	const context = withoutHandoffIfStatic(remixContext)
	// A page to keep in the cache of public pages is rendered whole before anything is sent.
	const keep = loadContext.publicPage && responseStatusCode === 200 ? loadContext.publicPage : undefined
	const body = await renderHtmlStream(
		<NonceProvider value={nonce}>
			<RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
		</NonceProvider>,
		{
			nonce,
			// Crawlers and no-JS readers get the whole page at once; browsers get it streamed.
			waitForAll: keep !== undefined || isbot(request.headers.get('user-agent') ?? '') || context.isSpaMode,
			abortAfterMs: ABORT_DELAY + 1000,
			onError(error, shellRendered) {
				responseStatusCode = 500
				// A shell error rejects, and Remix logs it as it renders the error boundary.
				if (shellRendered) console.error(error)
			},
		}
	)
	responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
	if (!keep) return new Response(body, { headers: responseHeaders, status: responseStatusCode })
	const html = Buffer.from(await new Response(body).arrayBuffer())
	keepRenderedPage(keep, responseStatusCode, responseHeaders, html, nonce)
	return new Response(html, { headers: responseHeaders, status: responseStatusCode })
}

/**
 * A page that does not hydrate (the public site, ADR 026) is sent without the loader data React
 * would hydrate from: Remix streams it in inline scripts after the page, which the page has no
 * use for (and the root leaves out the scripts that would read them).
 */
function withoutHandoffIfStatic(context: EntryContext): EntryContext {
	const { matches } = context.staticHandlerContext
	if (pageHydrates(matches.map((match) => context.routeModules[match.route.id]?.handle))) return context
	void context.serverHandoffStream?.cancel()
	return { ...context, serverHandoffStream: undefined }
}

// Remix's own Node entry (what `remix reveal` writes), with the response's CSP nonce passed to
// React and to the root: streamed to browsers, whole to crawlers.
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from './nonce.ts'

const ABORT_DELAY = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext
) {
	const nonce = loadContext.cspNonce
	const whole = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false
		const ready = () => {
			shellRendered = true
			const body = new PassThrough()
			responseHeaders.set('Content-Type', 'text/html')
			resolve(
				new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode })
			)
			pipe(body)
		}
		const { pipe, abort } = renderToPipeableStream(
			<NonceContext.Provider value={nonce}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
			</NonceContext.Provider>,
			{
				nonce,
				...(whole ? { onAllReady: ready } : { onShellReady: ready }),
				onShellError: reject,
				onError(error) {
					responseStatusCode = 500
					if (shellRendered) console.error(error)
				},
			}
		)
		setTimeout(abort, ABORT_DELAY)
	})
}

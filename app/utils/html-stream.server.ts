// Renders a React element to a stream of UTF-8 HTML bytes for a document response: streamed as
// each part is ready, or whole once everything is (for crawlers), and stopped after a time limit.
import type { ReactNode } from 'react'
// The web-streams build of react-dom's renderer, not the Node one (renderToPipeableStream): the
// Node build of React 18.3 sends a whole 2 KB buffer, unused zero bytes and all, when a
// multi-byte character does not fit at the end of it, so NUL bytes appeared in pages before a
// "£" or "–". The web build encodes each piece of text whole. See ADR 020.
import { renderToReadableStream } from 'react-dom/server.browser'

export type HtmlStreamOptions = {
	/** The CSP nonce for the scripts React writes itself. */
	nonce?: string
	/** Wait until everything has rendered before the first byte (crawlers, SPA mode). */
	waitForAll: boolean
	/** Stop rendering what is still pending after this long. */
	abortAfterMs: number
	/** Called for each rendering error; `shellRendered` is false for errors that reject the render. */
	onError: (error: unknown, shellRendered: boolean) => void
}

/** HTML bytes of `element`; rejects when the shell cannot render (Remix shows the error boundary). */
export async function renderHtmlStream(element: ReactNode, options: HtmlStreamOptions) {
	const controller = new AbortController()
	const timeout = setTimeout(() => controller.abort(), options.abortAfterMs)
	let shellRendered = false
	try {
		const body = await renderToReadableStream(element, {
			nonce: options.nonce,
			signal: controller.signal,
			onError: (error: unknown) => options.onError(error, shellRendered),
		})
		shellRendered = true
		const finished = () => clearTimeout(timeout)
		body.allReady.then(finished, finished)
		if (options.waitForAll) await body.allReady
		return body.pipeThrough(coalesceChunks())
	} catch (error) {
		clearTimeout(timeout)
		throw error
	}
}

/**
 * Joins the small (512-byte) pieces React writes at once into one chunk. The Express adapter
 * flushes the compressor after every chunk, and flushing every 512 bytes made gzipped pages
 * about half as big again.
 */
function coalesceChunks() {
	let pending: Uint8Array[] = []
	let closed = false
	const drain = (controller: TransformStreamDefaultController<Uint8Array>) => {
		// Nothing to send, or the stream has ended or failed (the browser went away).
		if (closed || pending.length === 0 || controller.desiredSize === null) return
		controller.enqueue(pending.length === 1 ? pending[0]! : Buffer.concat(pending))
		pending = []
	}
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			// React enqueues everything that is ready in one go; the pieces reach us a microtask apart,
			// so by the next turn of the event loop the whole batch is here.
			if (pending.length === 0) setImmediate(() => drain(controller))
			pending.push(chunk)
		},
		flush(controller) {
			drain(controller)
			closed = true
		},
	})
}

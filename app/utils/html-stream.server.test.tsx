// The document renderer's bytes: whole multi-byte characters at every chunk boundary (no NUL
// padding), the shell sent before slow parts, and everything at once for crawlers.
import { Suspense } from 'react'
import { describe, expect, test } from 'vitest'
import { renderHtmlStream, type HtmlStreamOptions } from './html-stream.server.ts'

const options: HtmlStreamOptions = { waitForAll: false, abortAfterMs: 5_000, onError: () => {} }

async function readAll(stream: ReadableStream<Uint8Array>) {
	return Buffer.from(await new Response(stream).arrayBuffer())
}

/** A component that suspends until `release` is called. */
function gate() {
	let done = false
	let release!: () => void
	const ready = new Promise<void>((resolve) => {
		release = () => {
			done = true
			resolve()
		}
	})
	function Slow() {
		if (!done) throw ready
		return <p>Slow part: £250</p>
	}
	return { Slow, release }
}

describe('renderHtmlStream', () => {
	test('a multi-byte character is never split by padding at a chunk boundary', async () => {
		// React's Node renderer filled 2048-byte buffers and, when "£" did not fit at the end of one,
		// sent the whole buffer with its unused zero bytes. Walk "£250" across every offset near the
		// boundaries of both renderers' buffers (512 and 2048 bytes).
		for (let padding = 0; padding < 700; padding++) {
			const page = (
				<div>
					<p>{'a'.repeat(500)}</p>
					<p>{'b'.repeat(500)}</p>
					<p>{'c'.repeat(500)}</p>
					<p>{'d'.repeat(padding)}</p>
					<p>£250 – approved</p>
				</div>
			)
			const bytes = await readAll(await renderHtmlStream(page, options))
			expect(bytes.indexOf(0), `NUL byte with ${padding} bytes of padding`).toBe(-1)
			expect(bytes.toString('utf8')).toContain('<p>£250 – approved</p>')
		}
	})

	test('the shell is sent before a slow part of the page, which follows when ready', async () => {
		const { Slow, release } = gate()
		const page = (
			<main>
				<h1>Bonuses</h1>
				<Suspense fallback={<p>Loading</p>}>
					<Slow />
				</Suspense>
			</main>
		)
		const reader = (await renderHtmlStream(page, options)).getReader()
		const first = Buffer.from((await reader.read()).value!).toString('utf8')
		expect(first).toContain('<h1>Bonuses</h1>')
		expect(first).not.toContain('Slow part')
		release()
		let rest = ''
		for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
			rest += Buffer.from(chunk.value).toString('utf8')
		}
		expect(rest).toContain('Slow part: £250')
	})

	test('crawlers get nothing until the whole page has rendered', async () => {
		const { Slow, release } = gate()
		const page = (
			<Suspense fallback={<p>Loading</p>}>
				<Slow />
			</Suspense>
		)
		const rendering = renderHtmlStream(page, { ...options, waitForAll: true })
		let settled = false
		void rendering.then(() => (settled = true))
		await new Promise((resolve) => setTimeout(resolve, 20))
		expect(settled).toBe(false)
		release()
		const html = (await readAll(await rendering)).toString('utf8')
		expect(html).toContain('Slow part: £250')
		expect(html).not.toContain('Loading')
	})

	test('a part still pending at the time limit is given up, with an error reported', async () => {
		const { Slow } = gate()
		const errors: { shellRendered: boolean }[] = []
		const page = (
			<Suspense fallback={<p>Loading</p>}>
				<Slow />
			</Suspense>
		)
		const stream = await renderHtmlStream(page, {
			...options,
			abortAfterMs: 20,
			onError: (_error, shellRendered) => errors.push({ shellRendered }),
		})
		const html = (await readAll(stream)).toString('utf8')
		expect(html).toContain('Loading')
		expect(html).not.toContain('Slow part')
		expect(errors).toEqual([{ shellRendered: true }])
	})
})

// A stand-in for Plausible's Events API, so analytics can be tested offline: a real HTTP server
// on 127.0.0.1 that accepts POST /api/event, records what arrived and answers 202 like Plausible.
// GET /received returns what it has recorded, for tests in another process (the e2e tests).
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedEvent = {
	/** The parsed JSON body (undefined if it was not JSON). */
	body: unknown
	rawBody: string
	/** Header names in lower case. */
	headers: Record<string, string>
	receivedAt: string
}

export type FakePlausible = {
	url: string
	port: number
	received: () => ReceivedEvent[]
	clear: () => void
	/** 'hang' holds requests open without answering, like an unreachable upstream. */
	setMode: (mode: 'accept' | 'hang') => void
	close: () => Promise<void>
}

// Enough for any one test; the oldest are dropped so a long e2e run cannot grow without bound.
const MAX_RECORDED = 2000

export async function startFakePlausible(port = 0): Promise<FakePlausible> {
	let events: ReceivedEvent[] = []
	let mode: 'accept' | 'hang' = 'accept'
	const hanging = new Set<http.ServerResponse>()

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			const path = new URL(req.url ?? '/', 'http://fake').pathname
			if (req.method === 'POST' && path === '/api/event') {
				if (mode === 'hang') {
					hanging.add(res)
					res.on('close', () => hanging.delete(res))
					return
				}
				const rawBody = Buffer.concat(chunks).toString('utf8')
				const headers = flatHeaders(req.headers)
				events.push({ body: parseJson(rawBody), rawBody, headers, receivedAt: new Date().toISOString() })
				if (events.length > MAX_RECORDED) events = events.slice(-MAX_RECORDED)
				res.writeHead(202, { 'Content-Type': 'text/plain' }).end('ok')
			} else if (req.method === 'GET' && path === '/received') {
				res
					.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
					.end(JSON.stringify(events))
			} else {
				res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
			}
		})
	})

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', () => resolve())
	})
	const actualPort = (server.address() as AddressInfo).port

	return {
		url: `http://127.0.0.1:${actualPort}`,
		port: actualPort,
		received: () => [...events],
		clear: () => {
			events = []
		},
		setMode: (next) => {
			mode = next
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const res of hanging) res.destroy()
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return undefined
	}
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {}
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
	}
	return flat
}

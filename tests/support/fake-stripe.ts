// A stand-in for the parts of Stripe's API the service uses, so payments can be tested offline
// with the real `stripe` SDK pointed at it (STRIPE_API_URL): a real HTTP server on 127.0.0.1.
//   POST /v1/accounts, GET /v1/accounts/:id, POST /v1/account_links,
//   POST /v1/transfers (Idempotency-Key replayed like Stripe), GET /v1/transfers?transfer_group=
//   GET /onboarding/:account?return_url=  (what the account link opens: finishes onboarding and
//   sends the browser back, like a carer completing Stripe's forms)
// Switches: 'down' answers 500 to everything; 'insufficient funds' refuses transfers as Stripe
// does; a delay holds answers back (after doing the work) to make the client time out.
// GET /_fake/state shows what it holds, and POST /_fake/mode changes the switches, for tests in
// another process (the e2e tests).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_fake_stripe'
export const FAKE_STRIPE_WEBHOOK_SECRET = 'whsec_fake_stripe'

export type FakeAccount = {
	id: string
	object: 'account'
	type: 'express'
	email: string | null
	details_submitted: boolean
	charges_enabled: boolean
	payouts_enabled: boolean
	capabilities: { transfers: 'active' | 'inactive' | 'pending' }
	metadata: Record<string, string>
}

export type FakeTransfer = {
	id: string
	object: 'transfer'
	amount: number
	currency: string
	destination: string
	transfer_group: string | null
	description: string | null
	metadata: Record<string, string>
	reversed: boolean
	amount_reversed: number
	created: number
}

export type RecordedRequest = {
	method: string
	path: string
	idempotencyKey: string | null
	params: Record<string, string>
}

export type FakeStripeMode = {
	/** Answer every API request with a 500. */
	down: boolean
	/** Refuse transfers for want of funds (a 400, as Stripe does). */
	insufficientFunds: boolean
	/** Hold each API answer back this long after doing the work. */
	delayMs: number
}

export type FakeStripe = {
	url: string
	port: number
	accounts: Map<string, FakeAccount>
	transfers: FakeTransfer[]
	requests: RecordedRequest[]
	setMode(mode: Partial<FakeStripeMode>): void
	/** What a carer finishing (or not) Stripe's onboarding does to their account. */
	setAccountReady(accountId: string, ready?: boolean): FakeAccount
	close(): Promise<void>
}

type Stored = { status: number; body: unknown; params: string }

export async function startFakeStripe(port = 0): Promise<FakeStripe> {
	const accounts = new Map<string, FakeAccount>()
	const transfers: FakeTransfer[] = []
	const requests: RecordedRequest[] = []
	const idempotent = new Map<string, Stored>()
	const mode: FakeStripeMode = { down: false, insufficientFunds: false, delayMs: 0 }
	let ids = 0
	const nextId = (prefix: string) => `${prefix}_fake${String(++ids).padStart(6, '0')}`

	function setAccountReady(accountId: string, ready = true) {
		const account = accounts.get(accountId)
		if (!account) throw new Error(`No fake account ${accountId}`)
		Object.assign(account, {
			details_submitted: ready,
			charges_enabled: ready,
			payouts_enabled: ready,
			capabilities: { transfers: ready ? 'active' : 'inactive' },
		})
		return account
	}

	function apiAnswer(
		method: string,
		path: string,
		params: Record<string, string>,
		query: URLSearchParams
	): [number, unknown] {
		if (mode.down) return [500, stripeError('api_error', 'An unknown error occurred', 'fake_down')]

		if (method === 'POST' && path === '/v1/accounts') {
			const account: FakeAccount = {
				id: nextId('acct'),
				object: 'account',
				type: 'express',
				email: params.email ?? null,
				details_submitted: false,
				charges_enabled: false,
				payouts_enabled: false,
				capabilities: { transfers: 'inactive' },
				metadata: metadataOf(params),
			}
			accounts.set(account.id, account)
			return [200, account]
		}
		const accountMatch = /^\/v1\/accounts\/([^/]+)$/.exec(path)
		if (method === 'GET' && accountMatch) {
			const account = accounts.get(accountMatch[1]!)
			return account
				? [200, account]
				: [404, stripeError('invalid_request_error', 'No such account', 'resource_missing')]
		}
		if (method === 'POST' && path === '/v1/account_links') {
			const account = accounts.get(params.account ?? '')
			if (!account) return [400, stripeError('invalid_request_error', 'No such account', 'resource_missing')]
			const created = Math.floor(Date.now() / 1000)
			const onboarding = new URL(`${baseUrl}/onboarding/${account.id}`)
			onboarding.searchParams.set('return_url', params.return_url ?? '')
			return [200, { object: 'account_link', created, expires_at: created + 300, url: onboarding.toString() }]
		}
		if (method === 'POST' && path === '/v1/transfers') {
			const destination = accounts.get(params.destination ?? '')
			if (!destination || destination.capabilities.transfers !== 'active') {
				return [
					400,
					stripeError('invalid_request_error', 'The destination account cannot receive transfers', 'account_invalid'),
				]
			}
			if (mode.insufficientFunds) {
				return [
					400,
					stripeError(
						'invalid_request_error',
						'You have insufficient available funds in your Stripe account.',
						'balance_insufficient'
					),
				]
			}
			const transfer: FakeTransfer = {
				id: nextId('tr'),
				object: 'transfer',
				amount: Number(params.amount),
				currency: params.currency ?? 'gbp',
				destination: destination.id,
				transfer_group: params.transfer_group ?? null,
				description: params.description ?? null,
				metadata: metadataOf(params),
				reversed: false,
				amount_reversed: 0,
				created: Math.floor(Date.now() / 1000),
			}
			transfers.push(transfer)
			return [200, transfer]
		}
		if (method === 'GET' && path === '/v1/transfers') {
			const group = query.get('transfer_group')
			const data = transfers.filter((transfer) => group === null || transfer.transfer_group === group).reverse()
			return [200, { object: 'list', url: '/v1/transfers', has_more: false, data }]
		}
		return [404, stripeError('invalid_request_error', `Unrecognized request URL (${method}: ${path})`, 'fake_unknown')]
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://fake')
			const method = req.method ?? 'GET'
			const rawBody = Buffer.concat(chunks).toString('utf8')

			if (method === 'GET' && url.pathname === '/_fake/state') {
				return json(res, 200, { accounts: [...accounts.values()], transfers, requests, mode })
			}
			if (method === 'POST' && url.pathname === '/_fake/mode') {
				Object.assign(mode, JSON.parse(rawBody || '{}') as Partial<FakeStripeMode>)
				return json(res, 200, mode)
			}
			const onboarding = /^\/onboarding\/([^/]+)$/.exec(url.pathname)
			if (method === 'GET' && onboarding) {
				if (!accounts.has(onboarding[1]!)) return json(res, 404, { error: 'No such account' })
				setAccountReady(onboarding[1]!)
				res.writeHead(302, { Location: url.searchParams.get('return_url') ?? '/' }).end()
				return
			}

			const params = Object.fromEntries(new URLSearchParams(rawBody))
			const key = header(req, 'idempotency-key')
			requests.push({ method, path: url.pathname, idempotencyKey: key, params })
			if (header(req, 'authorization') !== `Bearer ${FAKE_STRIPE_SECRET_KEY}`) {
				return json(res, 401, stripeError('invalid_request_error', 'Invalid API Key provided', 'api_key_invalid'))
			}

			let status: number
			let body: unknown
			let replayed = false
			const stored = key && method === 'POST' ? idempotent.get(key) : undefined
			if (stored && !mode.down) {
				// Stripe replays the first answer for a key, and refuses the key with other parameters.
				if (stored.params !== rawBody) {
					status = 400
					body = stripeError(
						'idempotency_error',
						'Keys for idempotent requests can only be used with the same parameters'
					)
				} else {
					status = stored.status
					body = stored.body
					replayed = true
				}
			} else {
				;[status, body] = apiAnswer(method, url.pathname, params, url.searchParams)
				// Stripe does not keep answers of 5xx for a key, so a retry is handled afresh.
				if (key && method === 'POST' && status < 500) idempotent.set(key, { status, body, params: rawBody })
			}
			const send = () => json(res, status, body, replayed ? { 'Idempotent-Replayed': 'true' } : {})
			if (mode.delayMs > 0) setTimeout(send, mode.delayMs)
			else send()
		})
	})

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, '127.0.0.1', () => resolve())
	})
	const actualPort = (server.address() as AddressInfo).port
	const baseUrl = `http://127.0.0.1:${actualPort}`

	return {
		url: baseUrl,
		port: actualPort,
		accounts,
		transfers,
		requests,
		setMode(next) {
			Object.assign(mode, next)
		},
		setAccountReady,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections()
				server.close(() => resolve())
			}),
	}
}

export type SignOptions = {
	/** The endpoint secret to sign with (a wrong one makes a forged request). */
	secret?: string
	/** The signature's time (`t`), in Unix seconds: now unless given, to test Stripe's tolerance. */
	timestamp?: number
}

/**
 * Sends `event` to the app's webhook route as Stripe would: the JSON body signed with the
 * endpoint's secret in a Stripe-Signature header (the SDK's own test signer). The event's
 * `created` (Unix seconds) is now unless given.
 */
export function signedWebhook(
	url: string,
	event: { id: string; type: string; data: { object: unknown }; account?: string; created?: number },
	options: SignOptions = {}
): Request {
	const payload = JSON.stringify({
		object: 'event',
		api_version: '2026-10-28.endive',
		created: Math.floor(Date.now() / 1000),
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		...event,
	})
	return signedBody(url, payload, options)
}

/** Any body, signed as Stripe signs one: for events that are correctly signed but not what Stripe sends. */
export function signedBody(url: string, payload: string, options: SignOptions = {}): Request {
	const signature = Stripe.webhooks.generateTestHeaderString({
		payload,
		secret: options.secret ?? FAKE_STRIPE_WEBHOOK_SECRET,
		...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
	})
	return new Request(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
		body: payload,
	})
}

function stripeError(type: string, message: string, code?: string) {
	return { error: { type, message, ...(code ? { code } : {}) } }
}

function metadataOf(params: Record<string, string>) {
	const metadata: Record<string, string> = {}
	for (const [name, value] of Object.entries(params)) {
		const match = /^metadata\[(.+)\]$/.exec(name)
		if (match) metadata[match[1]!] = value
	}
	return metadata
}

function header(req: http.IncomingMessage, name: string): string | null {
	const value = req.headers[name]
	return Array.isArray(value) ? (value[0] ?? null) : (value ?? null)
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
	res
		.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_fake${Date.now()}`, ...headers })
		.end(JSON.stringify(body))
}

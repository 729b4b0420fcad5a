import type { ActionFunctionArgs } from '@remix-run/node'
import { stripeGateway, WebhookRefused } from '~/integrations/stripe.server.ts'
import { handleStripeEvent, readStripeEvent } from '~/models/stripe-events.server.ts'
import { readForm } from '~/utils/read-form.server.ts'

// Stripe's webhook endpoint (ADR 011). No session or CSRF token: Stripe proves who it is by
// signing the raw body, so the body is read as text and checked before anything is parsed.
// Event types the service does not use are answered 2xx, or Stripe would keep resending them.
// A refusal is 400 in plain text: a bad, missing or badly dated signature, or a signed event that
// is not what Stripe sends (never a 500, which Stripe would retry for days).

// Stripe's events are a few kilobytes; anything much bigger is not from Stripe.
const MAX_BODY_BYTES = 512 * 1024

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return text('Method not allowed', 405)
	const gateway = stripeGateway()
	if (!gateway) return text('Stripe is not configured', 404)

	const rawBody = await readForm(request, {
		kind: 'raw',
		maxBytes: MAX_BODY_BYTES,
		contentTypes: ['application/json'],
		fromOurPages: false,
	})
	let json: unknown
	try {
		json = gateway.verifyWebhook(rawBody, request.headers.get('Stripe-Signature'))
	} catch (error) {
		return text(
			error instanceof WebhookRefused && error.reason === 'malformed' ? 'Not a JSON event' : 'Bad signature',
			400
		)
	}
	const read = readStripeEvent(json)
	if (!read.ok) return text(read.error, 400)
	return text(await handleStripeEvent(read.event), 200)
}

export function loader() {
	return text('Method not allowed', 405)
}

function text(body: string, status: number) {
	return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

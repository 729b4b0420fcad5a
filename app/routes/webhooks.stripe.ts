import type { ActionFunctionArgs } from '@remix-run/node'
import { stripeGateway } from '~/integrations/stripe.server.ts'
import { handleStripeEvent } from '~/models/stripe-events.server.ts'
import { readForm } from '~/utils/read-form.server.ts'

// Stripe's webhook endpoint (ADR 011). No session or CSRF token: Stripe proves who it is by
// signing the raw body, so the body is read as text and checked before anything is parsed.
// Event types the service does not use are answered 2xx, or Stripe would keep resending them.

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
	let event
	try {
		event = gateway.verifyWebhook(rawBody, request.headers.get('Stripe-Signature'))
	} catch {
		return text('Bad signature', 400)
	}
	const outcome = await handleStripeEvent(event)
	return text(outcome, 200)
}

export function loader() {
	return text('Method not allowed', 405)
}

function text(body: string, status: number) {
	return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

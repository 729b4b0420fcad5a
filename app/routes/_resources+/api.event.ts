import type { ActionFunctionArgs } from '@remix-run/node'
import { MAX_EVENT_BYTES, relayEvent } from '~/integrations/plausible.server.ts'
import { plausibleConfig } from '~/utils/env.server.ts'
import { readForm } from '~/utils/read-form.server.ts'

// The browser's analytics events come here (our own origin, so the CSP stays connect-src 'self')
// and are forwarded to Plausible: docs/decisions/005-analytics.md.
export async function action({ request, context }: ActionFunctionArgs) {
	const config = plausibleConfig()
	if (!config) return reply(404, 'Analytics are not enabled')
	// plausible-tracker posts its JSON as text/plain, which a browser may send without asking first.
	const text = await readForm(request, {
		kind: 'raw',
		maxBytes: MAX_EVENT_BYTES,
		contentTypes: ['text/plain', 'application/json'],
		fromOurPages: true,
	})
	const outcome = await relayEvent({ text, headers: request.headers, clientIp: context.clientIp }, config)
	return reply(outcome.status, outcome.message)
}

export function loader() {
	return reply(405, 'Method Not Allowed')
}

function reply(status: number, message: string) {
	return new Response(message, {
		status,
		headers: {
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store',
			...(status === 405 ? { Allow: 'POST' } : {}),
		},
	})
}

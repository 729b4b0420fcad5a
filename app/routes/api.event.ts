import type { ActionFunctionArgs } from '@remix-run/node'
import { relayEvent } from '~/integrations/plausible.server.ts'
import { plausibleConfig } from '~/utils/env.server.ts'

// The browser's analytics events come here (our own origin, so the CSP stays connect-src 'self')
// and are forwarded to Plausible: docs/decisions/005-analytics.md.
export async function action({ request, context }: ActionFunctionArgs) {
	const outcome = await relayEvent(request, context.clientIp, plausibleConfig())
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

import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endPortalSession, getPortalSession } from '~/services/portal-auth.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// Signing out of refer-a-friend: a POST with the session's CSRF token (so another site cannot sign
// a carer out); a GET just goes back to /refer.

export function loader() {
	return redirect('/refer')
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await getPortalSession(request, 'carer')
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short, session: session ?? undefined })
	throw redirect('/refer?signedOut', {
		status: 303,
		headers: { 'Set-Cookie': await endPortalSession('carer', session) },
	})
}

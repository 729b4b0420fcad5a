import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endPortalSession, getPortalSession, verifyPortalCsrf } from '~/utils/portal-auth.server.ts'

// Signing out of refer-a-friend: a POST with the session's CSRF token (so another site cannot sign
// a carer out); a GET just goes back to /refer.

export function loader() {
	return redirect('/refer')
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await getPortalSession(request, 'carer')
	if (session) verifyPortalCsrf(request, await request.formData(), session)
	throw redirect('/refer?signedOut', {
		status: 303,
		headers: { 'Set-Cookie': await endPortalSession('carer', session) },
	})
}

import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endStaffSession, getStaffSession } from '~/services/auth.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// Signing out is a POST with the session's CSRF token, so another site cannot sign staff out.
export async function loader() {
	throw redirect('/staff')
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await getStaffSession(request)
	// Signed out already: still only from our own pages, and then only back to the sign-in page.
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short, session: session ?? undefined })
	throw redirect('/staff/login?signedOut', { status: 303, headers: { 'Set-Cookie': await endStaffSession(session) } })
}

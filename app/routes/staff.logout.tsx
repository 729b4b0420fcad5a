import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { endStaffSession, getStaffSession, verifyCsrf } from '~/utils/auth.server.ts'

// Signing out is a POST with the session's CSRF token, so another site cannot sign staff out.
export async function loader() {
	throw redirect('/staff')
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await getStaffSession(request)
	if (session) verifyCsrf(request, await request.formData(), session)
	throw redirect('/staff/login?signedOut', { status: 303, headers: { 'Set-Cookie': await endStaffSession(session) } })
}

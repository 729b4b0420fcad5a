import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Outlet, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { STAFF_ROLE_LABELS, staffNavigation } from '~/domain/staff.ts'
import { getStaffSession } from '~/services/auth.server.ts'

// The staff area's layout: the menu for the signed-in role (shown in the header by app/root.tsx)
// and who is signed in, with a way to sign out, above every staff page. Each staff page still
// checks the role itself (requireStaff): this layout only decides what to show.
export async function loader({ request }: LoaderFunctionArgs) {
	const session = await getStaffSession(request)
	if (!session) return { navigation: [], user: null, csrfToken: null }
	const { user } = session
	return {
		navigation: staffNavigation(user.role),
		user: { name: user.name, role: STAFF_ROLE_LABELS[user.role] },
		csrfToken: session.csrfToken,
	}
}

export default function StaffLayout() {
	const { user, csrfToken } = useLoaderData<typeof loader>()
	return (
		<>
			{user && csrfToken ? (
				<div className="app-staff-bar">
					<p className="govuk-body-s app-staff-bar__user">
						Signed in as <strong>{user.name}</strong> ({user.role})
					</p>
					<Form method="post" action="/staff/logout" className="app-staff-bar__sign-out">
						<CsrfField token={csrfToken} />
						<button
							type="submit"
							className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
							data-module="govuk-button"
						>
							Sign out
						</button>
					</Form>
				</div>
			) : null}
			<Outlet />
		</>
	)
}

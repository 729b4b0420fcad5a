import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { STAFF_ROLE_LABELS } from '~/domain/staff.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The staff home. For now it says who is signed in; the pipeline (issue 3) will start here.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Staff home')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, csrfToken } = await requireStaff(request)
	return { name: user.name, email: user.email, role: STAFF_ROLE_LABELS[user.role], csrfToken }
}

export default function StaffHome() {
	const page = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-l">Staff home</h1>
				<dl className="govuk-summary-list">
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Signed in as</dt>
						<dd className="govuk-summary-list__value">{page.name}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Email address</dt>
						<dd className="govuk-summary-list__value">{page.email}</dd>
					</div>
					<div className="govuk-summary-list__row">
						<dt className="govuk-summary-list__key">Role</dt>
						<dd className="govuk-summary-list__value">{page.role}</dd>
					</div>
				</dl>
				<Form method="post" action="/staff/logout">
					<CsrfField token={page.csrfToken} />
					<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
						Sign out
					</button>
				</Form>
			</div>
		</div>
	)
}

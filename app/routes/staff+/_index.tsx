import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { STAFF_ROLE_LABELS, staffNavigation } from '~/domain/staff.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The staff home: who is signed in and the places their role can go.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Staff home')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request)
	return { name: user.name, email: user.email, role: STAFF_ROLE_LABELS[user.role], places: staffNavigation(user.role) }
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
				{page.places.length > 0 ? (
					<>
						<h2 className="govuk-heading-m">What you can do</h2>
						<ul className="govuk-list">
							{page.places.map((place) => (
								<li key={place.to}>
									<Link to={place.to} className="govuk-link">
										{place.label}
									</Link>
								</li>
							))}
						</ul>
					</>
				) : (
					<p className="govuk-body">The funnel figures for your role will appear here.</p>
				)}
			</div>
		</div>
	)
}

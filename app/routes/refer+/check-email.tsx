import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageTitle } from '~/components/page-title.tsx'
import { lifetimePhrase } from '~/domain/sign-in-links.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { PORTAL_HEADERS, PORTAL_META } from '~/utils/seo.ts'

// Where asking for a sign-in link always ends: the same words whether or not we know the address.

export const meta: MetaFunction = () => PORTAL_META
export const headers = () => PORTAL_HEADERS

export async function loader(_: LoaderFunctionArgs) {
	const config = await getServiceConfig()
	return { serviceName: config.serviceName, publicEmail: config.publicEmail, lifetime: lifetimePhrase() }
}

export default function CheckEmail() {
	const page = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Check your email" serviceName={page.serviceName} />
				<h1 className="govuk-heading-l">Check your email</h1>
				<p className="govuk-body">
					If that address belongs to one of our foster carers, we have sent a link to sign in to refer a friend.
				</p>
				<p className="govuk-body">
					The link works once, for {page.lifetime}. It can take a few minutes to arrive; check your spam folder too.
				</p>
				<p className="govuk-body">
					If nothing arrives, you may have used a different address with us. Contact the fostering team at{' '}
					<a className="govuk-link" href={`mailto:${page.publicEmail}`}>
						{page.publicEmail}
					</a>
					.
				</p>
				<p className="govuk-body">
					<Link to="/refer" className="govuk-link">
						Ask for another link
					</Link>
				</p>
			</div>
		</div>
	)
}

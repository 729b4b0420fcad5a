import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ExpiredLinkPage } from '~/components/email-me-a-link-form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { findSignInLink } from '~/models/sign-in-links.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { now } from '~/utils/clock.server.ts'
import { signInWithLink } from '~/services/portal-auth.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { PORTAL_HEADERS, PORTAL_META } from '~/utils/seo.ts'

// The page an emailed sign-in link opens. Opening it changes nothing, because email scanners
// open links too; only pressing "Sign in" (a POST) uses the link and starts the session.

export const meta: MetaFunction = () => PORTAL_META
// The token is in this page's address: no other page, even our own, is told it.
export const headers = () => ({ ...PORTAL_HEADERS, 'Referrer-Policy': 'no-referrer' })

export async function loader({ params }: LoaderFunctionArgs) {
	const [config, link] = await Promise.all([getServiceConfig(), findSignInLink(params.token ?? '', 'carer', now())])
	return data(
		{ serviceName: config.serviceName, usable: link.state === 'usable' },
		{ status: link.state === 'usable' ? 200 : link.state === 'unknown' ? 404 : 410 }
	)
}

export async function action({ request, params }: ActionFunctionArgs) {
	// No session yet, so no CSRF token: the front door still refuses a form from another site.
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short })
	const cookie = await signInWithLink(params.token ?? '', 'carer')
	// Used or run out since the page was opened (another tab got there first).
	if (!cookie) return data({ invalid: true }, { status: 410 })
	throw redirect('/refer/home', { status: 303, headers: { 'Set-Cookie': cookie } })
}

export default function SignInWithLink() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	if (!page.usable || result?.invalid) {
		return (
			<ExpiredLinkPage
				serviceName={page.serviceName}
				explanation="A sign-in link works once, for a limited time. Ask for a new one and we will email it to you."
				askAgainHref="/refer"
			/>
		)
	}
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Sign in to refer a friend" serviceName={page.serviceName} />
				<h1 className="govuk-heading-l">Sign in to refer a friend</h1>
				<p className="govuk-body">Press the button to sign in. The link in your email then stops working.</p>
				<Form method="post">
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Sign in
					</button>
				</Form>
			</div>
		</div>
	)
}

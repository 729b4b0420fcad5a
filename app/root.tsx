import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
	isRouteErrorResponse,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useLocation,
	useMatches,
	useRouteError,
	useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { SiteFooter } from '~/components/site-footer.tsx'
import { SiteHeader } from '~/components/site-header.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { carryOverQuery } from '~/domain/attribution.ts'
import { trackPageview } from '~/integrations/plausible.client.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { plausibleConfig } from '~/utils/env.server.ts'
import { pageHydrates } from '~/utils/hydration.ts'
import { useNonce } from '~/utils/nonce.ts'
import { PUBLIC_SCRIPT } from '~/utils/public-scripts.ts'
import { useRootData, type RootData } from '~/utils/root-data.ts'
import type { loader as staffLoader } from '~/routes/staff+/_layout.tsx'
import { siteOrigin } from '~/utils/site-url.server.ts'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: '/assets/app.css' },
	{ rel: 'stylesheet', href: '/brand.css' },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs): Promise<RootData> {
	const config = await getServiceConfig()
	const plausible = plausibleConfig()
	return {
		site: {
			origin: siteOrigin(),
			serviceName: config.serviceName,
			organisationName: config.organisationName,
			phone: config.phone,
			phoneHours: config.phoneHours,
			publicEmail: config.publicEmail,
			privacyNoticeUrl: config.privacyNoticeUrl,
		},
		// Attribution travels in our own links, not in a cookie (docs/decisions/004).
		carry: carryOverQuery(new URL(request.url), request.headers.get('referer')),
		plausibleDomain: plausible?.domain ?? null,
	}
}

function usePageviews(domain: string | null) {
	const location = useLocation()
	useEffect(() => {
		// The staff area is not analysed (and a password link's token is in its address), nor is the
		// page a carer's emailed sign-in link opens (its token is in the address too).
		if (domain && !location.pathname.startsWith('/staff') && !location.pathname.startsWith('/refer/sign-in/'))
			trackPageview(domain)
	}, [domain, location.pathname, location.search])
}

/**
 * Whether the page carries React's scripts: not where a route says it needs none (the public site,
 * ADR 026). Once React runs in the browser it keeps them: a page React renders after a client-side
 * navigation (a carer following a link from the portal to the public site) is already in the app.
 */
function useReactScripts() {
	const hydrates = pageHydrates(useMatches().map((match) => match.handle))
	return hydrates || typeof document !== 'undefined'
}

/** The public site's own script instead of React's, configured by its data attributes (ADR 026). */
function PublicScript({ plausibleDomain }: { plausibleDomain: string | null }) {
	return <script src={PUBLIC_SCRIPT.href} defer data-plausible-domain={plausibleDomain ?? undefined} />
}

export function Layout({ children }: { children: ReactNode }) {
	const nonce = useNonce()
	const data = useRootData()
	const reactScripts = useReactScripts()
	usePageviews(data?.plausibleDomain ?? null)
	// In the staff area the header links to the staff home and shows the staff menu for the role.
	const staff = useRouteLoaderData<typeof staffLoader>('routes/staff+/_layout')
	const inStaffArea = useLocation().pathname.startsWith('/staff')
	// Staff pages use the full width of the screen (GOV.UK's full-width layout for internal
	// services, ADR 030); public and applicant pages keep GOV.UK's reading width.
	const container = inStaffArea ? 'govuk-width-container app-width-container--full' : 'govuk-width-container'
	return (
		<html lang="en" className="govuk-template">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
				<meta name="theme-color" content="#0b0c0c" />
				<Meta />
				<Links />
				{reactScripts ? null : <PublicScript plausibleDomain={data?.plausibleDomain ?? null} />}
			</head>
			<body className="govuk-template__body">
				<a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
					Skip to main content
				</a>
				{inStaffArea ? (
					<SiteHeader
						serviceName={`${data?.site.serviceName ?? 'Fostering'} staff`}
						homeHref="/staff"
						navigation={staff?.navigation ?? []}
						navigationLabel="Staff menu"
						containerClassName={container}
					/>
				) : (
					<SiteHeader serviceName={data?.site.serviceName ?? 'Fostering'} />
				)}
				<div className={container}>
					<main className="govuk-main-wrapper" id="main-content" role="main">
						{children}
					</main>
				</div>
				{data ? <SiteFooter site={data.site} containerClassName={container} /> : null}
				{reactScripts ? (
					<>
						<ScrollRestoration nonce={nonce} />
						<Scripts nonce={nonce} />
					</>
				) : null}
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

// What each refusal is called on its page; the thrown response's text says what to do about it.
const REFUSALS: Record<number, { title: string; advice: string }> = {
	400: { title: 'There is a problem with what was sent', advice: 'Go back to the page and send it again.' },
	403: { title: 'You cannot do this', advice: 'You do not have permission.' },
	405: { title: 'This page does not take forms', advice: 'Go back to the page you came from.' },
	413: { title: 'What you sent is too large', advice: 'Go back, shorten your answers and try again.' },
	415: { title: 'There is a problem with what was sent', advice: 'Go back to the page and send it again.' },
	429: { title: 'You have tried too many times', advice: 'Wait a few minutes, then try again.' },
}

export function ErrorBoundary() {
	const error = useRouteError()
	const inStaffArea = useLocation().pathname.startsWith('/staff')
	const refusal = isRouteErrorResponse(error) ? REFUSALS[error.status] : undefined
	if (isRouteErrorResponse(error) && refusal) {
		const message = typeof error.data === 'string' && error.data ? error.data : refusal.advice
		return (
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<title>{refusal.title}</title>
					<h1 className="govuk-heading-l">{refusal.title}</h1>
					<p className="govuk-body">{message}</p>
					<p className="govuk-body">
						{inStaffArea ? (
							<a href="/staff" className="govuk-link">
								Go to the staff home
							</a>
						) : (
							<SiteLink to="/" className="govuk-link">
								Go to the home page
							</SiteLink>
						)}
					</p>
				</div>
			</div>
		)
	}
	const notFound = isRouteErrorResponse(error) && error.status === 404
	if (!notFound) console.error(error)
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<title>{notFound ? 'Page not found' : 'Sorry, there is a problem with the service'}</title>
				{notFound ? (
					<>
						<h1 className="govuk-heading-l">Page not found</h1>
						<p className="govuk-body">If you typed the web address, check it is correct.</p>
						<p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
						<p className="govuk-body">
							<SiteLink to="/" className="govuk-link">
								Go to the home page
							</SiteLink>
						</p>
					</>
				) : (
					<>
						<h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
						<p className="govuk-body">Try again later.</p>
						<p className="govuk-body">
							If you were making an enquiry and did not see a confirmation, go back and send it again. If it did reach
							us, we will not record it twice.
						</p>
					</>
				)}
			</div>
		</div>
	)
}

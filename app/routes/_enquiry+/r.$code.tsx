import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { normaliseReferralCode } from '~/domain/attribution.ts'
import { MAX_REFERRAL_CODE_LENGTH, REFERRAL_COOKIE_DAYS, referralCookieHeader } from '~/domain/referral-cookie.ts'
import { fosterWith } from '~/domain/service-name.ts'
import { activeReferralCode } from '~/models/referral-portal.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'
import { siteOrigin } from '~/utils/site-url.server.ts'

// A carer's personal link, /r/CODE: the friend lands on a page that says who invited them (the
// carer's first name only), and the code is kept for 30 days in the referral cookie (ADR 032), so
// an enquiry made later, however the friend comes back, carries the referral. The page's own links
// carry the code too. An unknown or inactive code lands on the home page with no cookie and no
// error page that would confirm which codes exist.

export const meta: MetaFunction = ({ matches }) => [
	...pageMeta(siteFromMatches(matches), {
		title: 'You have been invited to find out about fostering',
		description: 'A foster carer thinks you could foster. Find out what it involves and make an enquiry.',
		path: '/',
	}),
	{ name: 'robots', content: 'noindex' },
]

// Never kept by any cache: one carer's name must not reach another carer's friend, and a code
// turned inactive must stop working at once. The cookie is set here and nowhere else.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export async function loader({ params }: LoaderFunctionArgs) {
	const code = normaliseReferralCode(params.code ?? '')
	const found = code.length > 0 && code.length <= MAX_REFERRAL_CODE_LENGTH ? await activeReferralCode(code) : null
	const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' }
	if (!found) throw redirect('/', { status: 302, headers: noStore })
	const config = await getServiceConfig()
	return data(
		{ code: found.code, invitedBy: found.invitedBy, fosterWith: fosterWith(config.serviceName) },
		{ headers: { ...noStore, 'Set-Cookie': referralCookieHeader(found.code, siteOrigin()) } }
	)
}

export default function ReferralLanding() {
	const page = useLoaderData<typeof loader>()
	const ref = `ref=${encodeURIComponent(page.code)}`
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-xl">
					{page.invitedBy ? `${page.invitedBy} invited you` : 'You have been invited to find out about fostering'}
				</h1>
				<p className="govuk-body-l">
					{page.invitedBy ?? 'Someone you know'} thinks you could {page.fosterWith}.
				</p>
				<p className="govuk-body">
					Foster carers look after children who cannot live with their own families, for a few nights, a few months or
					longer. You do not need to own your home or be married, and you get training, support and an allowance.
				</p>
				<p className="govuk-body">
					If you would like to talk about it, make an enquiry. There is no commitment: someone from our team will call
					you to answer your questions.
				</p>
				<StartButton to={`/enquire?${ref}`}>Make an enquiry</StartButton>
				<h2 className="govuk-heading-m">Find out more first</h2>
				<ul className="govuk-list">
					<li>
						<SiteLink to={`/what-fostering-involves?${ref}`} className="govuk-link">
							What fostering involves
						</SiteLink>
					</li>
					<li>
						<SiteLink to={`/can-i-foster?${ref}`} className="govuk-link">
							Can I foster?
						</SiteLink>
					</li>
				</ul>
				<p className="govuk-body">
					So that we know who invited you if you enquire later, we keep their referral code ({page.code}) in a cookie on
					this device for {REFERRAL_COOKIE_DAYS} days. It holds nothing else.{' '}
					<SiteLink to="/cookies" className="govuk-link">
						Read about cookies on this website
					</SiteLink>
					.
				</p>
			</div>
		</div>
	)
}

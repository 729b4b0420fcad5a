import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ScrollingTable } from '~/components/scrolling-table.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { REFERRAL_COOKIE, REFERRAL_COOKIE_DAYS } from '~/domain/referral-cookie.ts'
import { plausibleConfig } from '~/utils/env.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	return { analyticsOn: plausibleConfig() !== null }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Cookies and analytics',
		description:
			'This website sets no tracking cookies. The one cookie a foster carer’s link sets, how we count visits without identifying you, and what your browser keeps.',
		path: '/cookies',
	})

export default function Cookies() {
	const { analyticsOn } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-xl">Cookies and analytics</h1>
				<p className="govuk-body-l">
					We do not use cookies to track you, and we do not keep any identifier that could. The only cookie we set for
					visitors is the referral cookie below, which is strictly necessary. That is why you have not been asked to
					accept cookies.
				</p>
				<p className="govuk-body">
					Cookies are small files saved on your phone, tablet or computer when you visit a website. Many websites use
					them to recognise you on your next visit or to follow you across the web. We do not.
				</p>
				<p className="govuk-body">
					Staff who sign in to the staff area, and foster carers who sign in to refer a friend, get one session cookie,
					which is strictly necessary to keep them signed in and is deleted when they sign out or close their browser.
				</p>

				<ReferralCookie />

				<h2 className="govuk-heading-l">Analytics</h2>
				{analyticsOn ? (
					<>
						<p className="govuk-body">
							We use Plausible Analytics to count how many people visit each page and how many make an enquiry, so we
							can improve the website and know which of our campaigns work. Plausible:
						</p>
						<ul className="govuk-list govuk-list--bullet">
							<li>does not use cookies, and stores nothing on your device</li>
							<li>does not collect personal information, or anything that identifies you</li>
							<li>only gives us totals, such as the number of visits to a page in a day</li>
							<li>does not follow you to other websites</li>
						</ul>
						<p className="govuk-body">
							Your browser sends these counts to our own website, which passes them on to Plausible. Your browser does
							not contact anyone else.
						</p>
					</>
				) : (
					<p className="govuk-body">
						No analytics run on this website. We do not count or record your visits with any analytics tool.
					</p>
				)}

				<h2 className="govuk-heading-l">What your browser keeps</h2>
				<p className="govuk-body">
					To take you back to the same place on a page when you press Back, the website remembers how far down each page
					you had scrolled. This is kept in your browser’s session storage, not in a cookie. It never leaves your device
					and is cleared when you close the tab.
				</p>

				<h2 className="govuk-heading-l">Campaign and referral links</h2>
				<p className="govuk-body">
					If you arrive through a link from one of our campaigns, another website or a foster carer who referred you,
					the link can include details such as the name of the campaign or a referral code. We keep those details in the
					web addresses of our pages as you move around the website. They are not stored on your device, apart from a
					foster carer’s referral code in the referral cookie described above.
				</p>
				<p className="govuk-body">
					If you make an enquiry, they are recorded with it, so we know which campaigns bring people to us and can thank
					the foster carer who referred you. If you do not make an enquiry, we do not keep them. Read our{' '}
					<SiteLink to="/privacy" className="govuk-link">
						privacy notice
					</SiteLink>{' '}
					to find out how we use the information in an enquiry.
				</p>
			</div>
		</div>
	)
}

/** The one cookie visitors get: a carer's referral code, from their personal link (ADR 032). */
function ReferralCookie() {
	return (
		<>
			<h2 className="govuk-heading-l">The referral cookie</h2>
			<p className="govuk-body">
				If you open a foster carer’s personal link (an address ending in /r/ and their code), we set one cookie so that
				we know who invited you if you make an enquiry later, even if you come back another way. It puts their referral
				code in the enquiry form for you; you can remove it there.
			</p>
			<ScrollingTable caption="Cookie we set for visitors">
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							Name
						</th>
						<th scope="col" className="govuk-table__header">
							What it holds
						</th>
						<th scope="col" className="govuk-table__header">
							Expires
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					<tr className="govuk-table__row">
						<td className="govuk-table__cell">{REFERRAL_COOKIE}</td>
						<td className="govuk-table__cell">
							The referral code of the foster carer who invited you, and nothing else. Only our website can read it.
						</td>
						<td className="govuk-table__cell">{REFERRAL_COOKIE_DAYS} days</td>
					</tr>
				</tbody>
			</ScrollingTable>
		</>
	)
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { BONUS_PAYMENT_WAYS_TITLE } from '~/components/bonus-payment-ways.tsx'
import { CopyButton } from '~/components/copy-button.tsx'
import { CsrfField } from '~/components/csrf-field.tsx'
import { SuccessBanner } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { formatPounds } from '~/domain/bonus-scheme.ts'
import { REFERRAL_PROGRESS_LABELS } from '~/domain/referral-progress.ts'
import { formatDate } from '~/domain/working-days.ts'
import { NO_CODE_MESSAGE, portalCarer, portalReferrals } from '~/models/referral-portal.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requirePortalSession } from '~/services/portal-auth.server.ts'
import { stripeConfigured } from '~/utils/env.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'
import { PORTAL_HEADERS, PORTAL_META } from '~/utils/seo.ts'

// The refer-a-friend portal: the carer's personal link and code, ways to share them, and how their
// referrals are going, in four privacy-safe steps only (app/models/referral-portal.server.ts).

export const meta: MetaFunction = () => PORTAL_META
export const headers = () => PORTAL_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requirePortalSession(request, 'carer')
	const url = new URL(request.url)
	const [config, carer, list] = await Promise.all([
		getServiceConfig(),
		portalCarer(session.subjectId),
		portalReferrals(session.subjectId, Number(url.searchParams.get('page') ?? 1)),
	])
	if (!carer) throw new Response('Not found', { status: 404 })
	return {
		serviceName: config.serviceName,
		csrfToken: session.csrfToken,
		name: carer.name,
		code: carer.code,
		link: carer.code ? siteUrl(`/r/${carer.code}`) : null,
		invited: url.searchParams.has('invited'),
		// Without Stripe there is nothing to set up: the link says how the service pays instead.
		paymentsLink: stripeConfigured() ? 'Get paid by bank transfer (Stripe)' : BONUS_PAYMENT_WAYS_TITLE,
		referrals: list.referrals.map((referral) => ({
			friend: referral.friendName ?? 'Used your link or code',
			date: formatDate(referral.date),
			progress: referral.progress === 'invited' ? 'Invited by email' : REFERRAL_PROGRESS_LABELS[referral.progress],
			paid: referral.paidPence > 0 ? formatPounds(referral.paidPence) : null,
		})),
		total: list.total,
		page: list.page,
		pages: list.pages,
		totalPaid: list.totalPaidPence > 0 ? formatPounds(list.totalPaidPence) : null,
	}
}

type Home = ReturnType<typeof useLoaderData<typeof loader>>

export default function ReferHome() {
	const page = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Refer a friend" serviceName={page.serviceName} />
				{page.invited ? <SuccessBanner>We have emailed your friend an invitation</SuccessBanner> : null}
				<span className="govuk-caption-l">{page.name}</span>
				<h1 className="govuk-heading-xl">Refer a friend</h1>

				<h2 className="govuk-heading-m">Share your personal link</h2>
				{page.link && page.code ? (
					<LinkAndCode link={page.link} code={page.code} />
				) : (
					<p className="govuk-body">{NO_CODE_MESSAGE}</p>
				)}

				<h2 className="govuk-heading-m">Invite a friend by email</h2>
				<p className="govuk-body">We can email your friend for you, with your link and what fostering involves.</p>
				<p className="govuk-body">
					<Link to="/refer/invite" className="govuk-button govuk-button--secondary" data-module="govuk-button">
						Invite a friend
					</Link>
				</p>

				<YourReferrals page={page} />

				<h2 className="govuk-heading-m">Getting paid</h2>
				<p className="govuk-body">
					<Link to="/refer/payments" className="govuk-link">
						{page.paymentsLink}
					</Link>
				</p>

				<Form method="post" action="/refer/sign-out">
					<CsrfField token={page.csrfToken} />
					<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
						Sign out
					</button>
				</Form>
			</div>
		</div>
	)
}

/** The carer's personal link, ready to copy, and their code to type into the enquiry form. */
function LinkAndCode({ link, code }: { link: string; code: string }) {
	return (
		<>
			<div className="govuk-form-group">
				<label className="govuk-label govuk-label--s" htmlFor="personal-link">
					Your personal link
				</label>
				<div id="personal-link-hint" className="govuk-hint">
					Send it to your friend by message, email or social media. When they enquire through it, we know you referred
					them.
				</div>
				<input
					className="govuk-input"
					id="personal-link"
					name="personal-link"
					type="text"
					readOnly
					value={link}
					spellCheck={false}
					aria-describedby="personal-link-hint"
				/>
			</div>
			<CopyButton targetId="personal-link" label="Copy link" />
			<h2 className="govuk-heading-m">Or give them your code</h2>
			<p className="govuk-body">Your friend can type your referral code into the enquiry form:</p>
			<p className="govuk-heading-l" id="referral-code">
				{code}
			</p>
		</>
	)
}

/** How far each friend has got, a page at a time, and what the carer has been paid. */
function YourReferrals({ page }: { page: Home }) {
	const location = useLocation()
	return (
		<>
			<h2 className="govuk-heading-m" id="your-referrals">
				Your referrals
			</h2>
			{page.total === 0 ? (
				<p className="govuk-body">You have not invited or referred anyone yet.</p>
			) : (
				<>
					<ScrollingTable caption="Your referrals" captionSize="hidden" labelledBy="your-referrals">
						<TableHead columns={['Friend', 'Date', 'Progress', { header: 'Paid to you', numeric: true }]} />
						<tbody className="govuk-table__body">
							{page.referrals.map((referral, index) => (
								<tr className="govuk-table__row" key={index}>
									<td className="govuk-table__cell">{referral.friend}</td>
									<td className="govuk-table__cell">{referral.date}</td>
									<td className="govuk-table__cell">{referral.progress}</td>
									<td className="govuk-table__cell govuk-table__cell--numeric">{referral.paid ?? 'Nothing yet'}</td>
								</tr>
							))}
						</tbody>
					</ScrollingTable>
					<Pagination page={page.page} pages={page.pages} search={location.search} />
				</>
			)}
			{page.totalPaid ? <p className="govuk-body">In total we have paid you {page.totalPaid}.</p> : null}
			<p className="govuk-body">
				To keep your friends’ information private, we show only the first name you gave us when you invited them, and
				how far each one has got: enquired, applied, approved, and bonus paid. A friend who used your link or code
				without an invitation from us is not named.
			</p>
		</>
	)
}

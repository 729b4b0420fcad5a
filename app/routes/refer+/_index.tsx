import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { EmailMeALinkForm } from '~/components/email-me-a-link-form.tsx'
import { ErrorSummary, SuccessBanner } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { formatPounds, type ReferrerKind } from '~/domain/bonus-scheme.ts'
import { bonusRulesOn, requestCarerSignInLink } from '~/models/referral-portal.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { today } from '~/utils/clock.server.ts'
import { emailMeALink } from '~/services/email-me-a-link.server.ts'
import { getPortalSession } from '~/services/portal-auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

// Refer a friend: what it is, the bonuses of the scheme in force today, and the form that emails
// a carer a link to sign in. The answer to the form is the same whether or not the address
// belongs to a carer, so the page cannot be used to find out who fosters with us.

const WHO_MAY_EARN: Record<ReferrerKind, string> = {
	foster_carer: 'approved foster carers',
	staff: 'members of staff',
	community_group: 'community groups',
}

function listInWords(items: string[]) {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

export const meta: MetaFunction = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Refer a friend to foster',
		description:
			'Foster carers: refer a friend to foster with us and receive a bonus when they are approved and when their first child has settled in.',
		path: '/refer',
	}).filter((tag) => !('title' in tag))

// The form can come back with the address someone typed: never keep it in a shared cache.
export const headers = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
	const [config, rules, session] = await Promise.all([
		getServiceConfig(),
		bonusRulesOn(today()),
		getPortalSession(request, 'carer'),
	])
	return {
		serviceName: config.serviceName,
		organisationName: config.organisationName,
		signedIn: session !== null,
		signedOut: new URL(request.url).searchParams.has('signedOut') && session === null,
		scheme: rules
			? {
					approved: rules.approvedPence > 0 ? formatPounds(rules.approvedPence) : null,
					placement: rules.placementPence > 0 ? formatPounds(rules.placementPence) : null,
					placementWeeks: rules.placementWeeks,
					welcome: rules.welcomePence > 0 ? formatPounds(rules.welcomePence) : null,
					shortBreakPercent: rules.shortBreakPercent,
					contactWindowMonths: rules.contactWindowMonths,
					whoMayEarn: listInWords(rules.eligibleReferrerKinds.map((kind) => WHO_MAY_EARN[kind])),
				}
			: null,
	}
}

export const action = (args: ActionFunctionArgs) =>
	emailMeALink(args, {
		limits: { perClient: 'signInLinkPerClient', perAddress: 'signInLinkPerAddress' },
		issue: (email, at) => requestCarerSignInLink({ email, now: at }),
		checkEmailPath: '/refer/check-email',
	})

type Scheme = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['scheme']>

export default function ReferAFriend() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Refer a friend to foster" serviceName={page.serviceName} error={errors.length > 0} />
				<ErrorSummary errors={errors} />
				{page.signedOut && errors.length === 0 ? <SuccessBanner>You have signed out</SuccessBanner> : null}
				<span className="govuk-caption-l">For foster carers</span>
				<h1 className="govuk-heading-xl">Refer a friend to foster</h1>
				<p className="govuk-body-l">
					You know better than anyone what fostering is like. If you think a friend, relative or neighbour could foster,
					tell them about it, and we will thank you.
				</p>

				<WhatYouReceive scheme={page.scheme} />
				<HowItWorks scheme={page.scheme} />

				{page.signedIn ? (
					<>
						<h2 className="govuk-heading-m">You are signed in</h2>
						<p className="govuk-body">
							<Link to="/refer/home" className="govuk-link">
								Go to your referrals
							</Link>
						</p>
					</>
				) : (
					<>
						<h2 className="govuk-heading-m">Sign in</h2>
						<p className="govuk-body">
							Enter the email address {page.organisationName} has for you as a foster carer. We will email you a link to
							sign in.
						</p>
						<EmailMeALinkForm result={result} autoComplete="email" button="Email me a sign-in link" />
					</>
				)}
			</div>
		</div>
	)
}

/** The bonuses of the scheme in force today, or that none are paid. */
function WhatYouReceive({ scheme }: { scheme: Scheme | null }) {
	return (
		<>
			<h2 className="govuk-heading-m">What you receive</h2>
			{scheme && (scheme.approved || scheme.placement) ? (
				<>
					<p className="govuk-body">For each friend you refer, we pay you:</p>
					<ul className="govuk-list govuk-list--bullet">
						{scheme.approved ? <li>{scheme.approved} when they are approved as foster carers</li> : null}
						{scheme.placement ? (
							<li>
								{scheme.placement} when their first child has lived with them for {scheme.placementWeeks} weeks
							</li>
						) : null}
					</ul>
					{scheme.welcome ? (
						<p className="govuk-body">
							Your friend also receives a welcome bonus of {scheme.welcome} when they are approved.
						</p>
					) : null}
					{scheme.shortBreakPercent < 100 ? (
						<p className="govuk-body">
							If your friend is approved for short breaks only, the bonuses are {scheme.shortBreakPercent}% of these
							amounts.
						</p>
					) : null}
				</>
			) : (
				<p className="govuk-body">
					We are not paying referral bonuses at the moment, but we would still love to hear from your friends.
				</p>
			)}
		</>
	)
}

/** The three steps, and the scheme's rules on who may earn and which friends count. */
function HowItWorks({ scheme }: { scheme: Scheme | null }) {
	return (
		<>
			<h2 className="govuk-heading-m">How it works</h2>
			<ol className="govuk-list govuk-list--number">
				<li>Sign in with your email address to get your personal link and your referral code.</li>
				<li>Share the link with your friend, or give them your code to type into the enquiry form.</li>
				<li>See how your referrals are going: enquired, applied, approved and bonus paid.</li>
			</ol>
			{scheme ? (
				<>
					<p className="govuk-body">
						Bonuses are paid to {scheme.whoMayEarn}.
						{scheme.contactWindowMonths > 0
							? ` Your friend must not have been in touch with us about fostering in the ${scheme.contactWindowMonths} months before they enquire.`
							: ''}{' '}
						Only one person can refer each household, and bonuses are not paid for caring for a child you already know
						(family and friends care).
					</p>
				</>
			) : null}
			<p className="govuk-body">
				To keep your friend’s information private, we never tell you more than how far they have got.
			</p>
		</>
	)
}

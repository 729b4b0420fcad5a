import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SiteLink } from '~/components/site-link.tsx'
import { normaliseReference } from '~/domain/reference.ts'
import { workingDaysPhrase } from '~/domain/service-config.ts'
import { findReceipt } from '~/models/enquiries.server.ts'
import { findQuarantinedReceipt } from '~/models/quarantine.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { goalAttributes } from '~/utils/page-goals.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export const meta: MetaFunction = ({ matches }) => [
	...pageMeta(siteFromMatches(matches), {
		title: 'Enquiry sent',
		description: 'We have your fostering enquiry.',
		path: '/enquire/confirmation',
	}),
	// A receipt, not a page to find in search.
	{ name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
	const typed = new URL(request.url).searchParams.get('reference')
	const reference = typed ? normaliseReference(typed) : undefined
	// An enquiry the spam trap held back is answered as any other; only the analytics event
	// (which needs the channel) is left out, so held-back enquiries are not counted as sent.
	const receipt = reference
		? ((await findReceipt({ reference })) ??
			(await findQuarantinedReceipt(reference).then((held) => (held ? { ...held, channel: null } : null))))
		: null
	if (typed && !receipt) throw new Response('Not found', { status: 404 })
	const config = await getServiceConfig()
	return {
		// Only the reference and routing flags: the page shows no personal data.
		reference: receipt?.reference ?? null,
		isKinship: receipt?.isKinship ?? false,
		channel: receipt?.channel ?? null,
		firstContact: workingDaysPhrase(config.targets.firstContactWorkingDays),
		initialVisit: workingDaysPhrase(config.targets.initialVisitWorkingDays),
		phone: config.phone,
		phoneHours: config.phoneHours,
		publicEmail: config.publicEmail,
	}
}

export default function EnquiryConfirmation() {
	const page = useLoaderData<typeof loader>()
	// The goal Plausible counts, sent by the public site's script when analytics are on (ADR 005, 026).
	const goal =
		page.reference && page.channel
			? goalAttributes({ name: 'Enquiry submitted', props: { channel: page.channel } })
			: {}

	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<div className="govuk-panel govuk-panel--confirmation" {...goal}>
					<h1 className="govuk-panel__title">Enquiry sent</h1>
					{page.reference ? (
						<div className="govuk-panel__body">
							Your reference number
							<br />
							<strong>{page.reference}</strong>
						</div>
					) : null}
				</div>
				<p className="govuk-body">We have sent you a confirmation email.</p>

				<h2 className="govuk-heading-m">What happens next</h2>
				{page.isKinship ? (
					<p className="govuk-body">
						You told us you want to care for a child you already know. Our family and friends (kinship) team will call
						you within {page.firstContact} to talk about the child and what support is available. This is a different
						route from the one for foster carers who do not know the child.
					</p>
				) : (
					<ol className="govuk-list govuk-list--number">
						<li>
							One of our team will call you within {page.firstContact} to talk about fostering and answer your
							questions.
						</li>
						<li>
							If you would like to go further, we will invite you to an information session or visit you at home,
							usually within {page.initialVisit} of that call.
						</li>
						<li>
							After that you can apply. Read{' '}
							<SiteLink to="/what-fostering-involves" className="govuk-link">
								what fostering involves
							</SiteLink>{' '}
							to see each step and how long it takes.
						</li>
					</ol>
				)}
				<p className="govuk-body">
					If you need to speak to us sooner, call {page.phone} ({page.phoneHours}) or email{' '}
					<a className="govuk-link" href={`mailto:${page.publicEmail}`}>
						{page.publicEmail}
					</a>
					{page.reference ? ` and quote your reference ${page.reference}` : null}.
				</p>
			</div>
		</div>
	)
}

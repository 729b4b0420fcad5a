import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SiteLink } from '~/components/site-link.tsx'
import { ENQUIRY_RETENTION_YEARS, publicServiceConfig } from '~/domain/public-site.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	return { config: publicServiceConfig(await getServiceConfig()) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Privacy notice for fostering enquiries',
		description:
			'How we use the personal information you give us when you enquire about fostering: what we collect, why, who we share it with, how long we keep it and your rights.',
		path: '/privacy',
	})

export default function Privacy() {
	const { config } = useLoaderData<typeof loader>()
	const council = config.organisationType === 'local_authority'
	const fullNotice = /^https?:\/\//.test(config.privacyNoticeUrl) ? config.privacyNoticeUrl : null
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-xl">Privacy notice for fostering enquiries</h1>
				<p className="govuk-body-l">
					This notice explains how {config.organisationName} uses the personal information you give us when you enquire
					about fostering through this website or by phone.
				</p>
				{fullNotice ? (
					<p className="govuk-body">
						It adds to our{' '}
						<a className="govuk-link" href={fullNotice}>
							main privacy notice
						</a>
						, which explains how we handle personal information in general.
					</p>
				) : null}

				<h2 className="govuk-heading-l">Who we are</h2>
				<p className="govuk-body">
					{config.organisationName} is the data controller for your information. This means we decide how it is used and
					we are responsible for keeping it safe. {config.serviceName} is our fostering service.
				</p>
				<p className="govuk-body">
					You can contact us, or our data protection officer, by emailing{' '}
					<a className="govuk-link" href={`mailto:${config.publicEmail}`}>
						{config.publicEmail}
					</a>{' '}
					or calling {config.phone}.
				</p>

				<h2 className="govuk-heading-l">What we collect</h2>
				<p className="govuk-body">When you make an enquiry, we collect:</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>your name, and the name of anyone applying with you</li>
					<li>your contact details: email address, phone number and the best time to call you</li>
					<li>your postcode</li>
					<li>who lives in your household</li>
					<li>whether you have a spare bedroom</li>
					<li>the kinds of fostering you are interested in</li>
					<li>how you heard about us</li>
					<li>a referral code, if a foster carer gave you one</li>
					<li>your agreement to be contacted about fostering, and the words you agreed to</li>
				</ul>
				<p className="govuk-body">
					If you came to our website through a link from a campaign, another website or a foster carer, we also record
					the details in that link (such as the name of the campaign) and the page you first visited. This tells us
					which of our adverts and events work.
				</p>
				<p className="govuk-body">
					We do not ask for information about your health in the enquiry form. Please do not include it.
				</p>

				<h2 className="govuk-heading-l">Why we use it</h2>
				<p className="govuk-body">We use your information to:</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>contact you about fostering and answer your questions</li>
					<li>arrange a visit or an information session if you would like one</li>
					<li>start your application, if you decide to apply</li>
					<li>keep in touch, if you tell us the time is not right yet and you are happy for us to</li>
					<li>recognise you if you enquire again, so you do not have to start over</li>
					<li>pay a referral bonus to the foster carer who referred you, if there is one</li>
					<li>
						understand which of our campaigns and events lead to new foster carers, using figures that do not identify
						you
					</li>
				</ul>

				<h2 className="govuk-heading-l">Our lawful basis</h2>
				{council ? (
					<p className="govuk-body">
						As a council, we must make sure there are enough foster homes for the children we look after (Children Act
						1989, section 22G) and we approve foster carers under the Fostering Services (England) Regulations 2011. We
						use your information to carry out this public task (UK GDPR Article 6(1)(e)).
					</p>
				) : (
					<p className="govuk-body">
						We use your information because we have a legitimate interest in finding foster carers for children who need
						them, and in answering people who ask us about fostering (UK GDPR Article 6(1)(f)). We have weighed this
						against your interests and rights.
					</p>
				)}
				<p className="govuk-body">
					We also ask for your consent to contact you about fostering. You can withdraw it at any time by telling us,
					and we will stop contacting you.
				</p>

				<h2 className="govuk-heading-l">Who we share it with</h2>
				<p className="govuk-body">
					Your enquiry is seen by our fostering recruitment team and the social workers who support people through their
					application. We share it only when we need to:
				</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>
						with the companies that host this website and send our emails, who work under contract and only on our
						instructions
					</li>
					<li>
						with a foster carer who referred you: they only see how far you have got, such as “your friend has applied”
						or “approved”, never your details or anything you have told us
					</li>
					<li>when the law requires us to, for example to protect a child</li>
				</ul>
				<p className="govuk-body">
					If you go on to apply, we carry out checks such as a DBS check, and we tell you about these before we start.
					We never sell your information or use it for anyone else’s marketing.
				</p>

				<h2 className="govuk-heading-l">How long we keep it</h2>
				<p className="govuk-body">
					If your enquiry does not lead to an application, we keep it for {ENQUIRY_RETENTION_YEARS} years from the last
					time we were in touch with you, then delete it. This period is set by our fostering service.
				</p>
				<p className="govuk-body">
					If you apply, the law sets longer periods: at least 3 years for applications that are withdrawn or not
					approved, and at least 10 years after approval ends for foster carers.
				</p>

				<h2 className="govuk-heading-l">Your rights</h2>
				<p className="govuk-body">You have the right to:</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>get a copy of the information we hold about you</li>
					<li>ask us to correct information that is wrong</li>
					<li>ask us to delete your information, where the law allows</li>
					<li>ask us to limit how we use it, or object to how we use it</li>
					<li>withdraw your consent to be contacted</li>
				</ul>
				<p className="govuk-body">
					To use any of these rights, email{' '}
					<a className="govuk-link" href={`mailto:${config.publicEmail}`}>
						{config.publicEmail}
					</a>
					. We reply within one month.
				</p>

				<h2 className="govuk-heading-l">How we keep your information safe</h2>
				<p className="govuk-body">
					Our website uses an encrypted connection. Only staff who need your information can see it, and we keep a
					record of who has looked at or changed it. Read about{' '}
					<SiteLink to="/cookies" className="govuk-link">
						cookies and analytics on this website
					</SiteLink>
					.
				</p>

				<h2 className="govuk-heading-l">How to complain</h2>
				<p className="govuk-body">
					If you are unhappy with how we have used your information, please tell us first at{' '}
					<a className="govuk-link" href={`mailto:${config.publicEmail}`}>
						{config.publicEmail}
					</a>
					.
				</p>
				<p className="govuk-body">
					You can also complain to the Information Commissioner’s Office (ICO), the UK’s independent regulator for data
					protection:
				</p>
				<ul className="govuk-list">
					<li>
						<a className="govuk-link" href="https://ico.org.uk/make-a-complaint/" rel="external">
							make a complaint on the ICO website
						</a>
					</li>
					<li>telephone: 0303 123 1113</li>
					<li>post: Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF</li>
				</ul>
			</div>
		</div>
	)
}

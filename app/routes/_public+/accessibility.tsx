import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SiteLink } from '~/components/site-link.tsx'
import { publicServiceConfig, telephoneHref } from '~/domain/public-site.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

// Update both dates whenever the site is tested again.
const STATEMENT_PREPARED = '23 November 2026'
const LAST_TESTED = '23 November 2026'

export async function loader() {
	return { config: publicServiceConfig(await getServiceConfig()) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Accessibility statement',
		description:
			'How accessible our fostering website is, what to do if you have a problem using it, and how to report an accessibility issue.',
		path: '/accessibility',
	})

export default function Accessibility() {
	const { config } = useLoaderData<typeof loader>()
	const council = config.organisationType === 'local_authority'
	const email = (
		<a className="govuk-link" href={`mailto:${config.publicEmail}`}>
			{config.publicEmail}
		</a>
	)
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-xl">Accessibility statement for {config.serviceName}</h1>
				<p className="govuk-body">
					This accessibility statement applies to the public pages of {config.serviceName}, the fostering website of{' '}
					{config.organisationName}: the information about fostering and the enquiry form.
				</p>
				<p className="govuk-body">
					We want as many people as possible to be able to use this website. For example, that means you should be able
					to:
				</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>change colours, contrast levels and fonts using your browser or device settings</li>
					<li>zoom in up to 400% without the text spilling off the screen</li>
					<li>navigate most of the website using just a keyboard or speech recognition software</li>
					<li>listen to most of the website using a screen reader</li>
					<li>use the website and send an enquiry with JavaScript turned off</li>
				</ul>
				<p className="govuk-body">We have also made the text on the website as simple as possible to understand.</p>
				<p className="govuk-body">
					<a className="govuk-link" href="https://mcmw.abilitynet.org.uk/" rel="external">
						AbilityNet has advice on making your device easier to use
					</a>{' '}
					if you have a disability.
				</p>

				<h2 className="govuk-heading-l">Feedback and contact information</h2>
				<p className="govuk-body">
					If you need information on this website in a different format, like accessible PDF, large print, easy read,
					audio recording or braille:
				</p>
				<ul className="govuk-list govuk-list--bullet">
					<li>email {email}</li>
					<li>
						call{' '}
						<a className="govuk-link" href={telephoneHref(config.phone)}>
							{config.phone}
						</a>{' '}
						({config.phoneHours})
					</li>
				</ul>
				<p className="govuk-body">We will consider your request and get back to you within 5 working days.</p>
				<p className="govuk-body">
					If you would rather not use the{' '}
					<SiteLink to="/enquire" className="govuk-link">
						online enquiry form
					</SiteLink>
					, call or email us and we will take your enquiry that way.
				</p>

				<h2 className="govuk-heading-l">Reporting accessibility problems with this website</h2>
				<p className="govuk-body">
					We are always looking to improve the accessibility of this website. If you find any problems not listed on
					this page or think we are not meeting accessibility requirements, email {email}.
				</p>

				<h2 className="govuk-heading-l">Enforcement procedure</h2>
				{council ? (
					<p className="govuk-body">
						The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
						(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’).
						If you are not happy with how we respond to your complaint,{' '}
						<a className="govuk-link" href="https://www.equalityadvisoryservice.com/" rel="external">
							contact the Equality Advisory and Support Service (EASS)
						</a>
						.
					</p>
				) : (
					<p className="govuk-body">
						As an independent fostering agency we are not covered by the public sector accessibility regulations, but we
						follow the same standard, and the Equality Act 2010 requires us to make reasonable adjustments. If you are
						not happy with how we respond to your complaint,{' '}
						<a className="govuk-link" href="https://www.equalityadvisoryservice.com/" rel="external">
							contact the Equality Advisory and Support Service (EASS)
						</a>
						.
					</p>
				)}

				<h2 className="govuk-heading-l">Technical information about this website’s accessibility</h2>
				<p className="govuk-body">
					{config.organisationName} is committed to making its website accessible
					{council
						? ', in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.'
						: '.'}
				</p>

				<h3 className="govuk-heading-m">Compliance status</h3>
				<p className="govuk-body">
					This website aims to meet the{' '}
					<a className="govuk-link" href="https://www.w3.org/TR/WCAG22/" rel="external">
						Web Content Accessibility Guidelines version 2.2
					</a>{' '}
					AA standard. It is partially compliant with that standard while it waits for an independent audit: we know of
					no failures, but we cannot yet say it is fully compliant.
				</p>

				<h3 className="govuk-heading-m">Non-accessible content</h3>
				<p className="govuk-body">
					We do not know of any content on the public pages that fails the standard. If you find some, please tell us
					and we will fix it.
				</p>

				<h2 className="govuk-heading-l">What we are doing to improve accessibility</h2>
				<p className="govuk-body">
					We build the website with the GOV.UK Design System’s tested components. Every public page is checked with
					automated accessibility tests each time we change the website, at desktop and phone sizes, and we check that
					every page works with JavaScript turned off. We plan an independent audit, including testing with disabled
					people and assistive technology.
				</p>

				<h2 className="govuk-heading-l">Preparation of this accessibility statement</h2>
				<p className="govuk-body">
					This statement was prepared on {STATEMENT_PREPARED}. It was last reviewed on {LAST_TESTED}.
				</p>
				<p className="govuk-body">
					This website was last tested on {LAST_TESTED} by our own team, using automated checks against the WCAG 2.2 AA
					standard on every public page.
				</p>
			</div>
		</div>
	)
}

import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { JsonLd } from '~/components/json-ld.tsx'
import { InformationPage } from '~/components/related-content.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { TYPICAL_APPLICATION_TO_APPROVAL_MONTHS } from '~/domain/fostering-journey.ts'
import { allowanceRange, publicServiceConfig, telephoneHref } from '~/domain/public-site.ts'
import { workingDaysPhrase } from '~/domain/service-config.ts'
import { organisationJsonLd } from '~/domain/structured-data.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteOrigin } from '~/utils/site-url.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	const config = publicServiceConfig(await getServiceConfig())
	return { config, organisation: organisationJsonLd(config, siteOrigin()) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: data ? `Become a foster carer in ${data.config.areaServed}` : 'Become a foster carer',
		description: data
			? `Foster a child in ${data.config.areaServed} with ${
					data.config.organisationName
				}. Help children stay close to home, school and their brothers and sisters. Allowances of ${allowanceRange(
					data.config.allowances
				)} a week, training and support day and night.`
			: 'Foster a child near you, with training and support day and night.',
		path: '/',
	})

export default function Home() {
	const { config, organisation } = useLoaderData<typeof loader>()
	const { from, to } = TYPICAL_APPLICATION_TO_APPROVAL_MONTHS
	return (
		<InformationPage current="/">
			<JsonLd data={organisation} />
			<div className="app-hero">
				<span className="govuk-caption-l">{config.serviceName}</span>
				<h1 className="govuk-heading-xl">Become a foster carer in {config.areaServed}</h1>
				<p className="govuk-body-l">
					Children here need a safe, caring home near the people and places they know. Could you give one a home for a
					night, a few months or as long as they need?
				</p>
				<StartButton to="/enquire">Make an enquiry</StartButton>
				<p className="govuk-body">
					It takes about 2 minutes and does not commit you to anything. Or call us on{' '}
					<a className="govuk-link app-nowrap" href={telephoneHref(config.phone)}>
						{config.phone}
					</a>{' '}
					({config.phoneHours}).
				</p>
			</div>

			<h2 className="govuk-heading-l">Why we need foster carers near here</h2>
			<p className="govuk-body">
				When a child cannot live safely with their own family, the best place for them is usually a foster home close
				by. Staying local means they can:
			</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>stay at the same school, with the same friends and teachers</li>
				<li>keep in touch with their family and the people who matter to them</li>
				<li>stay together with their brothers and sisters</li>
				<li>keep going to the clubs, teams and activities they love</li>
			</ul>
			<p className="govuk-body">
				We do not have enough foster carers in {config.areaServed}, so some children have to move far away, or live
				apart from their brothers and sisters. We especially need people who can care for teenagers, sibling groups and
				children with disabilities.
			</p>

			<h2 className="govuk-heading-l">Who can foster</h2>
			<p className="govuk-body">Foster carers come from every walk of life. You could foster if you:</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>are over 21</li>
				<li>have a spare bedroom</li>
				<li>live in or near {config.areaServed}</li>
				<li>have the time and patience to care for a child who has had a difficult start</li>
			</ul>
			<p className="govuk-body">
				You can be single or in a couple, rent or own your home, work, and be any age, religion, ethnicity, sexual
				orientation or gender.
			</p>
			<p className="govuk-body">
				<SiteLink to="/can-i-foster" className="govuk-link">
					Find out if you can foster
				</SiteLink>
			</p>

			<h2 className="govuk-heading-l">The support you get</h2>
			<p className="govuk-body">You will never be on your own. As one of our foster carers you get:</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>
					a fostering allowance of {allowanceRange(config.allowances)} a week for each child, depending on their age
				</li>
				<li>your own supervising social worker, who visits regularly and is a phone call away</li>
				<li>training before you start and throughout your time as a foster carer</li>
				<li>a support line you can call 24 hours a day, every day of the year</li>
				<li>support groups where you meet other local foster carers</li>
			</ul>
			<p className="govuk-body">
				<SiteLink to="/support-and-allowances" className="govuk-link">
					Support and allowances for foster carers
				</SiteLink>
			</p>

			<h2 className="govuk-heading-l">Key facts</h2>
			<dl className="govuk-summary-list">
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Fostering allowance</dt>
					<dd className="govuk-summary-list__value">{allowanceRange(config.allowances)} per child, per week</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">After you enquire</dt>
					<dd className="govuk-summary-list__value">
						We call you within {workingDaysPhrase(config.targets.firstContactWorkingDays)}
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">From application to approval</dt>
					<dd className="govuk-summary-list__value">
						Usually {from} to {to} months
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Who we are</dt>
					<dd className="govuk-summary-list__value">The fostering service of {config.organisationName}</dd>
				</div>
			</dl>

			<h2 className="govuk-heading-l">How to become a foster carer</h2>
			<p className="govuk-body">
				It starts with a friendly chat. If fostering feels right for you, you apply, we get to know you, and you take
				part in training. An independent panel then recommends you for approval.
			</p>
			<p className="govuk-body">
				<SiteLink to="/what-fostering-involves" className="govuk-link">
					What fostering involves, step by step
				</SiteLink>
			</p>
			<p className="govuk-body">
				Still have questions?{' '}
				<SiteLink to="/faqs" className="govuk-link">
					Read the questions people ask us most
				</SiteLink>
				.
			</p>

			<div className="govuk-inset-text">
				<p className="govuk-body govuk-!-font-weight-bold">Ready to find out more?</p>
				<p className="govuk-body">Tell us a little about yourself and we will be in touch.</p>
				<StartButton to="/enquire">Make an enquiry</StartButton>
			</div>
		</InformationPage>
	)
}

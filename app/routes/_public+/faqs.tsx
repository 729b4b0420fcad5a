import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { JsonLd } from '~/components/json-ld.tsx'
import { InformationPage } from '~/components/related-content.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { fosteringFaqs } from '~/domain/faqs.ts'
import { publicServiceConfig, telephoneHref } from '~/domain/public-site.ts'
import { faqPageJsonLd } from '~/domain/structured-data.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	const config = publicServiceConfig(await getServiceConfig())
	return { config, faqs: fosteringFaqs(config) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Questions about fostering',
		description:
			'Answers to the questions people ask most about fostering: age, renting, working, pay, criminal records, pets, children of your own and how long it takes.',
		path: '/faqs',
	})

export default function Faqs() {
	const { config, faqs } = useLoaderData<typeof loader>()
	return (
		<InformationPage current="/faqs">
			<JsonLd data={faqPageJsonLd(faqs)} />
			<h1 className="govuk-heading-xl">Questions about fostering</h1>
			<p className="govuk-body-l">The questions people ask us most before they decide to foster.</p>

			<nav aria-labelledby="faq-contents-heading" className="app-contents">
				<h2 className="govuk-heading-s" id="faq-contents-heading">
					Contents
				</h2>
				<ul className="govuk-list">
					{faqs.map((faq) => (
						<li key={faq.id}>
							<a className="govuk-link" href={`#${faq.id}`}>
								{faq.question}
							</a>
						</li>
					))}
				</ul>
			</nav>

			{faqs.map((faq) => (
				<section key={faq.id} className="app-faq" aria-labelledby={faq.id}>
					<h2 className="govuk-heading-m" id={faq.id}>
						{faq.question}
					</h2>
					{faq.answer.map((paragraph) => (
						<p className="govuk-body" key={paragraph}>
							{paragraph}
						</p>
					))}
					{faq.more ? (
						<p className="govuk-body">
							<SiteLink to={faq.more.to} className="govuk-link">
								{faq.more.text}
							</SiteLink>
						</p>
					) : null}
				</section>
			))}

			<h2 className="govuk-heading-m">Ask us anything</h2>
			<p className="govuk-body">
				If your question is not here, call us on{' '}
				<a className="govuk-link app-nowrap" href={telephoneHref(config.phone)}>
					{config.phone}
				</a>{' '}
				({config.phoneHours}) or make an enquiry and we will call you.
			</p>
			<StartButton to="/enquire">Make an enquiry</StartButton>
		</InformationPage>
	)
}

import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { InformationPage } from '~/components/related-content.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { journeySteps, TYPICAL_APPLICATION_TO_APPROVAL_MONTHS } from '~/domain/fostering-journey.ts'
import { publicServiceConfig } from '~/domain/public-site.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	const config = publicServiceConfig(await getServiceConfig())
	return { config, steps: journeySteps(config.targets) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'What fostering involves',
		description:
			'The 8 steps to becoming a foster carer, from your first enquiry to approval, how long each usually takes, and the types of fostering you could do.',
		path: '/what-fostering-involves',
	})

const TYPES_OF_FOSTERING = [
	{
		name: 'Short-term fostering',
		text: 'Caring for a child for a few days, weeks or months while plans are made for their future, whether that is going home, living with relatives, adoption or long-term fostering.',
	},
	{
		name: 'Long-term fostering',
		text: 'Giving a child a home until they grow up, when they cannot go back to their family. Many stay part of the family well into adult life.',
	},
	{
		name: 'Short breaks',
		text: 'Looking after a child for a weekend or a few days a month, giving their family or foster carers a rest. This often suits people who work.',
	},
	{
		name: 'Emergency fostering',
		text: 'Being ready to take a child at short notice, sometimes in the middle of the night, usually for a few days.',
	},
	{
		name: 'Parent and child fostering',
		text: 'Caring for a young parent and their baby, helping the parent learn to look after their child and supporting the assessment of how they are doing.',
	},
	{
		name: 'Teenagers',
		text: 'Giving young people aged 11 to 18 stability and someone on their side while they grow into adults. We need far more carers for teenagers.',
	},
	{
		name: 'Sibling groups',
		text: 'Keeping brothers and sisters together. If you have two or more spare bedrooms, you could stop a family of children being split up.',
	},
	{
		name: 'Children with disabilities',
		text: 'Caring for children with physical or learning disabilities or complex health needs, with extra training and support.',
	},
]

export default function WhatFosteringInvolves() {
	const { config, steps } = useLoaderData<typeof loader>()
	const { from, to } = TYPICAL_APPLICATION_TO_APPROVAL_MONTHS
	return (
		<InformationPage current="/what-fostering-involves">
			<h1 className="govuk-heading-xl">What fostering involves</h1>
			<p className="govuk-body-l">
				Foster carers look after children who cannot live with their own family for a while. Here is how you become one,
				step by step, and how long each step usually takes.
			</p>

			<div className="govuk-inset-text">
				From your application to approval usually takes {from} to {to} months. You can stop or pause at any point, and
				we tell you where you stand at every step.
			</div>

			<h2 className="govuk-heading-l">The steps to becoming a foster carer</h2>
			<ol className="app-step-list">
				{steps.map((step) => (
					<li className="app-step-list__item" key={step.key}>
						<h3 className="govuk-heading-m app-step-list__heading">
							<span className="app-step-list__number">
								<span className="govuk-visually-hidden">Step </span>
								{step.number}
							</span>{' '}
							{step.name}
						</h3>
						<p className="govuk-body">{step.summary}</p>
						<p className="govuk-body">
							<strong>How long it takes:</strong> {step.timing}
						</p>
					</li>
				))}
			</ol>

			<details className="govuk-details">
				<summary className="govuk-details__summary">
					<span className="govuk-details__summary-text">What the checks and references involve</span>
				</summary>
				<div className="govuk-details__text">
					<ul className="govuk-list govuk-list--bullet">
						<li>an enhanced DBS check for everyone in your household over 18</li>
						<li>checks with the local councils where you have lived</li>
						<li>a medical report from your doctor</li>
						<li>references from at least 2 people who know you well, and from your employer</li>
						<li>contact with former partners you had children with or lived with, where we can</li>
						<li>a check that your home is safe for a child</li>
					</ul>
				</div>
			</details>

			<details className="govuk-details">
				<summary className="govuk-details__summary">
					<span className="govuk-details__summary-text">What the fostering panel is</span>
				</summary>
				<div className="govuk-details__text">
					The fostering panel is a group of people with experience of fostering, including social workers, foster carers
					and people who grew up in care. They read your assessment, meet you and recommend whether you should be
					approved. Our decision maker then makes the final decision.
				</div>
			</details>

			<h2 className="govuk-heading-l" id="types-of-fostering">
				Types of fostering
			</h2>
			<p className="govuk-body">
				Children need different kinds of care. During your assessment we agree the types of fostering that suit you and
				your household, and you can add more later.
			</p>
			{TYPES_OF_FOSTERING.map((type) => (
				<section key={type.name}>
					<h3 className="govuk-heading-s govuk-!-margin-bottom-1">{type.name}</h3>
					<p className="govuk-body">{type.text}</p>
				</section>
			))}

			<h2 className="govuk-heading-l">Life as a foster carer</h2>
			<p className="govuk-body">
				Fostering is a way of life more than a job. You care for a child day to day, help them with school and
				friendships, take them to family visits and appointments, and work with their social worker to plan for their
				future.
			</p>
			<p className="govuk-body">
				It can be hard, and it is often the most rewarding thing people do. You always have{' '}
				<SiteLink to="/support-and-allowances" className="govuk-link">
					support, training and an allowance
				</SiteLink>{' '}
				from {config.organisationName}.
			</p>

			<h2 className="govuk-heading-l">Take the first step</h2>
			<p className="govuk-body">
				Make an enquiry and we will call you for a friendly chat. Not sure you can foster?{' '}
				<SiteLink to="/can-i-foster" className="govuk-link">
					Check who can foster
				</SiteLink>
				.
			</p>
			<StartButton to="/enquire">Make an enquiry</StartButton>
		</InformationPage>
	)
}

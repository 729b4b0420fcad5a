import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { InformationPage } from '~/components/related-content.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { allowanceRange, publicServiceConfig } from '~/domain/public-site.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	return { config: publicServiceConfig(await getServiceConfig()) }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Support and allowances for foster carers',
		description: `Fostering allowances${
			data ? ` of ${allowanceRange(data.config.allowances)} a week per child` : ''
		}, fees, training, a 24-hour support line, your own supervising social worker, support groups and tax relief for foster carers.`,
		path: '/support-and-allowances',
	})

export default function SupportAndAllowances() {
	const { config } = useLoaderData<typeof loader>()
	const range = allowanceRange(config.allowances)
	return (
		<InformationPage current="/support-and-allowances">
			<h1 className="govuk-heading-xl">Support and allowances for foster carers</h1>
			<p className="govuk-body-l">
				When you foster with {config.organisationName}, you are part of a team. We pay you to cover the cost of caring
				for a child, train you, and support you day and night.
			</p>

			<h2 className="govuk-heading-l">Fostering allowance</h2>
			<p className="govuk-body">
				You receive a fostering allowance for each child you care for. It is {range} a week for each child, depending on
				their age, and is paid for every week the child lives with you.
			</p>
			<p className="govuk-body">The allowance covers what it costs to look after a child, such as:</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>food, clothes and toiletries</li>
				<li>pocket money and savings</li>
				<li>travel, including school runs and family visits</li>
				<li>hobbies, clubs and days out</li>
				<li>extra heating, electricity and wear and tear on your home</li>
			</ul>
			<p className="govuk-body">
				There are usually extra payments for a child’s birthday, religious festivals and holidays.
			</p>

			<h2 className="govuk-heading-l">Fees for your skills</h2>
			<p className="govuk-body">
				On top of the allowance, foster carers can receive a fee that recognises their skills and experience, and the
				needs of the children they care for. It usually goes up as you complete training and gain experience, and it is
				higher for specialist fostering such as parent and child placements or caring for teenagers with complex needs.
			</p>
			<p className="govuk-body">We explain our fee levels in full when we talk with you after your enquiry.</p>

			<h2 className="govuk-heading-l">Support, day and night</h2>
			<dl className="govuk-summary-list">
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Supervising social worker</dt>
					<dd className="govuk-summary-list__value">
						Your own social worker, who visits you regularly, usually every 4 to 6 weeks, helps with any problems and
						speaks up for you.
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">24-hour support line</dt>
					<dd className="govuk-summary-list__value">
						Someone experienced to talk to any time of the day or night, every day of the year, for when things go wrong
						out of office hours.
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Support groups</dt>
					<dd className="govuk-summary-list__value">
						Regular groups and coffee mornings where you meet other foster carers in {config.areaServed}, share ideas
						and make friends who understand.
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">A buddy</dt>
					<dd className="govuk-summary-list__value">
						An experienced foster carer to help you through your first year.
					</dd>
				</div>
				<div className="govuk-summary-list__row">
					<dt className="govuk-summary-list__key">Help for the child</dt>
					<dd className="govuk-summary-list__value">
						Each child has their own social worker, and can get help from health, education and therapy services.
					</dd>
				</div>
			</dl>

			<h2 className="govuk-heading-l">Training</h2>
			<p className="govuk-body">
				Before you are approved you take part in preparation training, often called Skills to Foster, with other people
				who are thinking about fostering. It covers why children come into care, how trauma affects them, and what
				fostering will mean for your family.
			</p>
			<p className="govuk-body">
				In your first year as a foster carer you complete the national Training, Support and Development Standards, with
				our help. After that there is a full programme of courses, in person and online, on subjects like caring for
				teenagers, keeping children safe online and supporting children’s learning.
			</p>

			<h2 className="govuk-heading-l">Tax and benefits</h2>
			<p className="govuk-body">
				Foster carers are treated as self-employed. Most pay little or no tax on their fostering income because of a tax
				relief called Qualifying Care Relief. It lets you earn a fixed amount for your household each year, plus a
				weekly amount for each child, before you pay any tax.
			</p>
			<p className="govuk-body">
				Fostering allowances do not usually count as income for benefits such as Universal Credit. Your circumstances
				may be different, so check before you start.
			</p>
			<p className="govuk-body">
				This is general information, not tax advice.{' '}
				<a className="govuk-link" href="https://www.gov.uk/foster-carers" rel="external">
					Read about help with the cost of fostering on GOV.UK
				</a>
				, which gives the current amounts of tax relief.
			</p>

			<h2 className="govuk-heading-l">Find out more</h2>
			<p className="govuk-body">
				Read{' '}
				<SiteLink to="/what-fostering-involves" className="govuk-link">
					what fostering involves
				</SiteLink>
				, or make an enquiry and ask us anything about money and support.
			</p>
			<StartButton to="/enquire">Make an enquiry</StartButton>
		</InformationPage>
	)
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { InformationPage } from '~/components/related-content.tsx'
import { SiteLink } from '~/components/site-link.tsx'
import { StartButton } from '~/components/start-button.tsx'
import { publicServiceConfig } from '~/domain/public-site.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { pageMeta } from '~/utils/seo.ts'

export async function loader() {
	return { config: publicServiceConfig(await getServiceConfig()) }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Can I foster?',
		description:
			'Who can become a foster carer: age, a spare bedroom, renting, working, relationships, health and criminal records, and the myths that put people off.',
		path: '/can-i-foster',
	})

const MYTHS = [
	{
		myth: 'I’m too old to foster',
		fact: 'There is no upper age limit. Many people start fostering in their 50s or 60s.',
	},
	{
		myth: 'I can’t foster because I’m single',
		fact: 'Single people foster, and do it brilliantly. You do not need a partner.',
	},
	{
		myth: 'Gay, lesbian, bisexual and trans people can’t foster',
		fact: 'LGBTQ+ people are welcome to foster, on their own or as a couple.',
	},
	{
		myth: 'I need to own my home',
		fact: 'Many foster carers rent. What matters is a spare bedroom and a settled home.',
	},
	{
		myth: 'I’d have to give up work',
		fact: 'Many foster carers work. It depends on your hours and the type of fostering, and we will talk it through with you.',
	},
	{
		myth: 'Any criminal record rules me out',
		fact: 'Only offences against children and some serious violent or sexual offences do. Anything else we look at case by case.',
	},
	{
		myth: 'I need qualifications or experience',
		fact: 'You do not. We give you training before you start and all the time you foster.',
	},
	{
		myth: 'Foster carers aren’t paid',
		fact: 'You get a weekly allowance for each child, and many carers also receive a fee for their skills.',
	},
]

export default function CanIFoster() {
	const { config } = useLoaderData<typeof loader>()
	return (
		<InformationPage current="/can-i-foster">
			<h1 className="govuk-heading-xl">Can I foster?</h1>
			<p className="govuk-body-l">
				You may be able to foster even if you think you can’t. Foster carers come from all walks of life. What they
				share is the time, patience and warmth to help a child through a hard time.
			</p>

			<h2 className="govuk-heading-l">What you need</h2>
			<p className="govuk-body">To foster with us, you need to:</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>be over 21 (there is no upper age limit)</li>
				<li>have a spare bedroom, so a child has a room of their own</li>
				<li>live in or near {config.areaServed}</li>
				<li>have the right to live in the UK permanently</li>
				<li>speak enough English to work with schools, doctors and social workers</li>
				<li>be well enough to look after a child, now and for the next few years</li>
				<li>have time for a child: for school runs, meetings, training and being there when they need you</li>
			</ul>

			<h2 className="govuk-heading-l">Who can foster</h2>
			<p className="govuk-body">You can foster whether you:</p>
			<ul className="govuk-list govuk-list--bullet">
				<li>are single, married, in a civil partnership or living together</li>
				<li>are gay, lesbian, bisexual, straight or trans</li>
				<li>rent your home or own it</li>
				<li>work full-time, part-time or not at all</li>
				<li>have children of your own, or none</li>
				<li>have pets</li>
				<li>follow any religion, or none</li>
				<li>are from any ethnic background</li>
				<li>have a disability or a health condition that is well managed</li>
			</ul>
			<p className="govuk-body">
				Children come from every background, so we need foster carers from every background too.
			</p>

			<h2 className="govuk-heading-l">Health</h2>
			<p className="govuk-body">
				You do not need to be perfectly healthy. As part of the assessment your doctor completes a medical report, and
				our medical adviser looks at whether you are well enough to care for a child. Many foster carers live with a
				health condition or a disability.
			</p>
			<p className="govuk-body">
				If you smoke or vape, you can still foster, but we will not place children under 5 or children with breathing
				problems with you.
			</p>

			<h2 className="govuk-heading-l">Criminal records</h2>
			<p className="govuk-body">
				Everyone over 18 in your household has an enhanced DBS check. A criminal record does not automatically stop you
				fostering: only offences against children and some serious violent or sexual offences do.
			</p>
			<p className="govuk-body">
				Tell us about anything in your past at the start. We look at what happened, how long ago, and what has changed
				since. Being open with us counts for a lot.
			</p>

			<h2 className="govuk-heading-l">Money and housing</h2>
			<p className="govuk-body">
				You do not need to be well off. We look at whether your finances are stable enough, and you can foster if you
				receive benefits or have some debts. If you rent, we will ask you to check your tenancy allows a foster child to
				live with you.
			</p>

			<details className="govuk-details">
				<summary className="govuk-details__summary">
					<span className="govuk-details__summary-text">Can a child share a bedroom with my own child?</span>
				</summary>
				<div className="govuk-details__text">
					Usually not. Children in foster care need a space of their own, often after a lot of change. Brothers and
					sisters who are placed together can sometimes share, depending on their ages.
				</div>
			</details>

			<h2 className="govuk-heading-l" id="myths">
				Myths about who can foster
			</h2>
			<ScrollingTable caption="Myths about who can foster, and the facts" captionSize="hidden" labelledBy="myths">
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							Myth
						</th>
						<th scope="col" className="govuk-table__header">
							Fact
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{MYTHS.map((item) => (
						<tr className="govuk-table__row" key={item.myth}>
							<th scope="row" className="govuk-table__header">
								“{item.myth}”
							</th>
							<td className="govuk-table__cell">{item.fact}</td>
						</tr>
					))}
				</tbody>
			</ScrollingTable>

			<h2 className="govuk-heading-l">Not sure?</h2>
			<p className="govuk-body">
				The best way to find out is to talk to us. Make an enquiry and we will call you for a chat, with no pressure and
				no commitment. You can also read{' '}
				<SiteLink to="/what-fostering-involves" className="govuk-link">
					what fostering involves
				</SiteLink>{' '}
				or the{' '}
				<SiteLink to="/faqs" className="govuk-link">
					questions people ask us most
				</SiteLink>
				.
			</p>
			<StartButton to="/enquire">Make an enquiry</StartButton>
		</InformationPage>
	)
}

import type { MetaFunction } from '@remix-run/node'
import { SiteLink } from '~/components/site-link.tsx'
import { pageMeta } from '~/utils/seo.ts'
import { siteFromMatches } from '~/utils/root-data.ts'

export const meta: MetaFunction = ({ matches }) =>
	pageMeta(siteFromMatches(matches), {
		title: 'Become a foster carer',
		description: 'Foster a child near you.',
		path: '/',
	})

export default function Home() {
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-xl">Become a foster carer</h1>
				<SiteLink to="/enquire" className="govuk-button govuk-button--start" role="button" draggable={false}>
					Make an enquiry
				</SiteLink>
			</div>
		</div>
	)
}

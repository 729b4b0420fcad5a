import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ROLES_THAT, roleCan } from '~/domain/staff.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The service's settings that managers and administrators keep: the words the pipeline uses.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Settings')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	// The bonus scheme is money: only those who manage bonuses see it (administrators do not).
	return { sections: SECTIONS.filter((section) => !section.who || roleCan(user.role, section.who)) }
}

const SECTIONS: { to: string; title: string; text: string; who?: keyof typeof ROLES_THAT }[] = [
	{
		to: '/staff/settings/stage-names',
		title: 'Stage names',
		text: 'What the pipeline, the board and the reports call each stage. The order of the stages is fixed.',
	},
	{
		to: '/staff/settings/exit-reasons',
		title: 'Exit reasons',
		text: 'The reasons staff choose from when a household leaves, with their Ofsted withdrawal codes.',
	},
	{
		to: '/staff/settings/channels',
		title: 'Channels',
		text: 'How households found the service, for enquiries staff add and for the reports.',
	},
	{
		to: '/staff/settings/response-times',
		title: 'Response-time targets',
		text: 'The response-time targets, when a deadline is at risk, the reminders staff get, and closure days.',
	},
	{
		to: '/staff/settings/referral-scheme',
		title: 'Refer-a-friend bonus scheme',
		text: 'What carers earn for referring a friend who becomes a foster carer, and the history of the scheme.',
		who: 'manageBonuses',
	},
]

export default function Settings() {
	const { sections } = useLoaderData<typeof loader>()
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<h1 className="govuk-heading-l">Settings</h1>
				{sections.map((section) => (
					<div key={section.to}>
						<h2 className="govuk-heading-m">
							<Link to={section.to} className="govuk-link">
								{section.title}
							</Link>
						</h2>
						<p className="govuk-body">{section.text}</p>
					</div>
				))}
			</div>
		</div>
	)
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SettingsListIntro } from '~/components/settings-record.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import { isBuiltInChannel } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listChannels } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { retirableDoneMessage } from '~/services/settings-route.server.ts'

// How households found the service, with how many enquiries came through each channel.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Channels')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const channels = await listChannels()
	return {
		done: retirableDoneMessage(new URL(request.url), 'Channel'),
		channels: channels.map((channel) => ({ ...channel, builtIn: isBuiltInChannel(channel.key) })),
	}
}

export default function Channels() {
	const page = useLoaderData<typeof loader>()
	return (
		<>
			<SettingsListIntro
				title="Channels"
				done={page.done}
				add={{ to: '/staff/settings/channels/new', text: 'Add a channel' }}
			>
				<p className="govuk-body">
					The online enquiry form works out its channel by itself, from how the person says they heard of us and the
					link they arrived by, so it only ever uses the standard channels marked ‘Online form’. Channels you add are
					for enquiries staff enter (by phone, at an event) and for the reports.
				</p>
				<p className="govuk-body">
					A channel is never deleted, because enquiries and the reports keep pointing at it: retire one you no longer
					want and staff stop being offered it.
				</p>
			</SettingsListIntro>
			<table className="govuk-table">
				<caption className="govuk-table__caption govuk-visually-hidden">Channels</caption>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							Channel
						</th>
						<th scope="col" className="govuk-table__header govuk-table__header--numeric">
							Enquiries
						</th>
						<th scope="col" className="govuk-table__header">
							Status
						</th>
						<th scope="col" className="govuk-table__header">
							<span className="govuk-visually-hidden">Action</span>
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{page.channels.map((channel) => (
						<tr className="govuk-table__row" key={channel.id}>
							<td className="govuk-table__cell">
								{channel.label}
								{channel.builtIn ? (
									<span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Online form</span>
								) : null}
							</td>
							<td className="govuk-table__cell govuk-table__cell--numeric">{channel.uses}</td>
							<td className="govuk-table__cell">
								<RetiredTag retired={channel.retired} />
							</td>
							<td className="govuk-table__cell">
								<Link to={`/staff/settings/channels/${channel.id}`} className="govuk-link">
									Change<span className="govuk-visually-hidden"> {channel.label}</span>
								</Link>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</>
	)
}

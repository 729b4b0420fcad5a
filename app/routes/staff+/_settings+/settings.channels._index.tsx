import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SettingsListIntro, SettingsRecordRow } from '~/components/settings-record.tsx'
import { ACTION_COLUMN, TableHead } from '~/components/table-head.tsx'
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
			<ScrollingTable caption="Channels" captionSize="hidden" labelledBy="settings-list">
				<TableHead columns={['Channel', { header: 'Enquiries', numeric: true }, 'Status', ACTION_COLUMN]} />
				<tbody className="govuk-table__body">
					{page.channels.map((channel) => (
						<SettingsRecordRow
							key={channel.id}
							label={channel.label}
							note={channel.builtIn ? 'Online form' : null}
							retired={channel.retired}
							changeTo={`/staff/settings/channels/${channel.id}`}
						>
							<td className="govuk-table__cell govuk-table__cell--numeric">{channel.uses}</td>
						</SettingsRecordRow>
					))}
				</tbody>
			</ScrollingTable>
		</>
	)
}

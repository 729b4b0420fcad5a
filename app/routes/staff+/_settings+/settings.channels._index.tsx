import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SuccessBanner } from '~/components/form.tsx'
import { RetiredTag } from '~/components/status-tags.tsx'
import { isBuiltInChannel } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listChannels } from '~/models/settings.server.ts'
import { requireStaff } from '~/utils/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// How households found the service, with how many enquiries came through each channel.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Channels')
export const headers = () => STAFF_HEADERS

const DONE = {
	added: 'Channel added',
	saved: 'Channel renamed',
	retired: 'Channel retired',
	restored: 'Channel brought back',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const done = new URL(request.url).searchParams.get('done')
	const channels = await listChannels()
	return {
		done: done && Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null,
		channels: channels.map((channel) => ({ ...channel, builtIn: isBuiltInChannel(channel.key) })),
	}
}

export default function Channels() {
	const page = useLoaderData<typeof loader>()
	return (
		<>
			<Link to="/staff/settings" className="govuk-back-link">
				Back to settings
			</Link>
			{page.done ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<h1 className="govuk-heading-l">Channels</h1>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<p className="govuk-body">
						The online enquiry form works out its channel by itself, from how the person says they heard of us and the
						link they arrived by, so it only ever uses the standard channels marked ‘Online form’. Channels you add are
						for enquiries staff enter (by phone, at an event) and for the reports.
					</p>
					<p className="govuk-body">
						A channel is never deleted, because enquiries and the reports keep pointing at it: retire one you no longer
						want and staff stop being offered it.
					</p>
				</div>
			</div>
			<Link
				to="/staff/settings/channels/new"
				className="govuk-button"
				data-module="govuk-button"
				role="button"
				draggable="false"
			>
				Add a channel
			</Link>
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

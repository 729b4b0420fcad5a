import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SettingsListIntro, SettingsRecordRow } from '~/components/settings-record.tsx'
import { ACTION_COLUMN, TableHead } from '~/components/table-head.tsx'
import { ENDED_BY_KEYS, ENDED_BY_LABELS } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { listExitReasons } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { retirableDoneMessage } from '~/services/settings-route.server.ts'

// The exit reasons, grouped by who ended it, with how many closures use each.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Exit reasons')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const reasons = await listExitReasons()
	return {
		done: retirableDoneMessage(new URL(request.url), 'Exit reason'),
		groups: ENDED_BY_KEYS.map((endedBy) => ({
			endedBy,
			title: ENDED_BY_LABELS[endedBy],
			reasons: reasons.filter((reason) => reason.endedBy === endedBy),
		})),
	}
}

export default function ExitReasons() {
	const page = useLoaderData<typeof loader>()
	return (
		<>
			<SettingsListIntro
				title="Exit reasons"
				done={page.done}
				add={{ to: '/staff/settings/exit-reasons/new', text: 'Add an exit reason' }}
			>
				<p className="govuk-body">
					Staff choose one of these when a household leaves. A reason is never deleted, because closed households and
					the reports keep pointing at it: retire one you no longer want and it stops being offered, while the
					households it was used for keep it. A retired reason can be brought back.
				</p>
			</SettingsListIntro>
			{page.groups.map((group) => (
				<ScrollingTable caption={group.title} key={group.endedBy}>
					<TableHead
						columns={['Reason', 'Ofsted code', { header: 'Households', numeric: true }, 'Status', ACTION_COLUMN]}
					/>
					<tbody className="govuk-table__body">
						{group.reasons.map((reason) => (
							<SettingsRecordRow
								key={reason.id}
								label={reason.label}
								note={reason.nurture ? 'Keep in touch' : null}
								retired={reason.retired}
								changeTo={`/staff/settings/exit-reasons/${reason.id}`}
							>
								<td className="govuk-table__cell">{reason.ofstedCode ?? 'None'}</td>
								<td className="govuk-table__cell govuk-table__cell--numeric">{reason.uses}</td>
							</SettingsRecordRow>
						))}
					</tbody>
				</ScrollingTable>
			))}
		</>
	)
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination.tsx'
import { rolesFor } from '~/domain/household-actions.ts'
import { STAFF_ROLE_LABELS, isStaffRole } from '~/domain/staff.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { listHouseholdAudit } from '~/models/audit.server.ts'
import { loadHouseholdForAction } from '~/models/household-record.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Who viewed or changed this household's personal data, and when: for managers (UK GDPR
// accountability). Reading the log is not itself logged: it holds no personal data of the household.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Audit log')
export const headers = () => STAFF_HEADERS

const ACTIONS: Record<string, string> = {
	viewed: 'Viewed',
	changed: 'Changed',
	exported: 'Exported',
	imported: 'Imported',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: rolesFor('audit') })
	const loaded = await loadHouseholdForAction(params.id ?? '')
	if (!loaded) throw new Response('Household not found', { status: 404 })
	const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1)
	const audit = await listHouseholdAudit(loaded.household.id, page)
	return {
		household: {
			id: loaded.household.id,
			reference: loaded.household.reference,
			displayName: loaded.household.displayName,
		},
		page: audit.page,
		pages: audit.pages,
		total: audit.total,
		entries: audit.entries.map((entry) => ({
			id: entry.id,
			at: entry.at,
			who: entry.actor.name,
			role: isStaffRole(entry.actor.role) ? STAFF_ROLE_LABELS[entry.actor.role] : entry.actor.role,
			action: ACTIONS[entry.action] ?? entry.action,
			detail: entry.detail,
		})),
	}
}

export default function HouseholdAudit() {
	const page = useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<>
			<Link to={`/staff/households/${page.household.id}`} className="govuk-back-link">
				Back to the household
			</Link>
			<span className="govuk-caption-l">
				{page.household.displayName} ({page.household.reference})
			</span>
			<h1 className="govuk-heading-l" id="audit-log">
				Audit log
			</h1>
			<p className="govuk-body">
				Everyone who opened or changed this household’s record, newest first ({page.total}{' '}
				{page.total === 1 ? 'entry' : 'entries'}).
			</p>
			<ScrollingTable caption="Audit log" captionSize="hidden" labelledBy="audit-log" data-testid="audit-log">
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header">
							When
						</th>
						<th scope="col" className="govuk-table__header">
							Who
						</th>
						<th scope="col" className="govuk-table__header">
							What
						</th>
						<th scope="col" className="govuk-table__header">
							Detail
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{page.entries.map((entry) => (
						<tr className="govuk-table__row" key={entry.id}>
							<td className="govuk-table__cell">{formatDateTime(entry.at)}</td>
							<td className="govuk-table__cell">
								{entry.who} ({entry.role})
							</td>
							<td className="govuk-table__cell">{entry.action}</td>
							<td className="govuk-table__cell">{entry.detail}</td>
						</tr>
					))}
				</tbody>
			</ScrollingTable>
			<Pagination page={page.page} pages={page.pages} search={location.search} />
		</>
	)
}

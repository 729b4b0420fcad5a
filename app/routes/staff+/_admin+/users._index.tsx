import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { ButtonLink } from '~/components/button-link.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { PersonCells } from '~/components/person.tsx'
import { AccountStatusTag } from '~/components/status-tags.tsx'
import { TableHead } from '~/components/table-head.tsx'
import { accountStatus } from '~/domain/staff-accounts.ts'
import { isStaffRole, ROLES_THAT, STAFF_ROLE_LABELS } from '~/domain/staff.ts'
import { listStaffAccounts } from '~/models/staff.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Staff accounts, for administrators: who has one, their role, and whether they can sign in.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Users')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageUsers })
	const page = Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get('page')) || 1))
	const { users, total, pages } = await listStaffAccounts(page)
	return {
		page,
		pages,
		total,
		users: users.map((user) => ({
			id: user.id,
			name: user.name,
			email: user.email,
			role: isStaffRole(user.role) ? STAFF_ROLE_LABELS[user.role] : user.role,
			status: accountStatus({ passwordHash: user.hasPassword ? 'set' : null, disabledAt: user.disabledAt }),
		})),
	}
}

export default function Users() {
	const page = useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<>
			<h1 className="govuk-heading-l" id="users">
				Users
			</h1>
			<p className="govuk-body">
				{page.total === 1 ? '1 staff account' : `${page.total} staff accounts`}. Turned-off accounts keep their history
				but cannot sign in.
			</p>
			<ButtonLink to="/staff/users/new">Add a user</ButtonLink>
			<ScrollingTable caption="Staff accounts" captionSize="hidden" labelledBy="users">
				<TableHead columns={['Name', 'Email address', 'Role', 'Status']} />
				<tbody className="govuk-table__body">
					{page.users.map((user) => (
						<tr className="govuk-table__row" key={user.id}>
							<PersonCells to={`/staff/users/${user.id}`} name={user.name} email={user.email} />
							<td className="govuk-table__cell">{user.role}</td>
							<td className="govuk-table__cell">
								<AccountStatusTag status={user.status} />
							</td>
						</tr>
					))}
				</tbody>
			</ScrollingTable>
			<Pagination page={page.page} pages={page.pages} search={location.search} />
		</>
	)
}

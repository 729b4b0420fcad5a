import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination.tsx'
import { matchHref } from '~/components/possible-matches.tsx'
import { describeMatchedOn } from '~/domain/possible-matches.ts'
import { STATUS_LABELS } from '~/domain/pipeline-filters.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { listOpenMatches } from '~/models/possible-matches.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Every possible match waiting for a decision (docs/decisions/016), the longest waiting first, a
// page at a time: the pipeline board and My work link here when there are any.

export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Possible matches')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const page = Number(new URL(request.url).searchParams.get('page') ?? '1')
	return listOpenMatches(Number.isInteger(page) ? page : 1)
}

export default function PossibleMatches() {
	const page = useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<>
			<h1 className="govuk-heading-l">Possible matches</h1>
			<p className="govuk-body">
				New enquiries that may be from households we already know. Each new enquiry has its own household, at{' '}
				{page.stageNames.enquiry}, until someone decides: check each one before contacting them.
			</p>
			{page.total === 0 ? (
				<p className="govuk-body">There are no possible matches to check.</p>
			) : (
				<>
					<ScrollingTable
						caption={
							<>
								{page.total.toLocaleString('en-GB')} {page.total === 1 ? 'possible match' : 'possible matches'} to check
							</>
						}
						data-testid="possible-matches"
					>
						<thead className="govuk-table__head">
							<tr className="govuk-table__row">
								<th scope="col" className="govuk-table__header">
									New enquiry
								</th>
								<th scope="col" className="govuk-table__header">
									May be
								</th>
								<th scope="col" className="govuk-table__header">
									What matched
								</th>
								<th scope="col" className="govuk-table__header">
									Since
								</th>
							</tr>
						</thead>
						<tbody className="govuk-table__body">
							{page.matches.map((match) => (
								<tr className="govuk-table__row" key={match.id}>
									<td className="govuk-table__cell">
										<Link className="govuk-link" to={matchHref(match.newHousehold.id, match.id)}>
											{match.newHousehold.displayName || match.newHousehold.reference}
											<span className="govuk-visually-hidden">: check the possible match</span>
										</Link>
										<span className="app-board__reference">{match.newHousehold.reference}</span>
									</td>
									<td className="govuk-table__cell">
										{match.existingHousehold.displayName || match.existingHousehold.reference}
										<span className="app-board__reference">
											{match.existingHousehold.reference}, {page.stageNames[match.existingHousehold.stage]} (
											{STATUS_LABELS[match.existingHousehold.status].toLowerCase()})
										</span>
									</td>
									<td className="govuk-table__cell">{describeMatchedOn(match.matchedOn)}</td>
									<td className="govuk-table__cell">{formatDateTime(match.createdAt)}</td>
								</tr>
							))}
						</tbody>
					</ScrollingTable>
					<Pagination page={page.page} pages={page.pages} search={location.search} />
				</>
			)}
		</>
	)
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Pagination } from '~/components/pagination.tsx'
import { REFERRER_KIND_LABELS } from '~/domain/bonus-scheme.ts'
import { CARER_STATUS_LABELS } from '~/domain/carer-form.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { listCarers } from '~/models/carer-records.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The carers who can refer a friend: added by staff, imported, or approved in the pipeline.
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Carers')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const url = new URL(request.url)
	return listCarers({
		search: url.searchParams.get('q') ?? '',
		page: Number(url.searchParams.get('page')) || 1,
	})
}

// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): the search form and the table in one component; split them
export default function Carers() {
	const page = useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<>
			<h1 className="govuk-heading-l">Carers</h1>
			<p className="govuk-body">
				Carers who can refer a friend. Households approved in the pipeline are added here automatically.
			</p>
			<div className="govuk-button-group">
				<Link
					to="/staff/carers/new"
					className="govuk-button"
					data-module="govuk-button"
					role="button"
					draggable="false"
				>
					Add a carer
				</Link>
				<Link
					to="/staff/carers/import"
					className="govuk-button govuk-button--secondary"
					data-module="govuk-button"
					role="button"
					draggable="false"
				>
					Import carers from a spreadsheet
				</Link>
			</div>

			<Form method="get" role="search" aria-label="Carers">
				<div className="govuk-form-group">
					<label className="govuk-label govuk-label--s" htmlFor="q">
						Search carers
					</label>
					<div id="q-hint" className="govuk-hint">
						Name, email address or referral code
					</div>
					<input
						className="govuk-input govuk-!-width-one-half"
						id="q"
						name="q"
						type="search"
						defaultValue={page.search}
						aria-describedby="q-hint"
						spellCheck={false}
					/>
				</div>
				<div className="govuk-button-group">
					<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
						Search
					</button>
					{page.search ? (
						<Link to="/staff/carers" className="govuk-link">
							Clear search
						</Link>
					) : null}
				</div>
			</Form>

			<p className="govuk-body" data-testid="carer-count">
				{page.total === 1 ? '1 carer' : `${page.total} carers`}
				{page.search ? ` matching “${page.search}”` : ''}
			</p>
			{page.carers.length === 0 ? null : (
				<div className="app-table-scroll" role="region" aria-labelledby="carers-caption" tabIndex={0}>
					<table className="govuk-table govuk-!-font-size-16">
						<caption id="carers-caption" className="govuk-table__caption govuk-visually-hidden">
							Carers, by name
						</caption>
						<thead className="govuk-table__head">
							<tr className="govuk-table__row">
								<th scope="col" className="govuk-table__header">
									Name
								</th>
								<th scope="col" className="govuk-table__header">
									Email address
								</th>
								<th scope="col" className="govuk-table__header">
									Code
								</th>
								<th scope="col" className="govuk-table__header">
									Kind
								</th>
								<th scope="col" className="govuk-table__header">
									Status
								</th>
								<th scope="col" className="govuk-table__header">
									Approved
								</th>
								<th scope="col" className="govuk-table__header">
									Stripe connected
								</th>
							</tr>
						</thead>
						<tbody className="govuk-table__body">
							{page.carers.map((carer) => (
								<tr className="govuk-table__row" key={carer.id}>
									<td className="govuk-table__cell">
										<Link to={`/staff/carers/${carer.id}`} className="govuk-link">
											{carer.name}
										</Link>
									</td>
									<td className="govuk-table__cell govuk-!-text-break-word">{carer.email}</td>
									<td className="govuk-table__cell">{carer.code ? <code>{carer.code}</code> : 'None'}</td>
									<td className="govuk-table__cell">{REFERRER_KIND_LABELS[carer.kind] ?? carer.kind}</td>
									<td className="govuk-table__cell">
										<strong
											className={`govuk-tag ${carer.status === 'active' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}
										>
											{CARER_STATUS_LABELS[carer.status] ?? carer.status}
										</strong>
									</td>
									<td className="govuk-table__cell app-nowrap">
										{carer.approvedOn ? formatDate(carer.approvedOn) : 'Not known'}
									</td>
									<td className="govuk-table__cell">{carer.stripeConnected ? 'Yes' : 'No'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page.page} pages={page.pages} search={location.search} />
		</>
	)
}

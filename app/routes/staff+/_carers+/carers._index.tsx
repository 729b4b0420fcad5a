import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { ButtonLink } from '~/components/button-link.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { PersonCells } from '~/components/person.tsx'
import { TableHead } from '~/components/table-head.tsx'
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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

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
				<ButtonLink to="/staff/carers/new">Add a carer</ButtonLink>
				<ButtonLink to="/staff/carers/import" secondary>
					Import carers from a spreadsheet
				</ButtonLink>
			</div>

			<CarerSearch search={page.search} />

			<p className="govuk-body" data-testid="carer-count">
				{page.total === 1 ? '1 carer' : `${page.total} carers`}
				{page.search ? ` matching “${page.search}”` : ''}
			</p>
			{page.carers.length === 0 ? null : <CarerTable carers={page.carers} />}
			<Pagination page={page.page} pages={page.pages} search={location.search} />
		</>
	)
}

function CarerSearch({ search }: { search: string }) {
	return (
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
					defaultValue={search}
					aria-describedby="q-hint"
					spellCheck={false}
				/>
			</div>
			<div className="govuk-button-group">
				<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
					Search
				</button>
				{search ? (
					<Link to="/staff/carers" className="govuk-link">
						Clear search
					</Link>
				) : null}
			</div>
		</Form>
	)
}

function CarerTable({ carers }: { carers: Loaded['carers'] }) {
	return (
		<ScrollingTable caption="Carers, by name" captionSize="s" className="govuk-!-font-size-16">
			<TableHead columns={['Name', 'Email address', 'Code', 'Kind', 'Status', 'Approved', 'Stripe connected']} />
			<tbody className="govuk-table__body">
				{carers.map((carer) => (
					<tr className="govuk-table__row" key={carer.id}>
						<PersonCells to={`/staff/carers/${carer.id}`} name={carer.name} email={carer.email} />
						<td className="govuk-table__cell">{carer.code ? <code>{carer.code}</code> : 'None'}</td>
						<td className="govuk-table__cell">{REFERRER_KIND_LABELS[carer.kind] ?? carer.kind}</td>
						<td className="govuk-table__cell">
							<strong className={`govuk-tag ${carer.status === 'active' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
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
		</ScrollingTable>
	)
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary, SuccessBanner } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { normaliseReference } from '~/domain/reference.ts'
import { QUARANTINE_DAYS } from '~/domain/spam-trap.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { deleteQuarantined, listQuarantined, releaseQuarantined } from '~/models/quarantine.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// Enquiries the form's spam trap held back (docs/decisions/016): most are bots, but a browser may
// have filled the hidden box for a person. Staff who change households release one (it is then
// recorded as if it had just arrived, at its original time, and acknowledged) or delete it.

const TITLE = 'Held-back enquiries'

export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), TITLE)
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const url = new URL(request.url)
	const requested = Number(url.searchParams.get('page') ?? '1')
	const list = await listQuarantined(Number.isInteger(requested) ? requested : 1)
	// The banner after a release or deletion: the reference, checked, and where the household is.
	const reference = normaliseReference(url.searchParams.get('reference') ?? '')
	const done = url.searchParams.get('done')
	const householdId = url.searchParams.get('household')
	return {
		...list,
		csrfToken: session.csrfToken,
		done:
			reference && (done === 'released' || done === 'deleted')
				? { kind: done, reference, householdId: done === 'released' && householdId ? householdId : null }
				: null,
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const id = String(form.get('id') ?? '')
	const intent = String(form.get('intent') ?? '')
	if (intent === 'release') {
		const released = await releaseQuarantined(id, session.user, await getServiceConfig())
		if (!released.ok) return data({ error: released.error }, { status: 409 })
		wakeOutbox()
		const query = new URLSearchParams({
			done: 'released',
			reference: released.reference,
			household: released.householdId,
		})
		return redirect(`/staff/enquiries/quarantine?${query}`, 303)
	}
	if (intent === 'delete') {
		const deleted = await deleteQuarantined(id, session.user)
		if (!deleted.ok) return data({ error: deleted.error }, { status: 409 })
		return redirect(
			`/staff/enquiries/quarantine?${new URLSearchParams({ done: 'deleted', reference: deleted.reference })}`,
			303
		)
	}
	return data({ error: 'Choose Release or Delete' }, { status: 400 })
}

export default function HeldBackEnquiries() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const location = useLocation()
	return (
		<>
			<PageTitle title={TITLE} area="staff" error={Boolean(result?.error)} />
			<ErrorSummary errors={result?.error ? [{ message: result.error }] : []} />
			{page.done ? <DoneBanner done={page.done} /> : null}
			<h1 className="govuk-heading-l">{TITLE}</h1>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<p className="govuk-body">
						The enquiry form has a box that people never see. Something typed in it is usually a bot, but a browser can
						fill it in for a person, so those enquiries wait here instead of being thrown away. The sender was told
						their enquiry was sent. Nobody has been emailed and they are not in the pipeline.
					</p>
					<p className="govuk-body">
						Release an enquiry from a real person: it is recorded as if it had just arrived (at the time it was sent)
						and they are emailed. Delete the rest. Enquiries nobody releases are deleted after {QUARANTINE_DAYS} days.
					</p>
				</div>
			</div>
			{page.total === 0 ? (
				<p className="govuk-body">There are no held-back enquiries.</p>
			) : (
				<>
					<HeldBackTable page={page} />
					<Pagination page={page.page} pages={page.pages} search={location.search} />
				</>
			)}
		</>
	)
}

type QuarantinePage = SerializeFrom<typeof loader>

/** After a release (with a link to the household it joined) or a deletion. */
function DoneBanner({ done }: { done: NonNullable<QuarantinePage['done']> }) {
	return (
		<SuccessBanner>
			{done.kind === 'released' ? (
				<>
					Enquiry {done.reference} released: it is in the pipeline and the enquirer has been emailed.{' '}
					{done.householdId ? (
						<Link
							className="govuk-notification-banner__link"
							to={`/staff/households/${encodeURIComponent(done.householdId)}`}
						>
							Open the household
						</Link>
					) : null}
				</>
			) : (
				`Enquiry ${done.reference} deleted`
			)}
		</SuccessBanner>
	)
}

/** One page of held-back enquiries: who sent each, what the hidden box held, and its buttons. */
function HeldBackTable({ page }: { page: QuarantinePage }) {
	return (
		<ScrollingTable
			caption={
				<>
					{page.total.toLocaleString('en-GB')} held-back {page.total === 1 ? 'enquiry' : 'enquiries'}, newest first
				</>
			}
			data-testid="held-back"
		>
			<thead className="govuk-table__head">
				<tr className="govuk-table__row">
					<th scope="col" className="govuk-table__header">
						Received
					</th>
					<th scope="col" className="govuk-table__header">
						Enquirer
					</th>
					<th scope="col" className="govuk-table__header">
						Who lives there
					</th>
					<th scope="col" className="govuk-table__header">
						In the hidden box
					</th>
					<th scope="col" className="govuk-table__header">
						<span className="govuk-visually-hidden">Actions</span>
					</th>
				</tr>
			</thead>
			<tbody className="govuk-table__body">
				{page.enquiries.map((enquiry) => (
					<tr className="govuk-table__row" key={enquiry.id}>
						<td className="govuk-table__cell">
							{formatDateTime(enquiry.receivedAt)}
							<span className="app-board__reference">{enquiry.reference}</span>
						</td>
						<td className="govuk-table__cell">
							{enquiry.name}
							<span className="app-board__reference">
								{enquiry.email}, {enquiry.phone}, {enquiry.postcode}
							</span>
						</td>
						<td className="govuk-table__cell app-preserve-lines">{enquiry.householdMembers}</td>
						<td className="govuk-table__cell">{enquiry.trapValue}</td>
						<td className="govuk-table__cell">
							<ReleaseOrDelete enquiry={enquiry} csrfToken={page.csrfToken} />
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}

/** The two decisions on one enquiry, each its own form (not while one is being sent). */
function ReleaseOrDelete({ enquiry, csrfToken }: { enquiry: QuarantinePage['enquiries'][number]; csrfToken: string }) {
	const busy = useNavigation().state === 'submitting'
	return (
		<div className="govuk-button-group govuk-!-margin-bottom-0">
			{(['release', 'delete'] as const).map((intent) => (
				<Form method="post" key={intent}>
					<CsrfField token={csrfToken} />
					<input type="hidden" name="id" value={enquiry.id} />
					<input type="hidden" name="intent" value={intent} />
					<button
						type="submit"
						className={`govuk-button govuk-!-margin-bottom-0${intent === 'delete' ? ' govuk-button--warning' : ''}`}
						data-module="govuk-button"
						data-prevent-double-click="true"
						disabled={busy}
					>
						{intent === 'release' ? 'Release' : 'Delete'}
						<span className="govuk-visually-hidden">
							{' '}
							enquiry {enquiry.reference} from {enquiry.name}
						</span>
					</button>
				</Form>
			))}
		</div>
	)
}

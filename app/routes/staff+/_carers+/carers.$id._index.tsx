import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { SuccessBanner } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { SummaryRow } from '~/components/summary-list.tsx'
import { LEDGER_STATUS_LABELS } from '~/domain/bonus-ledger.ts'
import { formatPounds, MILESTONE_LABELS, REFERRER_KIND_LABELS } from '~/domain/bonus-scheme.ts'
import { CARER_STATUS_LABELS } from '~/domain/carer-form.ts'
import { referralViaLabel } from '~/domain/referral-display.ts'
import { roleCan, ROLES_THAT } from '~/domain/staff.ts'
import { formatDate } from '~/domain/working-days.ts'
import { carerRecord } from '~/models/carer-records.server.ts'
import { setCarerStatus } from '~/models/carers.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteUrl } from '~/utils/site-url.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { ReferralStatusTag } from '~/components/status-tags.tsx'

// A carer's record: who they are, the link and code they share, the households they referred,
// the children placed with them (the placement milestone of a referral bonus) and their bonuses.

export const meta: MetaFunction = () => staffPageMeta(undefined, 'Carer').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const DONE = {
	added: 'Carer added',
	placement: 'Placement recorded',
	inactive: 'The carer is now inactive: they cannot sign in to refer a friend',
	active: 'The carer is active again',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const record = await carerRecord(params.id ?? '')
	if (!record) throw new Response('Carer not found', { status: 404 })
	const done = new URL(request.url).searchParams.get('done') ?? ''
	const role = session.user.role
	return {
		...record,
		link: record.activeCode ? siteUrl(`/r/${record.activeCode}`) : null,
		done: Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null,
		csrfToken: session.csrfToken,
		can: { viewHouseholds: roleCan(role, 'viewHouseholds'), manageBonuses: roleCan(role, 'manageBonuses') },
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const status = form.get('status')
	if (status !== 'active' && status !== 'inactive') throw new Response('Choose active or inactive', { status: 400 })
	const id = params.id ?? ''
	const record = await carerRecord(id)
	if (!record) throw new Response('Carer not found', { status: 404 })
	// Saying the same twice (a second click, two colleagues) changes nothing and says where it stands.
	if (record.carer.status !== status)
		await setCarerStatus({ carerId: id, active: status === 'active', actor: session.user })
	throw redirect(`/staff/carers/${id}?done=${status}`, 303)
}

export default function CarerRecord() {
	const page = useLoaderData<typeof loader>()
	const { carer } = page
	const active = carer.status === 'active'
	return (
		<>
			<PageTitle title={[carer.name, 'carer']} />
			<Link to="/staff/carers" className="govuk-back-link">
				Back to carers
			</Link>
			{page.done ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<span className="govuk-caption-l">{REFERRER_KIND_LABELS[carer.kind] ?? carer.kind}</span>
			<h1 className="govuk-heading-l">
				{carer.name}{' '}
				<strong className={`govuk-tag ${active ? 'govuk-tag--green' : 'govuk-tag--grey'}`} data-testid="carer-status">
					{CARER_STATUS_LABELS[carer.status] ?? carer.status}
				</strong>
			</h1>

			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<Details page={page} />
					<ReferralCode page={page} />
					<HouseholdsReferred page={page} />
					<Placements page={page} />
					<Bonuses page={page} />
				</div>

				<div className="govuk-grid-column-one-third">
					<Actions page={page} />
				</div>
			</div>
		</>
	)
}

type CarerPage = SerializeFrom<typeof loader>

/** Who the carer is and how to reach them, and their household in the pipeline when they came through it. */
function Details({ page }: { page: CarerPage }) {
	const { carer } = page
	return (
		<>
			<h2 className="govuk-heading-m">Details</h2>
			<dl className="govuk-summary-list" data-testid="carer-details">
				<SummaryRow name="Email address">
					<a className="govuk-link govuk-!-text-break-word" href={`mailto:${carer.email}`}>
						{carer.email}
					</a>
				</SummaryRow>
				<SummaryRow name="Phone">{carer.phone ?? 'Not given'}</SummaryRow>
				<SummaryRow name="Approved">{carer.approvedOn ? formatDate(carer.approvedOn) : 'Not known'}</SummaryRow>
				<SummaryRow name="Short breaks only">{carer.shortBreakOnly ? 'Yes' : 'No'}</SummaryRow>
				<SummaryRow name="Stripe connected">{carer.stripeConnected ? 'Yes' : 'No'}</SummaryRow>
				{carer.household && page.can.viewHouseholds ? (
					<SummaryRow name="Approved in the pipeline">
						<Link className="govuk-link" to={`/staff/households/${carer.household.id}`}>
							{carer.household.reference}
						</Link>
					</SummaryRow>
				) : null}
			</dl>
		</>
	)
}

/** The code and link the carer shares, and what being inactive stops. */
function ReferralCode({ page }: { page: CarerPage }) {
	return (
		<>
			<h2 className="govuk-heading-m">Referral code and link</h2>
			{page.activeCode ? (
				<dl className="govuk-summary-list" data-testid="carer-code">
					<SummaryRow name="Code">
						<code>{page.activeCode}</code>
					</SummaryRow>
					<SummaryRow name="Link">
						<span className="govuk-!-text-break-word">{page.link}</span>
					</SummaryRow>
				</dl>
			) : (
				<p className="govuk-body">This carer has no active referral code.</p>
			)}
			{page.carer.status === 'active' ? null : (
				<div className="govuk-inset-text">
					An inactive carer cannot sign in to refer a friend, and new referrals from them do not count.
				</div>
			)}
		</>
	)
}

/** The households the carer referred, and whether each counts for a bonus. */
function HouseholdsReferred({ page }: { page: CarerPage }) {
	return (
		<>
			<h2 className="govuk-heading-m" id="referrals">
				Households referred
			</h2>
			{page.referrals.length === 0 ? (
				<p className="govuk-body">No referrals yet.</p>
			) : (
				<ScrollingTable
					caption="Households this carer referred"
					captionSize="hidden"
					labelledBy="referrals"
					className="govuk-!-font-size-16"
					data-testid="carer-referrals"
				>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Household
							</th>
							<th scope="col" className="govuk-table__header">
								Referred
							</th>
							<th scope="col" className="govuk-table__header">
								How
							</th>
							<th scope="col" className="govuk-table__header">
								Counts for a bonus
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{page.referrals.map((referral) => (
							<tr className="govuk-table__row" key={referral.id}>
								<td className="govuk-table__cell">
									{page.can.viewHouseholds ? (
										<Link className="govuk-link" to={`/staff/households/${referral.household.id}`}>
											{referral.household.displayName || referral.household.reference}
										</Link>
									) : (
										referral.household.reference
									)}
								</td>
								<td className="govuk-table__cell app-nowrap">{formatDate(referral.referredOn)}</td>
								<td className="govuk-table__cell">{referralViaLabel(referral.via)}</td>
								<td className="govuk-table__cell">
									<ReferralStatusTag status={referral.status} />
									{referral.reasonText ? (
										<p className="govuk-body-s govuk-!-margin-bottom-0">{referral.reasonText}</p>
									) : null}
									{referral.staffReason ? (
										<p className="govuk-body-s govuk-!-margin-bottom-0">Staff: {referral.staffReason}</p>
									) : null}
								</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			)}
		</>
	)
}

/** The children placed with the carer: a referral's placement bonus waits on the first one. */
function Placements({ page }: { page: CarerPage }) {
	return (
		<>
			<h2 className="govuk-heading-m" id="placements">
				Placements
			</h2>
			<p className="govuk-body">
				A referral’s placement bonus is earned when the referred carers’ first placement has lasted long enough.
			</p>
			{page.placements.length === 0 ? (
				<p className="govuk-body">No placements recorded.</p>
			) : (
				<ScrollingTable
					caption="Children placed with this carer"
					captionSize="hidden"
					labelledBy="placements"
					className="govuk-!-font-size-16"
					data-testid="carer-placements"
				>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Started
							</th>
							<th scope="col" className="govuk-table__header">
								Ended
							</th>
							<th scope="col" className="govuk-table__header">
								Child’s reference
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{page.placements.map((placement) => (
							<tr className="govuk-table__row" key={placement.id}>
								<td className="govuk-table__cell app-nowrap">{formatDate(placement.startedOn)}</td>
								<td className="govuk-table__cell app-nowrap">
									{placement.endedOn ? formatDate(placement.endedOn) : 'Continuing'}
								</td>
								<td className="govuk-table__cell">{placement.childReference ?? 'Not given'}</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			)}
			<p className="govuk-body">
				<Link className="govuk-link" to={`/staff/carers/${page.carer.id}/placement`}>
					Record a placement
				</Link>
			</p>
		</>
	)
}

/** The bonuses payable to the carer, each linked to its page for staff who manage bonuses. */
function Bonuses({ page }: { page: CarerPage }) {
	return (
		<>
			<h2 className="govuk-heading-m" id="bonuses">
				Bonuses
			</h2>
			{page.bonusEntries.length === 0 ? (
				<p className="govuk-body">No bonuses for this carer.</p>
			) : (
				<ScrollingTable
					caption="Bonuses payable to this carer"
					captionSize="hidden"
					labelledBy="bonuses"
					className="govuk-!-font-size-16"
					data-testid="carer-bonuses"
				>
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								For
							</th>
							<th scope="col" className="govuk-table__header">
								Household
							</th>
							<th scope="col" className="govuk-table__header govuk-table__header--numeric">
								Amount
							</th>
							<th scope="col" className="govuk-table__header">
								Status
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{page.bonusEntries.map((entry) => (
							<tr className="govuk-table__row" key={entry.id}>
								<td className="govuk-table__cell">
									{page.can.manageBonuses ? (
										<Link className="govuk-link" to={`/staff/bonuses/${entry.id}`}>
											{MILESTONE_LABELS[entry.milestone] ?? entry.milestone}
										</Link>
									) : (
										(MILESTONE_LABELS[entry.milestone] ?? entry.milestone)
									)}
								</td>
								<td className="govuk-table__cell">{entry.household.reference}</td>
								<td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(entry.amountPence)}</td>
								<td className="govuk-table__cell">
									{LEDGER_STATUS_LABELS[entry.status] ?? entry.status}
									{entry.paidOn ? ` on ${formatDate(entry.paidOn)}` : ''}
								</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			)}
		</>
	)
}

/** Record a placement, and make the carer inactive (or active again): the page's own form. */
function Actions({ page }: { page: CarerPage }) {
	const active = page.carer.status === 'active'
	return (
		<>
			<h2 className="govuk-heading-m">Actions</h2>
			<ul className="govuk-list">
				<li>
					<Link className="govuk-link" to={`/staff/carers/${page.carer.id}/placement`}>
						Record a placement
					</Link>
				</li>
			</ul>
			<Form method="post">
				<CsrfField token={page.csrfToken} />
				<input type="hidden" name="status" value={active ? 'inactive' : 'active'} />
				<button
					type="submit"
					className={`govuk-button ${active ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
					data-module="govuk-button"
				>
					{active ? 'Make inactive' : 'Make active again'}
				</button>
			</Form>
		</>
	)
}

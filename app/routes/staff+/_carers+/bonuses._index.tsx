import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Radios } from '~/components/form.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { BonusStatusTag } from '~/components/bonus-status-tag.tsx'
import { LEDGER_FILTERS, LEDGER_FILTER_LABELS, parseLedgerFilter } from '~/domain/bonus-ledger-forms.ts'
import { MILESTONE_LABELS, formatPounds } from '~/domain/bonus-scheme.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { formatShortDate, londonDate } from '~/domain/working-days.ts'
import { listBonusEntries } from '~/models/bonus-entries.server.ts'
import { paymentsNeedingAttention } from '~/models/bonus-payments.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The bonus ledger: one entry per referral and milestone. Managers work through the bonuses
// awaiting approval (the default), then those awaiting payment; each is a decision taken on its
// own page (no "approve all": every bonus is checked).
export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'Bonuses')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	await requireStaff(request, { roles: ROLES_THAT.manageBonuses })
	const url = new URL(request.url)
	const filter = parseLedgerFilter(url.searchParams.get('status'))
	const [ledger, attention] = await Promise.all([
		listBonusEntries(filter, Number(url.searchParams.get('page')) || 1),
		paymentsNeedingAttention(),
	])
	return {
		filter,
		...ledger,
		// Stripe refused these, or reversed them after paying: a manager settles each with the carer.
		attention: attention.map((payment) => ({
			id: payment.id,
			entryId: payment.entryId,
			amountPence: payment.amountPence,
			status: payment.status,
			lastError: payment.lastError,
		})),
	}
}

export default function Bonuses() {
	const page = useLoaderData<typeof loader>()
	const { search } = useLocation()
	return (
		<>
			<h1 className="govuk-heading-l">Bonuses</h1>
			<p className="govuk-body">
				Refer-a-friend bonuses, one for each referral and milestone. Check each earned bonus and approve it for payment,
				then pay it or record how it was paid. The amounts come from the{' '}
				<Link className="govuk-link" to="/staff/settings/referral-scheme">
					bonus scheme
				</Link>{' '}
				in force on the day of the referral.
			</p>
			{page.attention.length > 0 ? <NeedsAttention payments={page.attention} /> : null}
			<StatusFilter filter={page.filter} counts={page.counts} />
			<h2 className="govuk-heading-m" role="status" id="ledger">
				{LEDGER_FILTER_LABELS[page.filter]}: {page.total} {page.total === 1 ? 'bonus' : 'bonuses'}
			</h2>
			{page.entries.length === 0 ? <p className="govuk-body">There are none.</p> : <Ledger page={page} />}
			<Pagination page={page.page} pages={page.pages} search={search} />
		</>
	)
}

type LedgerPage = SerializeFrom<typeof loader>
type LedgerFilter = (typeof LEDGER_FILTERS)[number]

/** Which bonuses to show, each choice with how many there are. */
function StatusFilter({ filter, counts }: { filter: LedgerFilter; counts: LedgerPage['counts'] }) {
	const count = (choice: LedgerFilter) =>
		choice === 'all' ? Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0) : (counts[choice] ?? 0)
	return (
		<Form method="get" className="app-filters app-no-print" aria-label="Filter bonuses" role="search">
			<Radios
				name="status"
				legend="Show"
				inline
				choices={LEDGER_FILTERS.map((choice) => ({
					value: choice,
					label: `${LEDGER_FILTER_LABELS[choice]} (${count(choice)})`,
				}))}
				selected={[filter]}
			/>
			<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
				Show bonuses
			</button>
		</Form>
	)
}

/** One page of the ledger: who, for what, how much, where it stands and when each step happened. */
function Ledger({ page }: { page: LedgerPage }) {
	return (
		<ScrollingTable
			caption={
				<>
					{LEDGER_FILTER_LABELS[page.filter]}, page {page.page} of {page.pages}
				</>
			}
			captionSize="hidden"
			labelledBy="ledger"
		>
			<thead className="govuk-table__head">
				<tr className="govuk-table__row">
					<th scope="col" className="govuk-table__header">
						Referrer
					</th>
					<th scope="col" className="govuk-table__header">
						Milestone
					</th>
					<th scope="col" className="govuk-table__header govuk-table__header--numeric">
						Amount
					</th>
					<th scope="col" className="govuk-table__header">
						Status
					</th>
					<th scope="col" className="govuk-table__header">
						Dates
					</th>
				</tr>
			</thead>
			<tbody className="govuk-table__body">
				{page.entries.map((entry) => (
					<tr className="govuk-table__row" key={entry.id}>
						<td className="govuk-table__cell">
							<Link className="govuk-link" to={`/staff/bonuses/${entry.id}`}>
								{entry.referrer}
								<span className="govuk-visually-hidden">: {MILESTONE_LABELS[entry.milestone] ?? entry.milestone}</span>
							</Link>
							{entry.payee && entry.payee !== entry.referrer ? (
								<span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">Paid to {entry.payee}</span>
							) : null}
						</td>
						<td className="govuk-table__cell">{MILESTONE_LABELS[entry.milestone] ?? entry.milestone}</td>
						<td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(entry.amountPence)}</td>
						<td className="govuk-table__cell">
							<BonusStatusTag status={entry.status} />
						</td>
						<td className="govuk-table__cell">
							<EntryDates entry={entry} />
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}

/** When the bonus was referred, earned, approved, paid or made void (those that have happened). */
function EntryDates({ entry }: { entry: LedgerPage['entries'][number] }) {
	return (
		<ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-0">
			<li>Referred {formatShortDate(entry.referredOn)}</li>
			{entry.earnedOn ? <li>Earned {formatShortDate(entry.earnedOn)}</li> : null}
			{entry.approvedAt ? <li>Approved {formatShortDate(londonDate(new Date(entry.approvedAt)))}</li> : null}
			{entry.paidOn ? <li>Paid {formatShortDate(entry.paidOn)}</li> : null}
			{entry.voidedAt ? <li>Void {formatShortDate(londonDate(new Date(entry.voidedAt)))}</li> : null}
		</ul>
	)
}

function NeedsAttention({
	payments,
}: {
	payments: { id: string; entryId: string; amountPence: number; status: string; lastError: string | null }[]
}) {
	return (
		<div className="govuk-notification-banner" role="region" aria-labelledby="attention-title">
			<div className="govuk-notification-banner__header">
				<h2 className="govuk-notification-banner__title" id="attention-title">
					Important
				</h2>
			</div>
			<div className="govuk-notification-banner__content">
				<p className="govuk-notification-banner__heading">
					{payments.length === 1 ? 'A Stripe payment needs' : `${payments.length} Stripe payments need`} your attention
				</p>
				<ul className="govuk-list">
					{payments.map((payment) => (
						<li key={payment.id}>
							<Link className="govuk-notification-banner__link" to={`/staff/bonuses/${payment.entryId}`}>
								{formatPounds(payment.amountPence)}{' '}
								{payment.status === 'failed' ? 'payment refused by Stripe' : 'payment reversed by Stripe'}
							</Link>
							{payment.lastError ? `: ${payment.lastError}` : null}
						</li>
					))}
				</ul>
			</div>
		</div>
	)
}

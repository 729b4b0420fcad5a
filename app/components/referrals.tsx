import { ScrollingTable } from './scrolling-table.tsx'
import { Link } from '@remix-run/react'
import { AWAITING_MATCH_TEXT, referralViaLabel } from '~/domain/referral-display.ts'
import { formatDate } from '~/domain/working-days.ts'
import { ReferralStatusTag } from './status-tags.tsx'
import { TableHead } from './table-head.tsx'

// A household's referrals as staff see them: who referred them, how, when, and whether it counts
// for a bonus (with the rules' reason, or staff's, when it does not).

export type ReferralView = {
	id: string
	referrer: { id: string; name: string }
	via: string
	referredOn: string
	status: string
	reasonText: string | null
	overridable: boolean
	/** Why staff cannot detach it or count it instead; null when they can (app/domain/referral-eligibility.ts). */
	refusals: { detach: string | null; count: string | null }
	staffReason: string | null
}

function Status({ referral }: { referral: ReferralView }) {
	return (
		<>
			<ReferralStatusTag status={referral.status} />
			{referral.status === 'awaiting_match' ? (
				<p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">{AWAITING_MATCH_TEXT}</p>
			) : null}
			{referral.reasonText && referral.status === 'not_eligible' ? (
				<p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">{referral.reasonText}</p>
			) : null}
			{referral.staffReason ? (
				<p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">
					Staff reason: {referral.staffReason}
				</p>
			) : null}
		</>
	)
}

/** The one referral an action page is about. */
export function ReferralSummary({ referral }: { referral: ReferralView }) {
	return (
		<dl className="govuk-summary-list" data-testid="referral-summary">
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">Referred by</dt>
				<dd className="govuk-summary-list__value">{referral.referrer.name}</dd>
			</div>
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">How</dt>
				<dd className="govuk-summary-list__value">
					{referralViaLabel(referral.via)}, {formatDate(referral.referredOn)}
				</dd>
			</div>
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">Counts for a bonus</dt>
				<dd className="govuk-summary-list__value">
					<Status referral={referral} />
				</dd>
			</div>
		</dl>
	)
}

/** The household record's Referral section, with the changes this member of staff may make. */
export function ReferralSection({
	householdId,
	referrals,
	canChange,
	canViewCarers,
}: {
	householdId: string
	referrals: ReferralView[]
	canChange: boolean
	canViewCarers: boolean
}) {
	const base = `/staff/households/${householdId}`
	return (
		<>
			<h2 className="govuk-heading-m" id="referral">
				Referral
			</h2>
			{referrals.length === 0 ? (
				<p className="govuk-body">No carer referred this household.</p>
			) : (
				<ScrollingTable
					caption="Who referred this household"
					captionSize="hidden"
					labelledBy="referral"
					className="govuk-!-font-size-16"
					data-testid="household-referrals"
				>
					<TableHead
						columns={[
							'Referred by',
							'How',
							'Date',
							'Counts for a bonus',
							...(canChange ? [{ header: 'Changes', hidden: true }] : []),
						]}
					/>
					<tbody className="govuk-table__body">
						{referrals.map((referral) => (
							<ReferralRow
								key={referral.id}
								referral={referral}
								changesBase={canChange ? base : null}
								canViewCarers={canViewCarers}
							/>
						))}
					</tbody>
				</ScrollingTable>
			)}
			{canChange ? (
				<p className="govuk-body">
					<Link className="govuk-link" to={`${base}/referral`}>
						Attach a referral
					</Link>
				</p>
			) : null}
		</>
	)
}

/** A referral in the section's table; `changesBase` is the household's address where staff may change it. */
function ReferralRow({
	referral,
	changesBase,
	canViewCarers,
}: {
	referral: ReferralView
	changesBase: string | null
	canViewCarers: boolean
}) {
	return (
		<tr className="govuk-table__row">
			<td className="govuk-table__cell">
				{canViewCarers ? (
					<Link className="govuk-link" to={`/staff/carers/${referral.referrer.id}`}>
						{referral.referrer.name}
					</Link>
				) : (
					referral.referrer.name
				)}
			</td>
			<td className="govuk-table__cell">{referralViaLabel(referral.via)}</td>
			<td className="govuk-table__cell app-nowrap">{formatDate(referral.referredOn)}</td>
			<td className="govuk-table__cell">
				<Status referral={referral} />
			</td>
			{changesBase === null ? null : (
				<td className="govuk-table__cell">
					<ReferralChanges referral={referral} base={changesBase} />
				</td>
			)}
		</tr>
	)
}

/** Detach the referral, or count it for a bonus though the rules did not: each only where it is allowed. */
function ReferralChanges({ referral, base }: { referral: ReferralView; base: string }) {
	return (
		<>
			{referral.refusals.detach === null ? (
				<Link className="govuk-link" to={`${base}/referrals/${referral.id}/detach`}>
					Detach<span className="govuk-visually-hidden"> the referral from {referral.referrer.name}</span>
				</Link>
			) : null}
			{referral.overridable ? (
				<>
					<br />
					<Link className="govuk-link" to={`${base}/referrals/${referral.id}/override`}>
						Count it
						<span className="govuk-visually-hidden"> (the referral from {referral.referrer.name})</span>
					</Link>
				</>
			) : null}
		</>
	)
}

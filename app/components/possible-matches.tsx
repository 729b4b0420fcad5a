import { ScrollingTable } from './scrolling-table.tsx'
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { describeMatchedOn, type MatchKind } from '~/domain/possible-matches.ts'
import { STATUS_LABELS } from '~/domain/pipeline-filters.ts'
import { referralStatusLabel } from '~/domain/referral-display.ts'
import type { HouseholdStatus } from '~/domain/stage-machine.ts'
import type { StageKey } from '~/domain/stages.ts'
import { formatDate, formatDateTime } from '~/domain/working-days.ts'

// Possible matches as staff see them (docs/decisions/016): the notice on a household's record and
// the pipeline, and the two households side by side on the page where an officer decides.

type Other = { id: string; reference: string; displayName: string }
export type MatchNotice = { id: string; side: 'new' | 'existing'; matchedOn: MatchKind[]; other: Other }

export function matchHref(householdId: string, matchId: string) {
	return `/staff/households/${householdId}/match/${matchId}`
}

/** A GOV.UK "important" notification banner: something to act on, not a success. */
export function ImportantBanner({ id, title, children }: { id: string; title: string; children: ReactNode }) {
	return (
		<div
			className="govuk-notification-banner"
			role="region"
			aria-labelledby={id}
			data-module="govuk-notification-banner"
		>
			<div className="govuk-notification-banner__header">
				<h2 className="govuk-notification-banner__title" id={id}>
					{title}
				</h2>
			</div>
			<div className="govuk-notification-banner__content">{children}</div>
		</div>
	)
}

/** How many possible matches wait for a decision, linking to them; nothing when there are none. */
export function OpenMatchesNotice({ count }: { count: number }) {
	if (count === 0) return null
	return (
		<ImportantBanner id="open-matches-title" title="Possible matches">
			<p className="govuk-notification-banner__heading" data-testid="open-matches">
				{count === 1
					? '1 new enquiry may be from a household we already know.'
					: `${count.toLocaleString('en-GB')} new enquiries may be from households we already know.`}{' '}
				<Link className="govuk-notification-banner__link" to="/staff/possible-matches">
					Check {count === 1 ? 'it' : 'them'}
				</Link>
			</p>
		</ImportantBanner>
	)
}

/** The household record's notice of each open match it is part of, on either side. */
export function MatchNotices({ householdId, notices }: { householdId: string; notices: MatchNotice[] }) {
	if (notices.length === 0) return null
	return (
		<ImportantBanner id="possible-match-title" title="Possible match">
			{notices.map((notice) => {
				const other = `${notice.other.displayName || notice.other.reference} (${notice.other.reference})`
				const what = describeMatchedOn(notice.matchedOn).toLowerCase()
				return (
					<p className="govuk-notification-banner__heading" key={notice.id} data-testid="possible-match-notice">
						{notice.side === 'new'
							? `This household may be one we already know: ${other}, with the ${what}. Nothing has been merged. `
							: `A new enquiry may be from this household: ${other}, with the ${what}. Nothing here changes until someone decides. `}
						<Link className="govuk-notification-banner__link" to={matchHref(householdId, notice.id)}>
							Check the possible match<span className="govuk-visually-hidden"> with {notice.other.reference}</span>
						</Link>
					</p>
				)
			})}
		</ImportantBanner>
	)
}

export type ComparedHousehold = {
	id: string
	reference: string
	displayName: string
	route: string
	stage: StageKey
	status: HouseholdStatus
	stageEnteredOn: string
	postcode: string
	owner: string | null
	applicants: { id: string; name: string; email: string; phone: string }[]
	enquiries: { id: string; reference: string; receivedAt: Date | string; source: string; channel: string }[]
	referrals: { id: string; referrer: string; status: string; referredOn: string }[]
}

const SOURCE_WORDS: Record<string, string> = { web: 'online form', phone: 'phone', event: 'event', import: 'import' }

/** A thing to compare: its name, how a household shows it, and the match it may share ("Same"). */
type ComparedRow = { name: string; cell: (household: ComparedHousehold) => ReactNode; sharedOn?: MatchKind }

/** One row per thing to compare, in the order an officer reads them. */
function comparedRows(stageNames: Record<StageKey, string>): ComparedRow[] {
	const applicants = (field: 'name' | 'email' | 'phone') => (household: ComparedHousehold) =>
		household.applicants.map((applicant) => applicant[field]).join(', ')
	return [
		{
			name: 'Reference',
			cell: (household) => (
				<Link className="govuk-link" to={`/staff/households/${household.id}`}>
					{household.reference}
				</Link>
			),
		},
		{ name: 'Names', cell: applicants('name') },
		{ name: 'Email', cell: applicants('email'), sharedOn: 'email' },
		{ name: 'Phone', cell: applicants('phone'), sharedOn: 'phone' },
		{ name: 'Postcode', cell: (household) => household.postcode, sharedOn: 'name_postcode' },
		{ name: 'Route', cell: (household) => (household.route === 'kinship' ? 'Kinship' : 'Mainstream') },
		{
			name: 'Stage',
			cell: (household) => `${stageNames[household.stage]} since ${formatDate(household.stageEnteredOn)}`,
		},
		{ name: 'Status', cell: (household) => STATUS_LABELS[household.status] },
		{ name: 'Owner', cell: (household) => household.owner ?? 'Unassigned' },
		{ name: 'Enquiries', cell: (household) => <EnquiryList enquiries={household.enquiries} /> },
		{ name: 'Referral', cell: (household) => describeReferrals(household.referrals) },
	]
}

/** A household's value in a row, with a "Same" tag where the match was found on it. */
function ComparedValue({
	row,
	household,
	matchedOn,
}: {
	row: ComparedRow
	household: ComparedHousehold
	matchedOn: MatchKind[]
}) {
	return (
		<>
			{row.cell(household)}
			{row.sharedOn && matchedOn.includes(row.sharedOn) ? (
				<>
					{' '}
					<strong className="govuk-tag govuk-tag--blue">Same</strong>
				</>
			) : null}
		</>
	)
}

function EnquiryList({ enquiries }: { enquiries: ComparedHousehold['enquiries'] }) {
	return (
		<ul className="govuk-list govuk-!-margin-bottom-0">
			{enquiries.map((enquiry) => {
				const source = SOURCE_WORDS[enquiry.source] ?? enquiry.source
				return (
					<li key={enquiry.id}>
						{enquiry.reference}, {formatDateTime(enquiry.receivedAt)} ({source}, {enquiry.channel.toLowerCase()})
					</li>
				)
			})}
		</ul>
	)
}

function describeReferrals(referrals: ComparedHousehold['referrals']) {
	return referrals.length === 0
		? 'None'
		: referrals
				.map(
					(referral) =>
						`${referral.referrer}, ${formatDate(referral.referredOn)}: ` +
						referralStatusLabel(referral.status).toLowerCase()
				)
				.join('; ')
}

/** The two households side by side, one row per thing to compare, with what they share marked. */
export function MatchComparison({
	newHousehold,
	existingHousehold,
	matchedOn,
	stageNames,
}: {
	newHousehold: ComparedHousehold | null
	existingHousehold: ComparedHousehold
	matchedOn: MatchKind[]
	stageNames: Record<StageKey, string>
}) {
	const rows = comparedRows(stageNames)
	return (
		<ScrollingTable caption="The two households" data-testid="match-comparison">
			<thead className="govuk-table__head">
				<tr className="govuk-table__row">
					<td className="govuk-table__header" />
					<th scope="col" className="govuk-table__header">
						New enquiry
					</th>
					<th scope="col" className="govuk-table__header">
						Already known
					</th>
				</tr>
			</thead>
			<tbody className="govuk-table__body">
				{rows.map((row) => (
					<tr className="govuk-table__row" key={row.name}>
						<th scope="row" className="govuk-table__header">
							{row.name}
						</th>
						<td className="govuk-table__cell">
							{newHousehold ? (
								<ComparedValue row={row} household={newHousehold} matchedOn={matchedOn} />
							) : row.name === 'Reference' ? (
								'Merged into the known household'
							) : (
								''
							)}
						</td>
						<td className="govuk-table__cell">
							<ComparedValue row={row} household={existingHousehold} matchedOn={matchedOn} />
						</td>
					</tr>
				))}
			</tbody>
		</ScrollingTable>
	)
}

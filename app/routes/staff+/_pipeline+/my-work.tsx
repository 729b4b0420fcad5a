import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useId, type ReactNode } from 'react'
import { DeadlineTag, householdHref } from '~/components/pipeline.tsx'
import { OpenMatchesNotice } from '~/components/possible-matches.tsx'
import { formatDueDate } from '~/domain/deadlines.ts'
import { endOfThisWeek, type WorkItem } from '~/domain/my-work.ts'
import { roleCan, ROLES_THAT } from '~/domain/staff.ts'
import { loadMyWork, loadSharedWork } from '~/models/my-work.server.ts'
import { openMatchCount } from '~/models/possible-matches.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The signed-in member of staff's work, soonest first: their households' nearest deadlines and
// the tasks given to them, grouped by when they are due, then the households waiting on a hold.
// Then the open households nobody owns (officers and managers) and, for a manager, the team's
// overdue and at-risk households (ADR 031).

export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'My work')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const day = today()
	const show = { unassigned: roleCan(user.role, 'takeUnassignedWork'), team: roleCan(user.role, 'overseeTeamWork') }
	const [work, shared, openMatches] = await Promise.all([
		loadMyWork(user.id, day),
		loadSharedWork(user.id, day, show),
		openMatchCount(),
	])
	return { ...work, shared, today: day, openMatches }
}

function plural(count: number, one: string, many: string) {
	return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}

export default function MyWork() {
	const page = useLoaderData<typeof loader>()
	return (
		<>
			<OpenMatchesNotice count={page.openMatches} />
			<h1 className="govuk-heading-l">My work</h1>
			<HowMuch counts={page.counts} shown={page.shown} />
			{page.groups.length === 0 ? (
				<p className="govuk-body">You have no open households and no open tasks.</p>
			) : (
				page.groups.map((group) => (
					<WorkGroup key={group.group} group={group} stageNames={page.stageNames} today={page.today} />
				))
			)}
			{page.shared.unassigned ? (
				<SharedWork
					heading="Unassigned"
					intro="Open households nobody owns yet, nearest deadline first. Open one to assign it."
					empty="Every open household has an owner."
					work={page.shared.unassigned}
					stageNames={page.stageNames}
				/>
			) : null}
			{page.shared.team ? (
				<SharedWork
					heading="Your team’s overdue and at-risk work"
					intro="Colleagues’ open households whose nearest deadline is at risk or overdue, soonest first."
					empty="Nothing of your team’s is at risk or overdue."
					work={page.shared.team}
					stageNames={page.stageNames}
					showOwner
				/>
			) : null}
		</>
	)
}

/** Work beside the reader's own: a heading, what it is, and its table (or that there is none). */
function SharedWork({
	heading,
	intro,
	empty,
	work,
	stageNames,
	showOwner = false,
}: {
	heading: string
	intro: string
	empty: string
	work: NonNullable<MyWorkPage['shared']['unassigned']>
	stageNames: MyWorkPage['stageNames']
	showOwner?: boolean
}) {
	const headingId = useId()
	const more =
		work.count > work.items.length ? ` This page shows the ${work.items.length} nearest of ${work.count}.` : ''
	return (
		<>
			<h2 className="govuk-heading-l" id={headingId}>
				{heading}
			</h2>
			<p className="govuk-body">{work.items.length === 0 ? empty : `${intro}${more}`}</p>
			{work.items.length > 0 ? (
				<WorkTable
					caption={heading}
					items={work.items}
					stageNames={stageNames}
					showOwner={showOwner}
					labelledBy={headingId}
				/>
			) : null}
		</>
	)
}

type MyWorkPage = SerializeFrom<typeof loader>

/** How much work they have, and what the page leaves out when there is more than it shows. */
function HowMuch({ counts, shown }: Pick<MyWorkPage, 'counts' | 'shown'>) {
	const capped = [
		counts.households > shown.households
			? `the ${shown.households} nearest deadlines of your ${counts.households.toLocaleString('en-GB')} open households`
			: null,
		counts.onHold > shown.onHold ? `${shown.onHold} of your ${counts.onHold} households on hold` : null,
		counts.tasks > shown.tasks ? `the ${shown.tasks} soonest of your ${counts.tasks} open tasks` : null,
	].filter(Boolean)
	return (
		<>
			<p className="govuk-body">
				Your households by their next deadline, and the tasks given to you, soonest first. You own{' '}
				{plural(counts.households, 'open household', 'open households')} and{' '}
				{plural(counts.onHold, 'household', 'households')} on hold, and have{' '}
				{plural(counts.tasks, 'open task', 'open tasks')}.
			</p>
			{capped.length > 0 ? (
				<div className="govuk-inset-text">
					This page shows {capped.join(', ')}.{' '}
					<Link className="govuk-link" to="/staff/my-households?sort=deadline">
						See all your households in My households
					</Link>
					.
				</div>
			) : null}
		</>
	)
}

/** One group of work (overdue, this week...): what is due, for which household, and where it stands. */
function WorkGroup({
	group,
	stageNames,
	today,
}: {
	group: MyWorkPage['groups'][number]
	stageNames: MyWorkPage['stageNames']
	today: string
}) {
	const caption = (
		<>
			{group.heading}
			{group.group === 'this_week' ? (
				<span className="govuk-caption-m">Up to {formatDueDate(endOfThisWeek(today), today, true)}</span>
			) : null}
		</>
	)
	return <WorkTable caption={caption} items={group.items} stageNames={stageNames} testId={`work-${group.group}`} />
}

function WorkTable({
	caption,
	items,
	stageNames,
	testId,
	showOwner = false,
	labelledBy,
}: {
	caption: ReactNode
	items: readonly WorkItem[]
	stageNames: MyWorkPage['stageNames']
	testId?: string
	showOwner?: boolean
	/** The id of the heading above the table, when the caption repeats it: read out, not shown twice. */
	labelledBy?: string
}) {
	return (
		<div>
			<ScrollingTable
				caption={caption}
				{...(labelledBy ? { captionSize: 'hidden' as const, labelledBy } : { captionSize: 'm' as const })}
				data-testid={testId}
			>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header govuk-!-width-one-half">
							What is due
						</th>
						<th scope="col" className="govuk-table__header">
							Household
						</th>
						{showOwner ? (
							<th scope="col" className="govuk-table__header">
								Owner
							</th>
						) : null}
						<th scope="col" className="govuk-table__header">
							Stage
						</th>
						<th scope="col" className="govuk-table__header">
							Status
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{items.map((item) => (
						<tr key={item.key} className="govuk-table__row">
							<td className="govuk-table__cell">{item.what}</td>
							<td className="govuk-table__cell">
								<Link className="govuk-link" to={householdHref(item.householdId)}>
									{item.householdName}
								</Link>
								<span className="app-board__reference">{item.reference}</span>
							</td>
							{showOwner ? <td className="govuk-table__cell">{item.ownerName ?? 'Nobody'}</td> : null}
							<td className="govuk-table__cell">{stageNames[item.stage]}</td>
							<td className="govuk-table__cell">
								<StatusTag item={item} />
							</td>
						</tr>
					))}
				</tbody>
			</ScrollingTable>
		</div>
	)
}

function StatusTag({ item }: { item: WorkItem }) {
	if (item.status === 'on_track' || item.status === 'at_risk' || item.status === 'overdue') {
		return <DeadlineTag status={item.status} showOnTrack={item.kind === 'deadline'} />
	}
	if (item.kind === 'on_hold') return <strong className="govuk-tag govuk-tag--yellow">On hold</strong>
	return null
}

import { ScrollingTable } from '~/components/scrolling-table.tsx'
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { DeadlineTag, householdHref } from '~/components/pipeline.tsx'
import { OpenMatchesNotice } from '~/components/possible-matches.tsx'
import { formatDueDate } from '~/domain/deadlines.ts'
import { endOfThisWeek, type WorkItem } from '~/domain/my-work.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { loadMyWork } from '~/models/my-work.server.ts'
import { openMatchCount } from '~/models/possible-matches.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { siteFromMatches } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// The signed-in member of staff's work, soonest first: their households' nearest deadlines and
// the tasks given to them, grouped by when they are due, then the households waiting on a hold.

export const meta: MetaFunction = ({ matches }) => staffPageMeta(siteFromMatches(matches), 'My work')
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const { user } = await requireStaff(request, { roles: ROLES_THAT.changeHouseholds })
	const day = today()
	const [work, openMatches] = await Promise.all([loadMyWork(user.id, day), openMatchCount()])
	return { ...work, today: day, openMatches }
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
	return (
		<div>
			<ScrollingTable
				caption={
					<>
						{group.heading}{' '}
						{group.group === 'this_week' ? (
							<span className="govuk-caption-m">Up to {formatDueDate(endOfThisWeek(today), today, true)}</span>
						) : null}
					</>
				}
				data-testid={`work-${group.group}`}
			>
				<thead className="govuk-table__head">
					<tr className="govuk-table__row">
						<th scope="col" className="govuk-table__header govuk-!-width-one-half">
							What is due
						</th>
						<th scope="col" className="govuk-table__header">
							Household
						</th>
						<th scope="col" className="govuk-table__header">
							Stage
						</th>
						<th scope="col" className="govuk-table__header">
							Status
						</th>
					</tr>
				</thead>
				<tbody className="govuk-table__body">
					{group.items.map((item) => (
						<tr key={item.key} className="govuk-table__row">
							<td className="govuk-table__cell">{item.what}</td>
							<td className="govuk-table__cell">
								<Link className="govuk-link" to={householdHref(item.householdId)}>
									{item.householdName}
								</Link>
								<span className="app-board__reference">{item.reference}</span>
							</td>
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

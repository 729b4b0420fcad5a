import { ScrollingTable } from '~/components/scrolling-table.tsx'
import { TableHead } from '~/components/table-head.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { ErrorSummary, SuccessBanner } from '~/components/form.tsx'
import { revalidateAfterStale } from '~/components/household.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { SummaryRow } from '~/components/summary-list.tsx'
import { MatchNotices } from '~/components/possible-matches.tsx'
import { ReferralSection } from '~/components/referrals.tsx'
import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import { BEST_TIMES, FOSTERING_INTERESTS, NOT_SURE, SPARE_BEDROOM_OPTIONS } from '~/domain/enquiry-form.ts'
import { doneMessage } from '~/domain/household-forms.ts'
import { STATUS_LABELS } from '~/domain/pipeline-filters.ts'
import { availableActions, rolesFor, type HouseholdAction } from '~/domain/household-actions.ts'
import { roleCan, ROLES_THAT } from '~/domain/staff.ts'
import type { HouseholdStatus } from '~/domain/stage-machine.ts'
import type { StageKey } from '~/domain/stages.ts'
import type { ClockRow } from '~/domain/deadlines.ts'
import { labelOf as label, type TimelineItem } from '~/domain/timeline.ts'

import { formatDate, formatDateTime, formatShortDate } from '~/domain/working-days.ts'
import { completeTask } from '~/models/household-actions.server.ts'
import { loadHouseholdRecord } from '~/models/household-record.server.ts'
import { referralsOfHousehold } from '~/models/carer-records.server.ts'
import { mergedInto, openMatchesOf } from '~/models/possible-matches.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { backToRecord, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { ClockStatusTag } from '~/components/status-tags.tsx'

// The household record: who they are, where they are in the pipeline, where they came from, and
// everything that has happened to them. Opening it is written to the audit log.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Household').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const url = new URL(request.url)
	const page = Number(url.searchParams.get('page') ?? '1')
	const record = await loadHouseholdRecord(params.id ?? '', session.user, Number.isInteger(page) ? page : 1)
	if (!record) {
		// A household merged into another after a possible match was confirmed: its old links go there.
		const kept = await mergedInto(params.id ?? '')
		if (kept) throw redirect(`/staff/households/${kept}?done=merged-here`, 303)
		throw new Response('Household not found', { status: 404 })
	}
	const role = session.user.role
	// What this member of staff may do to the household as it is now: the same rule its pages and
	// their forms follow (app/domain/household-actions.ts).
	const actions = availableActions(record.state, role)
	return {
		...record,
		referrals: await referralsOfHousehold(record.household.id),
		// Only staff who can decide a possible match are sent to its page.
		possibleMatches: actions.includes('decide_match') ? await openMatchesOf(record.household.id) : [],
		done: doneMessage(url.searchParams.get('done')),
		csrfToken: session.csrfToken,
		actions,
		canViewCarers: roleCan(role, 'manageCarers'),
	}
}

/** The record's own form: marking a task as done. */
export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: rolesFor('complete_task') })
	const householdId = params.id ?? ''
	const { form, change } = await postedForm(request, { session, household: { id: householdId } })
	const result = await completeTask({ ...change, taskId: String(form.get('taskId') ?? '') })
	if (!result.ok) return refused(result, {})
	return backToRecord(householdId, 'task-done')
}

/** The page links keep the query but not the banner of the last change. */
function withoutDone(search: string) {
	const params = new URLSearchParams(search)
	params.delete('done')
	return params.toString()
}

/** The record's list of actions: where each goes and what it says, for those the household offers. */
function actionLinks(
	base: string,
	stageNames: Record<StageKey, string>
): { action: HouseholdAction; to: string; text: string }[] {
	return [
		{ action: 'contact', to: `${base}/contact`, text: 'Log a contact attempt' },
		{ action: 'move', to: `${base}/move`, text: 'Move to a stage' },
		{ action: 'checks_received', to: `${base}/checks-received`, text: `Record the last ${stageNames.stage_1} check` },
		{ action: 'complete_stage_1', to: `${base}/stage-1-complete`, text: `${stageNames.stage_1} complete` },
		{ action: 'hold', to: `${base}/hold`, text: 'Put on hold' },
		{ action: 'resume', to: `${base}/resume`, text: 'Resume' },
		{ action: 'close', to: `${base}/close`, text: 'Close' },
		{ action: 'reopen', to: `${base}/reopen`, text: 'Reopen' },
		{ action: 'owner', to: `${base}/owner`, text: 'Assign an owner' },
		{ action: 'note', to: `${base}/note`, text: 'Add a note' },
		{ action: 'task', to: `${base}/task`, text: 'Add a task' },
		{ action: 'audit', to: `${base}/audit`, text: 'Audit log' },
	]
}

export default function HouseholdRecord() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const location = useLocation()
	const { household } = page
	const errors = (result?.errors ?? []).map((error) => ({ message: error.message }))
	const name = household.displayName || household.reference
	const can = (action: HouseholdAction) => page.actions.includes(action)
	return (
		<>
			<title>{`${errors.length > 0 ? 'Error: ' : ''}${name} – household`}</title>
			<ErrorSummary errors={errors} />
			{page.done ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<MatchNotices householdId={household.id} notices={page.possibleMatches} />
			<span className="govuk-caption-l">{household.reference}</span>
			<h1 className="govuk-heading-l">
				{name} <RouteTag route={household.route} />
			</h1>
			<div className="govuk-grid-row">
				{/* The actions come first, so a phone (or 400% zoom) shows them before the record; from
				    desktop width they float to the right of it as before (ADR 030). */}
				<div className="govuk-grid-column-one-third app-record__actions">
					<ActionsNav
						links={actionLinks(`/staff/households/${household.id}`, page.stageNames).filter((link) => can(link.action))}
					/>
				</div>
				<div className="govuk-grid-column-two-thirds">
					<Summary page={page} />
					<Clocks clocks={page.clocks} />
					<Applicants page={page} />
					<AboutTheHousehold household={household} />
					<Enquiries enquiries={page.enquiries} />
					<ReferralSection
						householdId={household.id}
						referrals={page.referrals}
						canChange={can('referral')}
						canViewCarers={page.canViewCarers}
					/>
					<OpenTasks page={page} canComplete={can('complete_task')} />
					<Notes notes={page.recentNotes} />
					<h2 className="govuk-heading-m" id="timeline">
						Timeline
					</h2>
					<Timeline items={page.timeline.items} />
					<Pagination page={page.timeline.page} pages={page.timeline.pages} search={withoutDone(location.search)} />
				</div>
			</div>
		</>
	)
}

type RecordPage = SerializeFrom<typeof loader>

/** Mainstream fostering or kinship (family and friends) care: a tag beside the household's name. */
function RouteTag({ route }: { route: string }) {
	return (
		<strong className={`govuk-tag${route === 'kinship' ? ' govuk-tag--purple' : ' govuk-tag--blue'}`}>
			{route === 'kinship' ? 'Kinship' : 'Mainstream'}
		</strong>
	)
}

/** Where the household is: its stage and status, how long it has been there, and who owns it. */
function Summary({ page }: { page: RecordPage }) {
	const { household, state, stageNames } = page
	return (
		<>
			<h2 className="govuk-heading-m">Summary</h2>
			<dl className="govuk-summary-list" data-testid="household-summary">
				<SummaryRow name="Stage">
					<span data-testid="current-stage">{stageNames[household.stage]}</span>
					{state.openStages.length > 1 ? (
						<p className="govuk-body-s govuk-!-margin-bottom-0">
							Open stages: {state.openStages.map((stage) => stageNames[stage]).join(' and ')}
						</p>
					) : null}
				</SummaryRow>
				<SummaryRow name="Status">
					<HouseholdStatusTag status={household.status} />
					{state.holdReviewOn ? (
						<p className="govuk-body-s govuk-!-margin-bottom-0">Review the hold on {formatDate(state.holdReviewOn)}</p>
					) : null}
					{state.closedReason ? (
						<p className="govuk-body-s govuk-!-margin-bottom-0">Reason: {state.closedReason}</p>
					) : null}
				</SummaryRow>
				<SummaryRow name="In this stage since">
					{formatDate(household.stageEnteredOn)} (
					{household.daysInStage === 1 ? '1 day' : `${household.daysInStage} days`})
				</SummaryRow>
				<SummaryRow name="Owner">{household.owner?.name ?? 'Unassigned'}</SummaryRow>
				<SummaryRow name="First enquiry">{formatDateTime(household.firstEnquiryAt)}</SummaryRow>
			</dl>
		</>
	)
}

const STATUS_TAG_CLASS: Record<HouseholdStatus, string> = {
	open: 'govuk-tag--green',
	on_hold: 'govuk-tag--yellow',
	closed: 'govuk-tag--grey',
}

function HouseholdStatusTag({ status }: { status: HouseholdStatus }) {
	return (
		<strong className={`govuk-tag ${STATUS_TAG_CLASS[status]}`} data-testid="status">
			{STATUS_LABELS[status]}
		</strong>
	)
}

/** Each applicant and how to reach them (the best time to call is the latest enquiry's). */
function Applicants({ page }: { page: RecordPage }) {
	return (
		<>
			<h2 className="govuk-heading-m">Applicants</h2>
			{page.applicants.map((applicant) => (
				<dl className="govuk-summary-list" key={applicant.id}>
					<SummaryRow name="Name">
						{applicant.firstName} {applicant.lastName}
						{applicant.isPrimary && page.applicants.length > 1 ? ' (main contact)' : ''}
					</SummaryRow>
					<SummaryRow name="Email">
						<a className="govuk-link" href={`mailto:${applicant.email}`}>
							{applicant.email}
						</a>
					</SummaryRow>
					<SummaryRow name="Phone">
						<a className="govuk-link" href={`tel:${applicant.phone.replace(/\s/g, '')}`}>
							{applicant.phone}
						</a>
					</SummaryRow>
					{page.enquiries[0] ? (
						<SummaryRow name="Best time to call">{label(BEST_TIMES, page.enquiries[0].bestTimeToCall)}</SummaryRow>
					) : null}
				</dl>
			))}
		</>
	)
}

/** What the household told us about their home and the fostering they are interested in. */
function AboutTheHousehold({ household }: { household: RecordPage['household'] }) {
	return (
		<>
			<h2 className="govuk-heading-m">Household</h2>
			<dl className="govuk-summary-list">
				<SummaryRow name="Postcode">{household.postcode}</SummaryRow>
				<SummaryRow name="Spare bedroom">{label(SPARE_BEDROOM_OPTIONS, household.spareBedroom)}</SummaryRow>
				<SummaryRow name="Who lives there">{household.householdMembers || 'Not given'}</SummaryRow>
				<SummaryRow name="Interested in">
					{household.fosteringInterests.length > 0
						? household.fosteringInterests
								.map((interest) => (interest === NOT_SURE ? 'Not sure yet' : label(FOSTERING_INTERESTS, interest)))
								.join(', ')
						: 'Not given'}
				</SummaryRow>
			</dl>
		</>
	)
}

/** Each enquiry the household made, and where it came from. */
function Enquiries({ enquiries }: { enquiries: RecordPage['enquiries'] }) {
	return (
		<>
			<h2 className="govuk-heading-m">{enquiries.length > 1 ? 'Enquiries' : 'Enquiry'}</h2>
			{enquiries.map((enquiry) => (
				<dl className="govuk-summary-list" key={enquiry.id} aria-label={`Enquiry ${enquiry.reference}`}>
					<SummaryRow name="Reference">{enquiry.reference}</SummaryRow>
					<SummaryRow name="Received">{formatDateTime(enquiry.receivedAt)}</SummaryRow>
					<SummaryRow name="Channel">{enquiry.channel}</SummaryRow>
					<SummaryRow name="How they heard">
						{label(HOW_HEARD_OPTIONS, enquiry.howHeard)}
						{enquiry.howHeardOther ? `: ${enquiry.howHeardOther}` : ''}
					</SummaryRow>
					{enquiry.utm.some(Boolean) ? (
						<SummaryRow name="Campaign (UTM)">
							{['source', 'medium', 'campaign', 'content']
								.map((part, index) => (enquiry.utm[index] ? `${part}: ${enquiry.utm[index]}` : null))
								.filter(Boolean)
								.join(', ')}
						</SummaryRow>
					) : null}
					{enquiry.referringSite ? <SummaryRow name="Referring site">{enquiry.referringSite}</SummaryRow> : null}
					{enquiry.landingPage ? <SummaryRow name="Landing page">{enquiry.landingPage}</SummaryRow> : null}
					{enquiry.referralCode ? <SummaryRow name="Referral code">{enquiry.referralCode}</SummaryRow> : null}
					{enquiry.isKinship ? <SummaryRow name="Kinship">{enquiry.kinshipDetails || 'Yes'}</SummaryRow> : null}
				</dl>
			))}
		</>
	)
}

/** The household's open tasks, each with a button to mark it done (for staff who may). */
function OpenTasks({ page, canComplete }: { page: RecordPage; canComplete: boolean }) {
	return (
		<>
			<h2 className="govuk-heading-m" id="open-tasks">
				Open tasks
			</h2>
			{page.openTasks.length === 0 ? (
				<p className="govuk-body">No open tasks.</p>
			) : (
				<ScrollingTable caption="Open tasks" captionSize="hidden" labelledBy="open-tasks">
					<thead className="govuk-table__head">
						<tr className="govuk-table__row">
							<th scope="col" className="govuk-table__header">
								Task
							</th>
							<th scope="col" className="govuk-table__header">
								Due
							</th>
							<th scope="col" className="govuk-table__header">
								Who
							</th>
							<th scope="col" className="govuk-table__header">
								<span className="govuk-visually-hidden">Action</span>
							</th>
						</tr>
					</thead>
					<tbody className="govuk-table__body">
						{page.openTasks.map((task) => (
							<tr className="govuk-table__row" key={task.id}>
								<td className="govuk-table__cell">{task.title}</td>
								<td className="govuk-table__cell">
									{formatDate(task.dueOn)}
									{task.overdue ? (
										<>
											{' '}
											<strong className="govuk-tag govuk-tag--red">Overdue</strong>
										</>
									) : null}
								</td>
								<td className="govuk-table__cell">{task.assignee ?? 'Unassigned'}</td>
								<td className="govuk-table__cell">{canComplete ? <MarkAsDone page={page} task={task} /> : null}</td>
							</tr>
						))}
					</tbody>
				</ScrollingTable>
			)}
		</>
	)
}

/** The record's own form (its action): this task is done, at the version of the household shown. */
function MarkAsDone({ page, task }: { page: RecordPage; task: { id: string; title: string } }) {
	return (
		<Form method="post" action={`/staff/households/${page.household.id}?index`}>
			<CsrfField token={page.csrfToken} />
			<input type="hidden" name="version" value={page.household.version} />
			<input type="hidden" name="taskId" value={task.id} />
			<button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
				Mark as done<span className="govuk-visually-hidden">: {task.title}</span>
			</button>
		</Form>
	)
}

/** The most recent notes, newest first. */
function Notes({ notes }: { notes: RecordPage['recentNotes'] }) {
	return (
		<>
			<h2 className="govuk-heading-m">Notes</h2>
			{notes.length === 0 ? (
				<p className="govuk-body">No notes yet.</p>
			) : (
				notes.map((note) => (
					<div className="govuk-inset-text" key={note.id}>
						<p className="govuk-body app-preserve-lines">{note.body}</p>
						<p className="govuk-body-s govuk-!-margin-bottom-0">
							{note.author}, {formatDateTime(note.createdAt)}
						</p>
					</div>
				))
			)}
		</>
	)
}

/** The actions this member of staff may take on the household now (none: no list). */
function ActionsNav({ links }: { links: { to: string; text: string }[] }) {
	if (links.length === 0) return null
	return (
		<nav aria-labelledby="household-actions">
			<h2 className="govuk-heading-m" id="household-actions">
				Actions
			</h2>
			<ul className="govuk-list">
				{links.map((item) => (
					<li key={item.to}>
						<Link className="govuk-link" to={item.to}>
							{item.text}
						</Link>
					</li>
				))}
			</ul>
		</nav>
	)
}

/** Every response-time clock the household has started: how long each step took or is taking. */
function Clocks({ clocks }: { clocks: ClockRow[] }) {
	return (
		<>
			<h2 className="govuk-heading-m" id="clocks">
				Response times
			</h2>
			{clocks.length === 0 ? (
				<p className="govuk-body">No response-time clock has started for this household.</p>
			) : (
				<ScrollingTable
					caption="Response-time clocks: when each started, its target, deadline and status"
					captionSize="hidden"
					labelledBy="clocks"
					className="govuk-!-font-size-16"
					data-testid="clocks"
				>
					<TableHead
						columns={['Clock', 'Started', 'Target', 'Deadline', { header: 'Working days', numeric: true }, 'Status']}
					/>
					<tbody className="govuk-table__body">
						{clocks.map((clock) => (
							<tr key={clock.key} className="govuk-table__row">
								<th scope="row" className="govuk-table__header">
									{clock.what}
								</th>
								<td className="govuk-table__cell app-nowrap">{formatShortDate(clock.startedOn)}</td>
								<td className="govuk-table__cell">{clock.target}</td>
								<td className="govuk-table__cell">
									{clock.deadline ? (
										<span className="app-nowrap">{formatShortDate(clock.deadline)}</span>
									) : (
										'None while on hold'
									)}
									{clock.pausedDays > 0 ? (
										<span className="app-deadline__what">
											{clock.pausedDays === 1 ? '1 day' : `${clock.pausedDays} days`} on hold not counted
										</span>
									) : null}
								</td>
								<td className="govuk-table__cell govuk-table__cell--numeric">{clock.elapsedWorkingDays}</td>
								<td className="govuk-table__cell">
									<ClockStatusTag status={clock.status} nowrap />
									{clock.endedOn ? (
										<span className="app-deadline__what">
											{clock.status === 'stopped' ? 'Stopped' : 'Done'} {formatShortDate(clock.endedOn)}
										</span>
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

function Timeline({ items }: { items: TimelineItem[] }) {
	if (items.length === 0) return <p className="govuk-body">Nothing has happened yet.</p>
	return (
		<ol className="govuk-list app-timeline" data-testid="timeline">
			{items.map((item) => (
				<li key={item.key} className="app-timeline__item govuk-!-margin-bottom-4" data-type={item.type}>
					<h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.title}</h3>
					<p className="govuk-body-s govuk-!-margin-bottom-1">
						{formatDateTime(item.at)}
						{item.actor ? ` by ${item.actor}` : ''}
					</p>
					{item.details.length > 0 ? (
						<dl className="govuk-body-s govuk-!-margin-0">
							{item.details.map((detail) => (
								<div key={detail.label}>
									<dt className="govuk-!-display-inline govuk-!-font-weight-bold">{detail.label}: </dt>
									<dd className="govuk-!-display-inline govuk-!-margin-0 app-preserve-lines">{detail.value}</dd>
								</div>
							))}
						</dl>
					) : null}
				</li>
			))}
		</ol>
	)
}

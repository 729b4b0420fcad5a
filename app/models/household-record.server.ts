import { clockRows } from '~/domain/deadlines.ts'
import { daysInStage } from '~/domain/days-in-stage.ts'
import { readStoredInterests } from '~/domain/enquiry-form.ts'
import { CLOCK_LABELS, responseClocks, STATUTORY_PANEL_MONTHS } from '~/domain/response-clocks.ts'
import type { HouseholdActionState } from '~/domain/household-actions.ts'
import { replay, type HouseholdState, type HouseholdStatus } from '~/domain/stage-machine.ts'

import { ROLES_THAT } from '~/domain/staff.ts'
import { stageNames, type StageKey } from '~/domain/stages.ts'
import { buildTimeline, type TimelineInput, type TimelineItem } from '~/domain/timeline.ts'
import type { CalendarDate } from '~/domain/working-days.ts'
import type { Household } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { householdState } from './households.server.ts'
import { clockContext } from './response-clocks.server.ts'
import { getServiceConfig } from './service-settings.server.ts'
import { staffDirectory } from './staff.server.ts'

// Reading one household for its record page: the summary, the people, where they came from, and
// the timeline of everything that happened. Opening it is recorded in the audit log, because the
// record shows personal data.

export const TIMELINE_PAGE_SIZE = 50
const RECENT_NOTES = 5

/** Everything the record shows, in one read: the household and the rows of its timeline. */
function findRecord(id: string) {
	return prisma.household.findUnique({
		where: { id },
		include: {
			owner: { select: { id: true, name: true } },
			applicants: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] },
			enquiries: { orderBy: { receivedAt: 'desc' }, include: { channel: { select: { label: true } } } },
			stageEvents: {
				orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
				include: {
					actor: { select: { name: true } },
					exitReason: { select: { key: true, label: true, endedBy: true } },
				},
			},
			contactAttempts: { include: { actor: { select: { name: true } } } },
			notes: { include: { author: { select: { name: true } } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
			tasks: { include: { assignee: { select: { name: true } } }, orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }] },
			ownerChanges: true,
		},
	})
}

type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>
type StaffName = (staffId: string | null) => string | null

/** What every page about one household shows of it first: who, where in the pipeline, its version. */
export function householdHeadline(
	household: Pick<
		Household,
		'id' | 'reference' | 'displayName' | 'route' | 'status' | 'stage' | 'stageEnteredOn' | 'postcode' | 'version'
	>
) {
	return {
		id: household.id,
		reference: household.reference,
		displayName: household.displayName,
		route: household.route,
		status: household.status as HouseholdStatus,
		stage: household.stage as StageKey,
		stageEnteredOn: household.stageEnteredOn,
		postcode: household.postcode,
		version: household.version,
	}
}

/**
 * Names of everyone who appears in the history (owner changes and tasks keep ids only), as a
 * function from id to name.
 */
async function staffNames(household: RecordRow): Promise<StaffName> {
	const staffIds = new Set<string>()
	for (const change of household.ownerChanges) {
		for (const staffId of [change.fromOwnerId, change.toOwnerId, change.actorId]) if (staffId) staffIds.add(staffId)
	}
	for (const task of household.tasks) {
		staffIds.add(task.createdById)
		if (task.completedById) staffIds.add(task.completedById)
	}
	const staff = await staffDirectory()
	const namesById = new Map(staff.filter((member) => staffIds.has(member.id)).map((member) => [member.id, member.name]))
	return (staffId) => (staffId ? (namesById.get(staffId) ?? 'Former member of staff') : null)
}

/** The household's emails, for its timeline. */
function householdEmails(householdId: string) {
	return prisma.outboxMessage.findMany({
		where: { householdId },
		select: { id: true, subject: true, toAddress: true, status: true, createdAt: true, sentAt: true },
	})
}

/** The timeline's entries from the rows loaded, with everyone named. */
function recordTimeline(
	household: RecordRow,
	input: { stageNames: Record<StageKey, string>; emails: TimelineInput['emails']; staffName: StaffName }
) {
	const { staffName } = input
	return buildTimeline({
		stageNames: input.stageNames,
		stageEvents: household.stageEvents.map((event) => ({
			...event,
			actorName: event.actor?.name ?? null,
			exitReasonLabel: event.exitReason?.label ?? null,
			exitEndedBy: event.exitReason?.endedBy ?? null,
		})),
		contactAttempts: household.contactAttempts.map((contact) => ({
			...contact,
			actorName: contact.actor?.name ?? null,
		})),
		notes: household.notes.map((note) => ({ ...note, authorName: note.author.name })),
		emails: input.emails,
		ownerChanges: household.ownerChanges.map((change) => ({
			id: change.id,
			changedAt: change.changedAt,
			fromName: staffName(change.fromOwnerId),
			toName: staffName(change.toOwnerId),
			actorName: staffName(change.actorId)!,
		})),
		tasks: household.tasks.map((task) => ({
			...task,
			createdByName: staffName(task.createdById)!,
			assigneeName: task.assignee?.name ?? null,
			completedByName: staffName(task.completedById),
		})),
		enquiries: household.enquiries,
	})
}

/** One page of the timeline (the page number kept within the pages there are). */
function timelinePage(timeline: TimelineItem[], wanted: number) {
	const pages = Math.max(1, Math.ceil(timeline.length / TIMELINE_PAGE_SIZE))
	const page = Math.min(Math.max(1, wanted), pages)
	return {
		items: timeline.slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE),
		page,
		pages,
		total: timeline.length,
	}
}

/** The household's summary: its headline, how long at its stage, and what it told us. */
function recordSummary(household: RecordRow, todayDate: CalendarDate) {
	return {
		...householdHeadline(household),
		daysInStage: daysInStage(household.stageEnteredOn, todayDate),
		owner: household.owner,
		spareBedroom: household.spareBedroom,
		householdMembers: household.householdMembers,
		fosteringInterests: readStoredInterests(household.fosteringInterests),
		firstEnquiryAt: household.firstEnquiryAt,
	}
}

/** Where the household stands: what decides its actions, its hold, Stage 1's checks and why it closed. */
function recordState(household: RecordRow, state: HouseholdState) {
	const lastExit = [...household.stageEvents].reverse().find((event) => event.kind === 'exit')
	return {
		...actionState(state),
		holdReviewOn: state.holdReviewOn,
		heldSince: state.heldSince,
		stage1Open: state.openStages.includes('stage_1'),
		checksReceivedOn: state.stage1ChecksReceivedOn,
		closedReason: household.status === 'closed' ? (lastExit?.exitReason?.label ?? null) : null,
	}
}

/** Each enquiry the household made, with where it came from. */
function recordEnquiries(household: RecordRow) {
	return household.enquiries.map((enquiry) => ({
		id: enquiry.id,
		reference: enquiry.reference,
		source: enquiry.source,
		receivedAt: enquiry.receivedAt,
		bestTimeToCall: enquiry.bestTimeToCall,
		isKinship: enquiry.isKinship,
		kinshipDetails: enquiry.kinshipDetails,
		channel: enquiry.channel.label,
		howHeard: enquiry.howHeard,
		howHeardOther: enquiry.howHeardOther,
		utm: [enquiry.utmSource, enquiry.utmMedium, enquiry.utmCampaign, enquiry.utmContent],
		referringSite: enquiry.referringSite,
		landingPage: enquiry.landingPage,
		referralCode: enquiry.referralCodeText,
	}))
}

/** The people, the latest notes and the open tasks. */
function recordPeopleAndWork(household: RecordRow, todayDate: CalendarDate) {
	return {
		applicants: household.applicants.map(({ id, firstName, lastName, email, phone, isPrimary }) => ({
			id,
			firstName,
			lastName,
			email,
			phone,
			isPrimary,
		})),
		// The latest few; the timeline has every note.
		recentNotes: household.notes
			.slice(0, RECENT_NOTES)
			.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, author: note.author.name })),
		openTasks: household.tasks
			.filter((task) => !task.completedAt)
			.map((task) => ({
				id: task.id,
				title: task.title,
				dueOn: task.dueOn,
				overdue: task.dueOn < todayDate,
				assignee: task.assignee?.name ?? null,
			})),
	}
}

/** The household as its record page shows it, or null when there is no such household. */
export async function loadHouseholdRecord(id: string, viewer: StaffIdentity, timelinePageNumber = 1) {
	const household = await findRecord(id)
	if (!household) return null

	// The stage events are loaded above already: replaying them here saves reading them twice.
	const history = household.stageEvents.map((event) => ({ ...event, exitReasonKey: event.exitReason?.key ?? null }))
	const state = replay(history)
	const [config, clocks, emails, staffName] = await Promise.all([
		getServiceConfig(),
		// The same events give the clocks (what householdClocks reads for itself).
		clockContext().then((context) => responseClocks(history, context)),
		householdEmails(id),
		staffNames(household),
	])
	const names = stageNames(config.stageNames)
	const timeline = recordTimeline(household, { stageNames: names, emails, staffName })

	await recordAudit(prisma, {
		actorId: viewer.id,
		householdId: id,
		action: 'viewed',
		detail: 'Viewed the household record',
	})

	const todayDate = today()
	return {
		household: recordSummary(household, todayDate),
		state: recordState(household, state),
		stageNames: names,
		clocks: clockRows(clocks, CLOCK_LABELS, todayDate, STATUTORY_PANEL_MONTHS),
		...recordPeopleAndWork(household, todayDate),
		enquiries: recordEnquiries(household),
		timeline: timelinePage(timeline, timelinePageNumber),
	}
}

/** What an action page shows above its form: enough to see what you are changing, and its version. */
export async function loadHouseholdForAction(id: string) {
	const household = await prisma.household.findUnique({
		where: { id },
		select: {
			id: true,
			reference: true,
			displayName: true,
			stage: true,
			status: true,
			stageEnteredOn: true,
			version: true,
			ownerId: true,
			owner: { select: { name: true } },
		},
	})
	if (!household) return null
	const [config, state] = await Promise.all([getServiceConfig(), householdState(prisma, id)])
	return {
		household: { ...household, stage: household.stage as StageKey, status: household.status as HouseholdStatus },
		stageNames: stageNames(config.stageNames),
		// What decides which actions it offers (app/domain/household-actions.ts): Stage 1's checks
		// run alongside Stage 2, and only its history says where they are.
		state: actionState(state),
	}
}

/** The part of a household's state that decides which actions it offers. */
function actionState(state: HouseholdState): HouseholdActionState {
	const { stage, status, openStages, stage1ChecksReceivedOn, stage1CompletedOn } = state
	return { stage, status, openStages, stage1ChecksReceivedOn, stage1CompletedOn }
}

/** Staff who can own a household or take a task: active accounts that change households. */
export async function assignableStaff() {
	const canOwn: readonly string[] = ROLES_THAT.changeHouseholds
	return (await staffDirectory())
		.filter((member) => member.disabledAt === null && canOwn.includes(member.role))
		.map((member) => ({ id: member.id, name: member.name }))
}

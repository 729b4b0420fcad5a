// The stage rules of the recruitment pipeline, as a pure state machine (no I/O, no clock).
//
// A household's history is an append-only list of stage events; its state is the fold of that
// list (`replay`). A change is asked for as a command (`apply`), which either returns the one
// event to append or a GOV.UK-style message for staff. The Household row keeps a copy of the
// state (stage, status, stageEnteredOn) written in the same transaction as the event;
// `matchesHousehold` is the check that the copy and the history agree.
//
// The rules:
// - Forward moves go to the next stage only, by a manager, recruitment officer or assessing social
//   worker. Each stage's date is a fact the funnel needs (conversion between every pair of
//   stages), so a skipped stage would leave a hole: if several stages happened, record each, on
//   the same date if need be. A household can start at any stage (`startHousehold`, for imports).
// - Moving back to any earlier stage needs a manager (it corrects the record).
// - Stage 1 and Stage 2 run in parallel: moving from Stage 1 to Stage 2 leaves Stage 1 open until
//   "Stage 1 complete" is recorded (allowed in Stage 1 or Stage 2). Moving on to Panel closes
//   Stage 1 too, on the panel date: a household cannot be at panel with its checks outstanding,
//   and histories recorded before this rule (the demo's) have no completion event.
// - Business dates: never after today (an input, never read from a clock); before today needs a
//   reason; never before the household's last change (the stage entered, a hold, a resume...),
//   so the history stays in date order.
// - On hold (with a review date after today): only resume or close. Approved households cannot be
//   put on hold or closed: they finished recruitment.
// - Close records who ended it and a reason whose endedBy matches; "not approved" only at Panel.
// - Closed households are frozen: only a manager's reopen, which returns the household to the
//   stage it left from, with the stages that were open then.
// - Read-only users and administrators (who manage users only) cannot change stages.
//
// Event kinds: entered, checks_received (the last Stage 1 check has arrived: the Stage 1 decision
// clock starts; fromStage 'stage_1'), completed (Stage 1 complete; fromStage 'stage_1'), hold, resume, exit,
// reopen, returned (a returning enquirer's new enquiry while still in the pipeline: recorded in
// any status; it ends a hold, since the household has asked to go on, and otherwise changes
// nothing), contacted (a personal contact that answers a returning enquirer's enquiry after
// Enquiry: ends the first-contact clock the return started; changes nothing). A returning
// enquirer whose household had left is a 'reopen' to
// Enquiry. Both are written when an officer confirms a possible match (app/models/possible-matches
// .server.ts, docs/decisions/016), by that officer; the demo's older returning households have
// reopens with no actor.

import { type EndedBy } from './exit-reasons.ts'
import type { StaffRole } from './staff.ts'
import { DEFAULT_STAGE_NAMES, STAGE_KEYS, type StageKey } from './stages.ts'
import { formatDate, isCalendarDate, type CalendarDate } from './working-days.ts'

export type HouseholdStatus = 'open' | 'on_hold' | 'closed'
export type StageEventKind =
	'entered' | 'checks_received' | 'completed' | 'hold' | 'resume' | 'exit' | 'reopen' | 'returned' | 'contacted'

/** What a stored event must carry to be replayed (a Prisma StageEvent row or a demo event fits). */
export type RecordedStageEvent = {
	kind: string
	fromStage: string | null
	toStage: string | null
	businessDate: string
	exitReasonId?: string | null
	exitReasonKey?: string | null
	reviewOn?: string | null
}

/** The event a command produces, ready to append (the model maps exitReasonKey to its id). */
export type NewStageEvent = {
	kind: StageEventKind
	fromStage: StageKey | null
	toStage: StageKey | null
	businessDate: CalendarDate
	actorId: string | null
	backdateReason: string | null
	exitReasonKey: string | null
	/** Holds only: when to review the hold. Needs a StageEvent column (reviewOn String?). */
	reviewOn: CalendarDate | null
	note: string | null
}

type Change = {
	kind: 'entered' | 'checks_received' | 'completed' | 'hold' | 'resume' | 'exit' | 'reopen' | 'returned'
	on: CalendarDate
	stage: StageKey
}

export type HouseholdState = {
	stage: StageKey
	status: HouseholdStatus
	/** Usually [stage]; ['stage_1', 'stage_2'] while Stage 2 runs with Stage 1 still open. */
	openStages: StageKey[]
	stageEnteredOn: CalendarDate
	/** When the last Stage 1 check arrived (the Stage 1 decision clock starts), while Stage 1 is open. */
	stage1ChecksReceivedOn: CalendarDate | null
	stage1CompletedOn: CalendarDate | null
	heldSince: CalendarDate | null
	holdReviewOn: CalendarDate | null
	closed: {
		on: CalendarDate
		fromStage: StageKey
		/** The stages open when it closed: a reopen restores them. */
		openStages: StageKey[]
		exitReasonId: string | null
		exitReasonKey: string | null
	} | null
	/** The latest change (returned enquiries aside): no later event may be dated before it. */
	lastChange: Change
}

export type Actor = { id: string; role: StaffRole }
export type ExitReasonOption = { key: string; label: string; endedBy: EndedBy; retired?: boolean }

export type MachineContext = {
	/** Today in Europe/London, 'YYYY-MM-DD'. */
	today: CalendarDate
	actor: Actor
	/** The service's exit reasons (including retired ones, which cannot be chosen). Needed to close. */
	exitReasons?: readonly ExitReasonOption[]
	/** The service's own stage names, for messages. */
	stageNames?: Partial<Record<StageKey, string>>
}

type Dated = {
	businessDate: string
	/** Required when businessDate is before today. */
	backdateReason?: string
	note?: string
}
export type StageCommand =
	| ({ type: 'move'; toStage: string } & Dated)
	| ({ type: 'checks_received' } & Dated)
	| ({ type: 'complete_stage_1' } & Dated)
	| ({ type: 'hold'; reviewOn: string } & Dated)
	| ({ type: 'resume' } & Dated)
	| ({ type: 'close'; endedBy: string; exitReasonKey: string } & Dated)
	| ({ type: 'reopen' } & Dated)

/** The form field an error belongs to, for the GOV.UK error summary's links. */
export type ErrorField = 'toStage' | 'businessDate' | 'backdateReason' | 'reviewOn' | 'endedBy' | 'exitReasonKey' | null
export type CommandResult = { ok: true; event: NewStageEvent } | { ok: false; error: string; field: ErrorField }

export const BACKDATE_REASON_MAX = 500

/** The roles that change stages: administrators manage users, read-only staff only read. */
const PIPELINE_ROLES: readonly StaffRole[] = ['manager', 'officer', 'social_worker']
const ENDED_BY: Record<EndedBy, string> = {
	household: 'Withdrawn by the household',
	service: 'Ended by the service',
	not_approved: 'Not approved',
}

const stageIndex = (stage: StageKey) => STAGE_KEYS.indexOf(stage)
const isStage = (value: unknown): value is StageKey =>
	typeof value === 'string' && (STAGE_KEYS as string[]).includes(value)

// ---------------------------------------------------------------------------------------------
// Replay: folding the history

export class StageHistoryError extends Error {
	constructor(
		readonly index: number,
		readonly problem: string
	) {
		super(`Stage event ${index}: ${problem}`)
		this.name = 'StageHistoryError'
	}
}

export type ReplayResult = { ok: true; state: HouseholdState } | { ok: false; index: number; problem: string }

/**
 * Folds a household's events, in the order they were recorded (recordedAt, then id), into its
 * state; says which event breaks the rules if one does. Roles and "today" are not checked here:
 * events do not carry the actor's role, and an event was valid on the day it was recorded.
 */
export function tryReplay(events: readonly RecordedStageEvent[]): ReplayResult {
	let state: HouseholdState | null = null
	for (const [index, event] of events.entries()) {
		const result = step(state, event)
		if (typeof result === 'string') return { ok: false, index, problem: result }
		state = result
	}
	if (!state) return { ok: false, index: 0, problem: 'a household needs at least one event' }
	return { ok: true, state }
}

/** As tryReplay, but throws a StageHistoryError: for histories that must be sound. */
export function replay(events: readonly RecordedStageEvent[]): HouseholdState {
	const result = tryReplay(events)
	if (!result.ok) throw new StageHistoryError(result.index, result.problem)
	return result.state
}

/** One event folded into the state (null before the first); throws if it breaks the rules. */
export function applyEvent(state: HouseholdState | null, event: RecordedStageEvent): HouseholdState {
	const result = step(state, event)
	if (typeof result === 'string') throw new StageHistoryError(-1, result)
	return result
}

/** The next state, or what is wrong with the event. */
function step(state: HouseholdState | null, event: RecordedStageEvent): HouseholdState | string {
	const on = event.businessDate
	if (!isCalendarDate(on)) return `business date "${on}" is not a date`
	if (!state) return firstEvent(event, on)
	if (event.kind === 'contacted') return state
	if (event.kind === 'returned') return returned(state, on)
	if (on < state.lastChange.on) return `dated ${on}, before the last change on ${state.lastChange.on}`
	if (!ALLOWED_WHILE[state.status].includes(event.kind)) return `${event.kind} is not allowed while ${state.status}`
	const fold = FOLDS[event.kind as keyof typeof FOLDS]
	return fold ? fold(state, event, on) : `unknown kind "${event.kind}"`
}

/**
 * A returning enquirer's new enquiry, accepted in any status and on any date (it is dated when
 * they enquired): on hold, it ends the hold on that day, or on the hold's own day if the enquiry
 * came first (docs/decisions/031); otherwise it changes nothing.
 */
function returned(state: HouseholdState, on: CalendarDate): HouseholdState {
	if (state.status !== 'on_hold') return state
	const resumedOn = on > state.lastChange.on ? on : state.lastChange.on
	return {
		...state,
		status: 'open',
		heldSince: null,
		holdReviewOn: null,
		lastChange: change('returned', resumedOn, state.stage),
	}
}

/** The kinds of event each status accepts ('returned' and 'contacted', which any status takes, aside). */
const ALLOWED_WHILE: Record<HouseholdStatus, string[]> = {
	open: ['entered', 'checks_received', 'completed', 'hold', 'exit'],
	on_hold: ['resume', 'exit'],
	closed: ['reopen'],
}

/** A household's first event: it enters a stage from nowhere. */
function firstEvent(event: RecordedStageEvent, on: CalendarDate): HouseholdState | string {
	if (event.kind !== 'entered' || event.fromStage !== null || !isStage(event.toStage))
		return 'the first event must enter a stage from nowhere'
	return {
		stage: event.toStage,
		status: 'open',
		openStages: [event.toStage],
		stageEnteredOn: on,
		stage1ChecksReceivedOn: null,
		stage1CompletedOn: null,
		heldSince: null,
		holdReviewOn: null,
		closed: null,
		lastChange: { kind: 'entered', on, stage: event.toStage },
	}
}

type Fold = (state: HouseholdState, event: RecordedStageEvent, on: CalendarDate) => HouseholdState | string

/** One fold a kind of event, once the date and the status have allowed it. */
const FOLDS: Record<Exclude<Change['kind'], 'returned'>, Fold> = {
	entered: enteredStage,
	checks_received: (state, _event, on) => {
		if (!state.openStages.includes('stage_1')) return 'records Stage 1 checks, but Stage 1 is not open'
		if (state.stage1ChecksReceivedOn) return 'records the last Stage 1 check a second time'
		return { ...state, stage1ChecksReceivedOn: on, lastChange: change('checks_received', on, state.stage) }
	},
	completed: (state, event, on) => {
		if (event.fromStage !== 'stage_1' || !state.openStages.includes('stage_1'))
			return 'completes Stage 1, which is not open'
		return {
			...state,
			openStages: state.openStages.filter((stage) => stage !== 'stage_1'),
			stage1CompletedOn: on,
			lastChange: change('completed', on, state.stage),
		}
	},
	hold: (state, event, on) => {
		if (state.stage === 'approved') return 'puts an approved household on hold'
		return {
			...state,
			status: 'on_hold',
			heldSince: on,
			holdReviewOn: event.reviewOn ?? null,
			lastChange: change('hold', on, state.stage),
		}
	},
	resume: (state, _event, on) => ({
		...state,
		status: 'open',
		heldSince: null,
		holdReviewOn: null,
		lastChange: change('resume', on, state.stage),
	}),
	exit: exited,
	reopen: reopened,
}

const change = (kind: Change['kind'], on: CalendarDate, stage: StageKey): Change => ({ kind, on, stage })

function enteredStage(state: HouseholdState, event: RecordedStageEvent, on: CalendarDate): HouseholdState | string {
	const to = event.toStage
	if (event.fromStage !== state.stage) return `moves from ${event.fromStage} but the household is at ${state.stage}`
	if (!isStage(to) || to === state.stage) return `cannot move from ${state.stage} to ${to}`
	if (stageIndex(to) > stageIndex(state.stage) + 1) return `skips from ${state.stage} to ${to}`
	const stages = stagesAfterMove(state, to, on)
	// Entering Stage 1 starts its checks afresh; going on to Stage 2 keeps what has arrived.
	const checksKept = stages.openStages.includes('stage_1') && to !== 'stage_1'
	return {
		...state,
		stage: to,
		stageEnteredOn: on,
		...stages,
		stage1ChecksReceivedOn: checksKept ? state.stage1ChecksReceivedOn : null,
		lastChange: change('entered', on, to),
	}
}

function exited(state: HouseholdState, event: RecordedStageEvent, on: CalendarDate): HouseholdState | string {
	if (event.fromStage !== state.stage) return `exits from ${event.fromStage} but the household is at ${state.stage}`
	if (state.stage === 'approved') return 'closes an approved household'
	return {
		...state,
		status: 'closed',
		heldSince: null,
		holdReviewOn: null,
		closed: {
			on,
			fromStage: state.stage,
			openStages: state.openStages,
			exitReasonId: event.exitReasonId ?? null,
			exitReasonKey: event.exitReasonKey ?? null,
		},
		lastChange: change('exit', on, state.stage),
	}
}

function reopened(state: HouseholdState, event: RecordedStageEvent, on: CalendarDate): HouseholdState | string {
	const closed = state.closed!
	const to = event.toStage
	if (event.fromStage !== closed.fromStage)
		return `reopens from ${event.fromStage} but the household left at ${closed.fromStage}`
	if (!isStage(to) || stageIndex(to) > stageIndex(closed.fromStage)) return `reopens at ${to}, after the stage it left`
	// A manager's reopen restores what was open; a returning enquirer starts again at `to`.
	const openStages = to === closed.fromStage ? closed.openStages : [to]
	return {
		...state,
		stage: to,
		status: 'open',
		openStages,
		stageEnteredOn: on,
		stage1CompletedOn:
			openStages.includes('stage_1') || stageIndex(to) < stageIndex('stage_1') ? null : state.stage1CompletedOn,
		// Checks are recorded again after a reopening: the decision clock starts afresh.
		stage1ChecksReceivedOn: null,
		closed: null,
		lastChange: change('reopen', on, to),
	}
}

/** Which stages are open after entering `to` from the state's stage. */
function stagesAfterMove(
	state: HouseholdState,
	to: StageKey,
	on: CalendarDate
): Pick<HouseholdState, 'openStages' | 'stage1CompletedOn'> {
	if (to === 'stage_2' && state.openStages.includes('stage_1'))
		return { openStages: ['stage_1', 'stage_2'], stage1CompletedOn: null }
	if (stageIndex(to) <= stageIndex('stage_1')) return { openStages: [to], stage1CompletedOn: null }
	// Stage 2 or later with Stage 1 done, or Panel onwards (which closes an open Stage 1).
	return { openStages: [to], stage1CompletedOn: state.stage1CompletedOn ?? on }
}

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * Checks a command against the household's state and returns the event to append, or the first
 * problem as a message for staff. Never reads the clock: `context.today` is today.
 */
export function apply(state: HouseholdState, command: StageCommand, context: MachineContext): CommandResult {
	const { actor } = context
	const name = (stage: StageKey) => context.stageNames?.[stage] ?? DEFAULT_STAGE_NAMES[stage]
	const refusal = commandRefusal(command.type, state, actor.role)
	if (refusal) return refuse(refusal)

	const businessDate = command.businessDate.trim()
	const event = (fields: Partial<NewStageEvent> & Pick<NewStageEvent, 'kind'>): NewStageEvent => ({
		fromStage: null,
		toStage: null,
		businessDate,
		actorId: actor.id,
		// checkDate has made sure a date in the past comes with its reason.
		backdateReason: businessDate < context.today ? command.backdateReason!.trim() : null,
		exitReasonKey: null,
		reviewOn: null,
		note: command.note?.trim() || null,
		...fields,
	})

	switch (command.type) {
		case 'move': {
			const to = command.toStage
			if (!isStage(to)) return refuse('Select a stage', 'toStage')
			const wrongStage = moveRefusal(state, to, actor.role, name)
			if (wrongStage) return wrongStage
			const problem = checkDate(command, context, state, `The date they reached ${name(to)}`, name)
			if (problem) return problem
			return { ok: true, event: event({ kind: 'entered', fromStage: state.stage, toStage: to }) }
		}
		case 'checks_received': {
			const problem = checkDate(command, context, state, 'The date the last Stage 1 check arrived', name)
			if (problem) return problem
			return { ok: true, event: event({ kind: 'checks_received', fromStage: 'stage_1' }) }
		}
		case 'complete_stage_1': {
			const problem = checkDate(command, context, state, 'The date Stage 1 was completed', name)
			if (problem) return problem
			return { ok: true, event: event({ kind: 'completed', fromStage: 'stage_1' }) }
		}
		case 'hold': {
			const problem = checkDate(command, context, state, 'The date they were put on hold', name)
			if (problem) return problem
			const reviewOn = command.reviewOn.trim()
			if (!reviewOn) return refuse('Enter a review date', 'reviewOn')
			if (!isCalendarDate(reviewOn)) return refuse('Review date must be a real date', 'reviewOn')
			if (reviewOn <= context.today) return refuse('Review date must be in the future', 'reviewOn')
			return { ok: true, event: event({ kind: 'hold', reviewOn }) }
		}
		case 'resume': {
			const problem = checkDate(command, context, state, 'The date they resumed', name)
			if (problem) return problem
			return { ok: true, event: event({ kind: 'resume' }) }
		}
		case 'close': {
			const problem = checkDate(command, context, state, 'The date they left', name)
			if (problem) return problem
			const reason = exitReasonFor(command, state, context, name)
			if ('ok' in reason) return reason
			return { ok: true, event: event({ kind: 'exit', fromStage: state.stage, exitReasonKey: reason.key }) }
		}
		case 'reopen': {
			const problem = checkDate(command, context, state, 'The date it was reopened', name)
			if (problem) return problem
			const stage = state.closed!.fromStage
			return { ok: true, event: event({ kind: 'reopen', fromStage: stage, toStage: stage }) }
		}
	}
}

/** Why a household cannot move to `to` (no skipping forward; only a manager moves back), or null. */
function moveRefusal(
	state: HouseholdState,
	to: StageKey,
	role: MachineContext['actor']['role'],
	name: (stage: StageKey) => string
): CommandResult | null {
	if (to === state.stage) return refuse(`The household is already at ${name(to)}`, 'toStage')
	const forward = stageIndex(to) > stageIndex(state.stage)
	if (!forward && role !== 'manager')
		return refuse('Only a manager can move a household back to an earlier stage', 'toStage')
	const next = STAGE_KEYS[stageIndex(state.stage) + 1]!
	if (forward && to !== next)
		return refuse(`Move the household to ${name(next)} first: stages cannot be skipped`, 'toStage')
	return null
}

/** The exit reason a closing names, checked against who ended it and the stage; or the refusal. */
function exitReasonFor(
	command: Extract<StageCommand, { type: 'close' }>,
	state: HouseholdState,
	context: MachineContext,
	name: (stage: StageKey) => string
): { key: string } | CommandResult {
	const endedBy = command.endedBy as EndedBy
	if (!Object.hasOwn(ENDED_BY, endedBy)) return refuse('Select who ended it', 'endedBy')
	if (endedBy === 'not_approved' && state.stage !== 'panel')
		return refuse(`A household can only be not approved after ${name('panel')}`, 'endedBy')
	if (!command.exitReasonKey) return refuse('Select why the household left', 'exitReasonKey')
	const reason = (context.exitReasons ?? []).find((option) => option.key === command.exitReasonKey)
	if (!reason) return refuse('Select a reason from the list', 'exitReasonKey')
	if (reason.retired) return refuse(`“${reason.label}” is no longer used: select another reason`, 'exitReasonKey')
	if (reason.endedBy !== endedBy)
		return refuse(
			`“${reason.label}” is not a reason for “${ENDED_BY[endedBy]}”: select a reason that matches who ended it`,
			'exitReasonKey'
		)
	return { key: reason.key }
}

/** What `commandRefusal` needs of a household's state: the page has it as well as the machine. */
export type CommandGateState = Pick<
	HouseholdState,
	'stage' | 'status' | 'openStages' | 'stage1ChecksReceivedOn' | 'stage1CompletedOn'
>

/**
 * Why a command of this kind cannot be applied to the household now by this role, whatever its
 * answers (dates, reasons: `apply` checks those); null when it can. The household record offers
 * an action, and its page shows a form, only when this says null, and `apply` refuses with the
 * same words otherwise, so the page and the server cannot disagree (app/domain/household-actions.ts).
 */
export function commandRefusal(type: StageCommand['type'], state: CommandGateState, role: StaffRole): string | null {
	if (!PIPELINE_ROLES.includes(role))
		return 'Only managers, recruitment officers and social workers can change a household’s stage'
	if (type === 'reopen') {
		if (state.status !== 'closed') return 'This household is not closed'
		return role === 'manager' ? null : 'Only a manager can reopen a closed household'
	}
	if (state.status === 'closed')
		return 'This household is closed. A manager must reopen it before anything else can change'
	if (type === 'resume') return state.status === 'on_hold' ? null : 'This household is not on hold'
	if (state.status === 'on_hold' && type === 'hold') return 'This household is already on hold'
	if (state.status === 'on_hold' && type !== 'close')
		return 'This household is on hold. Resume it before you change anything else'
	const stage1Open = state.openStages.includes('stage_1')
	switch (type) {
		case 'move':
			// Approved is the last stage: the only moves left are back, which only a manager makes.
			return state.stage === 'approved' && role !== 'manager'
				? 'This household is approved: it has finished recruitment'
				: null
		case 'checks_received':
			if (!stage1Open)
				return state.stage1CompletedOn ? 'Stage 1 is already complete' : 'The household has not started Stage 1'
			return state.stage1ChecksReceivedOn
				? `You have already recorded that the last Stage 1 check arrived on ${formatDate(state.stage1ChecksReceivedOn)}`
				: null
		case 'complete_stage_1':
			if (!stage1Open)
				return state.stage1CompletedOn ? 'Stage 1 is already complete' : 'The household has not started Stage 1'
			return null
		case 'hold':
			return state.stage === 'approved' ? 'An approved household cannot be put on hold' : null
		case 'close':
			return state.stage === 'approved' ? 'An approved household has finished recruitment and cannot be closed' : null
	}
}

function refuse(error: string, field: ErrorField = null): CommandResult {
	return { ok: false, error, field }
}

/** The business date and back-dating rules shared by every command. */
function checkDate(
	command: Dated,
	context: MachineContext,
	state: HouseholdState,
	label: string,
	name: (stage: StageKey) => string
): CommandResult | null {
	const date = command.businessDate.trim()
	if (!date) return refuse(`Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`, 'businessDate')
	if (!isCalendarDate(date)) return refuse(`${label} must be a real date`, 'businessDate')
	if (date > context.today) return refuse(`${label} must be today or in the past`, 'businessDate')
	const last = state.lastChange
	if (date < last.on) {
		const what: Record<Change['kind'], string> = {
			entered: `when they reached ${name(last.stage)}`,
			checks_received: 'when the last Stage 1 check arrived',
			completed: 'when Stage 1 was completed',
			hold: 'when they were put on hold',
			resume: 'when they resumed',
			exit: 'when they left',
			reopen: 'when the household was reopened',
			returned: 'when they enquired again and their hold ended',
		}
		return refuse(`${label} must be the same as or after ${formatDate(last.on)}, ${what[last.kind]}`, 'businessDate')
	}
	if (date < context.today) {
		const reason = command.backdateReason?.trim() ?? ''
		if (!reason) return refuse('Enter why you are recording a date in the past', 'backdateReason')
		if (reason.length > BACKDATE_REASON_MAX)
			return refuse(
				`Why you are recording a date in the past must be ${BACKDATE_REASON_MAX} characters or fewer`,
				'backdateReason'
			)
	}
	return null
}

// ---------------------------------------------------------------------------------------------
// Starting a household, and the Household row's copy of the state

export type StartCommand = Dated & { stage: string }

/**
 * The first event of a new household. The public form (no actor) starts at Enquiry today; staff
 * (a phone enquiry, an event sign-up sheet, an import of an existing pipeline) may start it at any
 * stage, with the usual date rules.
 */
export function startHousehold(
	command: StartCommand,
	context: Omit<MachineContext, 'actor'> & { actor: Actor | null }
): CommandResult {
	const { actor } = context
	const name = (stage: StageKey) => context.stageNames?.[stage] ?? DEFAULT_STAGE_NAMES[stage]
	if (actor && !PIPELINE_ROLES.includes(actor.role))
		return refuse('Only managers, recruitment officers and social workers can add a household')
	if (!isStage(command.stage)) return refuse('Select a stage', 'toStage')
	if (!actor && command.stage !== 'enquiry')
		return refuse(`Only staff can add a household at ${name(command.stage)}`, 'toStage')
	if (!actor && command.businessDate !== context.today)
		return refuse('An enquiry from the public is dated today', 'businessDate')
	// No earlier change to respect: a state whose last change is on the earliest date there is.
	const blank = { lastChange: { kind: 'entered', on: '0000-01-01', stage: 'enquiry' } } as HouseholdState
	const problem = checkDate(
		command,
		{ ...context, actor: actor ?? { id: '', role: 'officer' } },
		blank,
		`The date they reached ${name(command.stage)}`,
		name
	)
	if (problem) return problem
	const businessDate = command.businessDate.trim()
	return {
		ok: true,
		event: {
			kind: 'entered',
			fromStage: null,
			toStage: command.stage,
			businessDate,
			actorId: actor?.id ?? null,
			backdateReason: businessDate < context.today ? command.backdateReason!.trim() : null,
			exitReasonKey: null,
			reviewOn: null,
			note: command.note?.trim() || null,
		},
	}
}

/** The Household row's copy of the state: write these in the same transaction as the event. */
export function householdFields(state: HouseholdState): {
	stage: StageKey
	status: HouseholdStatus
	stageEnteredOn: CalendarDate
} {
	return { stage: state.stage, status: state.status, stageEnteredOn: state.stageEnteredOn }
}

/** Where the stored Household row disagrees with its replayed events ([] when it agrees). */
export function householdDifferences(
	state: HouseholdState,
	household: { stage: string; status: string; stageEnteredOn: string }
): string[] {
	const expected = householdFields(state)
	return (['stage', 'status', 'stageEnteredOn'] as const)
		.filter((field) => household[field] !== expected[field])
		.map((field) => `${field} is "${household[field]}" but the events say "${expected[field]}"`)
}

/** True when the stored Household row agrees with its replayed events. */
export function matchesHousehold(
	state: HouseholdState,
	household: { stage: string; status: string; stageEnteredOn: string }
): boolean {
	return householdDifferences(state, household).length === 0
}

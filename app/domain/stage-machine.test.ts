import { describe, expect, test } from 'vitest'
import { DEMO_SEED, generateDemoData, type DemoStageEvent } from '../../prisma/demo-data.ts'
import { DEFAULT_EXIT_REASONS } from './exit-reasons.ts'
import {
	apply,
	applyEvent,
	householdDifferences,
	householdFields,
	matchesHousehold,
	replay,
	startHousehold,
	tryReplay,
	type ExitReasonOption,
	type HouseholdState,
	type MachineContext,
	type RecordedStageEvent,
	type StageCommand,
} from './stage-machine.ts'
import type { StaffRole } from './staff.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'
import { addCalendarDays } from './working-days.ts'

const TODAY = '2026-11-23'
const EXIT_REASONS: ExitReasonOption[] = [
	...DEFAULT_EXIT_REASONS,
	{ key: 'old_reason', label: 'Moved out of the county', endedBy: 'household', retired: true },
]
const context = (role: StaffRole = 'officer', extra: Partial<MachineContext> = {}): MachineContext => ({
	today: TODAY,
	actor: { id: `staff-${role}`, role },
	exitReasons: EXIT_REASONS,
	...extra,
})

/** A household that entered Enquiry on 2 November 2026 and each later stage a day after the last. */
function historyTo(stage: StageKey): RecordedStageEvent[] {
	const events: RecordedStageEvent[] = [
		{ kind: 'entered', fromStage: null, toStage: 'enquiry', businessDate: '2026-11-02' },
	]
	for (let i = 1; i <= STAGE_KEYS.indexOf(stage); i++) {
		events.push({
			kind: 'entered',
			fromStage: STAGE_KEYS[i - 1]!,
			toStage: STAGE_KEYS[i]!,
			businessDate: addCalendarDays('2026-11-02', i),
		})
	}
	return events
}
const at = (stage: StageKey) => replay(historyTo(stage))

/** Runs a command; when accepted, folds its event in, as the model will. */
function run(
	state: HouseholdState,
	command: StageCommand,
	role: StaffRole = 'officer',
	extra: Partial<MachineContext> = {}
) {
	const result = apply(state, command, context(role, extra))
	return { result, next: result.ok ? applyEvent(state, result.event) : state }
}
/** Runs commands that must all be accepted (as a manager unless told). */
function runAll(state: HouseholdState, ...commands: (StageCommand & { role?: StaffRole })[]): HouseholdState {
	for (const { role = 'manager', ...command } of commands) {
		const { result, next } = run(state, command as StageCommand, role)
		if (!result.ok) throw new Error(`${command.type} refused: ${result.error}`)
		state = next
	}
	return state
}
const move = (toStage: string, businessDate = TODAY, extra: Partial<StageCommand> = {}) =>
	({ type: 'move', toStage, businessDate, ...extra }) as StageCommand
const hold = (reviewOn = '2027-01-11', businessDate = TODAY) => ({ type: 'hold', reviewOn, businessDate }) as const
const resume = (businessDate = TODAY) => ({ type: 'resume', businessDate }) as const
const completeStage1 = (businessDate = TODAY) => ({ type: 'complete_stage_1', businessDate }) as const
const checksReceived = (businessDate = TODAY) => ({ type: 'checks_received', businessDate }) as const
const close = (endedBy: string, exitReasonKey: string, businessDate = TODAY) =>
	({ type: 'close', endedBy, exitReasonKey, businessDate }) as const
const reopen = (businessDate = TODAY) => ({ type: 'reopen', businessDate }) as const

const NO_ROLE = 'Only managers, recruitment officers and social workers can change a household’s stage'
const CLOSED = 'This household is closed. A manager must reopen it before anything else can change'
const ON_HOLD = 'This household is on hold. Resume it before you change anything else'

describe('moving between stages', () => {
	test.each<[string, StageKey, StageKey, StaffRole]>([
		['an officer records the first call', 'enquiry', 'initial_contact', 'officer'],
		['an officer records the initial visit', 'initial_contact', 'initial_visit', 'officer'],
		['a social worker records the application', 'initial_visit', 'application', 'social_worker'],
		['a social worker starts Stage 1', 'application', 'stage_1', 'social_worker'],
		['a social worker starts Stage 2', 'stage_1', 'stage_2', 'social_worker'],
		['an officer sends the household to panel', 'stage_2', 'panel', 'officer'],
		['a manager records the approval', 'panel', 'approved', 'manager'],
		['a manager moves a household back one stage', 'initial_visit', 'initial_contact', 'manager'],
		['a manager moves a household back several stages', 'stage_2', 'initial_visit', 'manager'],
		['a manager moves an approved household back to panel', 'approved', 'panel', 'manager'],
	])('allowed: %s (%s to %s, %s)', (_, from, to, role) => {
		const { result, next } = run(at(from), move(to), role)
		expect(result).toEqual({
			ok: true,
			event: {
				kind: 'entered',
				fromStage: from,
				toStage: to,
				businessDate: TODAY,
				actorId: `staff-${role}`,
				backdateReason: null,
				exitReasonKey: null,
				reviewOn: null,
				note: null,
			},
		})
		expect(householdFields(next)).toEqual({ stage: to, status: 'open', stageEnteredOn: TODAY })
	})

	test.each<[string, StageKey, string, StaffRole, string, string | null]>([
		['read-only users', 'enquiry', 'initial_contact', 'read_only', NO_ROLE, null],
		['administrators, who manage users only', 'enquiry', 'initial_contact', 'administrator', NO_ROLE, null],
		[
			'skipping a stage',
			'enquiry',
			'initial_visit',
			'officer',
			'Move the household to Initial contact first: stages cannot be skipped',
			'toStage',
		],
		[
			'skipping several stages, even as a manager',
			'initial_visit',
			'stage_2',
			'manager',
			'Move the household to Application first: stages cannot be skipped',
			'toStage',
		],
		[
			'skipping Stage 1',
			'application',
			'stage_2',
			'social_worker',
			'Move the household to Stage 1 first: stages cannot be skipped',
			'toStage',
		],
		['the stage they are at', 'stage_1', 'stage_1', 'manager', 'The household is already at Stage 1', 'toStage'],
		['a stage that does not exist', 'enquiry', 'interview', 'officer', 'Select a stage', 'toStage'],
		['no stage', 'enquiry', '', 'officer', 'Select a stage', 'toStage'],
		[
			'backwards by an officer',
			'initial_visit',
			'initial_contact',
			'officer',
			'Only a manager can move a household back to an earlier stage',
			'toStage',
		],
		[
			'backwards by a social worker',
			'stage_2',
			'stage_1',
			'social_worker',
			'Only a manager can move a household back to an earlier stage',
			'toStage',
		],
		[
			// The record offers an officer no move at all here, and the machine says why in the same words.
			'an approved household back, by an officer',
			'approved',
			'panel',
			'officer',
			'This household is approved: it has finished recruitment',
			null,
		],
	])('refused: %s', (_, from, to, role, error, field) => {
		expect(run(at(from), move(to), role).result).toEqual({ ok: false, error, field })
	})

	test('uses the service’s own stage names in messages', () => {
		const result = apply(
			at('enquiry'),
			move('initial_visit'),
			context('officer', { stageNames: { initial_contact: 'First call' } })
		)
		expect(result).toMatchObject({
			ok: false,
			error: 'Move the household to First call first: stages cannot be skipped',
		})
	})

	test('keeps the note, trimmed, and drops an empty one', () => {
		expect(
			run(at('enquiry'), move('initial_contact', TODAY, { note: '  Spoke with both of them.  ' })).result
		).toMatchObject({
			ok: true,
			event: { note: 'Spoke with both of them.' },
		})
		expect(run(at('enquiry'), move('initial_contact', TODAY, { note: '   ' })).result).toMatchObject({
			ok: true,
			event: { note: null },
		})
	})
})

describe('business dates', () => {
	test.each<[string, string, string | undefined, string, string]>([
		['no date', '', undefined, 'Enter the date they reached Initial contact', 'businessDate'],
		[
			'a date that does not exist',
			'2026-02-30',
			undefined,
			'The date they reached Initial contact must be a real date',
			'businessDate',
		],
		[
			'a date in another format',
			'23/11/2026',
			undefined,
			'The date they reached Initial contact must be a real date',
			'businessDate',
		],
		[
			'tomorrow',
			'2026-11-24',
			'Forgot',
			'The date they reached Initial contact must be today or in the past',
			'businessDate',
		],
		[
			'a date before the stage was entered',
			'2026-11-01',
			'Forgot',
			'The date they reached Initial contact must be the same as or after 2 November 2026, when they reached Enquiry',
			'businessDate',
		],
		[
			'a past date without a reason',
			'2026-11-20',
			undefined,
			'Enter why you are recording a date in the past',
			'backdateReason',
		],
		[
			'a past date with a blank reason',
			'2026-11-20',
			'   ',
			'Enter why you are recording a date in the past',
			'backdateReason',
		],
		[
			'a reason that is too long',
			'2026-11-20',
			'x'.repeat(501),
			'Why you are recording a date in the past must be 500 characters or fewer',
			'backdateReason',
		],
	])('refuses %s', (_, businessDate, backdateReason, error, field) => {
		expect(run(at('enquiry'), move('initial_contact', businessDate, { backdateReason })).result).toEqual({
			ok: false,
			error,
			field,
		})
	})

	test('a past date with a reason is recorded with it', () => {
		const { result, next } = run(
			at('enquiry'),
			move('initial_contact', '2026-11-20', { backdateReason: ' Call logged late after leave ' })
		)
		expect(result).toMatchObject({
			ok: true,
			event: { businessDate: '2026-11-20', backdateReason: 'Call logged late after leave' },
		})
		expect(next.stageEnteredOn).toBe('2026-11-20')
	})

	test('the day the stage was entered is allowed, with a reason', () => {
		expect(
			run(at('enquiry'), move('initial_contact', '2026-11-02', { backdateReason: 'Rang the same day' })).result.ok
		).toBe(true)
	})

	test('a reason given for today’s date is not stored', () => {
		expect(run(at('enquiry'), move('initial_contact', TODAY, { backdateReason: 'Not needed' })).result).toMatchObject({
			ok: true,
			event: { backdateReason: null },
		})
	})

	test('no date may come before the household’s last change, a hold or a resume included', () => {
		const resumed = runAll(
			at('initial_contact'),
			{ ...hold('2026-12-01', '2026-11-10'), backdateReason: 'Asked on the phone' },
			{ ...resume('2026-11-16'), backdateReason: 'Logged late' }
		)
		expect(run(resumed, move('initial_visit', '2026-11-12', { backdateReason: 'Late' })).result).toEqual({
			ok: false,
			error: 'The date they reached Initial visit must be the same as or after 16 November 2026, when they resumed',
			field: 'businessDate',
		})
	})
})

describe('Stage 1 and Stage 2 in parallel', () => {
	test('moving to Stage 2 leaves Stage 1 open until it is completed', () => {
		const inStage2 = runAll(at('stage_1'), move('stage_2'))
		expect(inStage2).toMatchObject({ stage: 'stage_2', openStages: ['stage_1', 'stage_2'], stage1CompletedOn: null })
		const { result, next } = run(inStage2, completeStage1(), 'social_worker')
		expect(result).toMatchObject({
			ok: true,
			event: { kind: 'completed', fromStage: 'stage_1', toStage: null, businessDate: TODAY },
		})
		expect(next).toMatchObject({
			stage: 'stage_2',
			openStages: ['stage_2'],
			stage1CompletedOn: TODAY,
			stageEnteredOn: TODAY,
		})
	})

	test('Stage 1 completed before Stage 2 starts leaves only Stage 2 open', () => {
		const state = runAll(
			at('stage_1'),
			{ ...completeStage1('2026-11-20'), backdateReason: 'Panel adviser signed off Friday' },
			move('stage_2')
		)
		expect(state).toMatchObject({ stage: 'stage_2', openStages: ['stage_2'], stage1CompletedOn: '2026-11-20' })
	})

	test.each<[string, () => HouseholdState, string]>([
		[
			'Stage 1 already completed',
			() => runAll(at('stage_1'), move('stage_2'), completeStage1()),
			'Stage 1 is already complete',
		],
		['Stage 1 not started', () => at('application'), 'The household has not started Stage 1'],
		[
			'at panel, which closed Stage 1',
			() => runAll(at('stage_1'), move('stage_2'), move('panel')),
			'Stage 1 is already complete',
		],
	])('completing Stage 1 is refused with %s', (_, state, error) => {
		expect(run(state(), completeStage1(), 'social_worker').result).toEqual({ ok: false, error, field: null })
	})

	test('Stage 1 cannot be completed before Stage 2 started', () => {
		const inStage2 = runAll(at('stage_1'), { ...move('stage_2', '2026-11-16'), backdateReason: 'Typed up late' })
		expect(run(inStage2, { ...completeStage1('2026-11-10'), backdateReason: 'Late' }).result).toEqual({
			ok: false,
			error: 'The date Stage 1 was completed must be the same as or after 16 November 2026, when they reached Stage 2',
			field: 'businessDate',
		})
	})

	test('moving on to panel closes an open Stage 1 on the panel date', () => {
		const state = runAll(at('stage_1'), move('stage_2'), move('panel'))
		expect(state).toMatchObject({ stage: 'panel', openStages: ['panel'], stage1CompletedOn: TODAY })
	})

	test('a manager moving back to Stage 1 reopens it; back to Stage 2 keeps Stage 1 complete', () => {
		const backToStage1 = runAll(at('stage_1'), move('stage_2'), completeStage1(), move('stage_1'))
		expect(backToStage1).toMatchObject({ stage: 'stage_1', openStages: ['stage_1'], stage1CompletedOn: null })
		const backToStage2 = runAll(at('panel'), move('stage_2'))
		expect(backToStage2).toMatchObject({ stage: 'stage_2', openStages: ['stage_2'], stage1CompletedOn: '2026-11-08' })
	})

	test('closing and reopening keeps Stage 1 open alongside Stage 2', () => {
		const state = runAll(at('stage_1'), move('stage_2'), close('household', 'assessment_process'), reopen())
		expect(state).toMatchObject({ stage: 'stage_2', status: 'open', openStages: ['stage_1', 'stage_2'] })
	})
})

describe('the last Stage 1 check arriving (the Stage 1 decision clock)', () => {
	test('is recorded once while Stage 1 is open, in Stage 1 or alongside Stage 2', () => {
		const { result, next } = run(at('stage_1'), checksReceived(), 'social_worker')
		expect(result).toMatchObject({
			ok: true,
			event: { kind: 'checks_received', fromStage: 'stage_1', toStage: null, businessDate: TODAY },
		})
		expect(next).toMatchObject({ stage: 'stage_1', stage1ChecksReceivedOn: TODAY })
		expect(run(next, checksReceived(), 'social_worker').result).toEqual({
			ok: false,
			error: 'You have already recorded that the last Stage 1 check arrived on 23 November 2026',
			field: null,
		})
		const inStage2 = runAll(at('stage_1'), move('stage_2'), checksReceived())
		expect(inStage2).toMatchObject({ openStages: ['stage_1', 'stage_2'], stage1ChecksReceivedOn: TODAY })
	})

	test('is refused before Stage 1 and after it is complete', () => {
		expect(run(at('application'), checksReceived()).result).toEqual({
			ok: false,
			error: 'The household has not started Stage 1',
			field: null,
		})
		const done = runAll(at('stage_1'), move('stage_2'), completeStage1())
		expect(run(done, checksReceived()).result).toEqual({ ok: false, error: 'Stage 1 is already complete', field: null })
	})

	test('starts again when Stage 1 does: a manager moving back to Stage 1, or a reopening', () => {
		const movedBack = runAll(at('stage_1'), checksReceived(), move('stage_2'), move('stage_1'))
		expect(movedBack.stage1ChecksReceivedOn).toBeNull()
		const reopened = runAll(at('stage_1'), checksReceived(), close('household', 'assessment_process'), reopen())
		expect(reopened).toMatchObject({ stage: 'stage_1', stage1ChecksReceivedOn: null })
		expect(run(reopened, checksReceived()).result.ok).toBe(true)
	})

	test('replay refuses a second record of it and one outside Stage 1', () => {
		const events = [
			...historyTo('stage_1'),
			{ kind: 'checks_received', fromStage: 'stage_1', toStage: null, businessDate: TODAY },
		]
		expect(tryReplay(events).ok).toBe(true)
		expect(tryReplay([...events, events.at(-1)!])).toEqual({
			ok: false,
			index: events.length,
			problem: 'records the last Stage 1 check a second time',
		})
		expect(tryReplay([...historyTo('application'), { ...events.at(-1)! }])).toMatchObject({
			ok: false,
			problem: 'records Stage 1 checks, but Stage 1 is not open',
		})
	})
})

describe('holds', () => {
	test('puts a household on hold with a review date, and resumes it', () => {
		const { result, next: held } = run(at('initial_visit'), hold('2027-01-11'))
		expect(result).toMatchObject({
			ok: true,
			event: { kind: 'hold', fromStage: null, toStage: null, reviewOn: '2027-01-11' },
		})
		expect(held).toMatchObject({
			stage: 'initial_visit',
			status: 'on_hold',
			heldSince: TODAY,
			holdReviewOn: '2027-01-11',
		})
		const { result: resumed, next } = run(held, resume())
		expect(resumed).toMatchObject({ ok: true, event: { kind: 'resume' } })
		expect(next).toMatchObject({
			stage: 'initial_visit',
			status: 'open',
			heldSince: null,
			holdReviewOn: null,
			stageEnteredOn: '2026-11-04',
		})
	})

	test.each<[string, string, string]>([
		['no review date', '', 'Enter a review date'],
		['a review date that does not exist', '2027-02-29', 'Review date must be a real date'],
		['a review date of today', TODAY, 'Review date must be in the future'],
		['a review date in the past', '2026-11-01', 'Review date must be in the future'],
	])('refuses a hold with %s', (_, reviewOn, error) => {
		expect(run(at('initial_visit'), hold(reviewOn)).result).toEqual({ ok: false, error, field: 'reviewOn' })
	})

	const held = () => runAll(at('stage_1'), hold())
	test.each<[string, StageCommand, StaffRole, string]>([
		['a move', move('stage_2'), 'social_worker', ON_HOLD],
		['a move back, even by a manager', move('application'), 'manager', ON_HOLD],
		['completing Stage 1', completeStage1(), 'social_worker', ON_HOLD],
		['a second hold', hold(), 'officer', 'This household is already on hold'],
		['a reopen', reopen(), 'manager', 'This household is not closed'],
	])('on hold, refuses %s', (_, command, role, error) => {
		expect(run(held(), command, role).result).toEqual({ ok: false, error, field: null })
	})

	test('refuses to resume an open household', () => {
		expect(run(at('stage_1'), resume()).result).toEqual({
			ok: false,
			error: 'This household is not on hold',
			field: null,
		})
	})

	test('refuses a resume dated before the hold', () => {
		const state = runAll(at('stage_1'), { ...hold('2027-01-11', '2026-11-18'), backdateReason: 'Asked on the phone' })
		expect(run(state, { ...resume('2026-11-17'), backdateReason: 'x' }).result).toEqual({
			ok: false,
			error: 'The date they resumed must be the same as or after 18 November 2026, when they were put on hold',
			field: 'businessDate',
		})
	})

	test('a household on hold can be closed', () => {
		const { result, next } = run(held(), close('household', 'timing'))
		expect(result.ok).toBe(true)
		expect(next).toMatchObject({ status: 'closed', heldSince: null, holdReviewOn: null })
	})

	test('an approved household cannot be put on hold', () => {
		expect(run(at('approved'), hold(), 'manager').result).toEqual({
			ok: false,
			error: 'An approved household cannot be put on hold',
			field: null,
		})
	})
})

describe('closing (exits)', () => {
	test('records who ended it and why, from the stage they were at', () => {
		const { result, next } = run(at('initial_contact'), { ...close('household', 'work_or_finances'), note: 'New job' })
		expect(result).toEqual({
			ok: true,
			event: {
				kind: 'exit',
				fromStage: 'initial_contact',
				toStage: null,
				businessDate: TODAY,
				actorId: 'staff-officer',
				backdateReason: null,
				exitReasonKey: 'work_or_finances',
				reviewOn: null,
				note: 'New job',
			},
		})
		expect(householdFields(next)).toEqual({ stage: 'initial_contact', status: 'closed', stageEnteredOn: '2026-11-03' })
		expect(next.closed).toMatchObject({ on: TODAY, fromStage: 'initial_contact', exitReasonKey: 'work_or_finances' })
	})

	test('a panel that recommended against: not approved, at panel', () => {
		expect(run(at('panel'), close('not_approved', 'panel_against'), 'manager').result).toMatchObject({
			ok: true,
			event: { fromStage: 'panel' },
		})
	})

	test.each<[string, StageKey, string, string, string, string | null, Partial<MachineContext>?]>([
		['no one named as ending it', 'enquiry', '', 'lost_contact', 'Select who ended it', 'endedBy'],
		['an unknown ender', 'enquiry', 'council', 'lost_contact', 'Select who ended it', 'endedBy'],
		['no reason', 'enquiry', 'household', '', 'Select why the household left', 'exitReasonKey'],
		['a reason not on the list', 'enquiry', 'household', 'bored', 'Select a reason from the list', 'exitReasonKey'],
		[
			'no list of reasons',
			'enquiry',
			'household',
			'lost_contact',
			'Select a reason from the list',
			'exitReasonKey',
			{ exitReasons: undefined },
		],
		[
			'a retired reason',
			'enquiry',
			'household',
			'old_reason',
			'“Moved out of the county” is no longer used: select another reason',
			'exitReasonKey',
		],
		[
			'a service reason for a household withdrawal',
			'initial_visit',
			'household',
			'no_spare_bedroom',
			'“No spare bedroom” is not a reason for “Withdrawn by the household”: select a reason that matches who ended it',
			'exitReasonKey',
		],
		[
			'a household reason for the service ending it',
			'stage_1',
			'service',
			'household_health',
			'“Health” is not a reason for “Ended by the service”: select a reason that matches who ended it',
			'exitReasonKey',
		],
		[
			'not approved before panel',
			'stage_2',
			'not_approved',
			'panel_against',
			'A household can only be not approved after Panel',
			'endedBy',
		],
		[
			'an approved household',
			'approved',
			'household',
			'timing',
			'An approved household has finished recruitment and cannot be closed',
			null,
		],
		[
			'a date in the future',
			'stage_1',
			'household',
			'timing',
			'The date they left must be today or in the past',
			'businessDate',
		],
	])('refuses %s', (title, stage, endedBy, exitReasonKey, error, field, extra = {}) => {
		const date = title === 'a date in the future' ? '2026-11-30' : TODAY
		expect(run(at(stage), close(endedBy, exitReasonKey, date), 'manager', extra).result).toEqual({
			ok: false,
			error,
			field,
		})
	})

	const closed = () => runAll(at('stage_2'), close('service', 'checks_concerns'))
	test.each<[string, StageCommand, StaffRole]>([
		['a move on', move('panel'), 'manager'],
		['a move back', move('stage_1'), 'manager'],
		['completing Stage 1', completeStage1(), 'social_worker'],
		['a hold', hold(), 'officer'],
		['a resume', resume(), 'officer'],
		['a second close', close('household', 'timing'), 'manager'],
	])('a closed household is frozen: refuses %s', (_, command, role) => {
		expect(run(closed(), command, role).result).toEqual({ ok: false, error: CLOSED, field: null })
	})
})

describe('reopening', () => {
	test('a manager reopens a closed household at the stage it left from', () => {
		const closed = runAll(at('initial_visit'), {
			...close('household', 'timing', '2026-11-10'),
			backdateReason: 'Emailed us',
		})
		const { result, next } = run(closed, reopen(), 'manager')
		expect(result).toMatchObject({
			ok: true,
			event: { kind: 'reopen', fromStage: 'initial_visit', toStage: 'initial_visit', actorId: 'staff-manager' },
		})
		expect(householdFields(next)).toEqual({ stage: 'initial_visit', status: 'open', stageEnteredOn: TODAY })
		expect(next.closed).toBeNull()
	})

	test('a household closed while on hold comes back open', () => {
		const state = runAll(at('stage_1'), hold(), close('household', 'timing'), reopen())
		expect(state).toMatchObject({ stage: 'stage_1', status: 'open', heldSince: null })
	})

	test.each<[string, () => HouseholdState, StageCommand, StaffRole, string, string | null]>([
		[
			'by an officer',
			() => runAll(at('enquiry'), close('household', 'lost_contact')),
			reopen(),
			'officer',
			'Only a manager can reopen a closed household',
			null,
		],
		[
			'by a social worker',
			() => runAll(at('stage_1'), close('household', 'lost_contact')),
			reopen(),
			'social_worker',
			'Only a manager can reopen a closed household',
			null,
		],
		[
			'by a read-only user',
			() => runAll(at('stage_1'), close('household', 'lost_contact')),
			reopen(),
			'read_only',
			NO_ROLE,
			null,
		],
		['of an open household', () => at('stage_1'), reopen(), 'manager', 'This household is not closed', null],
		[
			'dated before it closed',
			() => runAll(at('enquiry'), { ...close('household', 'lost_contact', '2026-11-20'), backdateReason: 'x' }),
			{ ...reopen('2026-11-19'), backdateReason: 'x' },
			'manager',
			'The date it was reopened must be the same as or after 20 November 2026, when they left',
			'businessDate',
		],
	])('refuses a reopen %s', (_, state, command, role, error, field) => {
		expect(run(state(), command, role).result).toEqual({ ok: false, error, field })
	})
})

describe('starting a household', () => {
	test('the public form starts it at Enquiry today, with no actor', () => {
		const result = startHousehold({ stage: 'enquiry', businessDate: TODAY }, { today: TODAY, actor: null })
		expect(result).toMatchObject({
			ok: true,
			event: { kind: 'entered', fromStage: null, toStage: 'enquiry', actorId: null },
		})
		if (result.ok)
			expect(replay([result.event])).toMatchObject({ stage: 'enquiry', status: 'open', stageEnteredOn: TODAY })
	})

	test('staff may import a household at a later stage, dated in the past with a reason', () => {
		const result = startHousehold(
			{ stage: 'stage_2', businessDate: '2026-06-01', backdateReason: 'Imported from the 2026 tracker' },
			{ today: TODAY, actor: { id: 'staff-manager', role: 'manager' } }
		)
		expect(result).toMatchObject({
			ok: true,
			event: { toStage: 'stage_2', businessDate: '2026-06-01', backdateReason: 'Imported from the 2026 tracker' },
		})
		if (result.ok) expect(replay([result.event]).openStages).toEqual(['stage_2'])
	})

	test.each<[string, string, string, StaffRole | null, string | undefined, string]>([
		[
			'the public, at a later stage',
			'application',
			TODAY,
			null,
			undefined,
			'Only staff can add a household at Application',
		],
		['the public, on another day', 'enquiry', '2026-11-20', null, 'x', 'An enquiry from the public is dated today'],
		[
			'a read-only user',
			'enquiry',
			TODAY,
			'read_only',
			undefined,
			'Only managers, recruitment officers and social workers can add a household',
		],
		['a stage that does not exist', 'waiting', TODAY, 'officer', undefined, 'Select a stage'],
		[
			'a past date without a reason',
			'stage_1',
			'2026-10-01',
			'officer',
			undefined,
			'Enter why you are recording a date in the past',
		],
		[
			'a future date',
			'enquiry',
			'2026-12-01',
			'officer',
			'x',
			'The date they reached Enquiry must be today or in the past',
		],
	])('refuses %s', (_, stage, businessDate, role, backdateReason, error) => {
		const actor = role ? { id: 'someone', role } : null
		expect(startHousehold({ stage, businessDate, backdateReason }, { today: TODAY, actor })).toMatchObject({
			ok: false,
			error,
		})
	})
})

describe('replaying a history', () => {
	test('a returning enquirer’s new enquiry changes nothing, in any status', () => {
		const returned = { kind: 'returned', fromStage: null, toStage: null, businessDate: '2026-11-20' }
		const closedHistory = [
			...historyTo('initial_contact'),
			{ kind: 'exit', fromStage: 'initial_contact', toStage: null, businessDate: '2026-11-10' },
		]
		expect(replay([...closedHistory, returned])).toEqual(replay(closedHistory))
		expect(replay([...historyTo('stage_1'), returned])).toEqual(replay(historyTo('stage_1')))
	})

	test('a returning enquirer reopened at Enquiry (as the demo records it) starts again there', () => {
		const state = replay([
			...historyTo('initial_visit'),
			{
				kind: 'exit',
				fromStage: 'initial_visit',
				toStage: null,
				businessDate: '2026-11-10',
				exitReasonId: 'exit_timing',
			},
			{ kind: 'reopen', fromStage: 'initial_visit', toStage: 'enquiry', businessDate: '2026-11-20' },
		])
		expect(state).toMatchObject({
			stage: 'enquiry',
			status: 'open',
			openStages: ['enquiry'],
			stageEnteredOn: '2026-11-20',
			closed: null,
		})
	})

	const e = (
		kind: string,
		fromStage: string | null,
		toStage: string | null,
		businessDate = '2026-11-20'
	): RecordedStageEvent => ({ kind, fromStage, toStage, businessDate })
	test.each<[string, RecordedStageEvent[], number, string]>([
		['no events', [], 0, 'a household needs at least one event'],
		[
			'a first event that is not an entry',
			[e('hold', null, null)],
			0,
			'the first event must enter a stage from nowhere',
		],
		[
			'a skipped stage',
			[...historyTo('enquiry'), e('entered', 'enquiry', 'application')],
			1,
			'skips from enquiry to application',
		],
		[
			'a move from the wrong stage',
			[...historyTo('stage_1'), e('entered', 'application', 'stage_2')],
			5,
			'moves from application but the household is at stage_1',
		],
		[
			'an event dated before the last change',
			[...historyTo('stage_1'), e('hold', null, null, '2026-11-01')],
			5,
			'dated 2026-11-01, before the last change on 2026-11-06',
		],
		[
			'a move after closing',
			[...historyTo('enquiry'), e('exit', 'enquiry', null), e('entered', 'enquiry', 'initial_contact')],
			2,
			'entered is not allowed while closed',
		],
		[
			'a move while on hold',
			[...historyTo('enquiry'), e('hold', null, null), e('entered', 'enquiry', 'initial_contact')],
			2,
			'entered is not allowed while on_hold',
		],
		[
			'a reopen to a later stage',
			[...historyTo('enquiry'), e('exit', 'enquiry', null), e('reopen', 'enquiry', 'panel')],
			2,
			'reopens at panel, after the stage it left',
		],
		['an unknown kind', [...historyTo('enquiry'), e('deleted', null, null)], 1, 'deleted is not allowed while open'],
		[
			'a date that is not a date',
			[e('entered', null, 'enquiry', 'yesterday')],
			0,
			'business date "yesterday" is not a date',
		],
	])('reports %s', (_, events, index, problem) => {
		expect(tryReplay(events)).toEqual({ ok: false, index, problem })
		if (events.length > 0) expect(() => replay(events)).toThrow(problem)
	})
})

describe('matchesHousehold', () => {
	const state = runAll(at('stage_1'), hold())
	test('agrees with a row kept in step', () => {
		expect(matchesHousehold(state, { stage: 'stage_1', status: 'on_hold', stageEnteredOn: '2026-11-06' })).toBe(true)
	})
	test('names every field that disagrees', () => {
		const row = { stage: 'stage_2', status: 'open', stageEnteredOn: '2026-11-06' }
		expect(matchesHousehold(state, row)).toBe(false)
		expect(householdDifferences(state, row)).toEqual([
			'stage is "stage_2" but the events say "stage_1"',
			'status is "open" but the events say "on_hold"',
		])
	})
})

describe.each([DEMO_SEED, 1, 2])('the demo data (seed %s)', (seed) => {
	const data = generateDemoData({ today: new Date('2026-11-23T10:30:00Z'), seed })
	const byHousehold = new Map<string, DemoStageEvent[]>()
	for (const event of data.stageEvents)
		byHousehold.set(event.householdId, [...(byHousehold.get(event.householdId) ?? []), event])
	const historyOf = (id: string) =>
		byHousehold
			.get(id)!
			.slice()
			.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id))

	test('every household’s history replays and agrees with its row', () => {
		const seen = { parallel: 0, onHold: 0, closed: 0, reopened: 0, approved: 0 }
		for (const household of data.households) {
			const events = historyOf(household.id)
			const result = tryReplay(events)
			expect(result, household.id).toMatchObject({ ok: true })
			if (!result.ok) continue
			expect(householdDifferences(result.state, household), household.id).toEqual([])
			if (result.state.openStages.length > 1) seen.parallel++
			if (result.state.status === 'on_hold') seen.onHold++
			if (result.state.status === 'closed') seen.closed++
			if (result.state.stage === 'approved') seen.approved++
			if (events.some((event) => event.kind === 'reopen')) seen.reopened++
		}
		// The replay covered every kind of history, not just the easy ones.
		expect(data.households.length).toBeGreaterThan(500)
		for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0)
	})

	test('every step of every history is a command the machine accepts on its day', () => {
		const reasons = new Map(DEFAULT_EXIT_REASONS.map((reason) => [`exit_${reason.key}`, reason]))
		for (const household of data.households) {
			const [first, ...rest] = historyOf(household.id)
			let state = replay([first!])
			for (const event of rest) {
				const day = { today: event.businessDate, exitReasons: EXIT_REASONS }
				let command: StageCommand | null = null
				if (event.kind === 'entered') command = move(event.toStage!, event.businessDate)
				else if (event.kind === 'hold') command = hold(addCalendarDays(event.businessDate, 28), event.businessDate)
				else if (event.kind === 'resume') command = resume(event.businessDate)
				else if (event.kind === 'exit') {
					const reason = reasons.get(event.exitReasonId!)!
					command = close(reason.endedBy, reason.key, event.businessDate)
				}
				// A returning enquirer's reopen at Enquiry is the public form's doing, not a command.
				if (command) {
					const result = apply(state, command, { ...context('manager'), ...day })
					expect(result, `${household.id} ${event.kind} ${event.toStage ?? ''} on ${event.businessDate}`).toMatchObject(
						{ ok: true }
					)
				}
				state = applyEvent(state, event)
			}
		}
	})
})

describe('a returning enquirer on a household on hold (ADR 031)', () => {
	const base = [
		{ kind: 'entered', fromStage: null, toStage: 'enquiry', businessDate: '2026-11-02' },
		{ kind: 'entered', fromStage: 'enquiry', toStage: 'initial_contact', businessDate: '2026-11-03' },
		{ kind: 'hold', fromStage: null, toStage: null, businessDate: '2026-11-10', reviewOn: '2027-01-11' },
	]
	const returned = (on: string) => ({ kind: 'returned', fromStage: null, toStage: null, businessDate: on })

	test('their new enquiry ends the hold, where they were', () => {
		expect(replay([...base, returned('2026-12-24')])).toMatchObject({
			stage: 'initial_contact',
			status: 'open',
			heldSince: null,
			holdReviewOn: null,
			lastChange: { kind: 'returned', on: '2026-12-24' },
		})
	})

	test('an enquiry dated before the hold ends it on the hold’s own day, so no later change goes back in time', () => {
		expect(replay([...base, returned('2026-11-05')]).lastChange).toEqual({
			kind: 'returned',
			on: '2026-11-10',
			stage: 'initial_contact',
		})
	})

	test('while open it changes nothing, and a contact that answers it changes no stage', () => {
		const open = base.slice(0, 2)
		const contacted = { kind: 'contacted', fromStage: null, toStage: null, businessDate: '2026-11-21' }
		expect(replay([...open, returned('2026-11-20'), contacted])).toEqual(replay(open))
	})
})

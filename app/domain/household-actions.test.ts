import { describe, expect, test } from 'vitest'
import {
	actionBlocked,
	availableActions,
	HOUSEHOLD_ACTIONS,
	rolesFor,
	type HouseholdAction,
} from './household-actions.ts'
import { apply, type HouseholdState, type StageCommand } from './stage-machine.ts'
import { STAFF_ROLES, type StaffRole } from './staff.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'

// Which actions a household offers to whom: a table of states by roles worked out by hand, and a
// check that the stage machine (what the server enforces) agrees with the table on every stage
// change, in the same words the action's page shows.

const TODAY = '2026-12-07'

function state(stage: StageKey, overrides: Partial<HouseholdState> = {}): HouseholdState {
	return {
		stage,
		status: 'open',
		openStages: [stage],
		stageEnteredOn: '2026-11-02',
		stage1ChecksReceivedOn: null,
		stage1CompletedOn: null,
		heldSince: null,
		holdReviewOn: null,
		closed: null,
		lastChange: { kind: 'entered', on: '2026-11-02', stage },
		...overrides,
	}
}

const STATES: Record<string, HouseholdState> = {
	'at enquiry': state('enquiry'),
	'in Stage 2 with Stage 1 open': state('stage_2', { openStages: ['stage_1', 'stage_2'] }),
	'in Stage 2, the last Stage 1 check in': state('stage_2', {
		openStages: ['stage_1', 'stage_2'],
		stage1ChecksReceivedOn: '2026-11-20',
	}),
	'in Stage 2, Stage 1 complete': state('stage_2', { stage1CompletedOn: '2026-11-25' }),
	'on hold': state('application', { status: 'on_hold', heldSince: '2026-11-10', holdReviewOn: '2027-01-10' }),
	closed: state('initial_visit', {
		status: 'closed',
		closed: {
			on: '2026-11-12',
			fromStage: 'initial_visit',
			openStages: ['initial_visit'],
			exitReasonId: null,
			exitReasonKey: 'timing',
		},
	}),
	approved: state('approved', { stage1CompletedOn: '2026-06-01' }),
}

// Every role may always do these, by role alone: the rest depend on the household.
const ALWAYS: Record<StaffRole, HouseholdAction[]> = {
	manager: ['contact', 'owner', 'note', 'task', 'audit', 'complete_task', 'referral', 'decide_match'],
	officer: ['contact', 'owner', 'note', 'task', 'complete_task', 'referral', 'decide_match'],
	social_worker: ['contact', 'owner', 'note', 'task', 'complete_task', 'decide_match'],
	administrator: [],
	read_only: [],
}

/** The stage changes each state offers to a manager, and to an officer or social worker. */
const STAGE_CHANGES: Record<string, { manager: HouseholdAction[]; others: HouseholdAction[] }> = {
	'at enquiry': { manager: ['move', 'hold', 'close'], others: ['move', 'hold', 'close'] },
	'in Stage 2 with Stage 1 open': {
		manager: ['move', 'checks_received', 'complete_stage_1', 'hold', 'close'],
		others: ['move', 'checks_received', 'complete_stage_1', 'hold', 'close'],
	},
	'in Stage 2, the last Stage 1 check in': {
		manager: ['move', 'complete_stage_1', 'hold', 'close'],
		others: ['move', 'complete_stage_1', 'hold', 'close'],
	},
	'in Stage 2, Stage 1 complete': { manager: ['move', 'hold', 'close'], others: ['move', 'hold', 'close'] },
	'on hold': { manager: ['resume', 'close'], others: ['resume', 'close'] },
	closed: { manager: ['reopen'], others: [] },
	// Approved has no next stage: only a manager can move it back; nobody can hold or close it.
	approved: { manager: ['move'], others: [] },
}

const inRecordOrder = (actions: HouseholdAction[]) => HOUSEHOLD_ACTIONS.filter((action) => actions.includes(action))

describe('availableActions', () => {
	for (const [name, household] of Object.entries(STATES)) {
		test.each(STAFF_ROLES.map((role) => [role]))(`a household ${name}, to %s staff`, (role) => {
			const changes = STAGE_CHANGES[name]!
			const stageChanges = role === 'manager' ? changes.manager : ALWAYS[role].length > 0 ? changes.others : []
			expect(availableActions(household, role)).toEqual(inRecordOrder([...ALWAYS[role], ...stageChanges]))
		})
	}
})

describe('why an action is not offered', () => {
	test.each<[HouseholdAction, string, StaffRole, string | null]>([
		['move', 'closed', 'officer', 'This household is closed. A manager must reopen it before anything else can change'],
		['move', 'on hold', 'officer', 'This household is on hold. Resume it before you change anything else'],
		['move', 'approved', 'officer', 'This household is approved: it has finished recruitment'],
		['move', 'approved', 'manager', null],
		['hold', 'on hold', 'officer', 'This household is already on hold'],
		['hold', 'approved', 'manager', 'An approved household cannot be put on hold'],
		['close', 'on hold', 'officer', null],
		['close', 'approved', 'manager', 'An approved household has finished recruitment and cannot be closed'],
		['resume', 'at enquiry', 'officer', 'This household is not on hold'],
		['reopen', 'at enquiry', 'manager', 'This household is not closed'],
		['reopen', 'closed', 'officer', 'Only a manager can reopen a closed household'],
		['checks_received', 'at enquiry', 'officer', 'The household has not started Stage 1'],
		['checks_received', 'in Stage 2, Stage 1 complete', 'officer', 'Stage 1 is already complete'],
		[
			'checks_received',
			'in Stage 2, the last Stage 1 check in',
			'social_worker',
			'You have already recorded that the last Stage 1 check arrived on 20 November 2026',
		],
		['complete_stage_1', 'in Stage 2, Stage 1 complete', 'officer', 'Stage 1 is already complete'],
		['note', 'closed', 'officer', null],
		['contact', 'on hold', 'social_worker', null],
	])('%s, a household %s, %s: %s', (action, name, role, message) => {
		expect(actionBlocked(action, STATES[name]!, role)).toBe(message)
	})

	test('who may open each page: reopening and the audit log are managers’, referrals managers’ and officers’', () => {
		expect(rolesFor('reopen')).toEqual(['manager'])
		expect(rolesFor('audit')).toEqual(['manager'])
		expect(rolesFor('referral')).toEqual(['manager', 'officer'])
		expect(rolesFor('hold')).toEqual(['manager', 'officer', 'social_worker'])
	})
})

describe('the stage machine agrees with the record', () => {
	// Answers that are right in themselves, so only the household and the role can refuse them.
	const commands: Partial<Record<HouseholdAction, (household: HouseholdState) => StageCommand>> = {
		move: (household) => ({
			type: 'move',
			toStage: household.stage === 'approved' ? 'panel' : nextStage(household.stage),
			businessDate: TODAY,
		}),
		checks_received: () => ({ type: 'checks_received', businessDate: TODAY }),
		complete_stage_1: () => ({ type: 'complete_stage_1', businessDate: TODAY }),
		hold: () => ({ type: 'hold', reviewOn: '2027-02-01', businessDate: TODAY }),
		resume: () => ({ type: 'resume', businessDate: TODAY }),
		close: () => ({ type: 'close', endedBy: 'household', exitReasonKey: 'timing', businessDate: TODAY }),
		reopen: () => ({ type: 'reopen', businessDate: TODAY }),
	}
	const context = (role: StaffRole) => ({
		today: TODAY,
		actor: { id: 'staff-1', role },
		exitReasons: [{ key: 'timing', label: 'Not the right time', endedBy: 'household' as const }],
	})

	for (const [name, household] of Object.entries(STATES)) {
		test.each(STAFF_ROLES.map((role) => [role]))(`a household ${name}, %s staff`, (role) => {
			for (const [action, command] of Object.entries(commands) as [
				HouseholdAction,
				(h: HouseholdState) => StageCommand,
			][]) {
				const result = apply(household, command(household), context(role))
				const offered = availableActions(household, role).includes(action)
				expect({ action, ok: result.ok }).toEqual({ action, ok: offered })
				if (!result.ok && rolesFor(action).includes(role)) {
					expect({ action, error: result.error }).toEqual({ action, error: actionBlocked(action, household, role) })
				}
			}
		})
	}
})

function nextStage(stage: StageKey): StageKey {
	return STAGE_KEYS[STAGE_KEYS.indexOf(stage) + 1] ?? stage
}

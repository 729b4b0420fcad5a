import { commandRefusal, type CommandGateState, type StageCommand } from './stage-machine.ts'
import { roleCan, ROLES_THAT, type StaffRole } from './staff.ts'

// Which actions a household in a given state offers to a given member of staff: the one rule the
// household record's list of actions, each action's page (a form, or why there is none) and each
// action's server side all follow, so they cannot disagree (ADR 024). The stage changes' rules are
// the stage machine's own (`commandRefusal`, which `apply` enforces with the same words); the other
// actions depend on the role only.

export const HOUSEHOLD_ACTIONS = [
	'contact',
	'move',
	'checks_received',
	'complete_stage_1',
	'hold',
	'resume',
	'close',
	'reopen',
	'owner',
	'note',
	'task',
	'audit',
	/** Marking one of its open tasks as done (on the record itself). */
	'complete_task',
	/** Attaching, detaching or counting a referral. */
	'referral',
	/** Deciding a possible match with another household. */
	'decide_match',
] as const
export type HouseholdAction = (typeof HOUSEHOLD_ACTIONS)[number]

/** Who may take each action, as the staff area's role groups name them (app/domain/staff.ts). */
const WHO: Record<HouseholdAction, keyof typeof ROLES_THAT> = {
	contact: 'changeHouseholds',
	move: 'changeHouseholds',
	checks_received: 'changeHouseholds',
	complete_stage_1: 'changeHouseholds',
	hold: 'changeHouseholds',
	resume: 'changeHouseholds',
	close: 'changeHouseholds',
	reopen: 'manageRecruitment',
	owner: 'changeHouseholds',
	note: 'changeHouseholds',
	task: 'changeHouseholds',
	audit: 'manageRecruitment',
	complete_task: 'changeHouseholds',
	referral: 'manageCarers',
	decide_match: 'changeHouseholds',
}

/** The actions that are stage changes, with the stage machine's command for each. */
const COMMANDS: Partial<Record<HouseholdAction, StageCommand['type']>> = {
	move: 'move',
	checks_received: 'checks_received',
	complete_stage_1: 'complete_stage_1',
	hold: 'hold',
	resume: 'resume',
	close: 'close',
	reopen: 'reopen',
}

/** What the rules need of a household: its stage and status, and where Stage 1's checks are. */
export type HouseholdActionState = CommandGateState

/** The roles that may open an action's page and post its form (the route's `requireStaff`). */
export function rolesFor(action: HouseholdAction): readonly StaffRole[] {
	return ROLES_THAT[WHO[action]]
}

/**
 * Why a role that may take the action cannot take it on this household now, as the action's page
 * says it instead of showing a form and as the server refuses it; null when it can.
 */
export function actionBlocked(action: HouseholdAction, state: HouseholdActionState, role: StaffRole): string | null {
	const command = COMMANDS[action]
	return command ? commandRefusal(command, state, role) : null
}

/** Whether this role may take the action on this household now. */
export function canTake(action: HouseholdAction, state: HouseholdActionState, role: StaffRole): boolean {
	return roleCan(role, WHO[action]) && actionBlocked(action, state, role) === null
}

/** Every action this role may take on this household now, in the order the record lists them. */
export function availableActions(state: HouseholdActionState, role: StaffRole): HouseholdAction[] {
	return HOUSEHOLD_ACTIONS.filter((action) => canTake(action, state, role))
}

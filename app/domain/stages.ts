// The funnel's stages, in their fixed order (docs/domain.md). A service may rename them (issue 3's
// settings) but never reorder them.

export const STAGES = [
	{
		key: 'enquiry',
		name: 'Enquiry',
		summary: 'You get in touch with us, online, by phone or at an event.',
	},
	{
		key: 'initial_contact',
		name: 'Initial contact',
		summary: 'One of our team calls you to talk about fostering and answer your questions.',
	},
	{
		key: 'initial_visit',
		name: 'Initial visit',
		summary: 'You come to an information session, or we visit you at home to get to know your household.',
	},
	{
		key: 'application',
		name: 'Application',
		summary: 'You send us your formal application to be assessed as foster carers.',
	},
	{
		key: 'stage_1',
		name: 'Stage 1: checks and references',
		summary:
			'We carry out the checks the law requires: DBS, local authority and health checks, and references from people who know you.',
	},
	{
		key: 'stage_2',
		name: 'Stage 2: assessment and training',
		summary:
			'A social worker gets to know you over several visits and writes your assessment (the Form F), while you take part in preparation training.',
	},
	{
		key: 'panel',
		name: 'Fostering panel',
		summary: 'An independent panel reads your assessment, meets you and makes a recommendation.',
	},
	{
		key: 'approved',
		name: 'Approved',
		summary: 'Our decision maker approves you as foster carers, and we start matching you with children.',
	},
] as const

export type StageKey = (typeof STAGES)[number]['key']
export const STAGE_KEYS = STAGES.map((stage) => stage.key) as StageKey[]

/** The short names staff see on the board and in messages, until the service renames them. */
export const DEFAULT_STAGE_NAMES: Record<StageKey, string> = {
	enquiry: 'Enquiry',
	initial_contact: 'Initial contact',
	initial_visit: 'Initial visit',
	application: 'Application',
	stage_1: 'Stage 1',
	stage_2: 'Stage 2',
	panel: 'Panel',
	approved: 'Approved',
}

/** Every stage's name with the service's own names (ServiceConfig.stageNames) applied. */
export function stageNames(custom: Partial<Record<StageKey, string>> = {}): Record<StageKey, string> {
	return Object.fromEntries(STAGE_KEYS.map((key) => [key, custom[key]?.trim() || DEFAULT_STAGE_NAMES[key]])) as Record<
		StageKey,
		string
	>
}

export function isStageKey(value: unknown): value is StageKey {
	return typeof value === 'string' && (STAGE_KEYS as string[]).includes(value)
}

// Why households leave the funnel: the default list from docs/domain.md. Household withdrawals map to
// Ofsted's withdrawal codes (AW0 to AW5) for the annual fostering return. Services can add, rename
// and retire reasons (issue 3); the defaults are loaded by a migration.

export type EndedBy = 'household' | 'service' | 'not_approved'
export type OfstedWithdrawalCode = 'AW0' | 'AW1' | 'AW2' | 'AW3' | 'AW4' | 'AW5'

export type ExitReasonDefinition = {
	key: string
	label: string
	endedBy: EndedBy
	ofstedCode: OfstedWithdrawalCode | null
	/** A household that may come back later: keep in touch rather than forget. */
	nurture?: boolean
}

export const DEFAULT_EXIT_REASONS: readonly ExitReasonDefinition[] = [
	{ key: 'circumstances_changed', label: 'Change in personal circumstances', endedBy: 'household', ofstedCode: 'AW3' },
	{ key: 'household_health', label: 'Health', endedBy: 'household', ofstedCode: 'AW3' },
	{ key: 'housing', label: 'Housing or no spare room', endedBy: 'household', ofstedCode: 'AW3' },
	{ key: 'work_or_finances', label: 'Work or finances', endedBy: 'household', ofstedCode: 'AW4' },
	{ key: 'timing', label: 'Timing not right ("maybe later")', endedBy: 'household', ofstedCode: 'AW0', nurture: true },
	{ key: 'other_service', label: 'Went to another fostering service', endedBy: 'household', ofstedCode: 'AW0' },
	{ key: 'assessment_process', label: 'Assessment too slow or too intrusive', endedBy: 'household', ofstedCode: 'AW2' },
	{ key: 'not_as_expected', label: 'Fostering not what they expected', endedBy: 'household', ofstedCode: 'AW1' },
	{ key: 'allegations', label: 'Worried about allegations', endedBy: 'household', ofstedCode: 'AW5' },
	{ key: 'lost_contact', label: 'Did not respond or lost contact', endedBy: 'household', ofstedCode: 'AW0' },
	{ key: 'no_spare_bedroom', label: 'No spare bedroom', endedBy: 'service', ofstedCode: null },
	{ key: 'criteria_not_met', label: 'Does not meet criteria', endedBy: 'service', ofstedCode: null },
	{
		key: 'checks_concerns',
		label: 'Checks (DBS, local authority, references) raised concerns',
		endedBy: 'service',
		ofstedCode: null,
	},
	{ key: 'service_health', label: 'Health', endedBy: 'service', ofstedCode: null },
	{ key: 'counselled_out_visit', label: 'Counselled out after initial visit', endedBy: 'service', ofstedCode: null },
	{ key: 'counselled_out_stage_1', label: 'Counselled out after Stage 1', endedBy: 'service', ofstedCode: null },
	{ key: 'outside_area', label: "Outside the service's area", endedBy: 'service', ofstedCode: null },
	{ key: 'panel_against', label: 'Panel recommended against approval', endedBy: 'not_approved', ofstedCode: null },
	{
		key: 'adm_not_approved',
		label: 'Agency decision maker did not approve',
		endedBy: 'not_approved',
		ofstedCode: null,
	},
]

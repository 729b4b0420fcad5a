import { STAGES, type StageKey } from './stages.ts'
import { workingDaysPhrase, type ServiceConfig } from './service-config.ts'
import { monthsPhrase } from './public-site.ts'

// How long each step of becoming a foster carer usually takes, in words for the public site,
// from the service's own targets. Only the 8-month limit from application to panel (NMS 14.4)
// is national; the rest is local practice the service sets.

/** Fostering National Minimum Standards 14.4: application to panel within 8 months. */
export const NATIONAL_APPLICATION_TO_PANEL_MONTHS = 8

/** What services typically take from application to approval, in months. */
export const TYPICAL_APPLICATION_TO_APPROVAL_MONTHS = { from: 4, to: 8 } as const

export type JourneyStep = { key: StageKey; number: number; name: string; summary: string; timing: string }

export function journeySteps(targets: ServiceConfig['targets']): JourneyStep[] {
	const panelLimit =
		targets.applicationToPanelMonths < NATIONAL_APPLICATION_TO_PANEL_MONTHS
			? `Our target is to bring your assessment to panel within ${monthsPhrase(
					targets.applicationToPanelMonths
				)} of your application, and never more than ${NATIONAL_APPLICATION_TO_PANEL_MONTHS} months, the national limit.`
			: `We bring your assessment to panel within ${NATIONAL_APPLICATION_TO_PANEL_MONTHS} months of your application, the national limit.`
	const timings: Record<StageKey, string> = {
		enquiry: 'About 2 minutes online, or a short phone call. There is no commitment.',
		initial_contact: `We call you within ${workingDaysPhrase(targets.firstContactWorkingDays)} of your enquiry.`,
		initial_visit: `Within ${workingDaysPhrase(
			targets.initialVisitWorkingDays
		)} of that first call, at a time that suits you. A visit usually lasts 1 to 2 hours.`,
		application:
			'Whenever you are ready. Some people apply straight after the visit, others take a few months to think it over.',
		stage_1: `The checks usually take about 2 months. We tell you whether you can go on to Stage 2 within ${workingDaysPhrase(
			targets.stage1DecisionWorkingDays
		)} of receiving the last one.`,
		stage_2: `Usually 3 to 4 months, often alongside Stage 1. ${panelLimit}`,
		panel: 'The meeting itself takes about an hour. You can bring someone with you for support.',
		approved: `Our decision maker decides within ${workingDaysPhrase(
			targets.panelToDecisionWorkingDays
		)} of the panel meeting, and we write to tell you.`,
	}
	return STAGES.map((stage, index) => ({
		key: stage.key,
		number: index + 1,
		name: stage.name,
		summary: stage.summary,
		timing: timings[stage.key],
	}))
}

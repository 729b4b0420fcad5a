import { describe, expect, test } from 'vitest'
import { journeySteps } from './fostering-journey.ts'
import { DEMO_SERVICE_CONFIG } from './service-config.ts'
import { STAGES } from './stages.ts'

describe('journeySteps', () => {
	test('lists the 8 stages in their fixed order, numbered from 1', () => {
		const steps = journeySteps(DEMO_SERVICE_CONFIG.targets)
		expect(steps.map((step) => step.name)).toEqual(STAGES.map((stage) => stage.name))
		expect(steps.map((step) => step.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
	})

	test("tells people the service's own response times", () => {
		const steps = journeySteps({
			firstContactWorkingDays: 2,
			initialVisitWorkingDays: 5,
			stage1DecisionWorkingDays: 15,
			applicationToPanelMonths: 6,
			panelToDecisionWorkingDays: 7,
		})
		const timing = Object.fromEntries(steps.map((step) => [step.key, step.timing]))
		expect(timing.initial_contact).toContain('within 2 working days of your enquiry')
		expect(timing.initial_visit).toContain('Within 5 working days of that first call')
		expect(timing.stage_1).toContain('within 15 working days')
		expect(timing.stage_2).toContain('within 6 months of your application, and never more than 8 months')
		expect(timing.approved).toContain('within 7 working days of the panel')
	})

	test('says "1 working day" and does not repeat the national limit when the target is the limit', () => {
		const steps = journeySteps({
			...DEMO_SERVICE_CONFIG.targets,
			firstContactWorkingDays: 1,
			applicationToPanelMonths: 8,
		})
		const timing = Object.fromEntries(steps.map((step) => [step.key, step.timing]))
		expect(timing.initial_contact).toContain('within 1 working day of')
		expect(timing.stage_2).toContain('within 8 months of your application, the national limit')
		expect(timing.stage_2).not.toContain('never more than')
	})
})

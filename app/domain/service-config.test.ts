import { describe, expect, test } from 'vitest'
import {
	contrastRatio,
	DEMO_SERVICE_CONFIG,
	enquiryAlertRecipients,
	ServiceConfigSchema,
	workingDaysPhrase,
} from './service-config.ts'

describe('contrastRatio', () => {
	test('matches the WCAG figures for known pairs', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
		// GOV.UK blue on white, published as 5.17:1.
		expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2)
		// #767676 is the lightest grey that passes AA on white (4.54:1).
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
	})
})

describe('ServiceConfigSchema', () => {
	test('accepts the demo council', () => {
		expect(ServiceConfigSchema.parse(DEMO_SERVICE_CONFIG)).toEqual(DEMO_SERVICE_CONFIG)
	})

	test('refuses a brand colour white text cannot be read on, with a message that says why', () => {
		const result = ServiceConfigSchema.safeParse({ ...DEMO_SERVICE_CONFIG, brandColour: '#ffdd00' })
		expect(result.success).toBe(false)
		expect(result.error?.issues[0]?.message).toBe(
			'Choose a darker brand colour: white text on it must have a contrast ratio of at least 4.5 to 1'
		)
	})

	test('refuses a malformed team address and a target of no days', () => {
		const result = ServiceConfigSchema.safeParse({
			...DEMO_SERVICE_CONFIG,
			recruitmentTeamEmails: ['team.example'],
			targets: { ...DEMO_SERVICE_CONFIG.targets, firstContactWorkingDays: 0 },
		})
		expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
			'recruitmentTeamEmails.0',
			'targets.firstContactWorkingDays',
		])
	})
})

test('kinship alerts go to the kinship team when it has an address, else to the recruitment team', () => {
	expect(enquiryAlertRecipients(DEMO_SERVICE_CONFIG, true)).toEqual(['kinship@northdale.example'])
	expect(enquiryAlertRecipients(DEMO_SERVICE_CONFIG, false)).toEqual(['recruitment@northdale.example'])
	expect(enquiryAlertRecipients({ ...DEMO_SERVICE_CONFIG, kinshipTeamEmails: [] }, true)).toEqual([
		'recruitment@northdale.example',
	])
})

test('working days read naturally', () => {
	expect(workingDaysPhrase(1)).toBe('1 working day')
	expect(workingDaysPhrase(10)).toBe('10 working days')
})

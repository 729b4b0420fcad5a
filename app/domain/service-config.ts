import { z } from 'zod'
import { emailAddressSchema } from './email-address.ts'
import { STAGE_KEYS, type StageKey } from './stages.ts'

// The fostering service's own configuration: who they are, where they work, how to reach them,
// their brand and their response-time targets. One document, validated here on every read and
// write, stored in the ServiceSettings row and edited from the staff area.

const hexColour = /^#[0-9a-f]{6}$/i

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
	const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
		number,
		number,
		number,
	]
	return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
	return (light + 0.05) / (dark + 0.05)
}

const WorkingDays = z.number().int().min(1).max(260)

export const ServiceConfigSchema = z.object({
	serviceName: z.string().trim().min(1, 'Enter the name of the fostering service').max(120),
	organisationName: z.string().trim().min(1, 'Enter the name of the council or agency').max(120),
	organisationType: z.enum(['local_authority', 'independent_agency']),
	areaServed: z.string().trim().min(1, 'Enter the area the service covers').max(200),
	phone: z.string().trim().min(1, 'Enter a phone number').max(30),
	phoneHours: z.string().trim().max(120),
	publicEmail: emailAddressSchema('Enter the service’s email address'),
	// The address the service's emails come from (ADR 032). Without one they come from publicEmail,
	// so a reply reaches the team; set it when the mail relay may send only from another address.
	senderEmail: emailAddressSchema('Enter the address emails are sent from').optional(),
	recruitmentTeamEmails: z
		.array(emailAddressSchema('Enter an email address for the recruitment team'))
		.min(1, 'Enter at least one email address for the recruitment team'),
	// Kinship (family and friends) enquiries follow a different route, often with a different
	// team; without an address of its own they go to the recruitment team, marked [Kinship].
	kinshipTeamEmails: z.array(emailAddressSchema('Enter an email address for the kinship team')).default([]),
	privacyNoticeUrl: z.string().trim().min(1).max(300),
	brandColour: z
		.string()
		.regex(hexColour, 'Enter the brand colour as a hex code, like #1d70b8')
		.refine((colour) => contrastRatio(colour, '#ffffff') >= 4.5, {
			message: 'Choose a darker brand colour: white text on it must have a contrast ratio of at least 4.5 to 1',
		}),
	targets: z.object({
		firstContactWorkingDays: WorkingDays,
		initialVisitWorkingDays: WorkingDays,
		stage1DecisionWorkingDays: WorkingDays,
		applicationToPanelMonths: z.number().int().min(1).max(8),
		panelToDecisionWorkingDays: WorkingDays,
	}),
	// How the response-time clocks warn: the share of a target after which a clock is at risk, and
	// which reminders the scheduler sends (app/domain/reminders.ts). Defaults so configs stored
	// before these existed still read.
	clocks: z
		.object({
			atRiskPercent: z.number().int().min(50).max(95).default(75),
			remindAtRisk: z.boolean().default(true),
			escalateOverdue: z.boolean().default(true),
			morningDigest: z.boolean().default(true),
		})
		.default({ atRiskPercent: 75, remindAtRisk: true, escalateOverdue: true, morningDigest: true }),
	allowances: z.object({
		weeklyFromPounds: z.number().int().min(0),
		weeklyToPounds: z.number().int().min(0),
	}),
	// The service's own names for the stages (the order never changes); missing ones keep the
	// defaults in app/domain/stages.ts.
	stageNames: z
		.partialRecord(
			z.enum(STAGE_KEYS as [StageKey, ...StageKey[]]),
			z.string().trim().min(1, 'Enter a name for the stage').max(40, 'Stage names must be 40 characters or fewer')
		)
		.default({}),
})

export type ServiceConfig = z.infer<typeof ServiceConfigSchema>

/** The fictional council the demo data and a fresh install use until staff change it. */
export const DEMO_SERVICE_CONFIG: ServiceConfig = {
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
	organisationType: 'local_authority',
	areaServed: 'Northdale and the Vale of Ashby',
	phone: '0300 123 4567',
	phoneHours: 'Monday to Friday, 9am to 5pm',
	publicEmail: 'fostering@northdale.example',
	recruitmentTeamEmails: ['recruitment@northdale.example'],
	kinshipTeamEmails: ['kinship@northdale.example'],
	privacyNoticeUrl: '/privacy',
	brandColour: '#0b4f6c',
	targets: {
		firstContactWorkingDays: 1,
		initialVisitWorkingDays: 10,
		stage1DecisionWorkingDays: 10,
		applicationToPanelMonths: 6,
		panelToDecisionWorkingDays: 7,
	},
	clocks: { atRiskPercent: 75, remindAtRisk: true, escalateOverdue: true, morningDigest: true },
	allowances: { weeklyFromPounds: 320, weeklyToPounds: 560 },
	stageNames: {},
}

/** Who is told of a new enquiry: the kinship team for kinship enquiries when it has an address. */
export function enquiryAlertRecipients(config: ServiceConfig, isKinship: boolean): string[] {
	return isKinship && config.kinshipTeamEmails.length > 0 ? config.kinshipTeamEmails : config.recruitmentTeamEmails
}

/** Who the service's emails come from: the service's name and its sender address (ADR 032). */
export function emailSender(config: ServiceConfig): { name: string; address: string } {
	return { name: config.serviceName, address: config.senderEmail ?? config.publicEmail }
}

/** "1 working day", "10 working days". */
export function workingDaysPhrase(days: number): string {
	return `${days} working ${days === 1 ? 'day' : 'days'}`
}

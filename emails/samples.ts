import type { CarerSignInLinkInput } from './carer-sign-in-link.ts'
import type { ReferralBonusInput } from './referral-bonus.ts'
import type { ClockReminderInput } from './clock-reminder.ts'
import type { ReferralInvitationInput } from './referral-invitation.ts'
import type { EnquiryAcknowledgementInput } from './enquiry-acknowledgement.ts'
import type { NewEnquiryAlertInput } from './new-enquiry-alert.ts'
import type { MorningDigestInput } from './morning-digest.ts'
import type { PasswordLinkInput } from './password-link.ts'

// Sample data for each template, shared by the previews (emails/preview.ts) and the tests, so a
// new field in a template is filled in once.

export const SAMPLE_ORIGIN = 'https://fostering.northdale.example'

export const sampleAcknowledgement: EnquiryAcknowledgementInput = {
	firstName: 'Siobhán',
	reference: 'ENQ-7K3M9Q',
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
	firstContactWorkingDays: 1,
	phone: '0300 123 4567',
	phoneHours: 'Monday to Friday, 9am to 5pm',
	publicEmail: 'fostering@northdale.example',
	isKinship: false,
	bestTimeToCall: 'evening',
	origin: `${SAMPLE_ORIGIN}/`,
}

export const sampleAlert: NewEnquiryAlertInput = {
	reference: 'ENQ-7K3M9Q',
	householdReference: 'HH-4D2R8T',
	applicantName: 'Siobhán Ó Dálaigh',
	isKinship: false,
	possibleMatch: null,
	channelLabel: 'Search engine',
	postcodeDistrict: 'LE1',
	receivedAt: new Date('2026-07-01T13:05:00Z'),
	firstContactDeadline: 'Thursday 2 July 2026',
	staffUrl: `${SAMPLE_ORIGIN}/staff/households/HH-4D2R8T`,
	serviceName: 'Foster with Northdale',
}

export const samplePasswordLink: PasswordLinkInput = {
	kind: 'reset',
	name: 'Amira Hussain',
	url: `${SAMPLE_ORIGIN}/staff/reset-password/Zm9zdGVyaW5nLWRlbW8tdG9rZW4tZm9yLXByZXZpZXdz`,
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
}

export const sampleClockReminder: ClockReminderInput = {
	level: 'at_risk',
	recipientName: 'Amira Hussain',
	items: [
		{
			displayName: 'Priya and Tom Shah',
			reference: 'HH-4D2R8T',
			due: 'First contact to initial visit',
			deadline: 'Monday 16 November 2026',
			url: `${SAMPLE_ORIGIN}/staff/households/cm4d2r8t`,
		},
	],
	serviceName: 'Foster with Northdale',
}

export const sampleMorningDigest: MorningDigestInput = {
	recipientName: 'Amira Hussain',
	date: 'Tuesday 24 November 2026',
	entries: [
		{
			displayName: 'Siobhán Ó Dálaigh',
			reference: 'HH-7K3M9Q',
			due: 'Enquiry to first personal contact',
			deadline: 'Monday 23 November 2026',
			overdue: true,
			url: `${SAMPLE_ORIGIN}/staff/households/cm7k3m9q`,
		},
		{
			displayName: 'Priya and Tom Shah',
			reference: 'HH-4D2R8T',
			due: 'First contact to initial visit',
			deadline: 'Tuesday 24 November 2026',
			overdue: false,
			url: `${SAMPLE_ORIGIN}/staff/households/cm4d2r8t`,
		},
	],
	serviceName: 'Foster with Northdale',
}

export const sampleCarerSignInLink: CarerSignInLinkInput = {
	name: 'Grace Mensah',
	url: `${SAMPLE_ORIGIN}/refer/sign-in/Zm9zdGVyaW5nLWRlbW8tdG9rZW4tZm9yLXByZXZpZXdz`,
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
}

export const sampleReferralInvitation: ReferralInvitationInput = {
	friendName: 'Siobhán',
	carerFirstName: 'Grace',
	referralUrl: `${SAMPLE_ORIGIN}/r/NORTH7K3`,
	origin: SAMPLE_ORIGIN,
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
}

export const sampleReferralBonus: ReferralBonusInput = {
	kind: 'earned',
	carerName: 'Maggie Okafor',
	amountPence: 25_000,
	milestone: 'approved',
	portalUrl: `${SAMPLE_ORIGIN}/refer`,
	serviceName: 'Foster with Northdale',
	organisationName: 'Northdale County Council',
}

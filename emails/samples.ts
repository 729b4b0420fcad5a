import type { EnquiryAcknowledgementInput } from './enquiry-acknowledgement.ts'
import type { NewEnquiryAlertInput } from './new-enquiry-alert.ts'
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
	origin: `${SAMPLE_ORIGIN}/`,
}

export const sampleAlert: NewEnquiryAlertInput = {
	reference: 'ENQ-7K3M9Q',
	householdReference: 'HH-4D2R8T',
	applicantName: 'Siobhán Ó Dálaigh',
	isKinship: false,
	isReturning: false,
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

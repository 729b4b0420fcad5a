import { describe, expect, test } from 'vitest'
import {
	householdRows,
	type HouseholdIntake,
	type IntakeContext,
	type IntakeEnquiry,
	type IntakeEvent,
} from './household-intake.ts'
import { DEMO_SERVICE_CONFIG } from './service-config.ts'
import { StageHistoryError } from './stage-machine.ts'

// The intake step's rows, worked out by hand: Monday 23 November 2026 at 10:30 in London (GMT).

const NOW = new Date('2026-11-23T10:30:00Z')

function context(overrides: Partial<IntakeContext> = {}): IntakeContext {
	let ids = 0
	return {
		now: NOW,
		clocks: { today: '2026-11-23', targetsOn: () => DEMO_SERVICE_CONFIG.targets, closures: [], atRiskShare: 0.75 },
		endedBy: new Map([
			['housing', 'household'],
			['panel_against', 'not_approved'],
		]),
		channelKeys: new Map([
			['channel_search', 'search'],
			['channel_radio', 'radio'],
		]),
		referringCodeIds: new Set(['code-with-carer']),
		newId: () => `id-${++ids}`,
		...overrides,
	}
}

function enquiry(overrides: Partial<IntakeEnquiry> = {}): IntakeEnquiry {
	return {
		id: 'enquiry-1',
		submissionKey: 'key-1',
		fingerprint: 'fp',
		reference: 'ENQ-AAAA11',
		source: 'web',
		receivedAt: NOW,
		firstName: 'Priya',
		lastName: 'Shah',
		email: 'Priya.Shah@Example.com',
		phone: '+44 7700 900123',
		postcode: 'LS1 4AP',
		bestTimeToCall: 'any',
		spareBedroom: 'yes',
		householdMembers: 'Just me',
		fosteringInterests: '["teenagers"]',
		isKinship: false,
		kinshipDetails: null,
		howHeard: 'search_engine',
		howHeardOther: null,
		channelId: 'channel_search',
		utmSource: 'google',
		utmMedium: 'cpc',
		utmCampaign: 'autumn',
		utmContent: null,
		referringSite: null,
		landingPage: '/',
		referralCodeText: null,
		referralCodeId: null,
		consentGiven: true,
		consentWording: 'I agree',
		privacyNoticeUrl: '/privacy',
		...overrides,
	}
}

const event = (fields: Partial<IntakeEvent> & Pick<IntakeEvent, 'kind' | 'businessDate'>): IntakeEvent => ({
	fromStage: null,
	toStage: null,
	actorId: null,
	backdateReason: null,
	exitReasonKey: null,
	exitReasonId: null,
	reviewOn: null,
	note: null,
	...fields,
})

function intake(overrides: Partial<HouseholdIntake> = {}): HouseholdIntake {
	return {
		id: 'household-1',
		reference: 'HH-BBBB22',
		route: 'mainstream',
		people: [{ firstName: 'Priya', lastName: 'Shah', email: 'Priya.Shah@Example.com', phone: '+44 7700 900123' }],
		postcode: 'LS1 4AP',
		spareBedroom: 'yes',
		householdMembers: 'Just me',
		fosteringInterests: '["teenagers"]',
		channelId: 'channel_search',
		ownerId: null,
		ownerGivenBy: null,
		enquiries: [enquiry()],
		events: [event({ kind: 'entered', toStage: 'enquiry', businessDate: '2026-11-23' })],
		...overrides,
	}
}

describe('a web enquiry received this morning', () => {
	const rows = householdRows(intake(), context())

	test('is a household at Enquiry since today, its first-contact clock due the next working day', () => {
		expect(rows.household).toMatchObject({
			id: 'household-1',
			stage: 'enquiry',
			status: 'open',
			stageEnteredOn: '2026-11-23',
			nextClockKey: 'first_contact',
			// One working day: Tuesday. 75% of one day rounds up to the whole day.
			nextClockAtRiskOn: '2026-11-24',
			nextClockDeadline: '2026-11-24',
			version: 1,
			firstEnquiryAt: NOW,
			lastEnquiryAt: NOW,
			createdAt: NOW,
			updatedAt: NOW,
			ownerId: null,
			displayName: 'Priya Shah',
			searchText: 'hh-bbbb22 ls1 4ap ls14ap priya shah priya.shah@example.com 07700900123 enq-aaaa11',
		})
	})

	test('has its applicant with the keys a possible match is found by, and the enquiry as sent', () => {
		expect(rows.applicants).toEqual([
			{
				id: 'id-2',
				householdId: 'household-1',
				firstName: 'Priya',
				lastName: 'Shah',
				email: 'Priya.Shah@Example.com',
				emailNormalized: 'priya.shah@example.com',
				phone: '+44 7700 900123',
				phoneKey: '07700900123',
				nameKey: 'shah|ls14ap',
				isPrimary: true,
				createdAt: NOW,
			},
		])
		expect(rows.keys).toEqual([{ email: 'priya.shah@example.com', phone: '07700900123', name: 'shah|ls14ap' }])
		expect(rows.enquiries).toEqual([{ ...enquiry(), householdId: 'household-1' }])
	})

	test('records its one event now, and nothing for the timeline or the audit besides', () => {
		expect(rows.events).toEqual([
			{
				id: 'id-1',
				householdId: 'household-1',
				kind: 'entered',
				fromStage: null,
				toStage: 'enquiry',
				businessDate: '2026-11-23',
				recordedAt: NOW,
				actorId: null,
				backdateReason: null,
				exitReasonId: null,
				reviewOn: null,
				note: null,
			},
		])
		expect(rows.ownerChanges).toEqual([])
		expect(rows.notes).toEqual([])
		expect(rows.audit).toEqual([])
		expect(rows.referrals).toEqual([])
	})

	test('joins the funnel in November, by its first enquiry’s channel and campaign', () => {
		expect(rows.funnelFact).toMatchObject({
			householdId: 'household-1',
			route: 'mainstream',
			enquiredOn: '2026-11-23',
			enquiredMonth: '2026-11',
			channelKey: 'search',
			utmSource: 'google',
			utmMedium: 'cpc',
			utmCampaign: 'autumn',
			howHeard: 'search_engine',
			referred: false,
			interests: '["teenagers"]',
			postcodeDistrict: 'LS1',
			status: 'open',
			currentStage: 'enquiry',
			initialContactOn: null,
			enquiryDays: null,
			exitStage: null,
		})
	})
})

test('a first-contact deadline skips Christmas Day and the Boxing Day holiday moved to Monday', () => {
	const christmasEve = new Date('2026-12-24T15:00:00Z')
	const rows = householdRows(
		intake({
			enquiries: [enquiry({ receivedAt: christmasEve })],
			events: [event({ kind: 'entered', toStage: 'enquiry', businessDate: '2026-12-24' })],
		}),
		context({ clocks: { today: '2026-12-24', targetsOn: () => DEMO_SERVICE_CONFIG.targets } })
	)
	// Friday 25th, the weekend, Monday 28th (Boxing Day's substitute): Tuesday 29 December.
	expect(rows.household.nextClockDeadline).toBe('2026-12-29')
})

test('a history that left at Initial contact is a closed household with no clock, and its exit in the funnel', () => {
	const rows = householdRows(
		intake({
			ownerId: 'officer-1',
			ownerGivenBy: 'manager-1',
			events: [
				event({ kind: 'entered', toStage: 'enquiry', businessDate: '2026-11-02' }),
				event({
					kind: 'entered',
					fromStage: 'enquiry',
					toStage: 'initial_contact',
					businessDate: '2026-11-03',
					actorId: 'officer-1',
				}),
				event({
					kind: 'exit',
					fromStage: 'initial_contact',
					businessDate: '2026-11-10',
					actorId: 'officer-1',
					exitReasonKey: 'housing',
					exitReasonId: 'exit_housing',
				}),
			],
			notes: [{ authorId: 'manager-1', body: 'From the old spreadsheet' }],
			audit: [{ actorId: 'manager-1', action: 'imported', detail: 'Imported from old.csv (row 2)' }],
		}),
		context()
	)
	expect(rows.household).toMatchObject({
		stage: 'initial_contact',
		status: 'closed',
		stageEnteredOn: '2026-11-03',
		nextClockKey: null,
		nextClockDeadline: null,
		ownerId: 'officer-1',
		// Each event a millisecond after the one before, from now.
		updatedAt: new Date(NOW.getTime() + 2),
	})
	expect(rows.events.map((row) => [row.recordedAt.getTime() - NOW.getTime(), row.exitReasonId])).toEqual([
		[0, null],
		[1, null],
		[2, 'exit_housing'],
	])
	expect(rows.funnelFact).toMatchObject({
		status: 'closed',
		currentStage: 'initial_contact',
		initialContactOn: '2026-11-03',
		exitStage: 'initial_contact',
		exitReasonKey: 'housing',
		endedBy: 'household',
		exitedOn: '2026-11-10',
		// Monday 2 to Tuesday 3 November; Tuesday 3 to Tuesday 10 November.
		enquiryDays: 1,
		initialContactDays: 5,
		ownerId: 'officer-1',
	})
	expect(rows.ownerChanges).toEqual([
		{
			id: 'id-5',
			householdId: 'household-1',
			fromOwnerId: null,
			toOwnerId: 'officer-1',
			actorId: 'manager-1',
			changedAt: NOW,
		},
	])
	expect(rows.notes).toEqual([
		{ id: 'id-6', householdId: 'household-1', authorId: 'manager-1', body: 'From the old spreadsheet', createdAt: NOW },
	])
	expect(rows.audit).toEqual([
		{
			id: 'id-7',
			at: NOW,
			householdId: 'household-1',
			actorId: 'manager-1',
			action: 'imported',
			detail: 'Imported from old.csv (row 2)',
		},
	])
})

test('a household enquiring twice is found by both references, dated by both enquiries, and counted by its first', () => {
	const first = new Date('2026-03-02T09:00:00Z')
	const rows = householdRows(
		intake({
			enquiries: [
				enquiry({ id: 'enquiry-2', reference: 'ENQ-LATER2', receivedAt: NOW, channelId: 'channel_search' }),
				enquiry({
					id: 'enquiry-1',
					reference: 'ENQ-FIRST1',
					receivedAt: first,
					channelId: 'channel_radio',
					utmSource: null,
				}),
			],
			otherReferences: ['OLD-17'],
			events: [event({ kind: 'entered', toStage: 'enquiry', businessDate: '2026-03-02', recordedAt: first })],
			createdAt: first,
			version: 4,
		}),
		context()
	)
	expect(rows.household).toMatchObject({
		firstEnquiryAt: first,
		lastEnquiryAt: NOW,
		createdAt: first,
		updatedAt: first,
		version: 4,
	})
	expect(rows.household.searchText.endsWith('enq-later2 enq-first1 old-17')).toBe(true)
	expect(rows.funnelFact).toMatchObject({ channelKey: 'radio', utmSource: null, enquiredOn: '2026-03-02' })
})

test('an enquiry with a carer’s referral code is referred, and asks for its referral; a code with no carer only asks', () => {
	const referred = householdRows(
		intake({ enquiries: [enquiry({ referralCodeId: 'code-with-carer', referralVia: 'link' })] }),
		context()
	)
	expect(referred.funnelFact.referred).toBe(true)
	expect(referred.referrals).toEqual([
		{
			householdId: 'household-1',
			enquiryId: 'enquiry-1',
			referralCodeId: 'code-with-carer',
			via: 'link',
			receivedAt: NOW,
		},
	])
	const unclaimed = householdRows(
		intake({ enquiries: [enquiry({ referralCodeId: 'code-of-nobody', referralVia: 'code' })] }),
		context()
	)
	expect(unclaimed.funnelFact.referred).toBe(false)
	expect(unclaimed.referrals).toHaveLength(1)
	// The demo's codes come without a way in: no referral is asked for.
	expect(
		householdRows(intake({ enquiries: [enquiry({ referralCodeId: 'code-with-carer' })] }), context()).referrals
	).toEqual([])
})

test('a history the stage machine refuses is never turned into rows', () => {
	const skipping = intake({
		events: [
			event({ kind: 'entered', toStage: 'enquiry', businessDate: '2026-11-02' }),
			event({ kind: 'entered', fromStage: 'enquiry', toStage: 'initial_visit', businessDate: '2026-11-03' }),
		],
	})
	expect(() => householdRows(skipping, context())).toThrow(StageHistoryError)
	expect(() => householdRows(intake({ events: [] }), context())).toThrow(RangeError)
})

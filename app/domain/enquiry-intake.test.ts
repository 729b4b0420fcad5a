import { describe, expect, test } from 'vitest'
import {
	enquiryIntake,
	sortArrivals,
	type Arrival,
	type EnquiryFound,
	type EnquiryIntakeInput,
} from './enquiry-intake.ts'
import type { ValidEnquiry } from './enquiry-form.ts'

const DAY = 24 * 60 * 60 * 1000
const at = (iso: string) => new Date(iso)
const arrival = (fields: Partial<Arrival> & Pick<Arrival, 'submissionKey'>): Arrival => ({
	fingerprint: `answers-of-${fields.submissionKey}`,
	receivedAt: at('2026-11-23T10:00:00Z'),
	releaseId: null,
	...fields,
})
const stored = (submissionKey: string, fingerprint: string, receivedAt: string) => ({
	submissionKey,
	fingerprint,
	receivedAt: at(receivedAt),
	receipt: `receipt of ${submissionKey}`,
})

describe('which enquiries of a batch are new', () => {
	test('a submission key already stored answers with that enquiry, whatever the answers', () => {
		expect(
			sortArrivals(
				[arrival({ submissionKey: 'k1', fingerprint: 'different' })],
				[stored('k1', 'f1', '2026-01-01T00:00:00Z')],
				new Set(),
				DAY
			)
		).toEqual([{ kind: 'repeat', of: { receipt: 'receipt of k1' }, releases: false }])
	})

	test('the same answers within a day of each other are one enquiry; a day and a minute apart, two', () => {
		const earlier = [stored('k0', 'same', '2026-11-22T10:00:00Z')]
		expect(sortArrivals([arrival({ submissionKey: 'k1', fingerprint: 'same' })], earlier, new Set(), DAY)).toEqual([
			{ kind: 'repeat', of: { receipt: 'receipt of k0' }, releases: false },
		])
		const later = arrival({ submissionKey: 'k2', fingerprint: 'same', receivedAt: at('2026-11-23T10:01:00Z') })
		expect(sortArrivals([later], earlier, new Set(), DAY)).toEqual([{ kind: 'new' }])
		// A back-dated one is compared with what arrived around its own time, not since.
		const backdated = arrival({ submissionKey: 'k3', fingerprint: 'same', receivedAt: at('2026-11-21T12:00:00Z') })
		expect(sortArrivals([backdated], earlier, new Set(), DAY)[0]).toMatchObject({ kind: 'repeat' })
	})

	test('within a batch, a double click or the same answers again repeat the first of them', () => {
		const verdicts = sortArrivals(
			[
				arrival({ submissionKey: 'a' }),
				arrival({ submissionKey: 'a' }),
				arrival({ submissionKey: 'b', fingerprint: 'answers-of-a' }),
				arrival({ submissionKey: 'c' }),
			],
			[],
			new Set(),
			DAY
		)
		expect(verdicts).toEqual([
			{ kind: 'new' },
			{ kind: 'repeat', of: { item: 0 }, releases: false },
			{ kind: 'repeat', of: { item: 0 }, releases: false },
			{ kind: 'new' },
		])
	})

	test('a release of a held-back enquiry is new once; released again it repeats, and after someone deleted it, it is gone', () => {
		const release = arrival({ submissionKey: 'held', releaseId: 'q1' })
		expect(sortArrivals([release, release], [], new Set(['q1']), DAY)).toEqual([
			{ kind: 'new' },
			{ kind: 'repeat', of: { item: 0 }, releases: false },
		])
		expect(sortArrivals([release], [], new Set(), DAY)).toEqual([{ kind: 'gone' }])
		// Already recorded (sent again without the trap), and still held: releasing it only releases it.
		expect(sortArrivals([release], [stored('held', 'x', '2026-11-23T09:00:00Z')], new Set(['q1']), DAY)).toEqual([
			{ kind: 'repeat', of: { receipt: 'receipt of held' }, releases: true },
		])
	})
})

const ANSWERS: ValidEnquiry = {
	firstName: 'Priya',
	lastName: 'Shah',
	email: 'priya@example.com',
	phone: '07700 900123',
	postcode: 'LS1 4AP',
	bestTimeToCall: 'evening',
	spareBedroom: 'yes',
	householdMembers: 'Me and my husband',
	kinship: 'no',
	kinshipDetails: '',
	fosteringInterests: ['short_breaks', 'teenagers'],
	howHeard: 'search_engine',
	howHeardOther: '',
	referralCode: '',
	consent: 'yes',
} as ValidEnquiry

const input = (fields: Partial<EnquiryIntakeInput> = {}): EnquiryIntakeInput => ({
	submissionKey: 'key-1',
	source: 'web',
	answers: ANSWERS,
	attribution: { utmSource: 'google', landingPage: '/' },
	consentWording: 'I agree',
	receivedAt: at('2026-11-23T19:45:00Z'),
	...fields,
})
const FOUND: EnquiryFound = {
	householdId: 'household-1',
	householdReference: 'HH-BBBB22',
	enquiryId: 'enquiry-1',
	enquiryReference: 'ENQ-AAAA11',
	fingerprint: 'fp',
	channelId: 'channel_search',
	referralCodeId: null,
	privacyNoticeUrl: '/privacy',
	today: '2026-11-23',
}

describe('a new enquiry’s household', () => {
	test('from the form: at Enquiry on the day it arrived, with no actor, owner or audit', () => {
		const household = enquiryIntake(input(), FOUND)
		expect(household).toMatchObject({
			id: 'household-1',
			reference: 'HH-BBBB22',
			route: 'mainstream',
			people: [{ firstName: 'Priya', lastName: 'Shah', email: 'priya@example.com', phone: '07700 900123' }],
			fosteringInterests: '["short_breaks","teenagers"]',
			ownerId: null,
			ownerGivenBy: null,
			audit: [],
		})
		expect(household.events).toEqual([
			{
				kind: 'entered',
				fromStage: null,
				toStage: 'enquiry',
				businessDate: '2026-11-23',
				actorId: null,
				backdateReason: null,
				exitReasonKey: null,
				exitReasonId: null,
				reviewOn: null,
				note: null,
			},
		])
		expect(household.enquiries).toEqual([
			expect.objectContaining({
				id: 'enquiry-1',
				reference: 'ENQ-AAAA11',
				fingerprint: 'fp',
				source: 'web',
				isKinship: false,
				kinshipDetails: null,
				howHeardOther: null,
				utmSource: 'google',
				utmMedium: null,
				landingPage: '/',
				referralCodeId: null,
				referralVia: undefined,
			}),
		])
	})

	test('a late-evening summer enquiry is dated by its London day', () => {
		const household = enquiryIntake(input({ receivedAt: at('2026-07-01T23:30:00Z') }), {
			...FOUND,
			today: '2026-07-02',
		})
		expect(household.events[0]!.businessDate).toBe('2026-07-02')
	})

	test('taken by phone and recorded late: dated the day it came in, with the reason, owned and audited by the officer', () => {
		const household = enquiryIntake(
			input({
				source: 'phone',
				receivedAt: at('2026-11-18T12:00:00Z'),
				staff: {
					actorId: 'officer-1',
					role: 'officer',
					backdateReason: 'Voicemail picked up late',
					audit: 'Added an enquiry taken by phone',
				},
			}),
			FOUND
		)
		expect(household.events[0]).toMatchObject({
			businessDate: '2026-11-18',
			actorId: 'officer-1',
			backdateReason: 'Voicemail picked up late',
		})
		expect(household).toMatchObject({
			ownerId: 'officer-1',
			ownerGivenBy: 'officer-1',
			audit: [{ actorId: 'officer-1', action: 'changed', detail: 'Added an enquiry taken by phone' }],
		})
	})

	test('staff cannot date an enquiry after today, nor without a reason before it', () => {
		const staff = { actorId: 'officer-1', role: 'officer' as const, backdateReason: null, audit: 'Added' }
		expect(() => enquiryIntake(input({ staff, receivedAt: at('2026-11-24T12:00:00Z') }), FOUND)).toThrow(
			/today or in the past/
		)
		expect(() => enquiryIntake(input({ staff, receivedAt: at('2026-11-20T12:00:00Z') }), FOUND)).toThrow(
			/date in the past/
		)
	})

	test('a released held-back enquiry keeps its day and says so in the audit', () => {
		const household = enquiryIntake(
			input({
				receivedAt: at('2026-11-20T08:00:00Z'),
				release: { quarantineId: 'q1', reference: 'ENQ-HELD01', actorId: 'officer-2' },
			}),
			{ ...FOUND, enquiryReference: 'ENQ-HELD01' }
		)
		expect(household.events[0]).toMatchObject({ businessDate: '2026-11-20', actorId: null })
		expect(household.audit).toEqual([
			{
				actorId: 'officer-2',
				action: 'changed',
				detail: 'Released enquiry ENQ-HELD01, held back by the spam trap since Friday 20 November 2026',
			},
		])
	})

	test('a kinship enquiry with a carer’s code: the kinship route, its details, and the code as it came', () => {
		const household = enquiryIntake(
			input({
				answers: {
					...ANSWERS,
					kinship: 'yes',
					kinshipDetails: 'My granddaughter',
					howHeard: 'other',
					howHeardOther: 'A friend',
				} as ValidEnquiry,
				attribution: { referralCode: 'NDL7K3M' },
				referralVia: 'link',
			}),
			{ ...FOUND, referralCodeId: 'code-1' }
		)
		expect(household.route).toBe('kinship')
		expect(household.enquiries[0]).toMatchObject({
			isKinship: true,
			kinshipDetails: 'My granddaughter',
			howHeardOther: 'A friend',
			referralCodeText: 'NDL7K3M',
			referralCodeId: 'code-1',
			referralVia: 'link',
		})
		// A code typed in the form, when it was not a link's.
		const typed = enquiryIntake(input({ attribution: { referralCode: 'NDL7K3M' } }), {
			...FOUND,
			referralCodeId: 'code-1',
		})
		expect(typed.enquiries[0]!.referralVia).toBe('code')
	})
})

// Households for tests, made as the app makes them: an enquiry as the form records it, then one
// stage event per stage up to `stage`, a history the stage machine must accept, all written by the
// household writer with the household's copies, deadline and funnel row
// (app/domain/household-intake.ts). Integration tests write them into their own database
// (tests/support/staff.ts), end-to-end tests into the e2e server's (tests/e2e/households.ts).
import type { HouseholdIntake, IntakeEvent } from '../../app/domain/household-intake.ts'
import { applyEvent, startHousehold, type HouseholdState } from '../../app/domain/stage-machine.ts'
import { STAGE_KEYS, type StageKey } from '../../app/domain/stages.ts'
import { londonDate, type CalendarDate } from '../../app/domain/working-days.ts'

export type TestHousehold = {
	id: string
	reference: string
	enquiryReference: string
	firstName: string
	lastName: string
	email: string
	phone: string
	postcode: string
	route?: 'mainstream' | 'kinship'
	channel?: string
	ownerId?: string | null
	stage?: StageKey
	/** When the enquiry arrived: its day is the household's first. */
	receivedAt: Date
	/** The day it reached each later stage (the index counts from the first move). */
	movedOn?: (stage: StageKey, index: number) => CalendarDate
	/** When each event was recorded, the enquiry's first (default: a second apart from receivedAt). */
	recordedAt?: (index: number) => Date
	bestTimeToCall?: string
	howHeard?: string
}

/** The household as the writer takes it; throws if the stage machine would not accept its history. */
export function testHouseholdIntake(household: TestHousehold): HouseholdIntake {
	const channelId = `channel_${household.channel ?? 'search'}`
	const receivedOn = londonDate(household.receivedAt)
	const recordedAt = household.recordedAt ?? ((index) => new Date(household.receivedAt.getTime() + index * 1000))
	const person = {
		firstName: household.firstName,
		lastName: household.lastName,
		email: household.email,
		phone: household.phone,
	}
	return {
		id: household.id,
		reference: household.reference,
		route: household.route ?? 'mainstream',
		people: [person],
		postcode: household.postcode,
		spareBedroom: 'yes',
		householdMembers: 'Two adults',
		fosteringInterests: '["long_term"]',
		channelId,
		ownerId: household.ownerId ?? null,
		ownerGivenBy: null,
		enquiries: [
			{
				id: `${household.id}-enquiry`,
				submissionKey: `${household.id}-enquiry`,
				fingerprint: null,
				reference: household.enquiryReference,
				source: 'web',
				receivedAt: household.receivedAt,
				...person,
				postcode: household.postcode,
				bestTimeToCall: household.bestTimeToCall ?? 'morning',
				spareBedroom: 'yes',
				householdMembers: 'Two adults',
				fosteringInterests: '["long_term"]',
				isKinship: household.route === 'kinship',
				kinshipDetails: null,
				howHeard: household.howHeard ?? 'search_engine',
				howHeardOther: null,
				channelId,
				utmSource: null,
				utmMedium: null,
				utmCampaign: null,
				utmContent: null,
				referringSite: null,
				landingPage: null,
				referralCodeText: null,
				referralCodeId: null,
				consentGiven: true,
				consentWording: 'I agree to be contacted',
				privacyNoticeUrl: '/privacy',
			},
		],
		events: historyTo(household.stage ?? 'enquiry', receivedOn, household.movedOn ?? (() => receivedOn)).map(
			(event, index) => ({ ...event, recordedAt: recordedAt(index) })
		),
	}
}

/**
 * The history of a household that enquired on `enquiredOn` and moved forward one stage at a time
 * to `stage`: the public form's start, then a move per stage, each checked by the stage machine.
 */
function historyTo(
	stage: StageKey,
	enquiredOn: CalendarDate,
	movedOn: (stage: StageKey, index: number) => CalendarDate
): IntakeEvent[] {
	const start = startHousehold({ stage: 'enquiry', businessDate: enquiredOn }, { today: enquiredOn, actor: null })
	if (!start.ok) throw new Error(start.error)
	const events: IntakeEvent[] = [{ ...start.event, exitReasonId: null }]
	let state: HouseholdState = applyEvent(null, start.event)
	for (const [index, toStage] of STAGE_KEYS.slice(1, STAGE_KEYS.indexOf(stage) + 1).entries()) {
		const event: IntakeEvent = {
			kind: 'entered',
			fromStage: state.stage,
			toStage,
			businessDate: movedOn(toStage, index),
			actorId: null,
			backdateReason: null,
			exitReasonKey: null,
			exitReasonId: null,
			reviewOn: null,
			note: null,
		}
		state = applyEvent(state, event)
		events.push(event)
	}
	return events
}

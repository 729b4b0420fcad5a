// The pure intake step: a new household as it comes in (an enquiry from the form or from staff,
// a row of an imported spreadsheet, a demo, bench or test household) and what was found about it,
// turned into every row to write for it. Its history is replayed by the stage machine, and the
// household's copies (stage, status, stage date, display name, search text), its nearest deadline
// (response-clocks.ts), its funnel row (funnel-facts.ts), its people's match keys, its owner's
// timeline entry and its audit entries all come from that one replay, so whichever path made the
// household, the rows agree with each other as the app keeps them after any change. No I/O and no
// clock: "now" and new ids come in the context. app/models/household-writer.server.ts writes the
// rows (docs/decisions/023-one-household-writer.md).

import { funnelFacts, type FunnelFactFields } from './funnel-facts.ts'
import { householdDisplayName, householdSearchText } from './household-search.ts'
import { applicantKeys, matchKeys, type MatchKeys } from './possible-matches.ts'
import { nextClockFields, responseClocks, type ClockContext } from './response-clocks.ts'
import { householdFields, replay, type NewStageEvent } from './stage-machine.ts'

export type IntakePerson = { id?: string; firstName: string; lastName: string; email: string; phone: string }

/** An Enquiry row as stored, without the household it belongs to. */
export type EnquiryRecord = {
	id: string
	submissionKey: string
	fingerprint: string | null
	reference: string
	source: string
	receivedAt: Date
	firstName: string
	lastName: string
	email: string
	phone: string
	postcode: string
	bestTimeToCall: string
	spareBedroom: string
	householdMembers: string
	fosteringInterests: string
	isKinship: boolean
	kinshipDetails: string | null
	howHeard: string
	howHeardOther: string | null
	channelId: string
	utmSource: string | null
	utmMedium: string | null
	utmCampaign: string | null
	utmContent: string | null
	referringSite: string | null
	landingPage: string | null
	referralCodeText: string | null
	referralCodeId: string | null
	consentGiven: boolean
	consentWording: string
	privacyNoticeUrl: string
}

/** What an enquiry that came by no tracked link stores of one (typed in by staff, imported, the demo's). */
export const NO_LINK_ATTRIBUTION = {
	utmSource: null,
	utmMedium: null,
	utmCampaign: null,
	utmContent: null,
	referringSite: null,
	landingPage: null,
	referralCodeText: null,
	referralCodeId: null,
} as const satisfies Partial<EnquiryRecord>

/** An enquiry as it comes in: with how its referral code came, when it should make a referral. */
export type IntakeEnquiry = EnquiryRecord & { referralVia?: 'link' | 'code' }

/** A stage event the stage machine made (or accepts on replay), with its exit reason's id. */
export type IntakeEvent = NewStageEvent & { id?: string; exitReasonId: string | null; recordedAt?: Date }

export type IntakeAudit = { actorId: string; action: 'changed' | 'imported'; detail: string }

export type HouseholdIntake = {
	id: string
	reference: string
	route: 'mainstream' | 'kinship'
	/** The applicants, the primary one first. */
	people: readonly IntakePerson[]
	postcode: string
	spareBedroom: string
	householdMembers: string
	fosteringInterests: string
	channelId: string
	ownerId: string | null
	/** Who gave the household its owner, for its timeline; null when no one did (the demo's histories). */
	ownerGivenBy: string | null
	enquiries: readonly IntakeEnquiry[]
	/** Its history in the order it happened: replayed by the stage machine, which must accept it. */
	events: readonly IntakeEvent[]
	/** References besides its enquiries' that find it (a previous system's). */
	otherReferences?: readonly string[]
	notes?: readonly { authorId: string; body: string }[]
	audit?: readonly IntakeAudit[]
	/** A history made elsewhere (the demo) says when the household began and how many changes it has had. */
	createdAt?: Date
	version?: number
}

/** What every intake needs from the database and the clock, read once for a batch. */
export type IntakeContext = {
	/** When the rows are written: events without a time of their own are recorded from then, a millisecond apart. */
	now: Date
	/** The response-time targets, closure days and today, as the app's clocks use them. */
	clocks: ClockContext
	/** Exit reason key to who ends it (household, service, not_approved), for the funnel row. */
	endedBy: ReadonlyMap<string, string>
	channelKeys: ReadonlyMap<string, string>
	/** Referral codes that make a referral (active, and a carer's): a household they bring is referred. */
	referringCodeIds: ReadonlySet<string>
	newId: () => string
}

type Stamped = { createdAt: Date }
export type HouseholdRow = ReturnType<typeof householdRow>
export type ApplicantRow = IntakePerson & { id: string; householdId: string; isPrimary: boolean } & Stamped &
	ReturnType<typeof applicantKeys>
export type EnquiryRow = EnquiryRecord & { householdId: string }
export type StageEventRow = Omit<IntakeEvent, 'exitReasonKey' | 'id' | 'recordedAt'> & {
	id: string
	householdId: string
	recordedAt: Date
}
export type OwnerChangeRow = {
	id: string
	householdId: string
	fromOwnerId: string | null
	toOwnerId: string
	actorId: string
	changedAt: Date
}
export type NoteRow = { id: string; householdId: string; authorId: string; body: string } & Stamped
export type AuditRow = IntakeAudit & { id: string; at: Date; householdId: string }
export type FunnelFactRow = FunnelFactFields & { householdId: string }
export type ReferralIntent = {
	householdId: string
	enquiryId: string
	referralCodeId: string
	via: 'link' | 'code'
	receivedAt: Date
}

/** Every row of one new household, agreeing with each other. */
export type HouseholdRows = {
	household: HouseholdRow
	applicants: ApplicantRow[]
	enquiries: EnquiryRow[]
	events: StageEventRow[]
	ownerChanges: OwnerChangeRow[]
	notes: NoteRow[]
	audit: AuditRow[]
	funnelFact: FunnelFactRow
	referrals: ReferralIntent[]
	/** What a possible match with a known household is looked for by (docs/decisions/016). */
	keys: MatchKeys[]
}

/**
 * The rows of a new household. Throws a StageHistoryError if the stage machine refuses its history:
 * a household is never written with a history the rules would not have recorded.
 */
export function householdRows(intake: HouseholdIntake, context: IntakeContext): HouseholdRows {
	const events = eventRows(intake, context)
	const state = replay(intake.events)
	const createdAt = intake.createdAt ?? context.now
	const household = householdRow(intake, {
		...householdFields(state),
		...nextClockFields(responseClocks(intake.events, context.clocks)),
		createdAt,
		updatedAt: events.at(-1)!.recordedAt,
	})
	const id = intake.id
	const at = { at: context.now, householdId: id }
	return {
		household,
		applicants: intake.people.map((person, index) => ({
			id: person.id ?? context.newId(),
			householdId: id,
			firstName: person.firstName,
			lastName: person.lastName,
			email: person.email,
			phone: person.phone,
			...applicantKeys(person, intake.postcode),
			isPrimary: index === 0,
			createdAt,
		})),
		enquiries: intake.enquiries.map((enquiry) => enquiryRow(enquiry, id)),
		events,
		ownerChanges:
			intake.ownerId && intake.ownerGivenBy
				? [
						{
							id: context.newId(),
							householdId: id,
							fromOwnerId: null,
							toOwnerId: intake.ownerId,
							actorId: intake.ownerGivenBy,
							changedAt: context.now,
						},
					]
				: [],
		notes: (intake.notes ?? []).map((note) => ({
			id: context.newId(),
			householdId: id,
			...note,
			createdAt: context.now,
		})),
		audit: (intake.audit ?? []).map((entry) => ({ id: context.newId(), ...at, ...entry })),
		funnelFact: { householdId: id, ...funnelRow(intake, context) },
		referrals: referralIntents(intake),
		keys: intake.people.map((person) => matchKeys(person, intake.postcode)),
	}
}

function householdRow(
	intake: HouseholdIntake,
	derived: ReturnType<typeof householdFields> &
		ReturnType<typeof nextClockFields> & { createdAt: Date; updatedAt: Date }
) {
	const received = intake.enquiries.map((enquiry) => enquiry.receivedAt.getTime())
	const first = received.length > 0 ? new Date(Math.min(...received)) : derived.createdAt
	const last = received.length > 0 ? new Date(Math.max(...received)) : derived.createdAt
	return {
		id: intake.id,
		reference: intake.reference,
		route: intake.route,
		status: derived.status,
		stage: derived.stage,
		stageEnteredOn: derived.stageEnteredOn,
		postcode: intake.postcode,
		spareBedroom: intake.spareBedroom,
		householdMembers: intake.householdMembers,
		fosteringInterests: intake.fosteringInterests,
		ownerId: intake.ownerId,
		version: intake.version ?? 1,
		firstEnquiryAt: first,
		lastEnquiryAt: last,
		createdAt: derived.createdAt,
		updatedAt: derived.updatedAt,
		displayName: householdDisplayName(intake.people),
		searchText: householdSearchText({
			reference: intake.reference,
			postcode: intake.postcode,
			applicants: intake.people,
			enquiryReferences: [...intake.enquiries.map((enquiry) => enquiry.reference), ...(intake.otherReferences ?? [])],
		}),
		channelId: intake.channelId,
		nextClockKey: derived.nextClockKey,
		nextClockAtRiskOn: derived.nextClockAtRiskOn,
		nextClockDeadline: derived.nextClockDeadline,
	}
}

/** The history as rows: each event at its own time, or a millisecond apart from now, in order. */
function eventRows(intake: HouseholdIntake, context: IntakeContext): StageEventRow[] {
	if (intake.events.length === 0) throw new RangeError(`Household ${intake.reference} has no stage events`)
	return intake.events.map((event, order) => ({
		id: event.id ?? context.newId(),
		householdId: intake.id,
		kind: event.kind,
		fromStage: event.fromStage,
		toStage: event.toStage,
		businessDate: event.businessDate,
		recordedAt: event.recordedAt ?? new Date(context.now.getTime() + order),
		actorId: event.actorId,
		backdateReason: event.backdateReason,
		exitReasonId: event.exitReasonId,
		reviewOn: event.reviewOn,
		note: event.note,
	}))
}

/** Column by column: whatever else the enquiry carries (how its code came) is not stored here. */
function enquiryRow(enquiry: IntakeEnquiry, householdId: string): EnquiryRow {
	return {
		id: enquiry.id,
		householdId,
		submissionKey: enquiry.submissionKey,
		fingerprint: enquiry.fingerprint,
		reference: enquiry.reference,
		source: enquiry.source,
		receivedAt: enquiry.receivedAt,
		firstName: enquiry.firstName,
		lastName: enquiry.lastName,
		email: enquiry.email,
		phone: enquiry.phone,
		postcode: enquiry.postcode,
		bestTimeToCall: enquiry.bestTimeToCall,
		spareBedroom: enquiry.spareBedroom,
		householdMembers: enquiry.householdMembers,
		fosteringInterests: enquiry.fosteringInterests,
		isKinship: enquiry.isKinship,
		kinshipDetails: enquiry.kinshipDetails,
		howHeard: enquiry.howHeard,
		howHeardOther: enquiry.howHeardOther,
		channelId: enquiry.channelId,
		utmSource: enquiry.utmSource,
		utmMedium: enquiry.utmMedium,
		utmCampaign: enquiry.utmCampaign,
		utmContent: enquiry.utmContent,
		referringSite: enquiry.referringSite,
		landingPage: enquiry.landingPage,
		referralCodeText: enquiry.referralCodeText,
		referralCodeId: enquiry.referralCodeId,
		consentGiven: enquiry.consentGiven,
		consentWording: enquiry.consentWording,
		privacyNoticeUrl: enquiry.privacyNoticeUrl,
	}
}

/** The funnel row from the history just replayed, as refreshFunnelFacts would read it back. */
function funnelRow(intake: HouseholdIntake, context: IntakeContext): FunnelFactFields {
	const first = [...intake.enquiries].sort(
		(a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	)[0]
	return funnelFacts({
		route: intake.route,
		events: intake.events,
		endedBy: context.endedBy,
		firstEnquiry: first
			? {
					channelKey: context.channelKeys.get(first.channelId) ?? 'unknown',
					utmSource: first.utmSource,
					utmMedium: first.utmMedium,
					utmCampaign: first.utmCampaign,
					howHeard: first.howHeard,
				}
			: null,
		interests: intake.fosteringInterests,
		postcode: intake.postcode,
		ownerId: intake.ownerId,
		referred: referralIntents(intake).some((intent) => context.referringCodeIds.has(intent.referralCodeId)),
		closures: context.clocks.closures ?? [],
	})
}

/** The referrals its enquiries ask for: those that came with a referral code and say how. */
function referralIntents(intake: HouseholdIntake): ReferralIntent[] {
	return intake.enquiries.flatMap((enquiry) =>
		enquiry.referralCodeId && enquiry.referralVia
			? [
					{
						householdId: intake.id,
						enquiryId: enquiry.id,
						referralCodeId: enquiry.referralCodeId,
						via: enquiry.referralVia,
						receivedAt: enquiry.receivedAt,
					},
				]
			: []
	)
}

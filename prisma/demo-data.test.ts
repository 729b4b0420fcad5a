import { describe, expect, test } from 'vitest'
import { CHANNEL_KEYS, deriveChannel } from '~/domain/attribution.ts'
import { DEFAULT_EXIT_REASONS } from '~/domain/exit-reasons.ts'
import { normaliseReference } from '~/domain/reference.ts'
import { STAGE_KEYS, type StageKey } from '~/domain/stages.ts'
import { isWorkingDay, londonDate, workingDaysBetween } from '~/domain/working-days.ts'
import { generateDemoData, type DemoEnquiry, type DemoStageEvent } from './demo-data.ts'

// A Monday morning in late November: the two years run from 23 November 2024.
const TODAY = new Date('2026-11-23T10:30:00Z')
const DAY_MS = 86_400_000
// Days as numbers, to count between them; working days are the app's (app/domain/working-days.ts).
const dayOf = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS
const isWorkingDayNumber = (day: number) => isWorkingDay(new Date(day * DAY_MS).toISOString().slice(0, 10))
const londonDay = (instant: Date) => dayOf(londonDate(instant))

/** The demo for one day, with its events and enquiries looked up by household. */
function demo(today: Date) {
	const data = generateDemoData({ today })
	const eventsByHousehold = new Map<string, DemoStageEvent[]>()
	for (const event of data.stageEvents) {
		eventsByHousehold.set(event.householdId, [...(eventsByHousehold.get(event.householdId) ?? []), event])
	}
	const enquiriesByHousehold = new Map<string, DemoEnquiry[]>()
	for (const enquiry of data.enquiries) {
		enquiriesByHousehold.set(enquiry.householdId, [...(enquiriesByHousehold.get(enquiry.householdId) ?? []), enquiry])
	}
	const eventsOf = (householdId: string) => eventsByHousehold.get(householdId) ?? []
	return {
		data,
		eventsOf,
		enquiriesOf: (householdId: string) => enquiriesByHousehold.get(householdId) ?? [],
		reached: (householdId: string, stage: StageKey) =>
			eventsOf(householdId).some(
				(event) => (event.kind === 'entered' || event.kind === 'reopen') && event.toStage === stage
			),
		enteredOn: (householdId: string, stage: StageKey) =>
			eventsOf(householdId).find((event) => event.kind === 'entered' && event.toStage === stage)?.businessDate,
	}
}

// Where each exit reason makes sense (docs/domain.md and the brief for this demo); the "timing" and
// "circumstances changed" exits can follow a hold at any stage before panel.
const EXITS_BY_STAGE: Record<Exclude<StageKey, 'approved'>, string[]> = {
	enquiry: ['lost_contact', 'timing', 'housing', 'outside_area', 'other_service', 'circumstances_changed'],
	initial_contact: [
		'lost_contact',
		'timing',
		'housing',
		'work_or_finances',
		'other_service',
		'not_as_expected',
		'criteria_not_met',
		'outside_area',
		'circumstances_changed',
	],
	initial_visit: [
		'no_spare_bedroom',
		'counselled_out_visit',
		'circumstances_changed',
		'not_as_expected',
		'timing',
		'work_or_finances',
		'other_service',
		'lost_contact',
		'criteria_not_met',
		'checks_concerns',
		'housing',
	],
	application: ['criteria_not_met', 'circumstances_changed', 'not_as_expected', 'other_service', 'timing'],
	stage_1: [
		'checks_concerns',
		'counselled_out_stage_1',
		'household_health',
		'service_health',
		'circumstances_changed',
		'assessment_process',
		'timing',
	],
	stage_2: [
		'assessment_process',
		'work_or_finances',
		'allegations',
		'circumstances_changed',
		'household_health',
		'checks_concerns',
		'not_as_expected',
		'timing',
	],
	panel: ['panel_against', 'adm_not_approved'],
}

describe.each([
	'2026-11-23T10:30:00Z',
	'2026-03-29T08:00:00Z',
	'2026-10-25T23:30:00Z',
	'2027-01-01T00:30:00Z',
	'2027-06-18T16:45:00Z',
])('the demo data generated on %s', (iso) => {
	const today = new Date(iso)
	const { data, eventsOf, enquiriesOf, enteredOn } = demo(today)

	test('starts every household with its enquiry and keeps its events in date order', () => {
		for (const household of data.households) {
			const events = eventsOf(household.id)
			expect(events[0]).toMatchObject({ kind: 'entered', fromStage: null, toStage: 'enquiry' })
			expect(enquiriesOf(household.id)[0]!.receivedAt, household.id).toEqual(household.firstEnquiryAt)
			expect(dayOf(events[0]!.businessDate)).toBe(londonDay(household.firstEnquiryAt))
			for (let i = 1; i < events.length; i++) {
				expect(events[i]!.businessDate >= events[i - 1]!.businessDate, `${household.id} event ${i}`).toBe(true)
				expect(events[i]!.recordedAt.getTime()).toBeGreaterThan(events[i - 1]!.recordedAt.getTime())
			}
			expect(events[events.length - 1]!.recordedAt.getTime()).toBeLessThan(today.getTime())
		}
	})

	test('moves households one stage at a time, and only a returning enquiry reopens a closed household', () => {
		for (const household of data.households) {
			const events = eventsOf(household.id)
			let stage: StageKey = 'enquiry'
			let closed = false
			for (const event of events.slice(1)) {
				if (closed) expect(event.kind, household.id).toBe('reopen')
				if (event.kind === 'entered') {
					expect(event.fromStage, household.id).toBe(stage)
					expect(STAGE_KEYS.indexOf(event.toStage!)).toBe(STAGE_KEYS.indexOf(stage) + 1)
					stage = event.toStage!
				}
				if (event.kind === 'reopen') {
					expect(event.fromStage).toBe(stage)
					stage = 'enquiry'
					closed = false
				}
				if (event.kind === 'exit') {
					expect(event.fromStage).toBe(stage)
					closed = true
				}
			}
		}
	})

	test('keeps each household’s stage, status, dates, owner and version in step with its events', () => {
		for (const household of data.households) {
			const events = eventsOf(household.id)
			const moves = events.filter((event) => event.kind === 'entered' || event.kind === 'reopen')
			const lastMove = moves[moves.length - 1]!
			const last = events[events.length - 1]!
			expect(household.stage, household.id).toBe(lastMove.toStage)
			expect(household.stageEnteredOn).toBe(lastMove.businessDate)
			const expectedStatus = last.kind === 'exit' ? 'closed' : last.kind === 'hold' ? 'on_hold' : 'open'
			expect(household.status, household.id).toBe(expectedStatus)
			expect(household.version).toBe(events.length)
			expect(household.updatedAt).toEqual(last.recordedAt)
			const enquiries = enquiriesOf(household.id)
			expect(household.lastEnquiryAt).toEqual(enquiries[enquiries.length - 1]!.receivedAt)
			expect(enquiries.length).toBe(1 + events.filter((event) => event.kind === 'reopen').length)
			const actors = events.map((event) => event.actorId).filter((id) => id !== null)
			if (actors.length === 0) expect(household.ownerId).toBeNull()
			else expect(actors).toContain(household.ownerId)
		}
	})

	test('takes realistic time over each step', () => {
		const contactDelays: number[] = []
		// A returning household's second journey starts again; its first is enough here.
		const singleJourneys = data.households.filter(
			(household) => !eventsOf(household.id).some((event) => event.kind === 'reopen')
		)
		expect(singleJourneys.length).toBeGreaterThan(data.households.length * 0.9)
		for (const household of singleJourneys) {
			const id = household.id
			const enquiry = enteredOn(id, 'enquiry')!
			const contact = enteredOn(id, 'initial_contact')
			if (contact) contactDelays.push(workingDaysBetween(enquiry, contact))
			const visit = enteredOn(id, 'initial_visit')
			if (
				household.route === 'mainstream' &&
				contact &&
				visit &&
				!eventsOf(id).some((event) => event.kind === 'hold' && event.businessDate < visit)
			) {
				expect(dayOf(visit) - dayOf(contact), id).toBeGreaterThanOrEqual(7)
				expect(dayOf(visit) - dayOf(contact), id).toBeLessThanOrEqual(28)
			}
			const application = enteredOn(id, 'application')
			const stage1 = enteredOn(id, 'stage_1')
			if (application && stage1) expect(workingDaysBetween(application, stage1)).toBeLessThanOrEqual(2)
			const stage2 = enteredOn(id, 'stage_2')
			const panel = enteredOn(id, 'panel')
			const heldAfterApplication = eventsOf(id).some(
				(event) => event.kind === 'hold' && application && event.businessDate >= application
			)
			if (application && panel && household.route === 'mainstream' && !heldAfterApplication) {
				expect(dayOf(panel) - dayOf(application), id).toBeGreaterThanOrEqual(120)
				expect(dayOf(panel) - dayOf(application), id).toBeLessThanOrEqual(260)
			}
			if (stage1 && stage2 && !heldAfterApplication) {
				expect(dayOf(stage2) - dayOf(stage1), id).toBeGreaterThanOrEqual(28)
				expect(dayOf(stage2) - dayOf(stage1), id).toBeLessThanOrEqual(70)
			}
			const approved = enteredOn(id, 'approved')
			if (panel && approved) expect(workingDaysBetween(panel, approved)).toBeLessThanOrEqual(7)
		}
		// Most first calls within a working day, none later than six.
		expect(Math.max(...contactDelays)).toBeLessThanOrEqual(6)
		expect(contactDelays.filter((days) => days <= 1).length / contactDelays.length).toBeGreaterThan(0.7)
	})

	test('dates staff actions on working days (event sign-up sheets keep the day of the event)', () => {
		const roles = new Map(data.staff.map((user) => [user.id, user.role]))
		for (const event of data.stageEvents) {
			if (event.actorId === null) {
				expect(event).toMatchObject({ toStage: 'enquiry' })
				continue
			}
			expect(['officer', 'social_worker', 'manager']).toContain(roles.get(event.actorId))
			if (event.backdateReason === null) expect(isWorkingDayNumber(dayOf(event.businessDate)), event.id).toBe(true)
		}
	})

	test('uses only the default exit reasons, each at a stage where it makes sense', () => {
		const keys = new Set(DEFAULT_EXIT_REASONS.map((reason) => reason.key))
		const exits = data.stageEvents.filter((event) => event.kind === 'exit')
		for (const event of exits) {
			const key = event.exitReasonId!.replace(/^exit_/, '')
			expect(keys.has(key), key).toBe(true)
			expect(
				EXITS_BY_STAGE[event.fromStage as Exclude<StageKey, 'approved'>],
				`${key} at ${event.fromStage}`
			).toContain(key)
		}
		const atEnquiry = exits.filter((event) => event.fromStage === 'enquiry')
		const lostContact = atEnquiry.filter((event) => event.exitReasonId === 'exit_lost_contact')
		expect(lostContact.length / atEnquiry.length).toBeGreaterThan(0.5)
	})

	test('attributes every enquiry to a known channel that agrees with its tracking and answer', () => {
		const channelCounts = new Map<string, number>()
		const codes = new Set(data.referralCodes.map((code) => code.id))
		for (const enquiry of data.enquiries) {
			const channel = enquiry.channelId.replace(/^channel_/, '')
			expect(CHANNEL_KEYS).toContain(channel)
			channelCounts.set(channel, (channelCounts.get(channel) ?? 0) + 1)
			const derived = deriveChannel({
				utmSource: enquiry.utmSource ?? undefined,
				utmMedium: enquiry.utmMedium ?? undefined,
				referringSite: enquiry.referringSite ?? undefined,
				howHeard: enquiry.howHeard,
				hasReferralCode: enquiry.referralCodeId !== null,
			})
			expect(derived, enquiry.reference).toBe(channel)
			if (channel === 'paid_social') {
				expect(enquiry.utmMedium).toBe('paid_social')
				expect(enquiry.utmCampaign).toMatch(/^[a-z-]+-20\d\d(-[a-z]+)?$/)
			}
			if (enquiry.referralCodeId !== null) expect(codes.has(enquiry.referralCodeId)).toBe(true)
			if (enquiry.howHeard === 'other') expect(enquiry.howHeardOther).toMatch(/\w/)
		}
		const ranked = [...channelCounts].sort((a, b) => b[1] - a[1]).map(([channel]) => channel)
		expect(ranked[0]).toBe('search')
		expect(channelCounts.size).toBe(CHANNEL_KEYS.length)
	})

	test('records consent and the form’s fields on every enquiry, with unique keys and references', () => {
		for (const enquiry of data.enquiries) {
			expect(enquiry.consentGiven).toBe(true)
			expect(enquiry.consentWording).toBe(
				'I agree to Northdale County Council contacting me about fostering by phone, email or text.'
			)
			expect(enquiry.privacyNoticeUrl).toBe('/privacy')
			expect(['web', 'phone', 'event']).toContain(enquiry.source)
			expect(['yes', 'not_yet', 'no']).toContain(enquiry.spareBedroom)
			expect(JSON.parse(enquiry.fosteringInterests)).toEqual(expect.any(Array))
			expect(normaliseReference(enquiry.reference)).toBe(enquiry.reference)
		}
		const unique = (values: string[]) => new Set(values).size === values.length
		expect(unique(data.enquiries.map((enquiry) => enquiry.submissionKey))).toBe(true)
		expect(
			unique([
				...data.enquiries.map((enquiry) => enquiry.reference),
				...data.households.map((household) => household.reference),
			])
		).toBe(true)
		expect(data.enquiries.filter((enquiry) => enquiry.source === 'web').length / data.enquiries.length).toBeGreaterThan(
			0.75
		)
	})

	test('uses only fictional contact details: drama phone numbers, example domains, well-formed postcodes', () => {
		const people = [...data.applicants, ...data.enquiries]
		for (const person of people) {
			expect(person.phone).toMatch(/^(07700 900\d{3}|01632 960\d{3})$/)
			expect(person.email).toMatch(/^[a-z0-9._]+@example\.(com|org)$/)
		}
		for (const enquiry of data.enquiries) expect(enquiry.postcode).toMatch(/^LE\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/)
		// One household per email address, but for the possible match that shares one on purpose.
		const matched = new Set(data.possibleMatches.map((match) => match.newHouseholdId))
		const primaries = data.applicants.filter((applicant) => applicant.isPrimary)
		const distinct = primaries.filter((applicant) => !matched.has(applicant.householdId))
		expect(new Set(distinct.map((applicant) => applicant.emailNormalized)).size).toBe(distinct.length)
		const names = new Set(primaries.map((applicant) => `${applicant.firstName} ${applicant.lastName}`))
		for (const name of ['Siobhán Ó Dálaigh', 'Oluwaseun Adeyemi', 'Priya Sharma', 'Li Wei', 'Zofia Nowak'])
			expect(names).toContain(name)
	})
})

describe('the demo data for 23 November 2026', () => {
	test('has two open possible matches of recent enquiries with known households, one carrying a referral code', () => {
		const { data: day } = demo(TODAY)
		expect(day.possibleMatches.map((match) => [match.status, JSON.parse(match.matchedOn)])).toEqual([
			['open', ['email', 'name_postcode']],
			['open', ['phone']],
		])
		for (const match of day.possibleMatches) {
			const household = day.households.find((candidate) => candidate.id === match.newHouseholdId)!
			expect(household).toMatchObject({ stage: 'enquiry', status: 'open', reference: match.newReference })
			expect(day.households.some((candidate) => candidate.id === match.existingHouseholdId)).toBe(true)
		}
		const referred = day.enquiries.filter(
			(enquiry) => enquiry.householdId === day.possibleMatches[1]!.newHouseholdId && enquiry.referralCodeId
		)
		expect(referred).toHaveLength(1)
	})

	const { data, reached } = demo(TODAY)
	const todayDay = londonDay(TODAY)
	const mainstream = data.households.filter((household) => household.route === 'mainstream')
	// Cohorts of mainstream enquiries at least a year old have mostly run their course.
	const matureCohort = mainstream.filter((household) => londonDay(household.firstEnquiryAt) < todayDay - 365)
	const share = (households: typeof mainstream, stage: StageKey) =>
		households.filter((household) => reached(household.id, stage)).length / households.length

	test('gives the same records for the same seed and day, and different ones for another seed', () => {
		expect(generateDemoData({ today: TODAY })).toEqual(data)
		const other = generateDemoData({ today: TODAY, seed: 7 })
		expect(other.enquiries.map((enquiry) => enquiry.reference)).not.toEqual(
			data.enquiries.map((enquiry) => enquiry.reference)
		)
	})

	test('has one staff member per role, with two officers and two social workers, at the council’s domain', () => {
		const roles = data.staff.map((user) => user.role).sort()
		expect(roles).toEqual([
			'administrator',
			'manager',
			'officer',
			'officer',
			'read_only',
			'social_worker',
			'social_worker',
		])
		for (const user of data.staff) expect(user.email).toMatch(/^[a-z]+\.[a-z]+@northdale\.example$/)
	})

	test('covers the two years up to today, with about 35 to 45 mainstream enquiries a month', () => {
		const times = data.enquiries.map((enquiry) => enquiry.receivedAt.getTime())
		expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2024-11-23T00:00:00Z'))
		expect(Math.max(...times)).toBeLessThan(TODAY.getTime())
		const fullMonths = data.enquiries.filter(
			(enquiry) =>
				!enquiry.isKinship &&
				enquiry.receivedAt >= new Date('2024-12-01') &&
				enquiry.receivedAt < new Date('2026-11-01')
		)
		const perMonth = fullMonths.length / 23
		expect(perMonth).toBeGreaterThanOrEqual(35)
		expect(perMonth).toBeLessThanOrEqual(45)
	})

	test('has more enquiries in January, May and September than in July, August and December', () => {
		const byMonth = new Array<number>(12).fill(0)
		for (const enquiry of data.enquiries) {
			if (enquiry.receivedAt >= new Date('2024-12-01') && enquiry.receivedAt < new Date('2026-11-01'))
				byMonth[enquiry.receivedAt.getUTCMonth()]!++
		}
		const busy = (byMonth[0]! + byMonth[4]! + byMonth[8]!) / 3
		const quiet = (byMonth[6]! + byMonth[7]! + byMonth[11]!) / 3
		expect(busy).toBeGreaterThan(quiet * 1.3)
	})

	test('makes 6 to 12% of enquiries kinship enquiries, on the kinship route', () => {
		const kinship = data.enquiries.filter((enquiry) => enquiry.isKinship)
		expect(kinship.length / data.enquiries.length).toBeGreaterThanOrEqual(0.06)
		expect(kinship.length / data.enquiries.length).toBeLessThanOrEqual(0.12)
		const routes = new Map(data.households.map((household) => [household.id, household.route]))
		for (const enquiry of data.enquiries)
			expect(routes.get(enquiry.householdId)).toBe(enquiry.isKinship ? 'kinship' : 'mainstream')
		for (const enquiry of kinship) expect(enquiry.kinshipDetails).toMatch(/\w/)
	})

	test('converts mature mainstream cohorts at the rates of an active council', () => {
		expect(matureCohort.length).toBeGreaterThan(350)
		const bands: [StageKey, number, number][] = [
			['initial_contact', 0.75, 0.86],
			['initial_visit', 0.26, 0.36],
			['application', 0.09, 0.15],
			['stage_1', 0.075, 0.125],
			['stage_2', 0.06, 0.1],
			['panel', 0.045, 0.085],
			['approved', 0.04, 0.08],
		]
		for (const [stage, low, high] of bands) {
			expect.soft(share(matureCohort, stage), stage).toBeGreaterThanOrEqual(low)
			expect.soft(share(matureCohort, stage), stage).toBeLessThanOrEqual(high)
		}
	})

	test('never has more households at a stage than at the one before it, in any monthly cohort', () => {
		const cohorts = new Map<string, typeof data.households>()
		for (const household of data.households) {
			const key = `${household.route} ${household.firstEnquiryAt.toISOString().slice(0, 7)}`
			cohorts.set(key, [...(cohorts.get(key) ?? []), household])
		}
		for (const [key, households] of cohorts) {
			const counts = STAGE_KEYS.map((stage) => households.filter((household) => reached(household.id, stage)).length)
			for (let i = 1; i < counts.length; i++)
				expect(counts[i], `${key} ${STAGE_KEYS[i]}`).toBeLessThanOrEqual(counts[i - 1]!)
		}
	})

	test('keeps a live pipeline today: new enquiries, households waiting too long, Stage 2, panel and holds', () => {
		const open = data.households.filter((household) => household.status !== 'closed' && household.stage !== 'approved')
		const at = (stage: StageKey) => open.filter((household) => household.stage === stage)
		expect(at('enquiry').length).toBeGreaterThanOrEqual(3)
		expect(at('initial_contact').length).toBeGreaterThanOrEqual(10)
		expect(at('initial_visit').length).toBeGreaterThanOrEqual(10)
		expect(at('stage_2').length).toBeGreaterThanOrEqual(5)
		expect(at('panel').length).toBeGreaterThanOrEqual(2)
		expect(open.filter((household) => household.status === 'on_hold').length).toBeGreaterThanOrEqual(2)
		// Past the default targets: first contact within 1 working day, a visit within 10.
		const today = new Date(TODAY).toISOString().slice(0, 10)
		const waiting = open.filter(
			(household) =>
				household.status === 'open' &&
				((household.stage === 'enquiry' && workingDaysBetween(household.stageEnteredOn, today) > 1) ||
					(household.stage === 'initial_contact' && workingDaysBetween(household.stageEnteredOn, today) > 10))
		)
		expect(waiting.length).toBeGreaterThanOrEqual(3)
		// Recent cohorts are still in progress, so have fewer approvals than mature ones.
		const recent = mainstream.filter((household) => londonDay(household.firstEnquiryAt) >= todayDay - 180)
		expect(share(recent, 'approved')).toBeLessThan(share(matureCohort, 'approved') / 2)
	})

	test('has two applicants in about half the households and about 5% returning households', () => {
		const couples = new Set(
			data.applicants.filter((applicant) => !applicant.isPrimary).map((applicant) => applicant.householdId)
		)
		expect(couples.size / data.households.length).toBeGreaterThan(0.4)
		expect(couples.size / data.households.length).toBeLessThan(0.6)
		for (const household of data.households) {
			expect(
				data.applicants.filter((applicant) => applicant.householdId === household.id && applicant.isPrimary)
			).toHaveLength(1)
		}
		const returning = data.households.filter((household) => household.lastEnquiryAt > household.firstEnquiryAt)
		expect(returning.length / data.households.length).toBeGreaterThan(0.03)
		expect(returning.length / data.households.length).toBeLessThan(0.08)
		for (const household of returning) {
			expect(household.lastEnquiryAt.getTime() - household.firstEnquiryAt.getTime()).toBeGreaterThan(60 * DAY_MS)
		}
	})

	test('logs the calls behind Initial contact: the answered call at its date, unanswered tries before it', () => {
		const contacts = new Map<string, typeof data.contactAttempts>()
		for (const attempt of data.contactAttempts)
			contacts.set(attempt.householdId, [...(contacts.get(attempt.householdId) ?? []), attempt])
		let withTries = 0
		for (const household of data.households) {
			const events = data.stageEvents.filter((event) => event.householdId === household.id)
			const made = events.filter((event) => event.kind === 'entered' && event.toStage === 'initial_contact')
			const attempts = contacts.get(household.id) ?? []
			const answered = attempts.filter((attempt) => attempt.outcome === 'answered')
			expect(answered.map((attempt) => londonDay(attempt.occurredAt))).toEqual(
				made.map((event) => dayOf(event.businessDate))
			)
			const first = answered[0]
			if (first && attempts.some((attempt) => attempt.occurredAt < first.occurredAt)) withTries++
			for (const attempt of attempts) expect(attempt.occurredAt.getTime()).toBeLessThan(TODAY.getTime())
			// Unanswered tries are made in office hours on working days, never at 1am.
			for (const attempt of attempts.filter((attempt) => attempt.outcome !== 'answered')) {
				const time = attempt.occurredAt.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour12: false })
				expect(time >= '09:00:00' && time <= '17:30:00', `${household.id} tried at ${time}`).toBe(true)
				expect(isWorkingDayNumber(londonDay(attempt.occurredAt))).toBe(true)
			}
		}
		expect(withTries).toBeGreaterThan(data.households.length * 0.2)
		expect(data.notes.length).toBeGreaterThan(20)
	})
})

// Demo data for a fictional county council: two years of enquiries followed through the funnel,
// with volumes, conversions, durations and drop-out reasons in line with docs/domain.md for an active
// council. Pure and deterministic: the same seed and `today` always give the same records, and
// nothing here reads the clock, the disk or the database. Each household is made as the household
// writer takes one (an intake: its people, enquiries and a history the stage machine accepts), and
// prisma/seed.ts writes them through it; dates and working days are app/domain/working-days.ts's.

import { CHANNEL_KEYS, deriveChannel, HOW_HEARD_OPTIONS, type ChannelKey, type HowHeard } from '~/domain/attribution.ts'
import { BEST_TIMES, FOSTERING_INTERESTS, NOT_SURE } from '~/domain/enquiry-form.ts'
import { newReference } from '~/domain/reference.ts'
import { DEMO_SERVICE_CONFIG } from '~/domain/service-config.ts'
import { DEFAULT_EXIT_REASONS } from '~/domain/exit-reasons.ts'
import {
	householdRows,
	NO_LINK_ATTRIBUTION,
	type ApplicantRow,
	type EnquiryRow,
	type HouseholdIntake,
	type HouseholdRow,
	type IntakeContext,
	type IntakeEvent,
	type IntakePerson,
	type StageEventRow,
} from '~/domain/household-intake.ts'
import { matchedOn, matchKeys } from '~/domain/possible-matches.ts'
import { householdFields, replay } from '~/domain/stage-machine.ts'
import type { StageKey } from '~/domain/stages.ts'
import type { StaffRole } from '~/domain/staff.ts'
import {
	addCalendarDays,
	addMonths,
	addWorkingDays,
	calendarDaysBetween,
	dayOfWeek,
	isWorkingDay,
	londonDate,
	londonInstant,
	type CalendarDate,
} from '~/domain/working-days.ts'

/** Fixed, so the demo is the same on every machine (only `today` moves it along). */
export const DEMO_SEED = 20_261_125

// ---------------------------------------------------------------------------------------------
// Record shapes: staff, codes, contacts and notes as prisma.<model>.createMany accepts them; the
// households as intakes for the household writer, and as the rows its intake step makes of them.

export type { StaffRole }
export type EventKind = 'entered' | 'hold' | 'resume' | 'exit' | 'reopen'
export type Route = 'mainstream' | 'kinship'

// passwordHash is added by prisma/seed.ts, which hashes DEMO_STAFF_PASSWORD (hashing is slow and
// salted, so it does not belong in this pure, deterministic module).
export type DemoStaffUser = { id: string; email: string; name: string; role: StaffRole; createdAt: Date }
export type DemoReferralCode = { id: string; code: string; active: boolean; createdAt: Date }
export type DemoHousehold = HouseholdRow
export type DemoApplicant = ApplicantRow
export type DemoEnquiry = EnquiryRow
export type DemoStageEvent = StageEventRow
/** An open possible match (docs/decisions/016): a recent enquiry that may be a household already known. */
export type DemoPossibleMatch = {
	id: string
	newHouseholdId: string
	newReference: string
	existingHouseholdId: string
	matchedOn: string
	status: 'open'
	createdAt: Date
}
export type DemoContactAttempt = {
	id: string
	householdId: string
	method: 'call' | 'email' | 'text' | 'visit'
	outcome: 'answered' | 'no_answer' | 'left_message'
	occurredAt: Date
	actorId: string | null
	note: string | null
	recordedAt: Date
}
export type DemoNote = { id: string; householdId: string; authorId: string; body: string; createdAt: Date }
export type DemoData = {
	staff: DemoStaffUser[]
	referralCodes: DemoReferralCode[]
	/** The households as the household writer takes them: prisma/seed.ts writes these. */
	intakes: HouseholdIntake[]
	/**
	 * The rows the intake step makes of them with the demo service's own settings (its targets,
	 * no closure days): what the tests and the seed's summary read. The seed makes them again
	 * with the database's settings.
	 */
	households: DemoHousehold[]
	applicants: DemoApplicant[]
	enquiries: DemoEnquiry[]
	stageEvents: DemoStageEvent[]
	contactAttempts: DemoContactAttempt[]
	notes: DemoNote[]
	possibleMatches: DemoPossibleMatch[]
}

/** Answers the demo gives to the enquiry form's questions: the form's own values. */
export const BEST_TIMES_TO_CALL = BEST_TIMES.map((time) => time.value)
const FOSTERING_INTEREST_KEYS: InterestKey[] = [...FOSTERING_INTERESTS.map((interest) => interest.value), NOT_SURE]
type InterestKey = (typeof FOSTERING_INTERESTS)[number]['value'] | typeof NOT_SURE

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

/** mulberry32: a small, fast 32-bit PRNG, plenty for demo data. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0
	return () => {
		state = (state + 0x6d2b79f5) >>> 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
	}
}

class Random {
	readonly next: () => number
	constructor(seed: number) {
		this.next = mulberry32(seed)
	}
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1))
	}
	chance(probability: number): boolean {
		return this.next() < probability
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!
	}
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
		let roll = this.next() * total
		for (const [item, weight] of entries) {
			roll -= weight
			if (roll < 0) return item
		}
		return entries[entries.length - 1]![0]
	}
	/** Knuth's method: fine for the small means of daily enquiry counts. */
	poisson(mean: number): number {
		const limit = Math.exp(-mean)
		let count = 0
		let product = this.next()
		while (product > limit) {
			count++
			product *= this.next()
		}
		return count
	}
}

/**
 * Yes/no draws nudged towards their expected count, so the demo's rates land close to the model's
 * whatever `today` is (plain coin flips over a few hundred households can drift by a third).
 */
class Rates {
	private readonly expected = new Map<string, number>()
	private readonly actual = new Map<string, number>()
	constructor(private readonly random: Random) {}
	draw(key: string, probability: number): boolean {
		const expected = this.expected.get(key) ?? 0
		const actual = this.actual.get(key) ?? 0
		const nudged = Math.min(1, Math.max(0, probability + (expected - actual) * 0.1))
		const hit = this.random.chance(nudged)
		this.expected.set(key, expected + probability)
		this.actual.set(key, actual + (hit ? 1 : 0))
		return hit
	}
}

// ---------------------------------------------------------------------------------------------
// Calendar: days are calendar dates ('YYYY-MM-DD'), and working days, bank holidays, months and
// London time are app/domain/working-days.ts's, as the app's own clocks count them.

const DAY_MS = 86_400_000
type Day = CalendarDate

function parts(day: Day) {
	return {
		year: Number(day.slice(0, 4)),
		month: Number(day.slice(5, 7)),
		date: Number(day.slice(8, 10)),
		weekday: dayOfWeek(day),
	}
}
/** The first working day after `day`. */
function nextWorkingDay(day: Day): Day {
	return addWorkingDays(day, 1)
}
/** The `count`th working day after `day` (0: `day` itself if it is a working day, else the next). */
function workingDayFrom(day: Day, count: number): Day {
	return count === 0 && !isWorkingDay(day) ? nextWorkingDay(day) : addWorkingDays(day, count)
}
/** The instant of a London wall-clock time (minutes after midnight) on a day. */
function londonAt(day: Day, minutes: number): Date {
	return londonInstant(day, `${Math.floor(minutes / 60)}:${minutes % 60}`)
}
const later = (a: Day, b: Day): Day => (a > b ? a : b)

// ---------------------------------------------------------------------------------------------
// People: diverse names in heritage groups (so first and last names go together), contact details
// in ranges reserved for fiction: Ofcom's drama numbers and example.com / example.org.

type NameGroup = { weight: number; female: string[]; male: string[]; surnames: string[] }
const NAME_GROUPS: NameGroup[] = [
	{
		weight: 52,
		female: [
			'Sarah',
			'Emma',
			'Claire',
			'Rachel',
			'Lisa',
			'Joanne',
			'Hannah',
			'Kirsty',
			'Helen',
			'Nicola',
			'Gemma',
			'Amy',
			'Louise',
			'Karen',
			'Jenny',
			'Charlotte',
			'Becky',
			'Natalie',
			'Julie',
			'Debbie',
		],
		male: [
			'James',
			'Mark',
			'Paul',
			'Richard',
			'Craig',
			'Lee',
			'Stuart',
			'Daniel',
			'Chris',
			'Matthew',
			'Gary',
			'Steve',
			'Ian',
			'Tom',
			'Adam',
			'Neil',
			'Darren',
			'Rob',
			'Andy',
			'Simon',
		],
		surnames: [
			'Smith',
			'Jones',
			'Taylor',
			'Brown',
			'Wilson',
			'Walker',
			'Wright',
			'Harris',
			'Clarke',
			'Robinson',
			'Thompson',
			'Hall',
			'Green',
			'Wood',
			'Bailey',
			'Cooper',
			'Hughes',
			'Marsh',
			'Pickering',
			'Ashby',
			'Holloway',
			'Barker',
			'Fletcher',
			'Hayes',
			'Chapman',
			'Dawson',
			'Kendall',
			'Lowe',
		],
	},
	{
		weight: 5,
		female: ['Siobhán', 'Aoife', 'Niamh', 'Róisín', 'Orla', 'Ciara'],
		male: ['Ciarán', 'Seán', 'Declan', 'Eoin', 'Pádraig', 'Conor'],
		surnames: ['Ó Dálaigh', "O'Brien", 'Murphy', 'Byrne', 'Kavanagh', 'Ní Bhriain', 'Doyle', 'McCarthy'],
	},
	{
		weight: 6,
		female: ['Catrin', 'Eilidh', 'Rhian', 'Morag', 'Siân', 'Fiona'],
		male: ['Rhys', 'Dafydd', 'Callum', 'Euan', 'Gethin', 'Alasdair'],
		surnames: ['Evans', 'Llewellyn', 'MacLeod', 'Campbell', 'Pritchard', 'Morgan', 'Fraser', 'Ross'],
	},
	{
		weight: 13,
		female: ['Priya', 'Anjali', 'Sunita', 'Aisha', 'Nusrat', 'Fatima', 'Harpreet', 'Meena', 'Shabana', 'Kiran'],
		male: ['Rajesh', 'Sanjay', 'Imran', 'Amir', 'Harjit', 'Vikram', 'Tariq', 'Nikhil', 'Bilal', 'Manpreet'],
		surnames: [
			'Sharma',
			'Patel',
			'Mistry',
			'Khan',
			'Hussain',
			'Begum',
			'Singh',
			'Kaur',
			'Chauhan',
			'Ahmed',
			'Parmar',
			'Lad',
		],
	},
	{
		weight: 6,
		female: ['Oluwaseun', 'Chiamaka', 'Folake', 'Abena', 'Grace', 'Blessing', 'Amina'],
		male: ['Oluwaseun', 'Chinedu', 'Kwame', 'Tunde', 'Emmanuel', 'Yusuf', 'Kofi'],
		surnames: ['Adeyemi', 'Okafor', 'Mensah', 'Osei', 'Adebayo', 'Nwosu', 'Abdi', 'Boateng'],
	},
	{
		weight: 5,
		female: ['Marcia', 'Jacqueline', 'Andrea', 'Simone', 'Donna'],
		male: ['Delroy', 'Winston', 'Leon', 'Marcus', 'Trevor'],
		surnames: ['Campbell', 'Francis', 'Reid', 'Brown', 'Henry', 'Walters', 'Gayle'],
	},
	{
		weight: 6,
		female: ['Zofia', 'Agnieszka', 'Katarzyna', 'Ioana', 'Daria', 'Lina'],
		male: ['Tomasz', 'Piotr', 'Marek', 'Andrei', 'Jakub', 'Mindaugas'],
		surnames: ['Nowak', 'Kowalski', 'Wiśniewska', 'Popescu', 'Kowalczyk', 'Lewandowski', 'Kazlauskas'],
	},
	{
		weight: 3,
		female: ['Li', 'Mei', 'Xiu', 'Ling'],
		male: ['Wei', 'Jun', 'Hao', 'Li'],
		surnames: ['Wei', 'Chen', 'Wang', 'Zhang', 'Liu', 'Wong'],
	},
	{
		weight: 4,
		female: ['Elif', 'Leyla', 'Maria', 'Sofia', 'Ana'],
		male: ['Mehmet', 'Hassan', 'Giorgos', 'Luca', 'João'],
		surnames: ['Yilmaz', 'Demir', 'Papadopoulos', 'Rossi', 'Ferreira', 'Silva', 'Haddad'],
	},
]

/** Names the demo always shows, spread through the two years. */
const FEATURED_PEOPLE: [string, string][] = [
	['Siobhán', 'Ó Dálaigh'],
	['Oluwaseun', 'Adeyemi'],
	['Priya', 'Sharma'],
	['Li', 'Wei'],
	['Zofia', 'Nowak'],
]

// Postcode districts of the real-ish county the fictional Northdale stands in for.
const POSTCODE_DISTRICTS: [string, number][] = [
	['LE65', 10],
	['LE67', 14],
	['LE11', 14],
	['LE12', 10],
	['LE13', 8],
	['LE10', 12],
	['LE9', 9],
	['LE16', 7],
	['LE17', 6],
	['LE18', 10],
]
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

function asciiLetters(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '')
}

type Person = { firstName: string; lastName: string; email: string; phone: string }

// ---------------------------------------------------------------------------------------------
// Channels and what an enquiry from each one looks like.

const CHANNEL_WEIGHTS: [ChannelKey, number][] = [
	['search', 30],
	['social', 15],
	['paid_social', 13],
	['word_of_mouth', 12],
	['referral', 9],
	['event', 7],
	['print', 6],
	['radio', 4],
	['other', 4],
]
/**
 * How much more (or less) likely a household from each channel is to go on to a visit: referrals
 * and friends convert best, paid adverts bring many enquiries that go no further. Weighted by the
 * mix above, the multipliers average about 1, so the overall funnel stays in the bands.
 */
const CHANNEL_CONVERSION: Record<ChannelKey, number> = {
	search: 1,
	social: 0.9,
	paid_social: 0.6,
	word_of_mouth: 1.3,
	referral: 1.7,
	event: 1.1,
	print: 0.9,
	radio: 0.9,
	other: 0.9,
}

const HOW_HEARD_FOR: Record<ChannelKey, HowHeard> = Object.fromEntries(
	HOW_HEARD_OPTIONS.map((option) => [option.channel, option.value])
) as Record<ChannelKey, HowHeard>

const INFO_PAGES = [
	'/',
	'/fostering/what-is-fostering',
	'/fostering/who-can-foster',
	'/fostering/allowances-and-support',
	'/fostering/types-of-fostering',
	'/enquire',
]
const OTHER_ANSWERS = [
	'Noticeboard at my GP surgery',
	'Church newsletter',
	'A sticker on a foster carer’s car',
	'Our work intranet',
	'School newsletter',
	'I work with children in care',
	'Saw it on the council website',
]

/** Paid social campaigns by season, named the way the team names them. */
function paidCampaign(day: Day): { campaign: string; landing: string } {
	const { year, month } = parts(day)
	if (month <= 2) return { campaign: `new-year-new-start-${year}`, landing: '/' }
	if (month <= 4) return { campaign: `teen-carers-${year}-spring`, landing: '/fostering/teenagers' }
	if (month === 5) return { campaign: `foster-care-fortnight-${year}`, landing: '/' }
	if (month <= 8) return { campaign: `short-breaks-${year}-summer`, landing: '/fostering/short-breaks' }
	if (month <= 10) return { campaign: `siblings-together-${year}-autumn`, landing: '/fostering/sibling-groups' }
	return { campaign: `every-child-${year}-winter`, landing: '/' }
}
function season(day: Day): string {
	const { year, month } = parts(day)
	const name = month <= 2 || month === 12 ? 'winter' : month <= 5 ? 'spring' : month <= 8 ? 'summer' : 'autumn'
	return `${name}-${year}`
}

type Attribution = Pick<
	DemoEnquiry,
	| 'howHeard'
	| 'howHeardOther'
	| 'utmSource'
	| 'utmMedium'
	| 'utmCampaign'
	| 'utmContent'
	| 'referringSite'
	| 'landingPage'
	| 'referralCodeText'
	| 'referralCodeId'
>

// ---------------------------------------------------------------------------------------------
// The funnel model.

type Params = {
	/** Probability of moving on to each stage from the one before. */
	progress: Record<Exclude<StageKey, 'enquiry'>, number>
	/** Exit reasons (keys) for households that stop at each stage, with weights. */
	exits: Record<Exclude<StageKey, 'approved'>, [string, number][]>
	visitAfterContact: [number, number]
	applicationAfterVisit: [number, number]
	panelMonths: [number, number]
}

// Conditional rates that multiply out to ~80% contact, 31% visit, 12% application, 10% Stage 1,
// 8% Stage 2, 6.5% panel and 6% approved (docs/domain.md's council benchmarks).
const MAINSTREAM: Params = {
	progress: {
		initial_contact: 0.78,
		initial_visit: 0.37,
		application: 0.37,
		stage_1: 0.8,
		stage_2: 0.8,
		panel: 0.8125,
		approved: 0.923,
	},
	exits: {
		enquiry: [
			['lost_contact', 70],
			['timing', 10],
			['outside_area', 8],
			['other_service', 7],
			['housing', 5],
		],
		initial_contact: [
			['timing', 30],
			['lost_contact', 24],
			['housing', 18],
			['work_or_finances', 8],
			['other_service', 7],
			['not_as_expected', 6],
			['criteria_not_met', 4],
			['outside_area', 3],
		],
		initial_visit: [
			['no_spare_bedroom', 20],
			['counselled_out_visit', 16],
			['circumstances_changed', 16],
			['not_as_expected', 15],
			['timing', 14],
			['work_or_finances', 9],
			['other_service', 5],
			['lost_contact', 5],
		],
		application: [
			['criteria_not_met', 35],
			['circumstances_changed', 35],
			['not_as_expected', 15],
			['other_service', 15],
		],
		stage_1: [
			['checks_concerns', 35],
			['counselled_out_stage_1', 25],
			['household_health', 20],
			['circumstances_changed', 10],
			['service_health', 5],
			['assessment_process', 5],
		],
		stage_2: [
			['assessment_process', 30],
			['work_or_finances', 22],
			['allegations', 15],
			['circumstances_changed', 15],
			['household_health', 10],
			['checks_concerns', 5],
			['not_as_expected', 3],
		],
		panel: [
			['panel_against', 60],
			['adm_not_approved', 40],
		],
	},
	// Working days: four weeks at most, even with Christmas or Easter in them.
	visitAfterContact: [5, 17],
	applicationAfterVisit: [10, 85],
	panelMonths: [4, 8],
}

// Kinship (connected person) assessments: far fewer drop out and the clock runs faster.
const KINSHIP: Params = {
	progress: {
		initial_contact: 0.95,
		initial_visit: 0.78,
		application: 0.62,
		stage_1: 0.92,
		stage_2: 0.9,
		panel: 0.85,
		approved: 0.95,
	},
	exits: {
		enquiry: [
			['lost_contact', 60],
			['circumstances_changed', 40],
		],
		initial_contact: [
			['circumstances_changed', 60],
			['criteria_not_met', 25],
			['lost_contact', 15],
		],
		initial_visit: [
			['criteria_not_met', 35],
			['checks_concerns', 25],
			['housing', 20],
			['circumstances_changed', 20],
		],
		application: [['circumstances_changed', 100]],
		stage_1: [
			['checks_concerns', 60],
			['household_health', 40],
		],
		stage_2: [
			['circumstances_changed', 50],
			['assessment_process', 50],
		],
		panel: [['panel_against', 100]],
	},
	visitAfterContact: [3, 10],
	applicationAfterVisit: [5, 30],
	panelMonths: [3, 5],
}

const EXIT_NOTES: Record<string, string[]> = {
	lost_contact: ['Three calls and two emails, no reply.', 'Number not recognised; no reply to email.'],
	timing: [
		'Would like to foster in a year or two; happy for us to keep in touch.',
		'Wants to wait until their youngest starts secondary school.',
	],
	housing: [
		'Moving house in the spring; will get back in touch.',
		'Renting a two-bedroom flat; the spare room is the box room.',
	],
	no_spare_bedroom: ['Spare room is shared with their teenage son.'],
	counselled_out_visit: ['Talked through the commitment; agreed short breaks might suit them later.'],
	checks_concerns: ['Local authority check raised concerns; discussed with the manager.'],
	allegations: ['Worried after a friend’s experience of an allegation.'],
	assessment_process: ['Found the Stage 2 sessions too much alongside work.'],
	panel_against: ['Panel asked for more evidence of support networks.'],
}

const HOLD_NOTES = [
	'Paused at the household’s request: moving house.',
	'Paused at the household’s request: family bereavement.',
	'Paused at the household’s request: new job, starting next month.',
	'Paused at the household’s request: building work on the spare room.',
	'Paused at the household’s request: a family member is unwell.',
]

const KINSHIP_DETAILS = [
	'My granddaughter is 6 and was placed in foster care last week. I would like her to come and live with me.',
	'My sister’s two boys (4 and 7) are in care and I want to look after them.',
	'My nephew, who is 14, cannot stay at home at the moment. He has stayed with me before.',
	'I am a teaching assistant and one of the children I work with needs somewhere to live.',
	'My best friend’s daughter (11) needs a home while her mum is in hospital.',
	'My grandson (2) is living with a foster carer and I would like him to live with me.',
]

const HOUSEHOLDS_SINGLE = [
	'Just me',
	'Me and my daughter (15)',
	'Me and my two sons (19 and 22)',
	'Me and my mum, who lives with us',
	'Just me; my children have grown up and left home',
]
const HOUSEHOLDS_COUPLE = [
	'My {partner} and me',
	'My {partner} and me, and our two children (9 and 13)',
	'My {partner} and me; our grown-up children have left home',
	'My {partner} and me, and our son (17)',
	'My {partner} and me, and our daughter (6)',
]

// ---------------------------------------------------------------------------------------------
// The generator.

export type GenerateOptions = { today: Date; seed?: number }

type PendingEvent = Omit<IntakeEvent, 'id'> & { recordedAt: Date }
/** A household as the writer will take it, less its enquiries (numbered once all have arrived). */
type Draft = Omit<HouseholdIntake, 'enquiries'> & { state: ReturnType<typeof householdFields>; lastEnquiryAt: Date }
type DraftEnquiry = Omit<DemoEnquiry, 'id' | 'submissionKey' | 'fingerprint'>

/**
 * Two years (today − 24 months to today) of a county council's enquiries, each followed through
 * the funnel up to `today`: what has not happened by then is still in progress.
 */
export function generateDemoData({ today, seed = DEMO_SEED }: GenerateOptions): DemoData {
	const random = new Random(seed)
	const rates = new Rates(random)
	const now = today.getTime()
	const todayDay = londonDate(today)
	const startDay = addMonths(todayDay, -24)
	const organisation = DEMO_SERVICE_CONFIG.organisationName
	const consentWording = `I agree to ${organisation} contacting me about fostering by phone, email or text.`

	const staffCreated = londonAt(addMonths(startDay, -3), 9 * 60)
	const staffMember = (id: string, name: string, role: StaffRole): DemoStaffUser => {
		const [first, ...rest] = name.split(' ')
		return {
			id: `demo-staff-${id}`,
			name,
			role,
			email: `${asciiLetters(first!)}.${asciiLetters(rest.join(''))}@northdale.example`,
			createdAt: staffCreated,
		}
	}
	const staff = [
		staffMember('administrator', 'Gareth Pryce', 'administrator'),
		staffMember('manager', 'Helen Okafor', 'manager'),
		staffMember('officer-1', 'Amira Hussain', 'officer'),
		staffMember('officer-2', 'Jack Whitfield', 'officer'),
		staffMember('social-worker-1', 'Ruth Mensah', 'social_worker'),
		staffMember('social-worker-2', 'Catrin Evans', 'social_worker'),
		staffMember('read-only', 'Tom Ashworth', 'read_only'),
	]
	const manager = staff[1]!.id
	const officers = [staff[2]!.id, staff[3]!.id]
	const socialWorkers = [staff[4]!.id, staff[5]!.id]

	const referralCodes: DemoReferralCode[] = []
	const usedCodes = new Set<string>()
	while (referralCodes.length < 24) {
		// A carer's personal code: "NDL" and four characters from the reference alphabet.
		const code = `NDL${newReference('household', () => Array.from({ length: 6 }, () => random.int(0, 31))).slice(3, 7)}`
		if (usedCodes.has(code)) continue
		usedCodes.add(code)
		referralCodes.push({
			id: `demo-referral-code-${String(referralCodes.length + 1).padStart(2, '0')}`,
			code,
			active: true,
			createdAt: staffCreated,
		})
	}

	const usedReferences = new Set<string>()
	const reference = (kind: 'enquiry' | 'household') => {
		for (;;) {
			const value = newReference(kind, () => Array.from({ length: 6 }, () => random.int(0, 31)))
			if (!usedReferences.has(value)) {
				usedReferences.add(value)
				return value
			}
		}
	}
	const usedEmails = new Set<string>()
	const person = (group: NameGroup, female: boolean, lastName?: string): Person => {
		const firstName = random.pick(female ? group.female : group.male)
		const surname = lastName ?? random.pick(group.surnames)
		return { firstName, lastName: surname, ...contactDetails(firstName, surname) }
	}
	const contactDetails = (firstName: string, lastName: string) => {
		const first = asciiLetters(firstName)
		const last = asciiLetters(lastName)
		const local = random.weighted([
			[`${first}.${last}`, 5],
			[`${first}${last}`, 2],
			[`${first[0]}${last}`, 2],
			[`${first}_${last}${random.int(1, 99)}`, 1],
		])
		let email = ''
		for (let n = 1; email === '' || usedEmails.has(email); n++) {
			email = `${local}${n > 1 ? n : ''}@${random.chance(0.6) ? 'example.com' : 'example.org'}`
		}
		usedEmails.add(email)
		const digits = String(random.int(0, 999)).padStart(3, '0')
		const phone = random.chance(0.85) ? `07700 900${digits}` : `01632 960${digits}`
		return { email, phone }
	}
	const postcode = () =>
		`${random.weighted(POSTCODE_DISTRICTS)} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`

	const households: Draft[] = []
	const enquiries: DraftEnquiry[] = []
	// Each household's audit says where it came from, as an imported household's does.
	const loaded = { actorId: manager, action: 'imported' as const, detail: 'Loaded with the demo data' }

	// Panels sit every other Thursday (the next working day when that Thursday is a bank holiday);
	// the latest one was in the past week, so a few households are waiting for the agency decision today.
	let lastPanel = addCalendarDays(todayDay, -1)
	while (parts(lastPanel).weekday !== 4) lastPanel = addCalendarDays(lastPanel, -1)
	const panelOnOrAfter = (day: Day) =>
		workingDayFrom(addCalendarDays(lastPanel, Math.ceil(calendarDaysBetween(lastPanel, day) / 14) * 14), 0)
	let pulledForward = 0

	const attribution = (channel: ChannelKey, day: Day, source: DemoEnquiry['source']): Attribution => {
		const a: Attribution = {
			howHeard: HOW_HEARD_FOR[channel],
			howHeardOther: null,
			...NO_LINK_ATTRIBUTION,
		}
		if (channel === 'other') a.howHeardOther = random.pick(OTHER_ANSWERS)
		// Staff type in phone and event enquiries: no link, so nothing but the answer.
		if (source !== 'web') return a
		const { year } = parts(day)
		switch (channel) {
			case 'search':
				a.referringSite = random.weighted([
					['www.google.com', 78],
					['www.bing.com', 12],
					['duckduckgo.com', 5],
					['www.ecosia.org', 5],
				])
				a.landingPage = random.pick(INFO_PAGES)
				if (random.chance(0.2)) {
					a.referringSite = 'www.google.com'
					a.utmSource = 'google'
					a.utmMedium = 'cpc'
					a.utmCampaign = 'foster-northdale-search'
					a.landingPage = '/'
				}
				break
			case 'social':
				if (random.chance(0.5)) {
					a.utmSource = random.weighted([
						['facebook', 6],
						['instagram', 3],
						['nextdoor', 1],
					])
					a.utmMedium = 'social'
					a.utmCampaign = `carer-stories-${year}`
				} else {
					a.referringSite = random.weighted([
						['l.facebook.com', 6],
						['www.instagram.com', 2],
						['nextdoor.co.uk', 1],
						['www.linkedin.com', 1],
					])
				}
				a.landingPage = random.pick(INFO_PAGES)
				break
			case 'paid_social': {
				const { campaign, landing } = paidCampaign(day)
				a.utmSource = random.weighted([
					['facebook', 55],
					['instagram', 30],
					['tiktok', 15],
				])
				a.utmMedium = 'paid_social'
				a.utmCampaign = campaign
				a.utmContent = random.pick(['video-carer-story', 'carousel-allowances', 'static-teenagers', 'video-siblings'])
				a.landingPage = landing
				// People do not tell an advert from a post: some say "social media".
				if (random.chance(0.25)) a.howHeard = 'social_media'
				break
			}
			case 'radio':
				if (random.chance(0.5)) {
					a.utmSource = 'northdale-fm'
					a.utmMedium = 'radio'
					a.utmCampaign = `radio-${season(day)}`
				}
				a.landingPage = '/'
				break
			case 'print':
				if (random.chance(0.6)) {
					a.utmSource = random.pick(['council-magazine', 'bus-shelter-poster', 'library-leaflet', 'gp-surgery-poster'])
					a.utmMedium = random.pick(['print', 'qr'])
					a.utmCampaign = `community-posters-${year}`
				}
				a.landingPage = '/'
				break
			case 'event':
				if (random.chance(0.6)) {
					a.utmSource = random.pick([
						'ashby-show',
						'loughborough-mela',
						'melton-food-festival',
						'coalville-fun-day',
						'information-evening',
					])
					a.utmMedium = 'event'
					a.utmCampaign = `events-${year}`
				}
				a.landingPage = '/'
				break
			case 'referral':
				if (random.chance(0.65)) {
					const code = random.pick(referralCodes)
					a.referralCodeText = code.code
					a.referralCodeId = code.id
					a.landingPage = '/refer-a-friend'
				} else {
					a.landingPage = '/'
				}
				break
			case 'word_of_mouth':
			case 'other':
				a.landingPage = '/'
				break
		}
		return a
	}

	/** Expected enquiries per day: seasonal peaks, quieter weekends, a service that grows. */
	const expectedPerDay = (day: Day): number => {
		const { month, date, weekday } = parts(day)
		const seasonal = [1.35, 1.0, 0.95, 0.95, 1.0, 0.95, 0.85, 0.8, 1.25, 1.05, 0.95, 0.7][month - 1]!
		// Foster Care Fortnight: the second half of May.
		const fortnight = month === 5 && date >= 12 && date <= 25 ? 1.6 : 1
		const christmas = month === 12 && date >= 20 ? 0.5 : 1
		const week = [0.95, 1.25, 1.15, 1.1, 1.0, 0.85, 0.7][weekday]!
		const growth = 0.92 + 0.16 * (calendarDaysBetween(startDay, day) / calendarDaysBetween(startDay, todayDay))
		// About 44 enquiries a month in all, of which about 40 mainstream.
		return ((44 * 12) / 365) * seasonal * fortnight * christmas * week * growth
	}

	let eventNumber = 0
	let featuredIndex = 0
	const totalDays = calendarDaysBetween(startDay, todayDay)

	for (let day = startDay; day <= todayDay; day = addCalendarDays(day, 1)) {
		const count = random.poisson(expectedPerDay(day))
		for (let i = 0; i < count; i++) {
			const kinship = rates.draw('kinship', 0.09)
			const channel: ChannelKey = kinship
				? random.weighted([
						['search', 5],
						['word_of_mouth', 3],
						['other', 2],
					])
				: random.weighted(CHANNEL_WEIGHTS)
			let source: DemoEnquiry['source'] =
				channel === 'event' && random.chance(0.5)
					? 'event'
					: channel !== 'paid_social' && random.chance(kinship ? 0.35 : 0.1)
						? 'phone'
						: 'web'
			// The phone line is staffed on weekdays; at the weekend people use the form instead.
			if (source === 'phone' && !isWorkingDay(day)) source = 'web'
			// Web enquiries come at all hours, most in the evening; phone calls in office hours;
			// events on their day.
			const [fromMinute, toMinute] =
				source === 'phone'
					? [9 * 60, 16 * 60 + 45]
					: source === 'event'
						? [10 * 60, 16 * 60]
						: random.weighted<[number, number]>([
								[[6 * 60 + 30, 9 * 60], 1],
								[[9 * 60, 12 * 60], 2],
								[[12 * 60, 14 * 60], 2.5],
								[[14 * 60, 17 * 60], 2],
								[[17 * 60, 19 * 60], 2],
								[[19 * 60, 22 * 60], 3.5],
								[[22 * 60, 23 * 60 + 59], 1.5],
							])
			const receivedAt = londonAt(day, random.int(fromMinute, toMinute))
			if (receivedAt.getTime() >= now) continue
			// Event sign-up sheets not yet typed in are not in the system yet.
			if (source === 'event' && londonAt(nextWorkingDay(day), 17 * 60 + 30).getTime() >= now) continue

			const householdId = `demo-household-${String(households.length + 1).padStart(4, '0')}`
			const group = random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const))
			const primaryFemale = random.chance(0.72)
			let primary = person(group, primaryFemale)
			// Feature the named people at even intervals through the two years.
			if (
				featuredIndex < FEATURED_PEOPLE.length &&
				calendarDaysBetween(startDay, day) >= ((featuredIndex + 0.5) / FEATURED_PEOPLE.length) * totalDays
			) {
				const [firstName, lastName] = FEATURED_PEOPLE[featuredIndex++]!
				primary = { firstName, lastName, ...contactDetails(firstName, lastName) }
			}
			const couple = random.chance(0.5)
			let members: string
			let partner: Person | undefined
			if (couple) {
				const partnerGroup = random.chance(0.8)
					? group
					: random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const))
				const partnerFemale = random.chance(0.15) ? primaryFemale : !primaryFemale
				partner = person(partnerGroup, partnerFemale, random.chance(0.6) ? primary.lastName : undefined)
				const word = random.chance(0.4) ? 'partner' : partnerFemale ? 'wife' : 'husband'
				members = random.pick(HOUSEHOLDS_COUPLE).replace('{partner}', word)
			} else {
				members = random.pick(HOUSEHOLDS_SINGLE)
			}
			const details = {
				postcode: postcode(),
				bestTimeToCall: random.weighted<(typeof BEST_TIMES_TO_CALL)[number]>([
					['morning', 3],
					['afternoon', 2],
					['evening', 4],
					['any', 3],
				]),
				spareBedroom: kinship
					? random.weighted<string>([
							['yes', 6],
							['not_yet', 2],
							['no', 2],
						])
					: random.weighted<string>([
							['yes', 78],
							['not_yet', 15],
							['no', 7],
						]),
				householdMembers: members,
				fosteringInterests: JSON.stringify(
					kinship
						? ['long_term']
						: (() => {
								const picked = new Set<InterestKey>()
								const howMany = random.weighted([
									[1, 4],
									[2, 4],
									[3, 2],
								])
								while (picked.size < howMany) {
									picked.add(
										random.weighted<InterestKey>([
											['short_term', 5],
											['long_term', 5],
											['short_breaks', 4],
											['teenagers', 3],
											['sibling_groups', 3],
											['emergency', 2],
											['parent_and_child', 1],
											['disabilities', 1],
											['not_sure', 3],
										])
									)
								}
								// "Not sure" is never combined with a choice, as on the form.
								if (picked.size > 1) picked.delete(NOT_SURE)
								return FOSTERING_INTEREST_KEYS.filter((key) => picked.has(key))
							})()
				),
			}

			const officer = random.pick(officers)
			const socialWorker = random.pick(socialWorkers)
			const params = kinship ? KINSHIP : MAINSTREAM
			const route: Route = kinship ? 'kinship' : 'mainstream'
			let owner: string | null = null
			const events: PendingEvent[] = []
			let lastInstant = 0
			let truncated = false

			/** Adds an event unless it lies after `today`; from then on nothing more happens. */
			const add = (event: {
				kind: EventKind
				fromStage: StageKey | null
				toStage: StageKey | null
				businessDate: string
				at: Date
				actorId: string | null
				exitReasonId?: string | null
				reviewOn?: string | null
				note?: string | null
				backdateReason?: string | null
			}) => {
				if (truncated) return false
				let at = event.at.getTime()
				if (at <= lastInstant) at = lastInstant + 60_000 * random.int(1, 9)
				if (at >= now) {
					truncated = true
					return false
				}
				lastInstant = at
				events.push({
					kind: event.kind,
					fromStage: event.fromStage,
					toStage: event.toStage,
					businessDate: event.businessDate,
					recordedAt: new Date(at),
					actorId: event.actorId,
					backdateReason: event.backdateReason ?? null,
					exitReasonId: event.exitReasonId ?? null,
					exitReasonKey: event.exitReasonId?.replace(/^exit_/, '') ?? null,
					reviewOn: event.reviewOn ?? null,
					note: event.note ?? null,
				})
				return true
			}
			const staffTime = (businessDay: Day) => londonAt(businessDay, random.int(9 * 60, 17 * 60 + 30))

			const enquiryRecord = (at: Date, enquirySource: DemoEnquiry['source'], enquiryChannel: ChannelKey) => {
				const a = attribution(enquiryChannel, londonDate(at), enquirySource)
				const record = {
					householdId,
					reference: reference('enquiry'),
					source: enquirySource,
					receivedAt: at,
					firstName: primary.firstName,
					lastName: primary.lastName,
					email: primary.email,
					phone: primary.phone,
					...details,
					isKinship: kinship,
					kinshipDetails: kinship ? random.pick(KINSHIP_DETAILS) : null,
					...a,
					channelId: `channel_${enquiryChannel}`,
					consentGiven: true,
					consentWording,
					privacyNoticeUrl: DEMO_SERVICE_CONFIG.privacyNoticeUrl,
				}
				// The stored channel is what the service's own attribution rule makes of the answers.
				const derived = deriveChannel({
					utmSource: a.utmSource ?? undefined,
					utmMedium: a.utmMedium ?? undefined,
					referringSite: a.referringSite ?? undefined,
					howHeard: a.howHeard,
					hasReferralCode: a.referralCodeId !== null,
				})
				if (derived !== enquiryChannel) throw new Error(`Demo attribution for ${enquiryChannel} derives ${derived}`)
				enquiries.push(record)
			}

			/** Records an enquiry arriving (first or returning), as the form or a staff member would. */
			const arrive = (at: Date, enquirySource: DemoEnquiry['source'], returning: StageKey | null) => {
				const arrivalDay = londonDate(at)
				const staffEntered = enquirySource !== 'web'
				// Event sign-up sheets are typed in on the next working day, dated the day of the event.
				const recorded = enquirySource === 'event' ? staffTime(nextWorkingDay(arrivalDay)) : at
				const added = add({
					kind: returning ? 'reopen' : 'entered',
					fromStage: returning,
					toStage: 'enquiry',
					businessDate: arrivalDay,
					at: recorded,
					actorId: staffEntered ? officer : null,
					backdateReason: enquirySource === 'event' ? 'Entered from the event sign-up sheet' : null,
				})
				if (added && staffEntered) owner ??= officer
				return added
			}

			/**
			 * Runs one pass through the funnel from an enquiry, as far as `today`; returns where it
			 * ended and, if the household left, when and why. `boost` scales the chance of a visit
			 * and an application (by channel, or for a returning household).
			 */
			const journey = (
				at: Date,
				enquirySource: DemoEnquiry['source'],
				boost: number
			): { stage: StageKey; exitDay?: Day; reason?: string } => {
				let stage: StageKey = 'enquiry'
				let day = londonDate(at)
				const exit = (exitDay: Day, stageKey: Exclude<StageKey, 'approved'>, actorId: string, reasonKey?: string) => {
					const reason = reasonKey ?? random.weighted(params.exits[stageKey])
					const notes = EXIT_NOTES[reason]
					const added = add({
						kind: 'exit',
						fromStage: stageKey,
						toStage: null,
						businessDate: exitDay,
						at: staffTime(exitDay),
						actorId,
						exitReasonId: `exit_${reason}`,
						note: notes && random.chance(0.5) ? random.pick(notes) : null,
					})
					if (!added) return { stage: stageKey }
					owner ??= actorId
					return { stage: stageKey, exitDay, reason }
				}
				const enter = (toStage: StageKey, enterDay: Day, actorId: string, note?: string, when?: Date) => {
					const ok = add({
						kind: 'entered',
						fromStage: stage,
						toStage,
						businessDate: enterDay,
						at: when ?? staffTime(enterDay),
						actorId,
						exitReasonId: null,
						note,
					})
					if (ok) {
						stage = toStage
						day = enterDay
					}
					return ok
				}
				/**
				 * Perhaps pauses the household before `nextDay` (the next thing that would happen);
				 * returns the day it happens after the pause, or undefined if they left while paused.
				 */
				const maybeHold = (nextDay: Day, probability: number): Day | undefined => {
					if (!random.chance(probability) || truncated) return nextDay
					const span = Math.max(1, Math.round(calendarDaysBetween(day, nextDay) * (5 / 7)))
					const holdDay = workingDayFrom(day, random.int(1, span))
					const weeks = random.int(3, 16)
					const review = workingDayFrom(addCalendarDays(holdDay, weeks * 7 + random.int(-3, 3)), 0)
					add({
						kind: 'hold',
						fromStage: null,
						toStage: null,
						businessDate: holdDay,
						at: staffTime(holdDay),
						actorId: owner ?? officer,
						exitReasonId: null,
						reviewOn: review,
						note: random.pick(HOLD_NOTES),
					})
					const endDay = review
					if (random.chance(0.2)) {
						exit(
							endDay,
							stage as Exclude<StageKey, 'approved'>,
							owner ?? officer,
							random.pick(['timing', 'circumstances_changed'])
						)
						return undefined
					}
					add({
						kind: 'resume',
						fromStage: null,
						toStage: null,
						businessDate: endDay,
						at: staffTime(endDay),
						actorId: owner ?? officer,
						exitReasonId: null,
					})
					return workingDayFrom(endDay, calendarDaysBetween(day, nextDay) > 7 ? random.int(3, 10) : 0)
				}
				const p = params.progress

				// 1 to 2: the first call. Phone enquiries are the call itself; event sign-ups are
				// called once they are typed in, the next working day.
				const enquiryDay = day
				const enquiryMinutes = Math.round((at.getTime() - londonAt(enquiryDay, 0).getTime()) / 60_000)
				const slowness = random.weighted([
					[0, calendarDaysBetween(startDay, londonDate(at)) > 365 ? 0.6 : 0.45],
					[1, 0.28],
					[2, 0.12],
					[random.int(3, 6), 0.1],
				])
				let contactDay: Day
				let contactAt: Date | undefined
				if (enquirySource === 'phone') {
					contactDay = enquiryDay
					contactAt = new Date(at.getTime() + 60_000 * random.int(5, 25))
				} else if (enquirySource === 'event') {
					contactDay = workingDayFrom(enquiryDay, Math.max(1, slowness))
				} else if (slowness === 0) {
					const sameDay = isWorkingDay(enquiryDay) && enquiryMinutes < 16 * 60
					contactDay = sameDay ? enquiryDay : nextWorkingDay(enquiryDay)
					if (sameDay) contactAt = londonAt(enquiryDay, random.int(enquiryMinutes + 20, 17 * 60 + 30))
				} else {
					contactDay = workingDayFrom(enquiryDay, slowness)
				}
				if (enquirySource !== 'phone' && !rates.draw(`${route}:initial_contact`, p.initial_contact)) {
					return exit(workingDayFrom(enquiryDay, random.int(8, 25)), 'enquiry', officer)
				}
				if (
					!enter(
						'initial_contact',
						contactDay,
						officer,
						enquirySource === 'phone' ? 'Spoke with them when they rang.' : undefined,
						contactAt
					)
				)
					return { stage }
				owner = officer

				// 2 to 3: information session or home visit.
				// Without a spare bedroom most stop here, until they have one.
				if (!kinship && details.spareBedroom === 'no' && random.chance(0.85)) {
					return exit(workingDayFrom(day, random.int(1, 10)), 'initial_contact', officer, 'housing')
				}
				let next: Day | undefined = workingDayFrom(day, random.int(...params.visitAfterContact))
				if (!rates.draw(`${route}:initial_visit`, Math.min(0.95, p.initial_visit * boost))) {
					return exit(workingDayFrom(day, random.int(4, 40)), 'initial_contact', officer)
				}
				next = maybeHold(next, 0.04)
				if (next === undefined) return { stage }
				if (!enter('initial_visit', next, officer)) return { stage }

				// 3 to 4: the formal application.
				const [minApp, maxApp] = params.applicationAfterVisit
				next = workingDayFrom(day, Math.round(minApp + (maxApp - minApp) * random.next() ** 1.6))
				if (!rates.draw(`${route}:application`, Math.min(0.95, p.application * (1 + (boost - 1) / 2)))) {
					return exit(workingDayFrom(day, random.int(8, 70)), 'initial_visit', officer)
				}
				next = maybeHold(next, 0.09)
				if (next === undefined) return { stage }
				if (!enter('application', next, socialWorker)) return { stage }
				owner = socialWorker
				const applicationDay = day

				// 4 to 5: Stage 1 starts at once.
				if (!rates.draw(`${route}:stage_1`, p.stage_1))
					return exit(workingDayFrom(day, random.int(1, 8)), 'application', socialWorker)
				if (
					!enter(
						'stage_1',
						workingDayFrom(
							day,
							random.weighted([
								[0, 6],
								[1, 3],
								[2, 1],
							])
						),
						socialWorker
					)
				)
					return { stage }

				// 5 to 6: Stage 2 starts 4 to 10 weeks after Stage 1, often before Stage 1 is done.
				// (Ten weeks are 50 working days less the bank holidays they may hold: up to four.)
				next = workingDayFrom(day, random.int(20, 46))
				if (!rates.draw(`${route}:stage_2`, p.stage_2))
					return exit(workingDayFrom(day, random.int(10, 45)), 'stage_1', socialWorker)
				next = maybeHold(next, 0.09)
				if (next === undefined) return { stage }
				const stage1Open = random.chance(0.4)
				if (
					!enter(
						'stage_2',
						next,
						socialWorker,
						stage1Open ? 'Stage 2 started while the last Stage 1 references come in.' : undefined
					)
				)
					return { stage }
				const stage2Day = day

				// 6 to 7: panel 4 to 8 months after the application, at a panel meeting.
				const [minMonths, maxMonths] = params.panelMonths
				const months = minMonths + (maxMonths - minMonths) * ((random.next() + random.next()) / 2)
				let panelDay = panelOnOrAfter(
					later(addCalendarDays(applicationDay, Math.round(months * 30.4)), addCalendarDays(stage2Day, 56))
				)
				if (!rates.draw(`${route}:panel`, p.panel)) {
					const lastChance = later(addCalendarDays(stage2Day, 15), addCalendarDays(panelDay, -10))
					return exit(
						workingDayFrom(
							stage2Day,
							Math.round(calendarDaysBetween(stage2Day, lastChance) * (5 / 7) * random.next()) + 5
						),
						'stage_2',
						socialWorker
					)
				}
				// The assessment is finished about three weeks before the panel meets.
				const papersDay = addCalendarDays(panelDay, -21)
				next = maybeHold(papersDay, 0.07)
				if (next === undefined) return { stage }
				const held = next !== papersDay
				let pulled = false
				if (next > papersDay) panelDay = panelOnOrAfter(addCalendarDays(next, 21))
				// Keep a few households waiting for the agency decision today: bring forward ones
				// whose assessment is nearly done to the latest panel.
				if (
					pulledForward < 3 &&
					panelDay > lastPanel &&
					panelDay <= addCalendarDays(lastPanel, 56) &&
					stage2Day <= addCalendarDays(lastPanel, -70) &&
					calendarDaysBetween(applicationDay, lastPanel) >= 120 &&
					!held
				) {
					panelDay = workingDayFrom(lastPanel, 0)
					pulledForward++
					pulled = true
				}
				if (!enter('panel', panelDay, socialWorker)) return { stage }

				// 7 to 8: the agency decision within 7 working days of panel, often near the end
				// (at the end for the ones brought forward, so they are still waiting today).
				const decisionDay = workingDayFrom(
					panelDay,
					pulled
						? random.int(6, 7)
						: random.weighted([
								[2, 1],
								[3, 1],
								[4, 2],
								[5, 2],
								[6, 2],
								[7, 2],
							])
				)
				if (!rates.draw(`${route}:approved`, p.approved)) return exit(decisionDay, 'panel', manager)
				enter('approved', decisionDay, manager, `Panel on ${panelDay} recommended approval.`)
				return { stage }
			}

			const firstAt = receivedAt
			if (!arrive(firstAt, source, null)) continue
			enquiryRecord(firstAt, source, channel)
			let lastEnquiryAt = firstAt
			const boost = CHANNEL_CONVERSION[channel]
			const outcome = journey(firstAt, source, boost)

			// Some who stopped early come back months later: the same household, enquiring again.
			if (
				outcome.exitDay !== undefined &&
				outcome.reason &&
				['enquiry', 'initial_contact', 'initial_visit'].includes(outcome.stage)
			) {
				const returnChance =
					outcome.reason === 'timing'
						? 0.24
						: ['lost_contact', 'housing', 'work_or_finances', 'circumstances_changed'].includes(outcome.reason)
							? 0.08
							: 0
				if (returnChance > 0 && rates.draw('return', returnChance)) {
					const returnDay = addCalendarDays(outcome.exitDay, random.int(60, 330))
					const returnAt = londonAt(returnDay, random.int(8 * 60, 22 * 60))
					if (returnAt.getTime() < now && !truncated) {
						if (outcome.reason === 'housing' && details.spareBedroom !== 'yes') details.spareBedroom = 'yes'
						const returnChannel = random.weighted<ChannelKey>([
							['search', 5],
							['paid_social', 2],
							['social', 2],
							['word_of_mouth', 1],
						])
						if (arrive(returnAt, 'web', outcome.stage)) {
							enquiryRecord(returnAt, 'web', returnChannel)
							lastEnquiryAt = returnAt
							journey(returnAt, 'web', 1.4)
						}
					}
				}
			}

			// The household as the writer takes it: its row is what the stage machine makes of its history.
			const people: IntakePerson[] = [{ id: `${householdId}-applicant-1`, ...primary }]
			if (partner) people.push({ id: `${householdId}-applicant-2`, ...partner })
			households.push({
				id: householdId,
				reference: reference('household'),
				route,
				people,
				postcode: details.postcode,
				spareBedroom: details.spareBedroom,
				householdMembers: details.householdMembers,
				fosteringInterests: details.fosteringInterests,
				channelId: `channel_${channel}`,
				ownerId: owner,
				ownerGivenBy: null,
				events: events.map((event) => ({ id: `demo-event-${String(++eventNumber).padStart(5, '0')}`, ...event })),
				audit: [loaded],
				createdAt: firstAt,
				version: events.length,
				state: householdFields(replay(events)),
				lastEnquiryAt,
			})
		}
	}

	// Two recent enquiries that may be households already known, waiting for an officer to decide
	// (docs/decisions/016): one with the email, name and postcode of a household that left months
	// ago (most likely the same people, back), one from someone else with a known household's phone
	// number and a carer's referral code (which waits for the decision too).
	const possibleMatches: DemoPossibleMatch[] = []
	const known = (test: (household: Draft) => boolean) =>
		[...households].reverse().find((household) => household.route === 'mainstream' && test(household))
	const returning = known(
		(household) =>
			household.state.status === 'closed' &&
			['enquiry', 'initial_contact'].includes(household.state.stage) &&
			household.lastEnquiryAt.getTime() < now - 120 * DAY_MS
	)
	const sharedPhone = known(
		(household) =>
			household.state.status === 'open' && ['initial_contact', 'initial_visit'].includes(household.state.stage)
	)
	const matchDays = [addCalendarDays(todayDay, -1), addCalendarDays(todayDay, -2)]
	for (const [index, match] of [
		{ household: returning, phone: '07700 900417', sameName: true, code: null },
		{ household: sharedPhone, phone: null, sameName: false, code: referralCodes[0]! },
	].entries()) {
		if (!match.household) continue
		const knownPrimary = match.household.people[0]!
		const at = londonAt(matchDays[index]!, 19 * 60 + 12 * index)
		if (at.getTime() >= now) continue
		const householdId = `demo-household-${String(households.length + 1).padStart(4, '0')}`
		const person = match.sameName
			? {
					firstName: knownPrimary.firstName,
					lastName: knownPrimary.lastName,
					email: knownPrimary.email,
					phone: match.phone!,
				}
			: { firstName: 'Jordan', lastName: 'Ellery', email: 'jordan.ellery@example.org', phone: knownPrimary.phone }
		const postcodeOf = match.sameName ? match.household.postcode : 'LE3 5QT'
		const day = londonDate(at)
		const enquiryReference = reference('enquiry')
		const householdReference = reference('household')
		const channel: ChannelKey = match.code ? 'referral' : 'search'
		enquiries.push({
			householdId,
			reference: enquiryReference,
			source: 'web',
			receivedAt: at,
			...person,
			postcode: postcodeOf,
			bestTimeToCall: 'evening',
			spareBedroom: 'yes',
			householdMembers: match.sameName ? 'Me and my partner; our youngest has just left home' : 'Me and my wife',
			fosteringInterests: JSON.stringify(['short_breaks', 'teenagers']),
			isKinship: false,
			kinshipDetails: null,
			howHeard: match.code ? 'foster_carer' : 'search_engine',
			howHeardOther: null,
			channelId: `channel_${channel}`,
			utmSource: null,
			utmMedium: null,
			utmCampaign: null,
			utmContent: null,
			referringSite: match.code ? null : 'www.google.com',
			landingPage: match.code ? '/enquire' : '/',
			referralCodeText: match.code?.code ?? null,
			referralCodeId: match.code?.id ?? null,
			consentGiven: true,
			consentWording,
			privacyNoticeUrl: DEMO_SERVICE_CONFIG.privacyNoticeUrl,
		})
		households.push({
			id: householdId,
			reference: householdReference,
			route: 'mainstream',
			people: [{ id: `${householdId}-applicant-1`, ...person }],
			postcode: postcodeOf,
			spareBedroom: 'yes',
			householdMembers: match.sameName ? 'Me and my partner; our youngest has just left home' : 'Me and my wife',
			fosteringInterests: JSON.stringify(['short_breaks', 'teenagers']),
			channelId: `channel_${channel}`,
			ownerId: null,
			ownerGivenBy: null,
			events: [
				{
					id: `demo-event-${String(++eventNumber).padStart(5, '0')}`,
					kind: 'entered',
					fromStage: null,
					toStage: 'enquiry',
					businessDate: day,
					recordedAt: at,
					actorId: null,
					backdateReason: null,
					exitReasonId: null,
					exitReasonKey: null,
					reviewOn: null,
					note: null,
				},
			],
			audit: [loaded],
			createdAt: at,
			state: { stage: 'enquiry', status: 'open', stageEnteredOn: day },
			lastEnquiryAt: at,
		})
		const knownKeys = match.household.people.map((applicant) => matchKeys(applicant, match.household!.postcode))
		possibleMatches.push({
			id: `demo-possible-match-${index + 1}`,
			newHouseholdId: householdId,
			newReference: householdReference,
			existingHouseholdId: match.household.id,
			matchedOn: JSON.stringify(matchedOn([matchKeys(person, postcodeOf)], knownKeys)),
			status: 'open',
			createdAt: at,
		})
	}

	// Submission keys in the order the enquiries arrived.
	const ordered = enquiries
		.slice()
		.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
		.map((enquiry, index) => {
			const n = String(index + 1).padStart(4, '0')
			return { id: `demo-enquiry-${n}`, submissionKey: `demo-${n}`, fingerprint: null, ...enquiry }
		})
	const enquiriesOf = new Map<string, typeof ordered>()
	for (const enquiry of ordered)
		enquiriesOf.set(enquiry.householdId, [...(enquiriesOf.get(enquiry.householdId) ?? []), enquiry])
	const intakes: HouseholdIntake[] = households.map(({ state: _state, lastEnquiryAt: _last, ...draft }) => ({
		...draft,
		enquiries: enquiriesOf.get(draft.id) ?? [],
	}))

	const context = demoIntakeContext(today)
	const rows = intakes.map((intake) => householdRows(intake, context))
	const stageEvents = rows.flatMap((row) => row.events)
	const history = demoContactHistory({ enquiries: ordered, stageEvents }, now, seed)
	return {
		staff,
		referralCodes,
		intakes,
		households: rows.map((row) => row.household),
		applicants: rows.flatMap((row) => row.applicants),
		enquiries: ordered,
		stageEvents,
		...history,
		possibleMatches,
	}
}

/** The demo service's own settings, as a database the demo is loaded into has them: its targets, no closure days. */
function demoIntakeContext(today: Date): IntakeContext {
	let rows = 0
	return {
		now: today,
		clocks: {
			today: londonDate(today),
			targetsOn: () => DEMO_SERVICE_CONFIG.targets,
			closures: [],
			atRiskShare: DEMO_SERVICE_CONFIG.clocks.atRiskPercent / 100,
		},
		endedBy: new Map(DEFAULT_EXIT_REASONS.map((reason) => [reason.key, reason.endedBy])),
		channelKeys: new Map(CHANNEL_KEYS.map((key) => [`channel_${key}`, key])),
		referringCodeIds: new Set(),
		newId: () => `demo-row-${++rows}`,
	}
}

const VISIT_NOTES = [
	'Came to the information evening with lots of questions about allowances.',
	'Home visit went well: spare room is a good size, family very supportive.',
	'Keen on short breaks at first; open to longer placements later.',
	'Talked through the assessment timetable; they want to start after the school holidays.',
	'Asked about fostering alongside work: explained the support from the team.',
]

/**
 * The calls, emails and texts behind the stage events, for the household record's timeline: the
 * answered call that completed Initial contact (at that event's time), the unanswered tries before
 * it, and the tries before a household that never answered was closed at Enquiry; plus a note after
 * some initial visits. Drawn from its own random stream, so the households stay exactly as they were.
 */
function demoContactHistory(
	data: { enquiries: DemoEnquiry[]; stageEvents: DemoStageEvent[] },
	now: number,
	seed: number
): { contactAttempts: DemoContactAttempt[]; notes: DemoNote[] } {
	const random = mulberry32(seed ^ 0x5eed)
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
	const contactAttempts: DemoContactAttempt[] = []
	const notes: DemoNote[] = []
	const enquiriesOf = new Map<string, DemoEnquiry[]>()
	for (const enquiry of data.enquiries) {
		const list = enquiriesOf.get(enquiry.householdId) ?? []
		list.push(enquiry)
		enquiriesOf.set(enquiry.householdId, list)
	}
	const contact = (
		householdId: string,
		at: Date,
		actorId: string | null,
		method: DemoContactAttempt['method'],
		outcome: DemoContactAttempt['outcome']
	) => {
		contactAttempts.push({
			id: `demo-contact-${String(contactAttempts.length + 1).padStart(5, '0')}`,
			householdId,
			method,
			outcome,
			occurredAt: at,
			actorId,
			note: outcome === 'left_message' && method === 'call' ? 'Left a voicemail with our number.' : null,
			recordedAt: at,
		})
	}
	/** Unanswered tries spread evenly between the enquiry and `until`, none closer than an hour. */
	const tries = (householdId: string, from: Date, until: Date, count: number, actorId: string | null) => {
		const gap = (until.getTime() - from.getTime()) / (count + 1)
		if (gap < 3600_000) return
		for (let index = 1; index <= count; index++) {
			const method = index === count && count > 1 && random() < 0.4 ? pick(['email', 'text'] as const) : 'call'
			const outcome = method === 'call' ? pick(['no_answer', 'left_message'] as const) : 'no_answer'
			// Officers try in working hours: a try that would fall at night or at a weekend is made
			// at the start of the next working morning instead, if that is still before `until`.
			let at = new Date(from.getTime() + gap * index)
			const day = londonDate(at)
			const minutes = (at.getTime() - londonAt(day, 0).getTime()) / 60_000
			if (!isWorkingDay(day) || minutes > 17 * 60 + 30) at = londonAt(nextWorkingDay(day), 9 * 60 + 15 * index)
			else if (minutes < 9 * 60) at = londonAt(day, 9 * 60 + 15 * index)
			if (at > from && at < until) contact(householdId, at, actorId, method, outcome)
		}
	}
	for (const event of data.stageEvents) {
		const enquiry = (enquiriesOf.get(event.householdId) ?? [])
			.filter((candidate) => candidate.receivedAt <= event.recordedAt)
			.at(-1)
		if (event.kind === 'entered' && event.fromStage === 'enquiry' && event.toStage === 'initial_contact') {
			if (enquiry && enquiry.source !== 'phone') {
				const failed = random() < 0.5 ? 0 : random() < 0.6 ? 1 : 2
				tries(event.householdId, enquiry.receivedAt, event.recordedAt, failed, event.actorId)
			}
			contact(event.householdId, event.recordedAt, event.actorId, 'call', 'answered')
		} else if (event.kind === 'exit' && event.fromStage === 'enquiry' && enquiry) {
			tries(event.householdId, enquiry.receivedAt, event.recordedAt, 2 + Math.floor(random() * 3), event.actorId)
		} else if (event.kind === 'entered' && event.toStage === 'initial_visit' && event.actorId && random() < 0.4) {
			const createdAt = new Date(event.recordedAt.getTime() + 45 * 60_000)
			if (createdAt.getTime() < now) {
				notes.push({
					id: `demo-note-${String(notes.length + 1).padStart(5, '0')}`,
					householdId: event.householdId,
					authorId: event.actorId,
					body: pick(VISIT_NOTES),
					createdAt,
				})
			}
		}
	}
	return { contactAttempts, notes }
}

// Large synthetic data sets for benchmarks: `npm run seed:bench -- --households N`.
//
// Writes straight into the SQLite file with better-sqlite3 prepared statements, a few thousand
// households per transaction, so it scales to a million households (issue 6) in a single pass
// with flat memory: nothing is kept per household once its batch is written.
//
// The data is valid, not just plentiful: every household is an intake for the household writer
// (app/domain/household-intake.ts), so its rows are the ones the writer would store for it: its
// history replayed by the stage machine, its Household row's copies and nearest deadline, its
// funnel row. Only the insert differs (prepared statements, bulkRowWriter), and
// tests/integration/bench-data.test.ts compares the two.
//
// "Events" means a household's timeline entries: stage events (entered, completed, hold, resume,
// exit) plus contact attempts plus notes. Stage events come from each household's journey; contact
// attempts and notes fill up to --events-per-household on average (default 20, so 10,000
// households make 200,000 events: the pipeline benchmark's figure). The summary prints each kind.
//
// Every household gets its FunnelFact row (issue 6) in the same pass, from the intake step, so the
// funnel view can be measured at scale.
//
// Options:
//   --households N             how many households (required)
//   --events-per-household N   average timeline entries per household (default 20)
//   --open-share F             share still in the pipeline, open or on hold (default 0.9); the rest closed
//   --years N                  spread the enquiries over the last N years, as a service's history is (default:
//                              each household's journey ends today); households long stuck in one stage have left
//   --seed N                   the random seed (default 1): the same options give the same data
//   --database FILE            the SQLite file (default: DATABASE_URL, else ./.data/app.db)
//   --append                   add to a database that already has households
//   --reset                    delete every household (and its history) first
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { HOW_HEARD_OPTIONS } from '~/domain/attribution.ts'
import {
	householdRows,
	type HouseholdIntake,
	type HouseholdRows,
	type IntakeContext,
	type IntakeEnquiry,
} from '~/domain/household-intake.ts'
import { DEMO_SERVICE_CONFIG } from '~/domain/service-config.ts'
import { householdFields, tryReplay, type NewStageEvent, type RecordedStageEvent } from '~/domain/stage-machine.ts'
import { STAGE_KEYS, type StageKey } from '~/domain/stages.ts'
import { addCalendarDays, londonDate, type CalendarDate } from '~/domain/working-days.ts'
import { insertRowsWith, type Prepare } from '~/models/row-inserts.server.ts'
import { mulberry32 } from './demo-data.ts'

export type BenchOptions = {
	households: number
	eventsPerHousehold?: number
	openShare?: number
	/** Spread first enquiries over this many years back from today (a funnel's history). */
	years?: number
	seed?: number
	/** Today in Europe/London; defaults to the real today. */
	today?: CalendarDate
	append?: boolean
	reset?: boolean
	/** Loads of this many households or more into an empty file build their indexes at the end (default 100,000). */
	deferIndexesFrom?: number
	/** Progress lines for big runs. */
	progress?: (line: string) => void
}

export type BenchSummary = {
	households: number
	open: number
	onHold: number
	closed: number
	kinship: number
	staff: number
	applicants: number
	enquiries: number
	stageEvents: number
	contactAttempts: number
	notes: number
	funnelFacts: number
	/** Stage events + contact attempts + notes. */
	events: number
	seconds: number
}

export class BenchRefusal extends Error {}

const BATCH = 5_000
const DAY_MS = 86_400_000

const FIRST_NAMES = [
	'Amira',
	'Ben',
	'Chloe',
	'Dev',
	'Efua',
	'Finn',
	'Grace',
	'Hamza',
	'Isla',
	'Jamal',
	'Kate',
	'Liam',
	'Maya',
	'Noah',
	'Olivia',
	'Priya',
	'Qasim',
	'Rosa',
	'Sam',
	'Tom',
	'Uma',
	'Vikram',
	'Wendy',
	'Yusuf',
	'Zara',
	'Aled',
	'Bethan',
	'Ciaran',
	'Dylan',
	'Erin',
	'Fatima',
	'Gareth',
	'Hannah',
	'Imran',
	'Joy',
	'Kwame',
	'Leah',
	'Mohammed',
	'Niamh',
	'Owen',
]
const LAST_NAMES = [
	'Smith',
	'Jones',
	'Taylor',
	'Brown',
	'Williams',
	'Wilson',
	'Johnson',
	'Davies',
	'Patel',
	'Robinson',
	'Wright',
	'Thompson',
	'Evans',
	'Walker',
	'White',
	'Roberts',
	'Green',
	'Hall',
	'Khan',
	'Edwards',
	'Hughes',
	'Clarke',
	'Ahmed',
	'Lewis',
	'Harris',
	'Okafor',
	'Martin',
	'Jackson',
	'Wood',
	'Turner',
	'Shah',
	'Begum',
	'Murphy',
	"O'Neill",
	'Kaur',
	'Singh',
	'Nowak',
	'Mensah',
	'Campbell',
	'Reed',
]
const STAFF_NAMES = [
	'Alex Morgan',
	'Bridget Oduya',
	'Callum Reid',
	'Deborah Nash',
	'Ellis Grant',
	'Farah Siddiqui',
	'George Lamb',
	'Helen Fraser',
	'Ife Adeyemi',
	'Jack Dunn',
	'Kirsty Bell',
	'Leon Barker',
	'Megan Price',
	'Nadia Hussain',
	'Oliver Stone',
	'Paula Kerr',
	'Rhys Pugh',
	'Sophie Lane',
	'Tariq Aziz',
	'Vicky Moss',
]
// Managers, officers and social workers, as a fostering recruitment team is made up.
const STAFF_ROLES = ['manager', 'manager', 'manager', ...Array(11).fill('officer'), ...Array(6).fill('social_worker')]
const POSTCODE_DISTRICTS = ['ND1', 'ND2', 'ND3', 'ND4', 'ND5', 'ND7', 'ND9', 'ND11', 'ND12', 'ND14', 'ND15', 'ND20']
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
const HOUSEHOLDS = [
	'Just me',
	'Me and my partner',
	'My partner and our two children',
	'Me, my wife and our teenage son',
]
const INTERESTS = [
	'["long_term"]',
	'["short_term","short_breaks"]',
	'["not_sure"]',
	'["teenagers","long_term"]',
	'["emergency"]',
]
const CONTACT_METHODS = ['call', 'call', 'call', 'email', 'email', 'text', 'visit']
const CONTACT_OUTCOMES = ['answered', 'answered', 'no_answer', 'left_message']
const NOTES = [
	'Spoke about the difference between short-term and long-term fostering.',
	'Asked about allowances and how they work with Universal Credit.',
	'Keen to go ahead once their youngest starts school.',
	'Sent the information pack and the dates of the next information evening.',
	'References chased by email.',
	'Checked the spare room on the home visit: fine.',
]
// Where the live pipeline sits: most households are early on (docs/domain.md's funnel).
const OPEN_STAGE_WEIGHTS: [StageKey, number][] = [
	['enquiry', 22],
	['initial_contact', 18],
	['initial_visit', 14],
	['application', 10],
	['stage_1', 10],
	['stage_2', 14],
	['panel', 4],
	['approved', 8],
]
// Where closed households left: mostly before applying.
const CLOSED_STAGE_WEIGHTS: [StageKey, number][] = [
	['enquiry', 30],
	['initial_contact', 25],
	['initial_visit', 20],
	['application', 10],
	['stage_1', 8],
	['stage_2', 5],
	['panel', 2],
]
const CHANNEL_WEIGHTS: Record<string, number> = {
	search: 30,
	social: 15,
	paid_social: 15,
	radio: 5,
	print: 5,
	event: 8,
	word_of_mouth: 12,
	referral: 6,
	other: 4,
}

const HOW_HEARD_FOR = new Map<string, string>(HOW_HEARD_OPTIONS.map((option) => [option.channel, option.value]))

type ExitReasonRow = { id: string; key: string; endedBy: string }

/** Timestamps as Prisma's SQLite adapter writes them (ISO 8601 with +00:00). */
const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
const dayMs = (date: CalendarDate) => Date.parse(`${date}T00:00:00Z`)

// A bijection on [0, 32^6): n -> six base-32 characters that look random but never repeat.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_SPACE = 2 ** 30
function code(n: number, multiplier: number): string {
	let value = Number((BigInt(n) * BigInt(multiplier)) % BigInt(CODE_SPACE))
	let text = ''
	for (let i = 0; i < 6; i++) {
		text = ALPHABET[value & 31] + text
		value >>>= 5
	}
	return text
}

export function generateBenchData(db: Database.Database, options: BenchOptions): BenchSummary {
	const started = performance.now()
	const households = options.households
	const eventsPerHousehold = options.eventsPerHousehold ?? 20
	const openShare = options.openShare ?? 0.9
	const seed = options.seed ?? 1
	const today = options.today ?? londonDate(new Date())
	if (!Number.isSafeInteger(households) || households < 1)
		throw new BenchRefusal('--households must be a whole number of 1 or more')
	if (!Number.isFinite(eventsPerHousehold) || eventsPerHousehold < 0)
		throw new BenchRefusal('--events-per-household must be 0 or more')
	if (!(openShare >= 0 && openShare <= 1)) throw new BenchRefusal('--open-share must be between 0 and 1')
	if (options.years !== undefined && !(options.years > 0 && options.years <= 20))
		throw new BenchRefusal('--years must be more than 0 and at most 20')
	const historyDays = options.years === undefined ? 0 : Math.round(options.years * 365)
	const random = mulberry32(seed)
	const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
	const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!
	const weighted = <T>(items: readonly [T, number][]): T => {
		const total = items.reduce((sum, [, weight]) => sum + weight, 0)
		let r = random() * total
		for (const [item, weight] of items) if ((r -= weight) < 0) return item
		return items[items.length - 1]![0]
	}
	// Campaign tags as the demo data has them (prisma/demo-data.ts), so the funnel can be broken down by them.
	const campaignOf = (channel: string, start: CalendarDate) => {
		const year = start.slice(0, 4)
		if (channel === 'search' && random() < 0.2)
			return { source: 'google', medium: 'cpc', campaign: 'foster-northdale-search' }
		if (channel === 'social' && random() < 0.5)
			return {
				source: pick(['facebook', 'instagram', 'nextdoor']),
				medium: 'social',
				campaign: `carer-stories-${year}`,
			}
		if (channel === 'paid_social')
			return {
				source: pick(['facebook', 'instagram']),
				medium: 'paid_social',
				campaign: `${pick(['spring', 'autumn'])}-recruitment-${year}`,
			}
		return null
	}

	const existing = (db.prepare('SELECT count(*) AS n FROM "Household"').get() as { n: number }).n
	if (existing > 0 && options.reset) {
		resetHouseholds(db)
	} else if (existing > 0 && !options.append) {
		throw new BenchRefusal(
			`The database already has ${existing.toLocaleString(
				'en-GB'
			)} households. Add --append to add to them, or --reset to delete them first.`
		)
	}
	const offset = options.reset ? 0 : existing
	// Ids and keys unique to this run, so --append never clashes with an earlier run.
	const tag = `${seed.toString(36)}x${offset.toString(36)}`

	const channels = (
		db.prepare('SELECT "id", "key" FROM "Channel" WHERE "retiredAt" IS NULL').all() as { id: string; key: string }[]
	).map((channel) => [channel, CHANNEL_WEIGHTS[channel.key] ?? 3] as [{ id: string; key: string }, number])
	if (channels.length === 0)
		throw new BenchRefusal('The database has no channels: is it migrated? Run `npm run setup` first.')
	const exitReasons = db
		.prepare('SELECT "id", "key", "endedBy" FROM "ExitReason" WHERE "retiredAt" IS NULL')
		.all() as ExitReasonRow[]
	const exitReasonById = new Map(exitReasons.map((reason) => [reason.id, reason]))
	const leavingReasons = exitReasons.filter((reason) => reason.endedBy !== 'not_approved')
	const panelReasons = exitReasons.filter((reason) => reason.endedBy === 'not_approved')

	const insert = {
		staff: db.prepare('INSERT INTO "StaffUser" ("id", "email", "name", "role", "createdAt") VALUES (?, ?, ?, ?, ?)'),
		contact: db.prepare(
			`INSERT INTO "ContactAttempt" ("id", "householdId", "method", "outcome", "occurredAt", "actorId", "recordedAt")
			VALUES (?, ?, ?, ?, ?, ?, ?)`
		),
		note: db.prepare(
			'INSERT INTO "HouseholdNote" ("id", "householdId", "authorId", "body", "createdAt") VALUES (?, ?, ?, ?, ?)'
		),
	}
	const writeRows = bulkRowWriter(db)
	const now = new Date()
	// The household writer's intake step, with what the app would read: the demo service's targets
	// (no closure days), and this database's exit reasons and channels.
	const context: IntakeContext = {
		now,
		clocks: { today, targetsOn: () => DEMO_SERVICE_CONFIG.targets },
		endedBy: new Map(exitReasons.map((reason) => [reason.key, reason.endedBy])),
		channelKeys: new Map(channels.map(([channel]) => [channel.id, channel.key])),
		referringCodeIds: new Set(),
		newId: () => {
			throw new Error('Every bench row has an id of its own')
		},
	}

	const summary: BenchSummary = {
		households: 0,
		open: 0,
		onHold: 0,
		closed: 0,
		kinship: 0,
		staff: 0,
		applicants: 0,
		enquiries: 0,
		stageEvents: 0,
		contactAttempts: 0,
		notes: 0,
		funnelFacts: 0,
		events: 0,
		seconds: 0,
	}

	// The team: about twenty staff who own households and write their histories.
	const staff: { id: string; role: string }[] = []
	const nowStamp = stamp(now.getTime())
	db.transaction(() => {
		for (const [index, role] of STAFF_ROLES.entries()) {
			const id = `bs_${tag}_${index}`
			const name = STAFF_NAMES[index % STAFF_NAMES.length]!
			insert.staff.run(id, `bench.${tag}.${index}@northdale.example`, name, role, nowStamp)
			staff.push({ id, role })
		}
	})()
	summary.staff = staff.length
	const earlyOwners = staff.filter((person) => person.role !== 'social_worker')
	const assessors = staff.filter((person) => person.role === 'social_worker')
	const todayMs = dayMs(today)

	const writeHousehold = (n: number) => {
		const serial = offset + n
		const id = `bh_${tag}_${n.toString(36)}`
		let closed = random() >= openShare
		const stage = weighted(closed ? CLOSED_STAGE_WEIGHTS : OPEN_STAGE_WEIGHTS)
		const stageIndex = STAGE_KEYS.indexOf(stage)
		const journey = int(stageIndex * 15 + (closed ? 5 : 0), stageIndex * 45 + 30)
		// With --years the enquiry may be long ago: the journey then ends in the past, and a household
		// that would have sat in one stage for more than six months since has left from it.
		const ago = historyDays ? int(0, historyDays) : Math.min(730, journey)
		if (historyDays && !closed && stage !== 'approved' && ago > journey + 180) closed = true
		const onHold = !closed && stage !== 'approved' && random() < 0.05
		const pastHold = !closed && !onHold && stage !== 'approved' && random() < 0.1
		const kinship = random() < 0.1

		// The journey: one event per stage reached, then a past hold and resume, a hold, or an exit.
		const span = Math.min(ago, journey)
		const start = addCalendarDays(today, -ago)
		const kinds: { kind: string; from: StageKey | null; to: StageKey | null }[] = STAGE_KEYS.slice(
			0,
			stageIndex + 1
		).map((to, index) => ({ kind: 'entered', from: index === 0 ? null : STAGE_KEYS[index - 1]!, to }))
		if (stage === 'stage_2' && random() < 0.5) kinds.push({ kind: 'completed', from: 'stage_1', to: null })
		if (pastHold) kinds.push({ kind: 'hold', from: null, to: null }, { kind: 'resume', from: null, to: null })
		if (onHold) kinds.push({ kind: 'hold', from: null, to: null })
		if (closed) kinds.push({ kind: 'exit', from: stage, to: null })
		// Dates in order from the enquiry to today (several on one day is allowed).
		const offsets = kinds.map((_, index) => (index === 0 ? 0 : int(0, span))).sort((a, b) => a - b)
		const events: (RecordedStageEvent & { recordedAt: number })[] = kinds.map((event, index) => {
			const businessDate = addCalendarDays(start, offsets[index]!)
			const exitReasonId =
				event.kind === 'exit'
					? ((stage === 'panel' && random() < 0.5 ? pick(panelReasons) : pick(leavingReasons))?.id ?? null)
					: null
			return {
				kind: event.kind,
				fromStage: event.from,
				toStage: event.to,
				businessDate,
				exitReasonId,
				reviewOn:
					event.kind === 'hold'
						? addCalendarDays(onHold && index === kinds.length - 1 ? today : businessDate, int(7, 60))
						: null,
				// Recorded in the order they happened, a second apart on the same day.
				recordedAt: dayMs(businessDate) + 9 * 3_600_000 + index * 1000,
			}
		})
		const replayed = tryReplay(events)
		if (!replayed.ok)
			throw new Error(
				`Generated an invalid history for household ${serial}: event ${replayed.index}, ${replayed.problem}`
			)
		const row = householdFields(replayed.state)

		const owner =
			stage === 'enquiry' && random() < 0.4
				? null
				: stageIndex >= STAGE_KEYS.indexOf('stage_1')
					? pick(assessors)
					: pick(earlyOwners)
		const firstEnquiryMs = dayMs(start) + int(8 * 60, 21 * 60) * 60_000
		const lastName = pick(LAST_NAMES)
		const applicants = [{ firstName: pick(FIRST_NAMES), lastName, email: '', phone: '' }]
		if (random() < 0.4)
			applicants.push({
				firstName: pick(FIRST_NAMES),
				lastName: random() < 0.7 ? lastName : pick(LAST_NAMES),
				email: '',
				phone: '',
			})
		for (const [index, applicant] of applicants.entries()) {
			applicant.email = `${applicant.firstName}.${applicant.lastName}.${serial}${index ? 'b' : ''}@example.com`
				.toLowerCase()
				.replace(/'/g, '')
			// Ofcom's drama range, 07700 900000 to 900999, and the 07700 prefix's neighbours.
			applicant.phone = `07${int(700, 799)} ${String(900000 + (serial % 1000) + index).padStart(6, '0')}`
		}
		const district = pick(POSTCODE_DISTRICTS)
		const postcode = `${district} ${int(1, 9)}${pick(INWARD_LETTERS)}${pick(INWARD_LETTERS)}`
		const channel = weighted(channels)
		const utm = campaignOf(channel.key, start)
		const members = pick(HOUSEHOLDS)
		const interests = pick(INTERESTS)
		const spareBedroom = random() < 0.8 ? 'yes' : 'not_yet'
		const lastEventMs = events[events.length - 1]!.recordedAt
		const intake = (reference: string): HouseholdIntake => ({
			id,
			reference,
			route: kinship ? 'kinship' : 'mainstream',
			people: applicants.map((applicant, index) => ({ id: `ba_${tag}_${n.toString(36)}_${index}`, ...applicant })),
			postcode,
			spareBedroom,
			householdMembers: members,
			fosteringInterests: interests,
			channelId: channel.id,
			ownerId: owner?.id ?? null,
			ownerGivenBy: null,
			enquiries: [
				benchEnquiry({
					id: `bq_${tag}_${n.toString(36)}`,
					submissionKey: `bench-${tag}-${n}`,
					reference: `ENQ-${code(serial, 0x2f4a7c15)}`,
					receivedAt: new Date(firstEnquiryMs),
					person: applicants[0]!,
					postcode,
					spareBedroom,
					householdMembers: members,
					fosteringInterests: interests,
					kinship,
					howHeard: HOW_HEARD_FOR.get(channel.key) ?? 'other',
					channelId: channel.id,
					utm,
				}),
			],
			events: events.map((event, index) => ({
				id: `be_${tag}_${n.toString(36)}_${index}`,
				kind: event.kind as NewStageEvent['kind'],
				fromStage: event.fromStage as StageKey | null,
				toStage: event.toStage as StageKey | null,
				businessDate: event.businessDate,
				recordedAt: new Date(event.recordedAt),
				actorId: index === 0 ? null : (owner?.id ?? pick(earlyOwners).id),
				backdateReason: null,
				exitReasonId: event.exitReasonId ?? null,
				exitReasonKey: event.exitReasonId ? exitReasonById.get(event.exitReasonId)!.key : null,
				reviewOn: event.reviewOn ?? null,
				note: null,
			})),
			createdAt: new Date(firstEnquiryMs),
		})

		// A household reference is unique; the odd clash with one made elsewhere moves to the next code.
		for (let attempt = 0; ; attempt++) {
			const reference = `HH-${attempt === 0 ? code(serial, 0x1d3b5f7) : code(int(0, CODE_SPACE - 1), 1)}`
			try {
				writeRows(householdRows(intake(reference), context), now)
				break
			} catch (error) {
				if (attempt < 5 && String(error).includes('Household.reference')) continue
				throw error
			}
		}

		// Contact attempts and notes make up the rest of the timeline, keeping the running total on target.
		const target = Math.round((n + 1) * eventsPerHousehold)
		const extra = Math.max(0, target - summary.events - events.length)
		const spanMs = Math.max(1, Math.min(todayMs + DAY_MS - 1, lastEventMs + 30 * DAY_MS) - firstEnquiryMs)
		const notes = Math.round(extra * 0.25)
		for (let i = 0; i < extra; i++) {
			const at = stamp(firstEnquiryMs + Math.floor(random() * spanMs))
			const actor = owner ?? pick(earlyOwners)
			if (i < notes) insert.note.run(`bn_${tag}_${n.toString(36)}_${i}`, id, actor.id, pick(NOTES), at)
			else
				insert.contact.run(
					`bc_${tag}_${n.toString(36)}_${i}`,
					id,
					pick(CONTACT_METHODS),
					pick(CONTACT_OUTCOMES),
					at,
					actor.id,
					at
				)
		}

		summary.households += 1
		summary.applicants += applicants.length
		summary.enquiries += 1
		summary.stageEvents += events.length
		summary.funnelFacts += 1
		summary.notes += notes
		summary.contactAttempts += extra - notes
		summary.events += events.length + extra
		if (kinship) summary.kinship += 1
		if (row.status === 'closed') summary.closed += 1
		else if (row.status === 'on_hold') summary.onHold += 1
		else summary.open += 1
	}

	// A big load into an empty file builds the secondary indexes once at the end (a sort) instead of
	// row by row into ever larger B-trees. Unique indexes stay, so a clash still fails at once.
	const deferred = existing === 0 || options.reset ? deferIndexes(db, households, options.deferIndexesFrom) : []
	try {
		writeAll()
	} finally {
		if (deferred.length > 0) {
			options.progress?.(`  building ${deferred.length} indexes...`)
			db.transaction(() => deferred.forEach((sql) => db.exec(sql)))()
		}
	}
	summary.seconds = Math.round((performance.now() - started) / 100) / 10
	return summary

	function writeAll() {
		for (let from = 0; from < households; from += BATCH) {
			const to = Math.min(households, from + BATCH)
			db.transaction(() => {
				for (let n = from; n < to; n++) writeHousehold(n)
			})()
			if (households > BATCH) {
				const seconds = (performance.now() - started) / 1000
				options.progress?.(
					`  ${to.toLocaleString('en-GB')} of ${households.toLocaleString('en-GB')} households (${seconds.toFixed(
						1
					)} s)`
				)
			}
		}
	}
}

/**
 * The bulk path: a household's rows, as the household writer's intake step made them, inserted as
 * the writer inserts them (row-inserts.server.ts), on this connection without a Prisma
 * transaction around them. tests/integration/bench-data.test.ts shows the two store the same rows.
 */
export function bulkRowWriter(db: Database.Database) {
	const statements = new Map<string, Database.Statement>()
	const prepare: Prepare = (sql) => {
		let statement = statements.get(sql)
		if (!statement) {
			statement = db.prepare(sql)
			statements.set(sql, statement)
		}
		return statement
	}
	const insert = (table: string, rows: readonly object[]) => insertRowsWith(prepare, table, rows)
	return (rows: HouseholdRows, updatedAt: Date) => {
		insert('Household', [rows.household])
		insert('Applicant', rows.applicants)
		insert('Enquiry', rows.enquiries)
		insert('StageEvent', rows.events)
		insert('OwnerChange', rows.ownerChanges)
		insert('HouseholdNote', rows.notes)
		insert('AuditEntry', rows.audit)
		insert('FunnelFact', [{ ...rows.funnelFact, updatedAt }])
	}
}

/** A bench household's one enquiry, from the web form with no answers beyond the household's. */
function benchEnquiry(input: {
	id: string
	submissionKey: string
	reference: string
	receivedAt: Date
	person: { firstName: string; lastName: string; email: string; phone: string }
	postcode: string
	spareBedroom: string
	householdMembers: string
	fosteringInterests: string
	kinship: boolean
	howHeard: string
	channelId: string
	utm: { source: string; medium: string; campaign: string } | null
}): IntakeEnquiry {
	return {
		id: input.id,
		submissionKey: input.submissionKey,
		fingerprint: null,
		reference: input.reference,
		source: 'web',
		receivedAt: input.receivedAt,
		...input.person,
		postcode: input.postcode,
		bestTimeToCall: 'any',
		spareBedroom: input.spareBedroom,
		householdMembers: input.householdMembers,
		fosteringInterests: input.fosteringInterests,
		isKinship: input.kinship,
		kinshipDetails: input.kinship ? 'My granddaughter has been living with us since the spring.' : null,
		howHeard: input.howHeard,
		howHeardOther: null,
		channelId: input.channelId,
		utmSource: input.utm?.source ?? null,
		utmMedium: input.utm?.medium ?? null,
		utmCampaign: input.utm?.campaign ?? null,
		utmContent: null,
		referringSite: null,
		landingPage: null,
		referralCodeText: null,
		referralCodeId: null,
		consentGiven: true,
		consentWording: 'I agree to be contacted about fostering',
		privacyNoticeUrl: '/privacy',
	}
}

const BULK_TABLES = ['Household', 'Applicant', 'Enquiry', 'StageEvent', 'ContactAttempt', 'HouseholdNote', 'FunnelFact']
/** From this many households a load defers its indexes; small loads (the tests, the pipeline bench) keep them. */
const DEFER_INDEXES_FROM = 100_000

/** Drops the bulk tables' non-unique indexes for a big load; returns the SQL that makes them again. */
function deferIndexes(db: Database.Database, households: number, from = DEFER_INDEXES_FROM): string[] {
	if (households < from) return []
	const indexes = db
		.prepare(
			`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL
			AND "sql" NOT LIKE 'CREATE UNIQUE%' AND "tbl_name" IN (${BULK_TABLES.map(() => '?').join(', ')})`
		)
		.all(...BULK_TABLES) as { name: string; sql: string }[]
	db.transaction(() => indexes.forEach((index) => db.exec(`DROP INDEX "${index.name}"`)))()
	return indexes.map((index) => index.sql)
}

/** Deletes every household and everything hanging off it, and the staff earlier runs made. */
function resetHouseholds(db: Database.Database) {
	db.transaction(() => {
		for (const table of [
			'FunnelFact',
			'StageEvent',
			'ContactAttempt',
			'HouseholdNote',
			'HouseholdTask',
			'OwnerChange',
			'Applicant',
			'Enquiry',
		]) {
			db.prepare(`DELETE FROM "${table}"`).run()
		}
		db.prepare('DELETE FROM "OutboxMessage" WHERE "householdId" IS NOT NULL').run()
		db.prepare('DELETE FROM "AuditEntry" WHERE "householdId" IS NOT NULL').run()
		db.prepare('DELETE FROM "Household"').run()
		db.prepare(
			`DELETE FROM "StaffUser" WHERE "email" LIKE 'bench.%@northdale.example'
			AND "id" NOT IN (SELECT "actorId" FROM "AuditEntry")`
		).run()
	})()
}

/** Opens the file for a fast bulk load. The data can be made again, so a crash mid-load may lose it. */
export function openForBulkLoad(file: string) {
	const db = new Database(file, { fileMustExist: true, timeout: 5000 })
	db.pragma('journal_mode = WAL')
	db.pragma('synchronous = OFF')
	db.pragma('cache_size = -200000')
	return db
}

export function describeSummary(summary: BenchSummary, file: string): string {
	const n = (value: number) => value.toLocaleString('en-GB')
	const perSecond = summary.seconds > 0 ? Math.round((summary.events + summary.households) / summary.seconds) : 0
	return [
		`Bench data written to ${file} in ${summary.seconds} s:`,
		`  households        ${n(summary.households)} (open ${n(summary.open)}, on hold ${n(summary.onHold)}, closed ${n(
			summary.closed
		)}; kinship ${n(summary.kinship)})`,
		`  staff             ${n(summary.staff)} (managers, recruitment officers, assessing social workers; no passwords)`,
		`  applicants        ${n(summary.applicants)}`,
		`  enquiries         ${n(summary.enquiries)}`,
		`  funnel facts      ${n(summary.funnelFacts)} (one a household)`,
		`  events            ${n(summary.events)} timeline entries = stage events ${n(
			summary.stageEvents
		)} + contact attempts ${n(summary.contactAttempts)} + notes ${n(summary.notes)}`,
		`  speed             about ${n(perSecond)} households and events a second`,
	].join('\n')
}

function main() {
	const { values } = parseArgs({
		options: {
			households: { type: 'string' },
			'events-per-household': { type: 'string' },
			'open-share': { type: 'string' },
			years: { type: 'string' },
			seed: { type: 'string' },
			database: { type: 'string' },
			append: { type: 'boolean' },
			reset: { type: 'boolean' },
		},
	})
	if (!values.households) {
		console.error(
			'Usage: npm run seed:bench -- --households N [--events-per-household 20] [--open-share 0.9] [--years N] [--seed 1] [--database FILE] [--append | --reset]'
		)
		return 2
	}
	const file = values.database ?? (process.env.DATABASE_URL ?? 'file:./.data/app.db').replace(/^file:/, '')
	let db: Database.Database
	try {
		db = openForBulkLoad(file)
	} catch (error) {
		console.error(
			`Cannot open ${file}: ${
				error instanceof Error ? error.message : String(error)
			}. Run \`npm run setup\` to create it.`
		)
		return 1
	}
	try {
		const summary = generateBenchData(db, {
			households: Number(values.households),
			eventsPerHousehold:
				values['events-per-household'] === undefined ? undefined : Number(values['events-per-household']),
			openShare: values['open-share'] === undefined ? undefined : Number(values['open-share']),
			years: values.years === undefined ? undefined : Number(values.years),
			seed: values.seed === undefined ? undefined : Number(values.seed),
			append: values.append,
			reset: values.reset,
			progress: (line) => console.error(line),
		})
		db.pragma('optimize')
		console.log(describeSummary(summary, file))
		return 0
	} catch (error) {
		if (error instanceof BenchRefusal) {
			console.error(error.message)
			return 1
		}
		throw error
	} finally {
		db.close()
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main()

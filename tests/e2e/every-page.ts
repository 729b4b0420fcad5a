// Every page of the service with its parameters filled in, for the tests that must visit them all
// (page-bytes.spec.ts fetches each one; staff-layout.spec.ts opens each staff page on a phone's
// width). The URLs come from the build's route manifest, so a new page is visited without anyone
// remembering to add it; the data the pages show is written straight into the e2e database.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { LEDGER_FILTERS } from '../../app/domain/bonus-ledger-forms.ts'
import { BREAKDOWNS } from '../../app/domain/funnel.ts'
import { FUNNEL_TABLES } from '../../app/domain/funnel-tables.ts'
import { HOUSEHOLD_STATUSES, LIST_SORTS } from '../../app/domain/pipeline-filters.ts'
import { addCalendarDays, londonDate } from '../../app/domain/working-days.ts'
import { readRouteManifest } from '../support/route-manifest.ts'
import { changeE2eHousehold, createE2eHousehold } from './households.ts'
import { createCarer } from './referrers.ts'
import { createStaffMember, openE2eDatabase } from './staff.ts'

const IMPORT_CSV = path.resolve(import.meta.dirname, '..', 'fixtures', 'pipeline-import.csv')

/** Routes (by URL pattern) that are not fetched, and why. Keep this short: a page here is a page unchecked. */
export const SKIPPED: Record<string, string> = {}

/** Who fetches a page: the first rule whose pattern matches its path. */
export type Audience = 'public' | 'carer' | 'manager' | 'administrator'
const AUDIENCE_RULES: [RegExp, Audience][] = [
	// The pages for staff who are not signed in (a signed-in member of staff is sent on from them).
	[/^\/staff\/(login|forgot-password|reset-password)(\/|$)/, 'public'],
	// Staff accounts are for administrators only; managers may go everywhere else.
	[/^\/staff\/users(\/|$)/, 'administrator'],
	[/^\/staff(\/|$)/, 'manager'],
	// The portal's pages behind the carer's sign-in.
	[/^\/refer\/(home|invite|payments)(\/|$)/, 'carer'],
	[/^/, 'public'],
]
/** Pages fetched by more than the one audience the rules give. */
const EXTRA_AUDIENCES: Record<string, Audience[]> = {
	// Says "you are signed in" to a carer.
	'/refer': ['carer'],
}

/** The answer a route gives when it is not 200 with a page. */
const EXPECTED_STATUS: Record<string, number> = {
	'/*': 404,
	'/api/event': 405,
	'/webhooks/stripe': 405,
	'/refer/sign-out': 302,
	'/staff/logout': 302,
}

/** The URL patterns of every route (a layout and its index route share one), from the build's manifest. */
export function routePatterns() {
	return [...new Set(readRouteManifest().map((route) => route.pattern))].sort()
}

/** The parameter a URL pattern's segment stands for: `:name` is one, `*` the rest of the path (a splat). */
function paramOf(segment: string): string | null {
	if (segment === '*') return '*'
	return segment.startsWith(':') ? segment.slice(1) : null
}

/** Everything the pages show, written into the e2e database (which has no demo data). */
export async function createPageData() {
	const suffix = crypto.randomUUID().slice(0, 8)
	const now = new Date()
	const at = now.toISOString()
	const today = londonDate(now)
	const manager = createStaffMember('manager', 'Siân Ó Briain')
	const administrator = createStaffMember('administrator', 'Zoë Ærøskøbing')
	const carerName = 'Jürgen Łukasz-Ñúñez'
	const carer = createCarer(carerName)
	const enquiryReference = `ENQ-${randomReference()}`
	const referred = await createE2eHousehold({
		firstName: 'Zoë',
		lastName: 'Núñez',
		stage: 'approved',
		enquiryReference,
	})
	const closed = await createE2eHousehold({ firstName: 'Chloë', lastName: 'Brontë', stage: 'initial_visit' })
	const onHold = await createE2eHousehold({ firstName: 'Dafydd', lastName: 'ap Siôn', stage: 'application' })
	// The same family enquiring again: a possible match for an officer to decide.
	const again = await createE2eHousehold({ firstName: 'Zoë', lastName: 'Núñez' })
	await changeE2eHousehold(closed.id, manager, {
		type: 'close',
		endedBy: 'household',
		exitReasonKey: 'housing',
		businessDate: today,
		note: 'Moving to Ystradgynlais – no spare room',
	})
	await changeE2eHousehold(onHold.id, manager, {
		type: 'hold',
		businessDate: today,
		reviewOn: addCalendarDays(today, 1),
		note: 'Back after Eisteddfod – Siôn’s exams',
	})
	const matchId = `match-${suffix}`
	const referralId = `referral-${suffix}`
	const entryIds = LEDGER_ENTRIES.map((entry) => `entry-${entry.milestone}-${suffix}`)
	const importId = `import-${suffix}`
	const carerImportId = `carer-import-${suffix}`
	const messageId = `message-${suffix}`
	const resetToken = crypto.randomBytes(32).toString('base64url')
	const signInToken = crypto.randomBytes(32).toString('base64url')
	const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex')
	const db = openE2eDatabase()
	try {
		db.transaction(() => {
			db.prepare(
				`INSERT INTO Referral (id, referrerId, householdId, via, referredOn, status, countedHouseholdId, schemeId, createdAt, updatedAt)
				VALUES (?, ?, ?, 'link', ?, 'counted', ?, 'initial-bonus-scheme', ?, ?)`
			).run(referralId, carer.id, referred.id, today, referred.id, at, at)
			LEDGER_ENTRIES.forEach((entry, index) => {
				db.prepare(
					`INSERT INTO BonusEntry (id, referralId, milestone, payeeId, amountPence, status, earnedOn, paidOn, paymentMethod,
					paymentReference, paidAt, voidReason, voidedAt, createdAt, updatedAt)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				).run(
					entryIds[index],
					referralId,
					entry.milestone,
					carer.id,
					entry.amountPence,
					entry.status,
					entry.status === 'pending' ? null : today,
					entry.status === 'paid' ? today : null,
					entry.status === 'paid' ? 'payroll' : null,
					entry.status === 'paid' ? 'PAYROLL – £250 “welcome”' : null,
					entry.status === 'paid' ? at : null,
					entry.status === 'void' ? 'Referred twice – the café’s noticeboard' : null,
					entry.status === 'void' ? at : null,
					at,
					at
				)
			})
			// Notes in scripts of two, three and four bytes a character, long enough that chunk
			// boundaries of any size fall inside them; each shows twice (recent notes and timeline).
			for (const body of MULTI_BYTE_NOTES) {
				db.prepare('INSERT INTO HouseholdNote (id, householdId, authorId, body, createdAt) VALUES (?, ?, ?, ?, ?)').run(
					crypto.randomUUID(),
					referred.id,
					manager.id,
					body,
					at
				)
			}
			db.prepare(
				'INSERT INTO HouseholdTask (id, householdId, title, dueOn, assigneeId, createdById, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)'
			).run(
				crypto.randomUUID(),
				referred.id,
				'Ring Zoë about the £250 – “welcome” bonus',
				today,
				manager.id,
				manager.id,
				at
			)
			db.prepare(
				'INSERT INTO ImportJob (id, createdById, createdAt, filename, csv, status, totalRows) VALUES (?, ?, ?, ?, ?, ?, ?)'
			).run(importId, manager.id, at, 'pipeline – Núñez.csv', fs.readFileSync(IMPORT_CSV, 'utf8'), 'checked', 0)
			db.prepare(
				'INSERT INTO ImportJob (id, kind, createdById, createdAt, filename, csv, status, totalRows) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
			).run(
				carerImportId,
				'carers',
				manager.id,
				at,
				'carers – Siân.csv',
				'name,email\nSiân Llŷr,sian.llyr@example.com\n',
				'checked',
				1
			)
			db.prepare(
				`INSERT INTO OutboxMessage (id, template, toAddress, subject, html, text, status, createdAt, householdId)
				VALUES (?, 'enquiry-acknowledgement', ?, ?, ?, ?, 'sent', ?, ?)`
			).run(
				messageId,
				'zoe.nunez@example.com',
				'Your £250 bonus – thank you, Zoë',
				'<p>Diolch – £250 is on its way. 寄养家庭</p>',
				'Diolch – £250 is on its way. 寄养家庭',
				at,
				referred.id
			)
			db.prepare(
				`INSERT INTO PossibleMatch (id, newHouseholdId, newReference, existingHouseholdId, matchedOn, status, createdAt)
				VALUES (?, ?, ?, ?, '["name_postcode"]', 'open', ?)`
			).run(matchId, again.id, again.reference, referred.id, at)
			db.prepare('INSERT INTO PasswordReset (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)').run(
				hash(resetToken),
				administrator.id,
				at,
				new Date(now.getTime() + 3600_000).toISOString()
			)
			db.prepare('INSERT INTO SignInLink (id, audience, subjectId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)').run(
				hash(signInToken),
				'carer',
				carer.id,
				at,
				new Date(now.getTime() + 3600_000).toISOString()
			)
		})()
		const first = (sql: string) => (db.prepare(sql).get() as { id: string }).id
		return {
			manager,
			administrator,
			carer,
			enquiryReference,
			/** Text that must be on these pages, so the multi-byte data is known to have been fetched. */
			shown: {
				[`/staff/households/${referred.id}`]: MULTI_BYTE_NOTES,
				'/staff/bonuses?status=all': ['£250', carerName],
			} as Record<string, string[]>,
			/** Values for routes' parameters, by the URL segment before the first one. */
			bindings: {
				households: [{ id: referred.id, referralId }, { id: closed.id }, { id: onHold.id }, { id: again.id, matchId }],
				bonuses: entryIds.map((id) => ({ id })),
				carers: [{ id: carer.id }],
				// The households' import page takes :id, the carers' :jobId.
				import: [{ id: importId }, { jobId: carerImportId }],
				mailbox: [{ id: messageId }],
				users: [{ id: manager.id }, { id: administrator.id }],
				channels: [{ id: first('SELECT id FROM Channel ORDER BY sortOrder LIMIT 1') }],
				'exit-reasons': [{ id: first('SELECT id FROM ExitReason ORDER BY sortOrder LIMIT 1') }],
				'reset-password': [{ token: resetToken }],
				'sign-in': [{ token: signInToken }],
				r: [{ code: carer.code }],
				// The splat of the not-found page.
				'': [{ '*': 'no-such-page/at-all' }],
			} as Record<string, Record<string, string>[]>,
		}
	} finally {
		db.close()
	}
}

export type PageData = Awaited<ReturnType<typeof createPageData>>

const LEDGER_ENTRIES = [
	{ milestone: 'approved', amountPence: 25000, status: 'earned' },
	{ milestone: 'placement', amountPence: 25000, status: 'void' },
	{ milestone: 'welcome', amountPence: 25000, status: 'paid' },
]

const MULTI_BYTE_NOTES = [
	'我们一家人想了解寄养孩子的事情，请在周末给我们打电话。'.repeat(12),
	'Ζούμε στο Λιντς και θέλουμε να γίνουμε ανάδοχοι γονείς. '.repeat(8),
	'نحن عائلة من ليدز ونرغب في أن نصبح أسرة حاضنة. '.repeat(10),
	'🏠👨‍👩‍👧‍👦💷'.repeat(40),
	'£250 – “thank you” – Siân’s café, Llanfairpwllgwyngyll. '.repeat(12),
	'寄养家庭的培训在星期三晚上。'.repeat(20),
]

/** A reference the service could have made (capitals and digits without look-alikes). */
function randomReference() {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
	return Array.from(crypto.randomBytes(6), (byte) => alphabet[byte % alphabet.length]).join('')
}

/** The queries each route is fetched with besides none ('' is the bare address). */
function queriesFor(pattern: string, data: PageData): string[] {
	const queries: Record<string, string[]> = {
		'/': ['', `?ref=${data.carer.code}`],
		'/enquire': ['', `?ref=${data.carer.code}`],
		'/enquire/confirmation': ['', `?reference=${data.enquiryReference}`],
		'/staff/bonuses': ['', ...LEDGER_FILTERS.map((status) => `?status=${status}`)],
		'/staff/carers': ['', `?q=${encodeURIComponent('Jürgen')}`],
		'/staff/funnel': ['', '?mode=cohort', ...BREAKDOWNS.map((by) => `?by=${by}`)],
		// The CSV routes answer 404 without a table.
		'/staff/funnel.csv': FUNNEL_TABLES.map((table) => `?table=${table}`),
		'/staff/pipeline': ['', '?route=kinship'],
		'/staff/pipeline/list': [
			'',
			...HOUSEHOLD_STATUSES.map((status) => `?status=${status}`),
			...LIST_SORTS.map((sort) => `?sort=${sort}`),
			`?q=${encodeURIComponent('Núñez')}`,
		],
		'/staff/reports/referrals.csv': ['?table=months', '?table=stages'],
		'/staff/reports/response-times': ['', '?route=kinship'],
		'/staff/reports/response-times.csv': ['?table=weekly', '?table=breaches'],
	}
	return queries[pattern] ?? ['']
}

type Fetch = { pattern: string; url: string; audience: Audience; status: number }

/** The URLs of every route, with their parameters filled, or why a route has none. */
export function plannedFetches(data: PageData) {
	const fetches: Fetch[] = []
	const problems: string[] = []
	for (const pattern of routePatterns()) {
		if (pattern in SKIPPED) continue
		const segments = pattern.split('/').filter(Boolean)
		const params = segments.flatMap((segment) => paramOf(segment) ?? [])
		const firstParam = segments.findIndex((segment) => paramOf(segment) !== null)
		const collection = firstParam === -1 ? null : (segments[firstParam - 1] ?? '')
		const bindings =
			collection === null
				? [{}]
				: (data.bindings[collection] ?? []).filter((binding) => params.every((param) => param in binding))
		if (bindings.length === 0) {
			problems.push(
				`${pattern}: no values for ${params.join(', ')} (add them to the bindings, or skip it with a reason)`
			)
			continue
		}
		for (const binding of bindings as Record<string, string>[]) {
			const fill = (segment: string) => {
				const param = paramOf(segment)
				return param === null ? segment : binding[param]!
			}
			const pathname = `/${segments.map(fill).join('/')}`
			const rule = AUDIENCE_RULES.find(([pattern]) => pattern.test(pathname))!
			for (const audience of [rule[1], ...(EXTRA_AUDIENCES[pattern] ?? [])]) {
				for (const query of queriesFor(pattern, data)) {
					fetches.push({ pattern, url: pathname + query, audience, status: EXPECTED_STATUS[pattern] ?? 200 })
				}
			}
		}
	}
	for (const pattern of Object.keys(SKIPPED)) {
		if (!routePatterns().includes(pattern)) problems.push(`${pattern} is skipped but no longer exists`)
	}
	return { fetches, problems }
}

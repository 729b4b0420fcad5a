import { normaliseEmail } from '~/domain/email-address.ts'
import { householdDisplayName, householdSearchText } from '~/domain/household-search.ts'
import {
	checkRows,
	createRowChecker,
	readImportFile,
	type ImportContext,
	type ImportedHousehold,
	type ImportError,
} from '~/domain/pipeline-import.ts'
import { applicantKeys, matchKeys } from '~/domain/possible-matches.ts'
import { newReference } from '~/domain/reference.ts'
import { funnelFacts, type FunnelFactFields } from '~/domain/funnel-facts.ts'
import { householdFields } from '~/domain/stage-machine.ts'
import { isStaffRole } from '~/domain/staff.ts'
import { stageNames, STAGE_KEYS, type StageKey } from '~/domain/stages.ts'
import { londonInstant } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/utils/auth.server.ts'
import { now, today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import type { AuditAction } from './audit.server.ts'
import { createImportJob, finishImportJob, importJobFile, type ImportOutcome, type ImportRun } from './import-jobs.server.ts'
import { listChannels } from './enquiries.server.ts'
import { funnelFactContext, writeFunnelFacts } from './funnel-facts.server.ts'
import { findPossibleMatches, writePossibleMatches, type NewHouseholdKeys } from './possible-matches.server.ts'
import { exitReasonOptions } from './households.server.ts'
import { clockContext, clockFields } from './response-clocks.server.ts'
import { getServiceConfig } from './service-settings.server.ts'

// Importing an existing pipeline from CSV, as a job of the import worker (app/models/import-jobs
// .server.ts, ADR 024). An upload is checked at once and kept as a job ('checked', with every
// row's errors) for the preview. Once confirmed, a worker runs it: the rows are checked again
// against the database as it is now (in chunks, counting processedRows for the progress page),
// then every household is written in ONE transaction, so a failure anywhere leaves nothing behind
// and a run cut off part-way is simply run again by the next worker.

export const PREVIEW_ROWS = 10
const CHECK_CHUNK = 500
/** Emails or references looked up in one query. */
const LOOKUP_CHUNK = 500
/** Rows written by one INSERT. */
const INSERT_CHUNK = 2000
const WRITE_TIMEOUT_MS = 5 * 60_000

export const CONSENT_WORDING = 'Imported from the service’s records'

function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = []
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
	return out
}

/** What the checks need from the database: the service's lists, and which of `emails` are taken. */
async function importContext(actor: StaffIdentity, filename: string, emails: string[]): Promise<ImportContext> {
	const [config, channels, exitReasons, staff] = await Promise.all([
		getServiceConfig(),
		listChannels(),
		exitReasonOptions(),
		prisma.staffUser.findMany({ select: { id: true, email: true, role: true, disabledAt: true } }),
	])
	const existingEmails = new Map<string, string>()
	for (const batch of chunks([...new Set(emails)], LOOKUP_CHUNK)) {
		const applicants = await prisma.applicant.findMany({
			where: { emailNormalized: { in: batch } },
			select: { emailNormalized: true, household: { select: { reference: true } } },
		})
		for (const applicant of applicants) existingEmails.set(applicant.emailNormalized, applicant.household.reference)
	}
	return {
		today: today(),
		actor: { id: actor.id, role: actor.role },
		filename,
		stageNames: stageNames(config.stageNames),
		channels,
		exitReasons,
		staff: staff.flatMap((member) =>
			isStaffRole(member.role)
				? [{ id: member.id, email: member.email, role: member.role, disabled: member.disabledAt !== null }]
				: []
		),
		existingEmails,
	}
}

function fileEmails(rows: { values: { email: string } }[]) {
	return rows.map((row) => normaliseEmail(row.values.email)).filter(Boolean)
}

/** Checks an uploaded file and keeps it for the preview; returns the job's id. */
export async function createPipelineImport(input: { filename: string; text: string; actor: StaffIdentity }) {
	const file = readImportFile(input.text)
	let errors: ImportError[]
	let totalRows = 0
	if (!file.ok) errors = file.errors
	else {
		totalRows = file.rows.length
		const context = await importContext(input.actor, input.filename, fileEmails(file.rows))
		errors = checkRows(file.rows, createRowChecker(context)).errors
	}
	return createImportJob({
		kind: 'pipeline',
		filename: input.filename,
		csv: input.text,
		actorId: input.actor.id,
		totalRows,
		errors,
	})
}

/** The first rows of a checked file as they will be imported (with the database as it is now). */
export async function previewImport(id: string, actor: StaffIdentity): Promise<ImportedHousehold[]> {
	const job = await importJobFile(id)
	if (!job) return []
	const file = readImportFile(job.csv)
	if (!file.ok) return []
	const rows = file.rows.slice(0, PREVIEW_ROWS)
	return checkRows(rows, createRowChecker(await importContext(actor, job.filename, fileEmails(rows)))).households
}

/**
 * Runs a claimed pipeline import (app/integrations/import-worker.server.ts). Every change to the
 * job goes through `run`, which makes it only while the job is still this run's: a run that was
 * taken over stops, and writes nothing.
 */
export async function runPipelineImport(run: ImportRun): Promise<ImportOutcome> {
	const { claim, actor } = run
	const file = readImportFile(claim.csv)
	if (!file.ok) return { status: 'rejected', errors: file.errors }

	// Checked again: the database may have changed since the preview (someone added one of
	// these households by hand, an owner's account was turned off).
	const checkRow = createRowChecker(await importContext(actor, claim.filename, fileEmails(file.rows)))
	const households: ImportedHousehold[] = []
	const errors: ImportError[] = []
	let processed = 0
	for (const batch of chunks(file.rows, CHECK_CHUNK)) {
		if (run.stopping()) return { status: 'stopped' }
		const checked = checkRows(batch, checkRow)
		households.push(...checked.households)
		errors.push(...checked.errors)
		processed += batch.length
		if (!(await run.progress(processed))) return { status: 'lost' }
		// Let other requests in between chunks.
		await new Promise((resolve) => setImmediate(resolve))
	}
	if (errors.length > 0) return { status: 'rejected', errors }

	// The write cannot report progress: the lease must outlast it.
	if (!(await run.progress(processed, WRITE_TIMEOUT_MS + 60_000))) return { status: 'lost' }
	let written = false
	await prisma.$transaction(
		async (tx) => {
			written = await finishImportJob(tx, claim, households.length)
			if (written) await writeHouseholds(tx, households, { id: claim.id, filename: claim.filename, actor })
		},
		{ timeout: WRITE_TIMEOUT_MS, maxWait: WRITE_TIMEOUT_MS }
	)
	return written ? { status: 'imported', rows: households.length } : { status: 'lost' }
}

type Row = Record<string, string | number | boolean | null>

/** A timestamp as the better-sqlite3 adapter stores one (app/utils/db.server.ts): ISO 8601, '+00:00'. */
const storedTimestamp = (date: Date) => date.toISOString().replace('Z', '+00:00')

/**
 * Inserts rows a few thousand at a time, each batch sent as ONE JSON parameter that SQLite
 * unpacks itself (json_each). Prisma's createMany cost about five times as much CPU per row here
 * (measured: 0.25 ms against 0.05 ms), and the whole import holds the database's write lock while
 * it runs. Every row must give every column: no database defaults apply.
 */
async function insertRows(tx: Prisma.TransactionClient, table: string, rows: Row[]) {
	if (rows.length === 0) return
	const columns = Object.keys(rows[0]!)
	const select = columns.map((column) => `json_extract(value, '$.${column}')`).join(', ')
	const sql = `INSERT INTO "${table}" (${columns
		.map((column) => `"${column}"`)
		.join(', ')}) SELECT ${select} FROM json_each(?)`
	for (const batch of chunks(rows, INSERT_CHUNK)) {
		const json = JSON.stringify(batch, (_key, value: unknown) => (typeof value === 'boolean' ? Number(value) : value))
		await tx.$executeRawUnsafe(sql, json)
	}
}

/** Every household of the file, with its people, enquiry, history, owner, note and audit entry. */
async function writeHouseholds(
	tx: Prisma.TransactionClient,
	households: ImportedHousehold[],
	job: { id: string; filename: string; actor: StaffIdentity }
) {
	const [config, exitReasons, references, clocks, funnel, channels] = await Promise.all([
		getServiceConfig(),
		exitReasonOptions(tx),
		freshReferences(tx, households.length),
		clockContext(tx),
		funnelFactContext(tx),
		tx.channel.findMany({ select: { id: true, key: true } }),
	])
	const channelKey = new Map(channels.map((channel) => [channel.id, channel.key]))
	const endedBy = new Map(exitReasons.map((reason) => [reason.key, reason.endedBy]))
	const exitReasonId = new Map(exitReasons.map((reason) => [reason.key, reason.id]))
	const recordedAt = now()
	const at = storedTimestamp(recordedAt)
	const rows = {
		households: [] as Row[],
		applicants: [] as Row[],
		enquiries: [] as Row[],
		events: [] as Row[],
		owners: [] as Row[],
		notes: [] as Row[],
		audit: [] as Row[],
		funnel: [] as (FunnelFactFields & { householdId: string })[],
		keys: [] as NewHouseholdKeys[],
	}
	households.forEach((household, index) => {
		const id = crypto.randomUUID()
		const reference = references.households[index]!
		const enquiryReference = references.enquiries[index]!
		// Midday in London: the enquiry date, whatever the time of year.
		const enquiredAt = storedTimestamp(londonInstant(household.enquiryDate, '12:00'))
		const person = {
			firstName: household.firstName,
			lastName: household.lastName,
			email: household.email,
			phone: household.phone,
		}
		const enquiryReferences = household.theirReference
			? [enquiryReference, household.theirReference]
			: [enquiryReference]
		rows.households.push({
			id,
			reference,
			route: household.route,
			...householdFields(household.state),
			...clockFields(household.events, clocks),
			postcode: household.postcode,
			// The spreadsheet does not have the enquiry form's other answers: left empty, not guessed.
			spareBedroom: '',
			householdMembers: '',
			fosteringInterests: '[]',
			ownerId: household.ownerId,
			version: 1,
			firstEnquiryAt: enquiredAt,
			lastEnquiryAt: enquiredAt,
			createdAt: at,
			updatedAt: at,
			displayName: householdDisplayName([person]),
			searchText: householdSearchText({
				reference,
				postcode: household.postcode,
				applicants: [person],
				enquiryReferences,
			}),
			channelId: household.channelId,
		})
		rows.applicants.push({
			id: crypto.randomUUID(),
			householdId: id,
			...person,
			...applicantKeys(person, household.postcode),
			emailNormalized: household.emailNormalized,
			isPrimary: true,
			createdAt: at,
		})
		rows.keys.push({ id, reference, keys: [matchKeys(person, household.postcode)] })
		rows.enquiries.push({
			id: crypto.randomUUID(),
			householdId: id,
			submissionKey: `import:${job.id}:${household.row}`,
			reference: enquiryReference,
			source: 'import',
			receivedAt: enquiredAt,
			...person,
			postcode: household.postcode,
			bestTimeToCall: '',
			spareBedroom: '',
			householdMembers: '',
			fosteringInterests: '[]',
			isKinship: household.route === 'kinship',
			howHeard: household.howHeard,
			channelId: household.channelId,
			consentGiven: true,
			consentWording: CONSENT_WORDING,
			privacyNoticeUrl: config.privacyNoticeUrl,
		})
		// The funnel row from the history just built: nothing to read back.
		rows.funnel.push({
			householdId: id,
			...funnelFacts({
				route: household.route,
				events: household.events,
				endedBy,
				firstEnquiry: {
					channelKey: channelKey.get(household.channelId) ?? 'unknown',
					utmSource: null,
					utmMedium: null,
					utmCampaign: null,
					howHeard: household.howHeard,
				},
				interests: '[]',
				postcode: household.postcode,
				ownerId: household.ownerId,
				referred: false,
				closures: funnel.closures,
			}),
		})
		household.events.forEach((event, order) => {
			rows.events.push({
				id: crypto.randomUUID(),
				householdId: id,
				kind: event.kind,
				fromStage: event.fromStage,
				toStage: event.toStage,
				businessDate: event.businessDate,
				// One millisecond apart: a history is replayed in the order it was recorded.
				recordedAt: storedTimestamp(new Date(recordedAt.getTime() + order)),
				actorId: event.actorId,
				backdateReason: event.backdateReason,
				exitReasonId: event.exitReasonKey ? exitReasonId.get(event.exitReasonKey)! : null,
				reviewOn: event.reviewOn,
				note: event.note,
			})
		})
		if (household.ownerId)
			rows.owners.push({
				id: crypto.randomUUID(),
				householdId: id,
				fromOwnerId: null,
				toOwnerId: household.ownerId,
				actorId: job.actor.id,
				changedAt: at,
			})
		const noteLines = [
			household.theirReference ? `Reference in the service’s previous records: ${household.theirReference}` : null,
			household.notes,
		].filter(Boolean)
		if (noteLines.length > 0)
			rows.notes.push({
				id: crypto.randomUUID(),
				householdId: id,
				authorId: job.actor.id,
				body: noteLines.join('\n\n'),
				createdAt: at,
			})
		// The audit entry for each household, as recordAudit writes them (in bulk here).
		rows.audit.push({
			id: crypto.randomUUID(),
			at,
			actorId: job.actor.id,
			householdId: id,
			action: 'imported' satisfies AuditAction,
			detail: `Imported from ${job.filename} (row ${household.row})`,
		})
	})

	// A row whose email is already in the pipeline is refused before anything is written; one with
	// a known phone, or last name and postcode, is imported with a possible match for staff to check.
	const matches = await findPossibleMatches(tx, rows.keys)
	await insertRows(tx, 'Household', rows.households)
	await insertRows(tx, 'Applicant', rows.applicants)
	await writePossibleMatches(tx, matches)
	await insertRows(tx, 'Enquiry', rows.enquiries)
	await insertRows(tx, 'StageEvent', rows.events)
	await insertRows(tx, 'OwnerChange', rows.owners)
	await insertRows(tx, 'HouseholdNote', rows.notes)
	await insertRows(tx, 'AuditEntry', rows.audit)
	await writeFunnelFacts(tx, rows.funnel)
}

/** `count` household and enquiry references that no record has yet. */
async function freshReferences(tx: Prisma.TransactionClient, count: number) {
	const draw = async (kind: 'enquiry' | 'household') => {
		const drawn = new Set<string>()
		while (drawn.size < count) {
			const fresh = new Set<string>()
			while (fresh.size + drawn.size < count) {
				const reference = newReference(kind)
				if (!drawn.has(reference)) fresh.add(reference)
			}
			const candidates = [...fresh]
			const taken = new Set<string>()
			for (const batch of chunks(candidates, LOOKUP_CHUNK)) {
				const rows =
					kind === 'household'
						? await tx.household.findMany({ where: { reference: { in: batch } }, select: { reference: true } })
						: await tx.enquiry.findMany({ where: { reference: { in: batch } }, select: { reference: true } })
				for (const row of rows) taken.add(row.reference)
			}
			for (const reference of candidates) if (!taken.has(reference)) drawn.add(reference)
		}
		return [...drawn]
	}
	return { households: await draw('household'), enquiries: await draw('enquiry') }
}

/** How many households a finished import brought in, by stage and status (for its result page). */
export async function importedByStage(id: string) {
	const prefix = `import:${id}:`
	// A range on the unique submission key: the enquiries this job wrote, found through its index.
	const rows = await prisma.$queryRaw<{ stage: string; status: string; count: bigint | number }[]>`
		SELECT h."stage" AS stage, h."status" AS status, COUNT(*) AS count
		FROM "Enquiry" e JOIN "Household" h ON h."id" = e."householdId"
		WHERE e."submissionKey" >= ${prefix} AND e."submissionKey" < ${`import:${id};`}
		GROUP BY h."stage", h."status"`
	const byStage = new Map<StageKey, { open: number; onHold: number; closed: number }>(
		STAGE_KEYS.map((stage) => [stage, { open: 0, onHold: 0, closed: 0 }])
	)
	for (const row of rows) {
		const counts = byStage.get(row.stage as StageKey)
		if (!counts) continue
		const count = Number(row.count)
		if (row.status === 'closed') counts.closed += count
		else if (row.status === 'on_hold') counts.onHold += count
		else counts.open += count
	}
	return STAGE_KEYS.map((stage) => ({ stage, ...byStage.get(stage)! }))
}

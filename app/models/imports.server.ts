import crypto from 'node:crypto'
import { normaliseEmail } from '~/domain/email-address.ts'
import { NO_LINK_ATTRIBUTION, type HouseholdIntake } from '~/domain/household-intake.ts'
import {
	checkRows,
	createRowChecker,
	readImportFile,
	type ImportContext,
	type ImportedHousehold,
	type ImportError,
} from '~/domain/pipeline-import.ts'
import { newReference } from '~/domain/reference.ts'
import { isStaffRole } from '~/domain/staff.ts'
import { stageNames, STAGE_KEYS, type StageKey } from '~/domain/stages.ts'
import { londonInstant } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import {
	createImportJob,
	finishImportJob,
	importJobFile,
	type ImportOutcome,
	type ImportRun,
} from './import-jobs.server.ts'
import { listChannels } from './enquiries.server.ts'
import { rowsOf, writeHouseholds } from './household-writer.server.ts'
import { findPossibleMatches, writePossibleMatches } from './possible-matches.server.ts'
import { exitReasonOptions } from './households.server.ts'
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
			if (written) await importHouseholds(tx, households, { id: claim.id, filename: claim.filename, actor })
		},
		{ timeout: WRITE_TIMEOUT_MS, maxWait: WRITE_TIMEOUT_MS }
	)
	return written ? { status: 'imported', rows: households.length } : { status: 'lost' }
}

/** Every household of the file, with its people, enquiry, history, owner, note and audit entry. */
async function importHouseholds(
	tx: Prisma.TransactionClient,
	households: ImportedHousehold[],
	job: { id: string; filename: string; actor: StaffIdentity }
) {
	const [config, exitReasons, references] = await Promise.all([
		getServiceConfig(),
		exitReasonOptions(),
		freshReferences(tx, households.length),
	])
	const exitReasonId = new Map(exitReasons.map((reason) => [reason.key, reason.id]))
	const intakes = households.map((household, index) =>
		importIntake(household, {
			householdId: crypto.randomUUID(),
			reference: references.households[index]!,
			enquiryReference: references.enquiries[index]!,
			exitReasonId,
			privacyNoticeUrl: config.privacyNoticeUrl,
			job,
		})
	)
	const rows = await rowsOf(tx, intakes)
	// A row whose email is already in the pipeline is refused before anything is written; one with
	// a known phone, or last name and postcode, is imported with a possible match for staff to check.
	const matches = await findPossibleMatches(
		tx,
		rows.map(({ household, keys }) => ({ id: household.id, reference: household.reference, keys }))
	)
	await writeHouseholds(tx, rows)
	await writePossibleMatches(tx, matches)
}

/** A checked row as the household writer takes it: its history is the stage machine's (checkRows). */
function importIntake(
	household: ImportedHousehold,
	found: {
		householdId: string
		reference: string
		enquiryReference: string
		exitReasonId: ReadonlyMap<string, string>
		privacyNoticeUrl: string
		job: { id: string; filename: string; actor: StaffIdentity }
	}
): HouseholdIntake {
	const { job } = found
	const person = {
		firstName: household.firstName,
		lastName: household.lastName,
		email: household.email,
		phone: household.phone,
	}
	const notes = [
		household.theirReference ? `Reference in the service’s previous records: ${household.theirReference}` : null,
		household.notes,
	].filter(Boolean)
	return {
		id: found.householdId,
		reference: found.reference,
		route: household.route,
		people: [person],
		postcode: household.postcode,
		// The spreadsheet does not have the enquiry form's other answers: left empty, not guessed.
		spareBedroom: '',
		householdMembers: '',
		fosteringInterests: '[]',
		channelId: household.channelId,
		ownerId: household.ownerId,
		ownerGivenBy: job.actor.id,
		enquiries: [
			{
				id: crypto.randomUUID(),
				submissionKey: `import:${job.id}:${household.row}`,
				fingerprint: null,
				reference: found.enquiryReference,
				source: 'import',
				// Midday in London: the enquiry date, whatever the time of year.
				receivedAt: londonInstant(household.enquiryDate, '12:00'),
				...person,
				postcode: household.postcode,
				bestTimeToCall: '',
				spareBedroom: '',
				householdMembers: '',
				fosteringInterests: '[]',
				isKinship: household.route === 'kinship',
				kinshipDetails: null,
				howHeard: household.howHeard,
				howHeardOther: null,
				channelId: household.channelId,
				...NO_LINK_ATTRIBUTION,
				consentGiven: true,
				consentWording: CONSENT_WORDING,
				privacyNoticeUrl: found.privacyNoticeUrl,
			},
		],
		events: household.events.map((event) => ({
			...event,
			exitReasonId: event.exitReasonKey ? found.exitReasonId.get(event.exitReasonKey)! : null,
		})),
		otherReferences: household.theirReference ? [household.theirReference] : [],
		notes: notes.length > 0 ? [{ authorId: job.actor.id, body: notes.join('\n\n') }] : [],
		audit: [
			{ actorId: job.actor.id, action: 'imported', detail: `Imported from ${job.filename} (row ${household.row})` },
		],
	}
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

import { type ImportJobError, type ImportKind, type ImportStatus } from '~/domain/import-jobs.ts'
import { isStaffRole } from '~/domain/staff.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { claimDue } from './leases.server.ts'

// The ImportJob table, for both CSV imports (the pipeline, carers; ADR 024). A checked file waits
// for its preview to be confirmed; then it is the import worker's (app/integrations/import-worker
// .server.ts), which claims it with a lease as the outbox worker claims email. Each claim counts
// an attempt and is named by it: every later change a run makes is made only while the job is
// still importing under that attempt, so a run whose lease ran out and was taken over by another
// worker changes nothing (the two cannot both write the file).

export type ImportJobView = NonNullable<Awaited<ReturnType<typeof findImportJob>>>

/** A job a worker has claimed: `attempt` (1 = the first) names the claim. */
export type ClaimedImport = {
	id: string
	kind: ImportKind
	attempt: number
	createdById: string
	filename: string
	csv: string
}

/** Keeps a checked file for its preview; returns the job's id. */
export async function createImportJob(input: {
	kind: ImportKind
	filename: string
	csv: string
	actorId: string
	totalRows: number
	errors: readonly ImportJobError[]
}) {
	const job = await prisma.importJob.create({
		data: {
			kind: input.kind,
			createdById: input.actorId,
			filename: input.filename,
			csv: input.csv,
			status: 'checked',
			totalRows: input.totalRows,
			errors: JSON.stringify(input.errors),
		},
		select: { id: true },
	})
	return job.id
}

/** The job as its page shows it, or null (none, or one of the other import). */
export async function findImportJob(id: string, kind: ImportKind) {
	const job = await prisma.importJob.findUnique({ where: { id } })
	if (!job || job.kind !== kind) return null
	const { csv, errors, status, ...rest } = job
	return {
		...rest,
		status: status as ImportStatus,
		errors: JSON.parse(errors) as ImportJobError[],
		fileSize: csv.length,
	}
}

/** The file of a job, for its preview. */
export async function importJobFile(id: string) {
	return prisma.importJob.findUnique({ where: { id }, select: { csv: true, filename: true, kind: true } })
}

/**
 * Hands a checked job with no errors to the import worker; false if it cannot be started (it has
 * errors, or it was started already: a second click does nothing).
 */
export async function startImport(id: string, kind: ImportKind): Promise<boolean> {
	const started = await prisma.importJob.updateMany({
		where: { id, kind, status: 'checked', errors: '[]', totalRows: { gt: 0 } },
		data: { status: 'importing', processedRows: 0, attempts: 0, nextAttemptAt: now(), lockedUntil: null },
	})
	return started.count > 0
}

/** What a kind's import is given to run a claimed job (by app/integrations/import-worker.server.ts). */
export type ImportRun = {
	claim: ClaimedImport
	/** Who confirmed the import: the run acts for them. */
	actor: StaffIdentity
	/** Records the rows checked so far and renews the lease; false when the job is no longer this run's. */
	progress(processedRows: number, leaseMs?: number): Promise<boolean>
	/** True once the worker is stopping: the run hands the job back at its next step. */
	stopping(): boolean
}

/** How a run ended, short of throwing (which the worker retries, or gives up). */
export type ImportOutcome =
	| { status: 'imported'; rows: number }
	/** Rows found wrong when checked again at import time: the job fails with them, at once. */
	| { status: 'rejected'; errors: ImportJobError[] }
	/** Handed back because the worker is stopping; another worker starts it again. */
	| { status: 'stopped' }
	/** No longer this run's (taken over after its lease ran out): it wrote nothing. */
	| { status: 'lost' }

type ClaimedRow = Omit<ClaimedImport, 'attempt'> & { attempts: number | bigint }

/** Claims up to `limit` imports that are due and not held by another worker's live lease; the claim counts an attempt. */
export async function claimImportJobs(input: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedImport[]> {
	const { rows } = await claimDue<ClaimedRow>({
		table: 'ImportJob',
		waiting: 'importing',
		columns: ['id', 'kind', 'attempts', 'createdById', 'filename', 'csv'],
		countsAttempt: true,
		...input,
	})
	return rows.map(({ attempts, ...row }) => ({ ...row, attempt: Number(attempts) }))
}

/** The job while it is still this claim's: importing, under the same attempt. */
const ownedBy = (claim: ClaimedImport) => ({ id: claim.id, status: 'importing', attempts: claim.attempt })

/**
 * Records how many rows have been checked and renews the lease until `lockedUntil`; false when
 * the job is no longer this claim's (given up, or taken over), so the run must stop.
 */
export async function reportImportProgress(claim: ClaimedImport, processedRows: number, lockedUntil: Date) {
	const updated = await prisma.importJob.updateMany({ where: ownedBy(claim), data: { processedRows, lockedUntil } })
	return updated.count > 0
}

/**
 * Marks the job imported, in the transaction that writes its rows: the result commits with them,
 * so a restart between the two cannot leave a job saying nothing was imported when it all was.
 * False (write nothing) when the job is no longer this claim's.
 */
export async function finishImportJob(tx: Prisma.TransactionClient, claim: ClaimedImport, importedRows: number) {
	const finished = await tx.importJob.updateMany({
		where: ownedBy(claim),
		data: { status: 'imported', importedRows, finishedAt: now(), lockedUntil: null, lastError: null },
	})
	return finished.count > 0
}

/** Ends the job as failed with what is wrong (row errors, or why it was given up). */
export async function failImportJob(claim: ClaimedImport, errors: readonly ImportJobError[], lastError?: string) {
	await prisma.importJob.updateMany({
		where: ownedBy(claim),
		data: {
			status: 'failed',
			errors: JSON.stringify(errors),
			finishedAt: now(),
			lockedUntil: null,
			...(lastError ? { lastError } : {}),
		},
	})
}

/** After a failed attempt: the job waits until `nextAttemptAt`, unclaimed. */
export async function retryImportJob(claim: ClaimedImport, retry: { nextAttemptAt: Date; error: string }) {
	await prisma.importJob.updateMany({
		where: ownedBy(claim),
		data: { nextAttemptAt: retry.nextAttemptAt, lastError: retry.error, lockedUntil: null, processedRows: 0 },
	})
}

/** Gives a claimed job back (its worker is stopping): the next worker starts it now, and the claim is not counted. */
export async function releaseImportJob(claim: ClaimedImport) {
	await prisma.importJob.updateMany({
		where: ownedBy(claim),
		data: { lockedUntil: null, attempts: claim.attempt - 1, processedRows: 0 },
	})
}

/** The member of staff who confirmed the import, as the run acts for them; null if the account is gone. */
export async function importActor(claim: ClaimedImport): Promise<StaffIdentity | null> {
	const user = await prisma.staffUser.findUnique({
		where: { id: claim.createdById },
		select: { id: true, email: true, name: true, role: true },
	})
	return user && isStaffRole(user.role) ? { ...user, role: user.role } : null
}

/**
 * Whether a failed write clashed with a record written meanwhile (a unique email, reference or
 * submission key): trying the same file again would clash again, so it is not retried.
 */
export function isImportClash(error: unknown): boolean {
	const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ''} ${error.message}` : String(error)
	return /P2002|UNIQUE constraint failed|SQLITE_CONSTRAINT/.test(text)
}

import type { RetryPolicy } from './retry-policy.ts'

// The two CSV imports (the pipeline, carers) as one kind of background job (ADR 024): a file is
// checked and kept as a job for its preview; confirming hands it to the import worker, which
// claims it with a lease, reports its progress, and imports the whole file in one transaction or
// nothing. This is what the pages and the worker share: the statuses, the retry numbers, the
// words for what went wrong, and how far a running import has got. Pure: no database, no clock.

export const IMPORT_KINDS = ['pipeline', 'carers'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** What each import brings in, as a plural noun ("6 households", "2 carers"). */
export const IMPORT_NOUNS: Record<ImportKind, string> = { pipeline: 'households', carers: 'carers' }

export const IMPORT_STATUSES = ['checked', 'importing', 'imported', 'failed'] as const
export type ImportStatus = (typeof IMPORT_STATUSES)[number]

export function isImportStatus(value: string): value is ImportStatus {
	return (IMPORT_STATUSES as readonly string[]).includes(value)
}

/** A problem with the file (row null) or with one cell of a row (column is its heading). */
export type ImportJobError = { row: number | null; column: string | null; message: string }

/**
 * An import that fails for a passing reason (the database busy for too long, the server stopped
 * mid-way) is tried again after half a minute, then two, up to three attempts in all; one that
 * clashes with records written meanwhile is given up at once, as trying again would clash again.
 */
export const IMPORT_RETRY: RetryPolicy = {
	delaysMs: [30_000, 120_000],
	transientAttempts: 3,
	permanentAttempts: 1,
}

/** How long a worker's claim on an import lasts; renewed at every step it reports. */
export const IMPORT_LEASE_MS = 60_000

export const IMPORT_MESSAGES = {
	/** The write clashed with records added while it ran (a unique email, reference or key). */
	clashed: (kind: ImportKind) =>
		`The import could not be finished, so nothing was imported. Someone may have added one of these ${IMPORT_NOUNS[kind]} while it ran: upload the file again to check it.`,
	/** Every attempt failed, or was cut off by the server stopping (the dead letter). */
	gaveUp: (attempts: number) =>
		`The import stopped ${attempts === 1 ? 'once' : `${attempts} times`} before it could finish, so nothing was imported. Upload the file again, or ask for help if this happens again.`,
	/** The member of staff who confirmed it no longer has an account to import as. */
	noActor: 'The account that started this import no longer exists, so nothing was imported. Upload the file again.',
} as const

/** What the error summary says: the problem with the file itself, or how many rows have errors. */
export function importErrorHeadline(errors: readonly ImportJobError[]): string {
	const fileError = errors.find((error) => error.row === null)
	if (fileError) return fileError.message
	const rows = rowsWithErrors(errors)
	return `${rows} ${rows === 1 ? 'row has' : 'rows have'} errors: nothing has been imported`
}

/** How many rows have at least one error; null when the file could not be read at all. */
export function rowsWithErrors(errors: readonly ImportJobError[]): number | null {
	if (errors.some((error) => error.row === null)) return null
	return new Set(errors.map((error) => error.row)).size
}

export type ImportProgress =
	| { phase: 'waiting' }
	| { phase: 'retrying'; attempt: number; of: number }
	| { phase: 'checking'; processed: number; total: number }
	| { phase: 'writing'; total: number }

/**
 * How far an import that is running has got, for its page: waiting for a worker, waiting to try
 * again after a failed attempt, checking rows (n of total), or writing them.
 */
export function importProgress(
	job: {
		totalRows: number
		processedRows: number
		attempts: number
		lastError: string | null
		lockedUntil: Date | null
	},
	now: Date
): ImportProgress {
	const claimed = job.lockedUntil !== null && job.lockedUntil > now
	if (!claimed) {
		if (job.attempts > 0 && job.lastError)
			return { phase: 'retrying', attempt: job.attempts + 1, of: IMPORT_RETRY.transientAttempts ?? job.attempts + 1 }
		return { phase: 'waiting' }
	}
	if (job.processedRows < job.totalRows)
		return { phase: 'checking', processed: job.processedRows, total: job.totalRows }
	return { phase: 'writing', total: job.totalRows }
}

/** Errors shown on one page of an import's preview or result. */
export const IMPORT_ERRORS_PER_PAGE = 100

/**
 * A job as both import pages show it: its counts, one page of its errors with the summary's
 * headline, and how far it has got while it runs.
 */
export function importJobView(
	job: {
		id: string
		status: ImportStatus
		filename: string
		totalRows: number
		processedRows: number
		importedRows: number
		attempts: number
		lastError: string | null
		lockedUntil: Date | null
		errors: readonly ImportJobError[]
	},
	options: { page: number; now: Date }
) {
	const pages = Math.max(1, Math.ceil(job.errors.length / IMPORT_ERRORS_PER_PAGE))
	const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pages)
	return {
		id: job.id,
		status: job.status,
		filename: job.filename,
		totalRows: job.totalRows,
		processedRows: job.processedRows,
		importedRows: job.importedRows,
		errors: job.errors.slice((page - 1) * IMPORT_ERRORS_PER_PAGE, page * IMPORT_ERRORS_PER_PAGE),
		errorCount: job.errors.length,
		rowsWithErrors: rowsWithErrors(job.errors),
		headline: importErrorHeadline(job.errors),
		progress: job.status === 'importing' ? importProgress(job, options.now) : null,
		page,
		pages,
	}
}

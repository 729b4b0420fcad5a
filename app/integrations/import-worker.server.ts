import {
	IMPORT_LEASE_MS,
	IMPORT_MESSAGES,
	IMPORT_RETRY,
	type ImportKind,
	type ImportJobError,
} from '~/domain/import-jobs.ts'
import { afterFailure, mayAttempt } from '~/domain/retry-policy.ts'
import { runCarerImport } from '~/models/carer-import.server.ts'
import {
	claimImportJobs,
	failImportJob,
	importActor,
	isImportClash,
	releaseImportJob,
	reportImportProgress,
	retryImportJob,
	type ClaimedImport,
	type ImportOutcome,
	type ImportRun,
} from '~/models/import-jobs.server.ts'
import { runPipelineImport } from '~/models/imports.server.ts'
import { now as clockNow } from '~/utils/clock.server.ts'
import { workerRegistry, type LeasedWorker, type WorkerOptions } from './leased-worker.server.ts'

// Runs the CSV imports (the pipeline's and the carers'; ADR 024) in the background, on the same
// leased loop as the outbox and payment workers: each server process runs one
// (background-jobs.server.ts), and a lease keeps two from running the same import. The lease is
// renewed at every step a run reports, so a run cut off by a crash is taken over by another
// worker once its lease has run out, and runs again from the start (its write is one
// transaction, so nothing of the cut-off run was kept). An import that fails for a passing
// reason is retried with backoff; one that clashes with records written meanwhile fails at once;
// after its last attempt (a crash counts as one) it is dead: failed, with the reason on its page.

export type ImportWorkerOptions = WorkerOptions & {
	logger?: Pick<Console, 'warn' | 'error'>
}

export type ImportWorker = LeasedWorker

const RUNNERS: Record<ImportKind, (run: ImportRun) => Promise<ImportOutcome>> = {
	pipeline: runPipelineImport,
	carers: runCarerImport,
}

const workers = workerRegistry()

/** Wakes this process's import worker after an import was confirmed (after the commit). */
export function wakeImports() {
	workers.wake()
}

const fileProblem = (message: string): ImportJobError[] => [{ row: null, column: null, message }]

export function startImportWorker(options: ImportWorkerOptions): ImportWorker {
	const now = options.now ?? clockNow
	const logger = options.logger ?? console
	const leaseMs = options.leaseMs ?? IMPORT_LEASE_MS

	async function runOne(claim: ClaimedImport, worker: { stopping(): boolean }) {
		const name = `Imports: ${claim.kind} import ${claim.id}`
		// Claimed once more than its attempts allow: the ones before were all cut off.
		if (!mayAttempt(IMPORT_RETRY, claim.attempt)) {
			await failImportJob(claim, fileProblem(IMPORT_MESSAGES.gaveUp(claim.attempt - 1)), 'Cut off on every attempt')
			logger.error(`${name} given up: its last ${claim.attempt - 1} attempts were cut off before they finished`)
			return
		}
		const actor = await importActor(claim)
		if (!actor) return void (await failImportJob(claim, fileProblem(IMPORT_MESSAGES.noActor)))
		try {
			const outcome = await RUNNERS[claim.kind]({
				claim,
				actor,
				progress: (processedRows, forMs = leaseMs) =>
					reportImportProgress(claim, processedRows, new Date(now().getTime() + forMs)),
				stopping: worker.stopping,
			})
			if (outcome.status === 'rejected') await failImportJob(claim, outcome.errors)
			else if (outcome.status === 'stopped') await releaseImportJob(claim)
			else if (outcome.status === 'lost') logger.warn(`${name}: taken over by another worker, this run stopped`)
		} catch (error) {
			await afterFailedAttempt(claim, error, name)
		}
	}

	async function afterFailedAttempt(claim: ClaimedImport, error: unknown, name: string) {
		const clash = isImportClash(error)
		const described = error instanceof Error ? error.message : String(error)
		const outcome = afterFailure(IMPORT_RETRY, {
			failedAttempts: claim.attempt,
			permanent: clash,
			now: now(),
			random: options.random,
		})
		if (outcome.status === 'retry') {
			await retryImportJob(claim, { nextAttemptAt: outcome.nextAttemptAt, error: described })
			logger.warn(
				`${name} failed on attempt ${claim.attempt}, will retry at ${outcome.nextAttemptAt.toISOString()}`,
				error
			)
			return
		}
		const message = clash ? IMPORT_MESSAGES.clashed(claim.kind) : IMPORT_MESSAGES.gaveUp(claim.attempt)
		await failImportJob(claim, fileProblem(message), described)
		logger.error(`${name} failed on attempt ${claim.attempt} and was given up`, error)
	}

	return workers.start({
		name: 'Imports',
		pollMs: options.pollMs,
		now,
		// One at a time: an import holds the write lock while it writes.
		batchSize: 1,
		leaseMs,
		claim: (input) => claimImportJobs(input),
		release: releaseImportJob,
		handle: runOne,
		describeError: String,
		logger,
	})
}

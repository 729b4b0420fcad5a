import { checkCarerImport, importFileEmails, type CarerImportCheck } from '~/domain/carer-import.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { createCarerWithCode } from './bonus-milestones.server.ts'
import { carerEmailsTaken } from './carer-records.server.ts'
import { createImportJob, finishImportJob, type ImportOutcome, type ImportRun } from './import-jobs.server.ts'

// Importing carers from a CSV file, as a job of the import worker like the pipeline's import
// (app/models/import-jobs.server.ts, ADR 024): checked against the carers already added for the
// preview, and checked again inside the transaction that adds them, so a carer added by hand in
// between makes the import stop with nothing written rather than fail halfway.

/** The file checked as it would be imported now. */
export async function checkCarerFile(text: string): Promise<CarerImportCheck> {
	return checkCarerImport(text, { today: today(), existingEmails: await carerEmailsTaken(importFileEmails(text)) })
}

/** Checks an uploaded file and keeps it for the preview; returns the job's id. */
export async function createCarerImport(input: { filename: string; text: string; actor: StaffIdentity }) {
	const checked = await checkCarerFile(input.text)
	const rowsWithErrors = new Set(checked.errors.map((error) => error.row)).size
	const fileError = checked.errors.some((error) => error.row === null)
	return createImportJob({
		kind: 'carers',
		filename: input.filename,
		csv: input.text,
		actorId: input.actor.id,
		totalRows: fileError ? 0 : checked.carers.length + rowsWithErrors,
		errors: checked.errors,
	})
}

/** Runs a claimed carers import: every carer of the file, each with a referral code, or none. */
export async function runCarerImport(run: ImportRun): Promise<ImportOutcome> {
	const { claim, actor } = run
	// Carers are counted in hundreds: checked and written in one step, which the page calls writing.
	if (run.stopping()) return { status: 'stopped' }
	const total = (await prisma.importJob.findUnique({ where: { id: claim.id }, select: { totalRows: true } }))?.totalRows
	if (!(await run.progress(total ?? 0))) return { status: 'lost' }
	return prisma.$transaction(async (tx): Promise<ImportOutcome> => {
		// The shared client's queries in here belong to the transaction (app/utils/db.server.ts).
		const checked = await checkCarerFile(claim.csv)
		if (!checked.ok || checked.errors.length > 0) return { status: 'rejected', errors: checked.errors }
		if (!(await finishImportJob(tx, claim, checked.carers.length))) return { status: 'lost' }
		for (const carer of checked.carers) {
			const { row: _row, ...details } = carer
			await createCarerWithCode(tx, { ...details, createdById: actor.id })
		}
		await recordAudit(tx, {
			actorId: actor.id,
			householdId: null,
			action: 'imported',
			detail: `Imported ${checked.carers.length} carers who can refer friends from ${claim.filename}`,
		})
		return { status: 'imported', rows: checked.carers.length }
	})
}

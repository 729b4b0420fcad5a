import { checkCarerImport, importFileEmails, type CarerImportCheck } from '~/domain/carer-import.ts'
import type { StaffIdentity } from '~/domain/staff.ts'
import { today } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { createCarerWithCode } from './bonus-milestones.server.ts'
import { carerEmailsTaken } from './carer-records.server.ts'

// Importing carers from a CSV file: checked against the carers already added for the preview,
// and checked again inside the transaction that adds them, so a carer added by hand in between
// makes the import stop with nothing written rather than fail halfway.

/** The file checked as it would be imported now. */
export async function checkCarerFile(text: string): Promise<CarerImportCheck> {
	return checkCarerImport(text, { today: today(), existingEmails: await carerEmailsTaken(importFileEmails(text)) })
}

export type CarerImportResult = { ok: true; imported: number } | { ok: false; checked: CarerImportCheck }

/** Adds every carer of the file, each with a referral code, or none if any row is wrong. */
export async function importCarerFile(input: {
	text: string
	filename: string
	actor: StaffIdentity
}): Promise<CarerImportResult> {
	return prisma.$transaction(async (tx) => {
		const emails = importFileEmails(input.text)
		const taken = new Map<string, string>()
		for (let i = 0; i < emails.length; i += 500) {
			const rows = await tx.carer.findMany({
				where: { emailNormalized: { in: emails.slice(i, i + 500) } },
				select: { emailNormalized: true, name: true },
			})
			for (const row of rows) taken.set(row.emailNormalized, row.name)
		}
		const checked = checkCarerImport(input.text, { today: today(), existingEmails: taken })
		if (!checked.ok || checked.errors.length > 0 || checked.carers.length === 0) return { ok: false, checked }
		for (const carer of checked.carers) {
			const { row: _row, ...details } = carer
			await createCarerWithCode(tx, { ...details, createdById: input.actor.id })
		}
		await recordAudit(tx, {
			actorId: input.actor.id,
			householdId: null,
			action: 'imported',
			detail: `Imported ${checked.carers.length} carers who can refer friends from ${input.filename}`,
		})
		return { ok: true, imported: checked.carers.length }
	})
}

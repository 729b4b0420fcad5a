import type { Prisma } from '~/generated/prisma/client.ts'
import { now } from '~/utils/clock.server.ts'
import { prisma } from '~/utils/db.server.ts'

// The audit log: who viewed or changed which household's personal data, and when. Written in the
// same transaction as a change, so a change is never saved without its entry. Managers read it per
// household (ROLES_THAT.manageRecruitment).

export type AuditAction = 'viewed' | 'changed' | 'exported' | 'imported'

export type AuditRecord = { actorId: string; householdId: string | null; action: AuditAction; detail: string }

export async function recordAudit(db: Prisma.TransactionClient, entries: AuditRecord | AuditRecord[]) {
	const rows = (Array.isArray(entries) ? entries : [entries]).map((entry) => ({ ...entry, at: now() }))
	if (rows.length > 0) await db.auditEntry.createMany({ data: rows })
}

export const AUDIT_PAGE_SIZE = 50

/**
 * A household's audit entries, newest first, a page at a time (page 1 first). A page past the end
 * (an old link, a hand-typed number) gives the last page.
 */
export async function listHouseholdAudit(householdId: string, requestedPage = 1) {
	const total = await prisma.auditEntry.count({ where: { householdId } })
	const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
	const page = Math.min(Math.max(1, requestedPage), pages)
	const entries = await prisma.auditEntry.findMany({
		where: { householdId },
		orderBy: [{ at: 'desc' }, { id: 'desc' }],
		skip: (page - 1) * AUDIT_PAGE_SIZE,
		take: AUDIT_PAGE_SIZE,
		include: { actor: { select: { name: true, role: true } } },
	})
	return { entries, total, page, pages }
}

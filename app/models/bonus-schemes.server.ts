import { parseBonusRules, schemeInForce, type BonusRules } from '~/domain/bonus-scheme.ts'
import { schemeStatuses, type SchemeStatus } from '~/domain/bonus-scheme-form.ts'
import type { CalendarDate } from '~/domain/working-days.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'

// The versions of the refer-a-friend bonus scheme. Rows are only ever added: a referral keeps the
// scheme in force on the day it was made (Referral.schemeId), so a new version changes what
// future referrals earn and never what earlier ones were promised.

export const SCHEME_HISTORY_PAGE_SIZE = 10

export type StoredScheme = {
	id: string
	effectiveFrom: CalendarDate
	rules: BonusRules
	createdAt: Date
	createdById: string | null
}

/** Every version in the order they were made (the order schemeInForce needs for same-day ones). */
async function allSchemes(db: Prisma.TransactionClient = prisma): Promise<StoredScheme[]> {
	const rows = await db.bonusScheme.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
	return rows.map((row) => ({ ...row, rules: parseBonusRules(row.rules) }))
}

/** The scheme in force on `date` (a referral's date decides which applies). */
export async function schemeForDate(date: CalendarDate, db: Prisma.TransactionClient = prisma): Promise<StoredScheme> {
	const scheme = schemeInForce(await allSchemes(db), date)
	// The migration writes a first version from 2000, so there is always one.
	if (!scheme) throw new Error(`No bonus scheme is in force on ${date}`)
	return scheme
}

/**
 * The version in force today and the history, latest start first (a page at a time), each with
 * where it stands and who made it.
 */
export async function listSchemes(today: CalendarDate, requestedPage = 1) {
	const schemes = await allSchemes()
	const statuses = schemeStatuses(schemes, today)
	const inForce = schemeInForce(schemes, today)
	const history = [...schemes].sort(
		(a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.createdAt.getTime() - a.createdAt.getTime()
	)
	const pages = Math.max(1, Math.ceil(history.length / SCHEME_HISTORY_PAGE_SIZE))
	const page = Math.min(Math.max(1, requestedPage), pages)
	const shown = history.slice((page - 1) * SCHEME_HISTORY_PAGE_SIZE, page * SCHEME_HISTORY_PAGE_SIZE)
	const ids = shown.map((scheme) => scheme.createdById).filter((id): id is string => id !== null)
	const people = await prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
	const names = new Map(people.map((person) => [person.id, person.name]))
	return {
		inForce,
		scheduled: schemes.filter((scheme) => statuses.get(scheme.id) === 'scheduled'),
		page,
		pages,
		history: shown.map((scheme) => ({
			id: scheme.id,
			effectiveFrom: scheme.effectiveFrom,
			rules: scheme.rules,
			status: statuses.get(scheme.id) as SchemeStatus,
			createdAt: scheme.createdAt.toISOString(),
			// The first version came with the service (written by the migration).
			createdBy: scheme.createdById ? (names.get(scheme.createdById) ?? 'A former member of staff') : null,
		})),
	}
}

/** Adds a version taking effect on `effectiveFrom` (checked by readSchemeForm: today or later). */
export async function addScheme(input: { effectiveFrom: CalendarDate; rules: BonusRules; actorId: string }) {
	return prisma.bonusScheme.create({
		data: { effectiveFrom: input.effectiveFrom, rules: JSON.stringify(input.rules), createdById: input.actorId },
	})
}

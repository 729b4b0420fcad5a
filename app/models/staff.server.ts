import { normaliseEmail } from '~/domain/email-address.ts'
import { accountChangeRefusal } from '~/domain/staff-accounts.ts'
import {
	DEMO_STAFF_PASSWORD,
	describeDemoLogins,
	isStaffRole,
	STAFF_ROLE_LABELS,
	STAFF_ROLES,
	type StaffRole,
} from '~/domain/staff.ts'
import { prisma } from '~/utils/db.server.ts'
import { verifyPassword } from '~/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'
import { cachedSetting } from './settings-cache.server.ts'

// Staff accounts and their sessions. Emails are stored and looked up lower-cased.

/**
 * Every staff account by name (no password hashes), for the names and owner choices pages show:
 * each process keeps the list until an account changes (settings-cache.server.ts, ADR 029).
 */
export const staffDirectory = cachedSetting('staff directory', () =>
	prisma.staffUser.findMany({
		select: { id: true, email: true, name: true, role: true, disabledAt: true },
		orderBy: [{ name: 'asc' }, { id: 'asc' }],
	})
)

export function findStaffByEmail(email: string) {
	return prisma.staffUser.findUnique({ where: { email: normaliseEmail(email) } })
}

export async function createStaffSession(input: {
	id: string
	userId: string
	csrfToken: string
	now: Date
	expiresAt: Date
}) {
	// Sign-in is the moment to tidy away this person's sessions that have run out.
	await prisma.staffSession.deleteMany({ where: { userId: input.userId, expiresAt: { lt: input.now } } })
	return prisma.staffSession.create({
		data: {
			id: input.id,
			userId: input.userId,
			csrfToken: input.csrfToken,
			createdAt: input.now,
			lastSeenAt: input.now,
			expiresAt: input.expiresAt,
		},
	})
}

export function findStaffSession(id: string) {
	return prisma.staffSession.findUnique({ where: { id }, include: { user: true } })
}

export function touchStaffSession(id: string, now: Date) {
	return prisma.staffSession.updateMany({ where: { id }, data: { lastSeenAt: now } })
}

export function deleteStaffSession(id: string) {
	return prisma.staffSession.deleteMany({ where: { id } })
}

/**
 * The accounts that still have the public demo password, for `npm start` to print (and, on a real
 * service, to show that one has been left behind).
 */
export async function listDemoLogins() {
	const users = await prisma.staffUser.findMany({
		where: { passwordHash: { not: null }, disabledAt: null },
		orderBy: { email: 'asc' },
	})
	// Most powerful role first.
	const rank = (role: string) => (STAFF_ROLES as readonly string[]).indexOf(role)
	users.sort((a, b) => rank(a.role) - rank(b.role))
	const logins = []
	for (const user of users) {
		if (await verifyPassword(DEMO_STAFF_PASSWORD, user.passwordHash!)) {
			logins.push({ email: user.email, name: user.name, role: user.role })
		}
	}
	return { password: DEMO_STAFF_PASSWORD, logins }
}

/** What `npm start` prints about demo sign-ins: nothing once no account has the demo password. */
export async function demoLoginsSummary(): Promise<string> {
	const { password, logins } = await listDemoLogins()
	return describeDemoLogins(password, logins).trimStart()
}

// Administering staff accounts (ROLES_THAT.manageUsers). Who changed what is kept in the audit
// log with no household, so it never shows on a household's own log.

export const STAFF_PAGE_SIZE = 50

/** What the account pages show of an account (the password hash only to say whether one is set). */
const ACCOUNT = { id: true, name: true, email: true, role: true, passwordHash: true, disabledAt: true } as const

/** Staff accounts by name, a page at a time (page 1 first). */
export async function listStaffAccounts(page = 1) {
	const [users, total] = await Promise.all([
		prisma.staffUser.findMany({
			orderBy: [{ name: 'asc' }, { email: 'asc' }],
			skip: (page - 1) * STAFF_PAGE_SIZE,
			take: STAFF_PAGE_SIZE,
			select: ACCOUNT,
		}),
		prisma.staffUser.count(),
	])
	return {
		users: users.map(({ passwordHash, ...user }) => ({ ...user, hasPassword: passwordHash !== null })),
		total,
		pages: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
	}
}

export function findStaffAccount(id: string) {
	return prisma.staffUser.findUnique({
		where: { id },
		select: { ...ACCOUNT, createdAt: true },
	})
}

/** A new account with no password (its owner sets one from the emailed link); null if the email is taken. */
export async function createStaffAccount(input: {
	name: string
	email: string
	role: StaffRole
	actorId: string
	now: Date
}) {
	const email = normaliseEmail(input.email)
	try {
		return await prisma.$transaction(async (tx) => {
			const user = await tx.staffUser.create({
				data: { name: input.name, email, role: input.role, createdAt: input.now },
			})
			await recordAudit(tx, {
				actorId: input.actorId,
				householdId: null,
				action: 'changed',
				detail: `Added the staff account of ${user.name} (${user.email}) as ${STAFF_ROLE_LABELS[input.role]}`,
			})
			return user
		})
	} catch (error) {
		if ((error as { code?: string }).code === 'P2002') return null
		throw error
	}
}

export type AccountChange = { name?: string; role?: StaffRole; disable?: boolean }

/**
 * Changes an account's name, role or whether it is turned off, refusing (with the reason) a change
 * that would turn off one's own account or leave no active administrator. The count is checked
 * in the same transaction as the change. Turning an account off ends its sessions and voids its
 * password links.
 */
export async function changeStaffAccount(input: {
	id: string
	actorId: string
	change: AccountChange
	now: Date
}): Promise<{ ok: true } | { ok: false; error: string } | { ok: false; missing: true }> {
	return prisma.$transaction(async (tx) => {
		const target = await tx.staffUser.findUnique({ where: { id: input.id } })
		if (!target || !isStaffRole(target.role)) return { ok: false as const, missing: true as const }
		const otherActiveAdministrators = await tx.staffUser.count({
			where: { role: 'administrator', disabledAt: null, id: { not: target.id } },
		})
		const refusal = accountChangeRefusal({
			actorId: input.actorId,
			target: { id: target.id, role: target.role, disabled: target.disabledAt !== null },
			change: input.change,
			otherActiveAdministrators,
		})
		if (refusal) return { ok: false as const, error: refusal }

		const { name, role, disable } = input.change
		const details: string[] = []
		if (name !== undefined && name !== target.name) details.push(`renamed ${target.name} to ${name}`)
		if (role !== undefined && role !== target.role) {
			details.push(
				`changed the role of ${name ?? target.name} from ${STAFF_ROLE_LABELS[target.role]} to ${
					STAFF_ROLE_LABELS[role]
				}`
			)
		}
		if (disable === true && !target.disabledAt) details.push(`turned off the account of ${target.name}`)
		if (disable === false && target.disabledAt) details.push(`turned on the account of ${target.name}`)
		if (details.length === 0) return { ok: true as const }

		await tx.staffUser.update({
			where: { id: target.id },
			data: {
				name,
				role,
				...(disable === undefined ? {} : { disabledAt: disable ? (target.disabledAt ?? input.now) : null }),
			},
		})
		if (disable) {
			await tx.staffSession.deleteMany({ where: { userId: target.id } })
			// Its unused password links too, so turning the account back on does not revive a link
			// that may be why it was turned off.
			await tx.passwordReset.deleteMany({ where: { userId: target.id, usedAt: null } })
		}
		await recordAudit(tx, {
			actorId: input.actorId,
			householdId: null,
			action: 'changed',
			detail: `Staff account (${target.email}): ${details.join('; ')}`,
		})
		return { ok: true as const }
	})
}

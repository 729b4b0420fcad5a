import { DEMO_STAFF_PASSWORD, describeDemoLogins, SIGN_IN_POLICY, STAFF_ROLES } from '~/domain/staff.ts'
import { prisma } from '~/utils/db.server.ts'
import { verifyPassword } from '~/utils/password.server.ts'

// Staff accounts and their sessions. Emails are stored and looked up lower-cased.

export function normaliseStaffEmail(email: string) {
	return email.trim().toLowerCase()
}

export function findStaffByEmail(email: string) {
	return prisma.staffUser.findUnique({ where: { email: normaliseStaffEmail(email) } })
}

/**
 * Counts one wrong password. The fifth in a row locks the account for 15 minutes and starts the
 * count again, so each lock-out needs five fresh failures.
 */
export async function recordFailedSignIn(userId: string, now: Date) {
	const user = await prisma.staffUser.update({
		where: { id: userId },
		data: { failedSignIns: { increment: 1 } },
	})
	if (user.failedSignIns < SIGN_IN_POLICY.maxFailures) return { locked: false }
	await prisma.staffUser.update({
		where: { id: userId },
		data: { failedSignIns: 0, lockedUntil: new Date(now.getTime() + SIGN_IN_POLICY.lockMinutes * 60_000) },
	})
	return { locked: true }
}

export function recordSuccessfulSignIn(userId: string) {
	return prisma.staffUser.update({ where: { id: userId }, data: { failedSignIns: 0, lockedUntil: null } })
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

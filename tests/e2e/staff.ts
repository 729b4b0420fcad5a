// Staff members and sessions for end-to-end tests, written straight into the e2e database (as the
// epic-stack's fixtures do), so a test starts signed in without typing a password.
import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BrowserContext } from '@playwright/test'
import type { StaffRole } from '../../app/domain/staff.ts'

export const E2E_DB = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e.db')

/** The e2e server's database, or `file` for a test that runs a server of its own. */
export function openE2eDatabase(file = E2E_DB) {
	return new Database(file, { fileMustExist: true, timeout: 5000 })
}

export type E2eStaff = { id: string; email: string; name: string; role: StaffRole }

export function createStaffMember(role: StaffRole, name = `Test ${role}`, databaseFile = E2E_DB): E2eStaff {
	const id = crypto.randomUUID()
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 8)}@northdale.example`
	const db = openE2eDatabase(databaseFile)
	try {
		db.prepare('INSERT INTO StaffUser (id, email, name, role, createdAt) VALUES (?, ?, ?, ?, ?)').run(
			id,
			email,
			name,
			role,
			new Date().toISOString()
		)
	} finally {
		db.close()
	}
	return { id, email, name, role }
}

/** A session for `staffId` written into the database; the token is the __Host-staff cookie's value. */
export function createStaffSession(staffId: string, databaseFile = E2E_DB): string {
	const token = crypto.randomBytes(32).toString('base64url')
	const now = new Date()
	const db = openE2eDatabase(databaseFile)
	try {
		db.prepare(
			'INSERT INTO StaffSession (id, userId, createdAt, expiresAt, lastSeenAt, csrfToken) VALUES (?, ?, ?, ?, ?, ?)'
		).run(
			crypto.createHash('sha256').update(token).digest('hex'),
			staffId,
			now.toISOString(),
			new Date(now.getTime() + 12 * 3600_000).toISOString(),
			now.toISOString(),
			crypto.randomBytes(32).toString('base64url')
		)
	} finally {
		db.close()
	}
	return token
}

/** Signs the browser context in as a new (or given) staff member with a session made in the database. */
export async function signInAs(
	context: BrowserContext,
	baseURL: string,
	who: StaffRole | E2eStaff,
	name?: string
): Promise<E2eStaff> {
	const staff = typeof who === 'string' ? createStaffMember(who, name) : who
	const token = createStaffSession(staff.id)
	// The e2e server runs in production mode: the cookie is __Host-staff, Secure (Chromium treats
	// http://localhost as secure). Chromium refuses a __Host- cookie given with `url` over http, so
	// it is given by host and path.
	await context.addCookies([
		// Chromium refuses a __Host- cookie given with `url` ("Invalid cookie fields"): name the host and path.
		{
			name: '__Host-staff',
			value: token,
			domain: new URL(baseURL).hostname,
			path: '/',
			secure: true,
			httpOnly: true,
			sameSite: 'Lax',
		},
	])
	return staff
}

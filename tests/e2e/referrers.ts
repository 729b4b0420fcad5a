import crypto from 'node:crypto'
import type { BrowserContext } from '@playwright/test'
import { linkEmailedTo } from './mailbox.ts'
import { openE2eDatabase } from './staff.ts'

// Carers who refer friends, for the end-to-end tests: one written straight into the e2e database
// with a referral code, and the sign-in link the portal emails them.

export function createCarer(name: string) {
	const id = crypto.randomUUID()
	const suffix = id.slice(0, 6)
	const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${suffix}@example.com`
	// Codes use capitals and digits without look-alikes; the suffix keeps parallel tests apart.
	const code = `E2E${crypto.randomBytes(3).toString('hex').toUpperCase().replace(/[01]/g, '7')}`
	const now = new Date().toISOString()
	const db = openE2eDatabase()
	try {
		db.prepare(
			`INSERT INTO Carer (id, kind, name, email, emailNormalized, approvedOn, shortBreakOnly, status, createdAt, updatedAt)
			VALUES (?, 'foster_carer', ?, ?, ?, '2024-05-01', 0, 'active', ?, ?)`
		).run(id, name, email, email, now, now)
		db.prepare('INSERT INTO ReferralCode (id, code, active, createdAt, carerId) VALUES (?, ?, 1, ?, ?)').run(
			crypto.randomUUID(),
			code,
			now,
			id
		)
	} finally {
		db.close()
	}
	return { id, email, code }
}

/** The path of the newest sign-in link emailed to `address`, waiting for the outbox to send it. */
export function signInLinkEmailedTo(address: string) {
	return linkEmailedTo(address, /\/refer\/sign-in\/[A-Za-z0-9_-]{43}/)
}

/** A portal session for `carerId` written into the database; the token is the __Host-portal-carer cookie's value. */
export function createCarerSession(carerId: string): string {
	const token = crypto.randomBytes(32).toString('base64url')
	const now = new Date()
	const db = openE2eDatabase()
	try {
		db.prepare(
			'INSERT INTO PortalSession (id, audience, subjectId, createdAt, expiresAt, lastSeenAt, csrfToken) VALUES (?, ?, ?, ?, ?, ?, ?)'
		).run(
			crypto.createHash('sha256').update(token).digest('hex'),
			'carer',
			carerId,
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

/** A carer signed in to the portal with a session written straight into the e2e database. */
export async function signedInCarer(context: BrowserContext, baseURL: string) {
	const id = crypto.randomUUID()
	const email = `carer.${id.slice(0, 8)}@example.com`
	const now = new Date()
	const db = openE2eDatabase()
	try {
		db.prepare(
			'INSERT INTO Carer (id, kind, name, email, emailNormalized, shortBreakOnly, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)'
		).run(id, 'foster_carer', 'Petra Payee', email, email, 'active', now.toISOString(), now.toISOString())
	} finally {
		db.close()
	}
	const token = createCarerSession(id)
	// Chromium refuses a __Host- cookie given with `url`: name the host and path.
	await context.addCookies([
		{
			name: '__Host-portal-carer',
			value: token,
			domain: new URL(baseURL).hostname,
			path: '/',
			secure: true,
			httpOnly: true,
			sameSite: 'Lax',
		},
	])
	return { id, email }
}

// Starting and stopping the production build for a benchmark: one place for every bench, on the
// child process the tests' own servers use (tests/support/server-process.ts), its output in a log.
import crypto from 'node:crypto'
import { openForBulkLoad } from '../../prisma/bench-data.ts'
import { spawnServer, waitForHealth as healthy, type ServerChild } from '../support/server-process.ts'

export type BenchServer = ServerChild & { log: string }

/**
 * Starts build/server.js on `port` against `databaseFile`, logging to `log`; `env` adds settings
 * and `args` command-line arguments (npm start's --localhost).
 */
export function startServer(options: {
	port: number
	databaseFile: string
	log: string
	env?: Record<string, string>
	args?: string[]
}): BenchServer {
	const { log, ...spawn } = options
	return { ...spawnServer({ ...spawn, output: { logFile: log } }), log }
}

export function waitForHealth(server: BenchServer, timeoutMs = 60_000) {
	return healthy(server, timeoutMs)
}

export function stopServer(server: BenchServer) {
	return server.stop()
}

/** A server that died under load is a failed benchmark, not a slow one. */
export function assertServerRunning(server: BenchServer, during: string) {
	const { exitCode, signalCode } = server.child
	if (exitCode !== null || signalCode !== null) {
		// app/server.ts exits with 0 only when it is sent SIGTERM or SIGINT.
		const why =
			signalCode ?? (exitCode === 0 ? 'exit code 0: something else sent it SIGTERM or SIGINT' : `exit code ${exitCode}`)
		throw new Error(`The server stopped during ${during} (${why})`)
	}
}

/** The end of the server's log, for a benchmark that failed. */
export function serverLogTail(server: BenchServer, lines = 30) {
	return server.output().trimEnd().split('\n').slice(-lines).join('\n')
}

/** A manager and a session made straight in the database; returns the cookie that carries it. */
export function signInManager(databaseFile: string): string {
	const db = openForBulkLoad(databaseFile)
	try {
		const id = `bench-manager-${crypto.randomUUID()}`
		const now = new Date()
		db.prepare('INSERT INTO "StaffUser" ("id", "email", "name", "role", "createdAt") VALUES (?, ?, ?, ?, ?)').run(
			id,
			`${id}@northdale.example`,
			'Bench Manager',
			'manager',
			now.toISOString().replace('Z', '+00:00')
		)
		const token = crypto.randomBytes(32).toString('base64url')
		db.prepare(
			'INSERT INTO "StaffSession" ("id", "userId", "createdAt", "expiresAt", "lastSeenAt", "csrfToken") VALUES (?, ?, ?, ?, ?, ?)'
		).run(
			crypto.createHash('sha256').update(token).digest('hex'),
			id,
			now.toISOString().replace('Z', '+00:00'),
			new Date(now.getTime() + 12 * 3_600_000).toISOString().replace('Z', '+00:00'),
			now.toISOString().replace('Z', '+00:00'),
			crypto.randomBytes(32).toString('base64url')
		)
		// Production names the cookie __Host-staff (app/services/auth.server.ts).
		return `__Host-staff=${token}`
	} finally {
		db.close()
	}
}

export type Timing = { median: number; p90: number; min: number; max: number }

const round = (value: number) => Math.round(value * 10) / 10

export function summarise(samples: number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b)
	const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!
	const middle = sorted.length / 2
	const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
	return { median: round(median), p90: round(at(0.9)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) }
}

// Starting and stopping the production build for a benchmark: one place for both benches.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openForBulkLoad } from '../../prisma/bench-data.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

export type BenchServer = { child: ChildProcess; exited: Promise<number | null>; origin: string; log: string }

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
	const log = fs.openSync(options.log, 'w')
	const child = spawn(process.execPath, ['build/server.js', ...(options.args ?? [])], {
		cwd: ROOT,
		stdio: ['ignore', log, log],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			PUBLIC_URL: `http://127.0.0.1:${options.port}`,
			DATABASE_URL: `file:${options.databaseFile}`,
			// Set (empty) so a local .env cannot switch on anything that needs the network.
			SMTP_URL: '',
			PLAUSIBLE_DOMAIN: '',
			PLAUSIBLE_HOST: '',
			TRUST_PROXY: '',
			...options.env,
		},
	})
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	void exited.then(() => fs.closeSync(log))
	return { child, exited, origin: `http://127.0.0.1:${options.port}`, log: options.log }
}

export async function waitForHealth(server: BenchServer, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs
	let stopped = false
	void server.exited.then(() => (stopped = true))
	while (Date.now() < deadline) {
		if (stopped) throw new Error('The server stopped while starting')
		try {
			if ((await fetch(`${server.origin}/healthcheck`)).ok) return
		} catch {
			// Not listening yet.
		}
		await sleep(200)
	}
	throw new Error(`The server did not answer ${server.origin}/healthcheck within ${timeoutMs / 1000} s`)
}

export async function stopServer(server: BenchServer) {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return
	server.child.kill('SIGTERM')
	const stopped = await Promise.race([server.exited.then(() => true), sleep(10_000).then(() => false)])
	if (!stopped) {
		server.child.kill('SIGKILL')
		await server.exited
	}
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
	try {
		return fs.readFileSync(server.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
	} catch {
		return '(no server log)'
	}
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

// The production build (build/server.js, from `npm run build`) as a child process: for tests that
// need a real server of their own (several servers on one database file, a server behind a
// proxy), each with its own port, mailbox and settings, and for the benches (tests/bench/server.ts).
// It runs offline (no SMTP or Plausible, nor Stripe for tests, unless a test's env turns them on).
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { TMP_DIR } from './database.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const SERVER = path.join(ROOT, 'build', 'server.js')
/** The end of a server's output kept for a failing test to show. */
const OUTPUT_LIMIT = 64 * 1024

/** A built server running as a child process. */
export type ServerChild = {
	port: number
	/** http://127.0.0.1:<port>, also its PUBLIC_URL. */
	origin: string
	child: ChildProcess
	/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
	exited: Promise<number | null>
	/** Whether the process is still running. */
	running(): boolean
	/** The end of what it wrote to stdout and stderr. */
	output(): string
	/** Asks it to stop (SIGTERM, as a deployment would), kills it after `graceMs`, and waits. */
	stop(graceMs?: number): Promise<void>
}

export type ServerProcess = ServerChild & { mailboxDir: string }

export type ServerProcessOptions = {
	port: number
	/** The SQLite file, which must exist and be migrated (tests/support/database.ts). */
	databaseFile: string
	/** Where its email goes; tests/.tmp/mailbox-<port> unless given. Emptied at start. */
	mailboxDir?: string
	/** More settings, or other values for these (e.g. ENQUIRY_RATE_LIMIT). */
	env?: Record<string, string>
	/** How long to wait for /healthcheck to answer 200. */
	startTimeoutMs?: number
	/** Command-line arguments, like npm start's --localhost. */
	args?: string[]
}

/**
 * Starts `node build/server.js` with NODE_ENV=production on 127.0.0.1:<port> and resolves once
 * its /healthcheck answers; rejects (with its output) if it stops or does not answer in time.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
	if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`)
	// Otherwise another server on the port could answer the health check in this one's place.
	await assertPortFree(options.port)
	const mailboxDir = options.mailboxDir ?? path.join(TMP_DIR, `mailbox-${options.port}`)
	fs.rmSync(mailboxDir, { recursive: true, force: true })
	const server = spawnServer({
		port: options.port,
		databaseFile: options.databaseFile,
		args: options.args,
		// No Stripe either, unless a test's env turns it on.
		env: { MAILBOX_DIR: mailboxDir, STRIPE_SECRET_KEY: '', ...options.env },
		output: 'pipe',
	})
	try {
		await waitForHealth(server, options.startTimeoutMs ?? 30_000)
	} catch (error) {
		await server.stop()
		throw error
	}
	return { ...server, mailboxDir }
}

export type SpawnOptions = {
	port: number
	databaseFile: string
	/** More settings, or other values for these. */
	env?: Record<string, string>
	args?: string[]
	/** The server to run: build/server.js unless given (the benches' baseline has its own). */
	script?: string
	/** Where its stdout and stderr go: kept in memory (the end of it), or a file (the benches' logs). */
	output: 'pipe' | { logFile: string }
}

/**
 * Spawns `node build/server.js` with NODE_ENV=production on 127.0.0.1:<port> against the
 * database file, offline: the settings that reach the network are set empty, so neither the
 * environment nor a local .env can turn them on (a test's or a bench's env may).
 */
export function spawnServer(options: SpawnOptions): ServerChild {
	const origin = `http://127.0.0.1:${options.port}`
	const log = options.output === 'pipe' ? null : fs.openSync(options.output.logFile, 'w')
	// BENCH_SERVER_NODE_ARGS gives the server flags of node's own, to profile it under a bench's load
	// (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`; node refuses --cpu-prof in NODE_OPTIONS).
	const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []
	const child = spawn(process.execPath, [...nodeArgs, options.script ?? SERVER, ...(options.args ?? [])], {
		cwd: ROOT,
		stdio: ['ignore', log ?? 'pipe', log ?? 'pipe'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			PUBLIC_URL: origin,
			DATABASE_URL: `file:${options.databaseFile}`,
			SMTP_URL: '',
			PLAUSIBLE_DOMAIN: '',
			PLAUSIBLE_HOST: '',
			TRUST_PROXY: '',
			...options.env,
		},
	})
	let kept = ''
	const keep = (chunk: Buffer) => {
		kept = (kept + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)
	}
	child.stdout?.on('data', keep)
	child.stderr?.on('data', keep)
	const output = () => (options.output === 'pipe' ? kept : logTail(options.output.logFile))
	// A test or bench that crashes must not leave its server running (and holding its port).
	const orphaned = () => child.kill('SIGKILL')
	process.once('exit', orphaned)
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => {
			process.off('exit', orphaned)
			if (log !== null) fs.closeSync(log)
			resolve(code)
		})
	)
	const running = () => child.exitCode === null && child.signalCode === null
	return {
		port: options.port,
		origin,
		child,
		exited,
		running,
		output,
		async stop(graceMs = 10_000) {
			if (!running()) return
			child.kill('SIGTERM')
			const stopped = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)])
			if (!stopped) {
				child.kill('SIGKILL')
				await exited
			}
		},
	}
}

/** The end of a log file, or a line saying there is none. */
function logTail(file: string) {
	try {
		return fs.readFileSync(file, 'utf8').slice(-OUTPUT_LIMIT)
	} catch {
		return '(no server log)'
	}
}

/**
 * Resolves once the server's /healthcheck (or `healthPath`) answers 200; rejects, with its output,
 * if it stops or does not in time.
 */
export async function waitForHealth(server: ServerChild, timeoutMs: number, healthPath = '/healthcheck') {
	const deadline = Date.now() + timeoutMs
	while (Date.now() < deadline) {
		if (!server.running()) {
			throw new Error(`The server on port ${server.port} stopped while starting:\n${server.output()}`)
		}
		try {
			// A connection left open for reuse could be closed by the server's keep-alive timeout
			// just as a test's request goes out on it (ECONNRESET under load).
			if ((await fetch(`${server.origin}${healthPath}`, { headers: { connection: 'close' } })).ok) return
		} catch {
			// Not listening yet.
		}
		await sleep(100)
	}
	throw new Error(
		`The server on port ${server.port} did not answer ${healthPath} within ${timeoutMs / 1000} s:\n${server.output()}`
	)
}

function assertPortFree(port: number) {
	return new Promise<void>((resolve, reject) => {
		const probe = net.createServer()
		probe.once('error', (error) => reject(new Error(`Port ${port} is in use: ${error.message}`)))
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
	})
}

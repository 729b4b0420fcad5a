// Starting and stopping the production build for a benchmark: one place for both benches.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

export type BenchServer = { child: ChildProcess; exited: Promise<number | null>; origin: string; log: string }

/** Starts build/server.js on `port` against `databaseFile`, logging to `log`; `env` adds settings. */
export function startServer(options: {
	port: number
	databaseFile: string
	log: string
	env?: Record<string, string>
}): BenchServer {
	const log = fs.openSync(options.log, 'w')
	const child = spawn(process.execPath, ['build/server.js'], {
		cwd: ROOT,
		stdio: ['ignore', log, log],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
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

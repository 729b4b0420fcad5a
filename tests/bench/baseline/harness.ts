// Builds and starts the benches' baseline (ADR 027): the minimal Remix app in this folder, built
// with `remix build` run here into tests/.tmp/baseline, and its server bundled from server.ts the
// way `npm run build:server` bundles the service's. The benches drive it beside the service, in
// the same run and with the same load, so a figure can be read as a share of the framework's ceiling
// on this machine at that moment.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import esbuild from 'esbuild'
import { TMP_DIR } from '../../support/database.ts'
import { spawnServer, waitForHealth } from '../../support/server-process.ts'
import type { BenchServer } from '../server.ts'

const HERE = import.meta.dirname
const ROOT = path.resolve(HERE, '..', '..', '..')
const OUT = path.join(TMP_DIR, 'baseline')
const REMIX_CLI = path.join(ROOT, 'node_modules', '@remix-run', 'dev', 'dist', 'cli.js')
/** The baseline's one page. */
export const BASELINE_PATH = '/'

/** Builds the app and its server into tests/.tmp/baseline; throws with the compiler's output if either fails. */
export async function buildBaseline() {
	fs.rmSync(OUT, { recursive: true, force: true })
	const remix = spawnSync(process.execPath, [REMIX_CLI, 'build'], {
		cwd: HERE,
		env: { ...process.env, NODE_ENV: 'production' },
		encoding: 'utf8',
	})
	if (remix.status !== 0) throw new Error(`The baseline's remix build failed:\n${remix.stdout}${remix.stderr}`)
	await esbuild.build({
		entryPoints: [path.join(HERE, 'server.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		outfile: path.join(OUT, 'server.js'),
		logLevel: 'warning',
	})
}

/**
 * Starts the built baseline as the benches start the service (tests/support/server-process.ts:
 * NODE_ENV=production, the same settings, offline), logging to `log`, and waits until its page
 * answers.
 */
export async function startBaseline(options: { port: number; log: string }): Promise<BenchServer> {
	const server = spawnServer({
		port: options.port,
		script: path.join(OUT, 'server.js'),
		// It reads no database; the setting is only checked.
		databaseFile: path.join(OUT, 'unused.db'),
		output: { logFile: options.log },
	})
	const started = { ...server, log: options.log }
	try {
		await waitForHealth(server, 30_000, BASELINE_PATH)
	} catch (error) {
		await server.stop()
		throw error
	}
	return started
}

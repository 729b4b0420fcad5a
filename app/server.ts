// The service's HTTP server: reads and checks the settings, loads the Remix build and serves it on
// the Express setup of app/http-server.ts (security headers, CSP nonce, client address, static
// files, the kept copies of the public prose pages) with the background workers (the email
// outbox and the rest). Bundled by esbuild into build/server.js (npm run build:server) and
// started by `npm start`.
import fs from 'node:fs'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import { startHttpServer } from '~/http-server.ts'
import type { answerFromPageCache } from '~/services/public-page-cache.server.ts'
import { getEnv } from '~/utils/env.server.ts'
import type { inRequestScope } from '~/utils/request-scope.server.ts'

if (fs.existsSync('.env')) process.loadEnvFile('.env')

// `npm start` is for trying the service on this machine: there, and only when PUBLIC_URL is not
// set, the service's address is http://localhost:PORT. A deployment runs build/server.js itself
// and must say its address (the environment check below stops it otherwise).
if (process.argv.includes('--localhost') && !process.env.PUBLIC_URL?.trim()) {
	process.env.PUBLIC_URL = `http://localhost:${process.env.PORT?.trim() || 3000}`
}

const env = checkedEnvironment()
const BUILD_PATH = path.resolve('build/index.js')

/** The validated settings, or a clear message and exit: a misconfigured server must not start. */
function checkedEnvironment() {
	try {
		return getEnv()
	} catch (error) {
		console.error(`The server cannot start.\n${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	}
}

async function startWorker() {
	const build = (await import(BUILD_PATH)) as ServerBuild & {
		entry: {
			module: {
				startBackgroundJobs?: () => Promise<() => Promise<void>>
				demoLoginsSummary?: () => Promise<string>
				answerFromPageCache?: typeof answerFromPageCache
				inRequestScope?: typeof inRequestScope
			}
		}
	}
	await startHttpServer({
		build,
		env,
		publicDir: 'public',
		startBackgroundJobs: build.entry.module.startBackgroundJobs,
		answerFromPageCache: build.entry.module.answerFromPageCache,
		inRequestScope: build.entry.module.inRequestScope,
		onListening: () => {
			announce()
			// Read from the database on every start, so it lists only accounts that still have the demo
			// password (and warns a real service that one is left).
			build.entry.module
				.demoLoginsSummary?.()
				.then((summary) => summary && console.log(`${summary}\n`))
				.catch((error: unknown) => console.error('Could not list the demo staff sign-ins', error))
		},
	})
}

function announce() {
	const url = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
	const mailbox = env.SMTP_URL ? 'sent over SMTP' : `written to ${env.MAILBOX_DIR}`
	console.log(
		[
			'',
			`Fostering recruitment service running at ${url}`,
			`  Public site:  ${url}/`,
			`  Enquiry form: ${url}/enquire`,
			`  Staff area:   ${url}/staff`,
			`  Email:        ${mailbox}`,
			'',
		].join('\n')
	)
}

await startWorker()

// The HTTP server: Express in front of the Remix request handler. It sets the security headers,
// serves static files from our own origin, gives each request a CSP nonce and the client's
// address, and starts the background workers (the email outbox). Bundled by esbuild into
// build/server.js (npm run build:server) and started by `npm start`.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { getEnv } from '~/utils/env.server.ts'
import { handlerByPath } from '~/utils/route-subsets.server.ts'
import { allowedFormOrigins } from '~/utils/site-url.server.ts'

if (fs.existsSync('.env')) process.loadEnvFile('.env')

// `npm start` is for trying the service on this machine: there, and only when PUBLIC_URL is not
// set, the service's address is http://localhost:PORT. A deployment runs build/server.js itself
// and must say its address (the environment check below stops it otherwise).
if (process.argv.includes('--localhost') && !process.env.PUBLIC_URL?.trim()) {
	process.env.PUBLIC_URL = `http://localhost:${process.env.PORT?.trim() || 3000}`
}

const env = checkedEnvironment()
const BUILD_PATH = path.resolve('build/index.js')
const port = env.PORT
const production = env.NODE_ENV === 'production'

/** The validated settings, or a clear message and exit: a misconfigured server must not start. */
function checkedEnvironment() {
	try {
		return getEnv()
	} catch (error) {
		console.error(`The server cannot start.\n${error instanceof Error ? error.message : String(error)}`)
		process.exit(1)
	}
}

type AppLoadContext = import('@remix-run/node').AppLoadContext

function contentSecurityPolicy(nonce: string) {
	return [
		"default-src 'self'",
		`script-src 'self' 'nonce-${nonce}'`,
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		// Without JavaScript, "Set up payments" answers with a redirect to Stripe's onboarding, and
		// browsers check a form's redirects against form-action too (ADR 011).
		"form-action 'self' https://connect.stripe.com",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"object-src 'none'",
	].join('; ')
}

async function startWorker() {
	const build = (await import(BUILD_PATH)) as ServerBuild & {
		entry: {
			module: {
				startBackgroundJobs?: () => Promise<() => Promise<void>>
				demoLoginsSummary?: () => Promise<string>
			}
		}
	}
	const stopBackgroundJobs = await build.entry.module.startBackgroundJobs?.()

	const app = express()
	app.disable('x-powered-by')
	// Who the client is (req.ip) comes from X-Forwarded-For only through the proxies TRUST_PROXY
	// names (a number is a count of hops, as Express reads a number).
	app.set('trust proxy', env.TRUST_PROXY)

	// Our address is configured (PUBLIC_URL), never read from a request: Remix would otherwise build
	// request.url from Host or X-Forwarded-Host, which anyone can send (and a malformed one would
	// fail to parse). The app reads only the path and query of request.url.
	const ownHost = new URL(env.PUBLIC_URL ?? `http://localhost:${port}`).host
	const formOrigins = allowedFormOrigins()
	app.use((req, _res, next) => {
		delete req.headers['x-forwarded-host']
		req.headers.host = ownHost
		// Remix answers an empty 500 to a form whose Origin is not this Host (or is "null", or not an
		// address at all). Which sites may send us forms is the front door's decision (readForm), and it
		// answers 403 with a page; so a browser's Origin is passed on as what readForm reads, the
		// Sec-Fetch-Site a browser would send with it, and not as itself.
		const origin = req.headers.origin
		if (origin !== undefined) {
			if (!formOrigins.has(origin)) req.headers['sec-fetch-site'] = 'cross-site'
			delete req.headers.origin
		}
		next()
	})

	app.use((req, res, next) => {
		const nonce = crypto.randomBytes(16).toString('base64')
		res.locals.cspNonce = nonce
		res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
		next()
	})
	app.use(compression())
	// Remix's fingerprinted bundles never change; everything else in public/ may.
	app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
	app.use('/assets', express.static('public/assets', { maxAge: '1d' }))
	app.use(express.static('public', { maxAge: '1h' }))

	// Each request is matched against only the routes its path could match (ADR 028).
	app.all(
		'*',
		handlerByPath(build, (routes) =>
			createRequestHandler({
				build: routes,
				mode: process.env.NODE_ENV,
				getLoadContext: (req, res): AppLoadContext => ({
					cspNonce: res.locals.cspNonce as string,
					clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
				}),
			})
		)
	)

	const server = app.listen(port, () => {
		announce()
		// Read from the database on every start, so it lists only accounts that still have the demo
		// password (and warns a real service that one is left).
		build.entry.module
			.demoLoginsSummary?.()
			.then((summary) => summary && console.log(`${summary}\n`))
			.catch((error: unknown) => console.error('Could not list the demo staff sign-ins', error))
	})

	const shutdown = () => {
		server.close()
		void Promise.resolve(stopBackgroundJobs?.()).finally(() => process.exit(0))
		// Give in-flight requests and sends a moment, then go regardless.
		setTimeout(() => process.exit(0), 5000).unref()
	}
	process.once('SIGTERM', shutdown)
	process.once('SIGINT', shutdown)
}

function announce() {
	const url = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '')
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

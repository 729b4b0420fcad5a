// The Express server a Remix build runs on: the security headers, the per-request CSP nonce and
// client address, the kept copies of the public prose pages (ADR 026), compression, the static files, then Remix's request handler. It takes the
// build as an argument so that one setup serves the service (app/server.ts) and anything else
// measured against it on equal terms (the benches' baseline app, ADR 027).
import crypto from 'node:crypto'
import type { Server } from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { AppLoadContext, ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import type { PageTicket } from '~/domain/page-cache.ts'
import type { answerFromPageCache } from '~/services/public-page-cache.server.ts'
import type { inRequestScope } from '~/utils/request-scope.server.ts'
import type { Env } from '~/utils/env.server.ts'
import { handlerByPath } from '~/utils/route-subsets.server.ts'
import { allowedFormOrigins } from '~/utils/site-url.server.ts'

export type HttpServerOptions = {
	build: ServerBuild
	/** The validated settings (app/utils/env.server.ts). */
	env: Env
	/** The folder of static files, with the build's browser bundles in its build/. */
	publicDir: string
	/** Work the process does beside serving (the service's workers); returns how to stop it. */
	startBackgroundJobs?: () => Promise<() => Promise<void>>
	/** The service's kept public pages (ADR 026); the baseline app has none. */
	answerFromPageCache?: typeof answerFromPageCache
	/** Runs a request in the scope its loaders share (one staff session read, ADR 029); the baseline app has none. */
	inRequestScope?: typeof inRequestScope
	/** Called once the server listens. */
	onListening?: () => void
}

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

/** The Express app: the middleware every response goes through, then `build`'s pages. */
export function createHttpApp({
	build,
	env,
	publicDir,
	answerFromPageCache,
	inRequestScope = (_method, handle) => handle(),
}: Pick<HttpServerOptions, 'build' | 'env' | 'publicDir' | 'answerFromPageCache' | 'inRequestScope'>) {
	const production = env.NODE_ENV === 'production'
	const app = express()
	app.disable('x-powered-by')
	// Who the client is (req.ip) comes from X-Forwarded-For only through the proxies TRUST_PROXY
	// names (a number is a count of hops, as Express reads a number).
	app.set('trust proxy', env.TRUST_PROXY)

	// Our address is configured (PUBLIC_URL), never read from a request: Remix would otherwise build
	// request.url from Host or X-Forwarded-Host, which anyone can send (and a malformed one would
	// fail to parse). The app reads only the path and query of request.url.
	const ownHost = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).host
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
	app.use(publicPageCache(answerFromPageCache))
	app.use(compression())
	// Remix's fingerprinted bundles never change; everything else in public/ may.
	app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }))
	app.use('/assets', express.static(path.join(publicDir, 'assets'), { maxAge: '1d' }))
	app.use(express.static(publicDir, { maxAge: '1h' }))

	// Each request is matched against only the routes its path could match (ADR 028), and handled
	// in a scope its loaders share (ADR 029).
	const handleByPath = handlerByPath(build, (routes) =>
		createRequestHandler({
			build: routes,
			// As Remix reads it: no NODE_ENV at all is production (errors kept from the page).
			mode: process.env.NODE_ENV,
			getLoadContext: (req, res): AppLoadContext => ({
				cspNonce: res.locals.cspNonce as string,
				clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
				publicPage: res.locals.publicPage as PageTicket | undefined,
			}),
		})
	)
	app.all('*', (req, res, next) => inRequestScope(req.method, () => handleByPath(req, res, next)))
	return app
}

/**
 * Answers a repeat visit to a public page with the copy kept of it, already compressed, before
 * compression, Remix or React are involved (ADR 026); the security headers are set already. A
 * visit the cache wants rendered carries its ticket to the renderer, which keeps the page.
 */
function publicPageCache(answer: typeof answerFromPageCache | undefined): express.RequestHandler {
	return (req, res, next) => {
		const found = answer?.({ method: req.method, path: req.originalUrl, headers: req.headers })
		if (!found) return next()
		if ('render' in found) {
			res.locals.publicPage = found.render
			return next()
		}
		res.status(200)
		for (const [name, value] of found.send.headers) res.setHeader(name, value)
		res.setHeader('Content-Length', found.send.body.length)
		res.end(found.send.body)
	}
}

/**
 * Starts the background work, then serves the app on env.PORT until SIGTERM or SIGINT, when it
 * stops taking connections and stops the background work.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<Server> {
	const stopBackgroundJobs = await options.startBackgroundJobs?.()
	const server = createHttpApp(options).listen(options.env.PORT, () => options.onListening?.())

	const shutdown = () => {
		server.close()
		void Promise.resolve(stopBackgroundJobs?.()).finally(() => process.exit(0))
		// Give in-flight requests and sends a moment, then go regardless.
		setTimeout(() => process.exit(0), 5000).unref()
	}
	process.once('SIGTERM', shutdown)
	process.once('SIGINT', shutdown)
	return server
}

import { getEnv } from './env.server.ts'

// Our own address, from the configuration and never from a request: a Host or X-Forwarded-Host
// header is the sender's to choose, so a link built from one (a password reset, a sign-in link)
// could be sent to someone else's site. Every absolute link the service makes comes from here.

/** The service's origin, like "https://fostering.example.gov.uk" (no trailing slash). */
export function siteOrigin(): string {
	const env = getEnv()
	return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '')
}

/** An absolute link to one of our own pages: siteUrl('/staff/households/1'). */
export function siteUrl(path: string): string {
	if (!path.startsWith('/')) throw new Error(`A site path starts with a slash: ${path}`)
	return `${siteOrigin()}${path}`
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The origins a browser may post our forms from: ours, and when ours is on this machine (the
 * `npm start` default) the other names of this machine at the same port, so http://127.0.0.1:3000
 * works as well as http://localhost:3000.
 */
export function allowedFormOrigins(): ReadonlySet<string> {
	const origin = new URL(siteOrigin())
	if (!LOOPBACK_HOSTS.has(origin.hostname)) return new Set([origin.origin])
	return new Set(
		[...LOOPBACK_HOSTS].map((host) => `${origin.protocol}//${host}${origin.port ? `:${origin.port}` : ''}`)
	)
}

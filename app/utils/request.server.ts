import { getEnv } from './env.server.ts'

/** The public origin for canonical links: PUBLIC_URL when set, else the request's own. */
export function publicOrigin(request: Request): string {
	const configured = getEnv().PUBLIC_URL
	return (configured ?? new URL(request.url).origin).replace(/\/$/, '')
}

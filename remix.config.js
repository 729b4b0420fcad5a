/** Remix v2 with the classic compiler (see docs/decisions/001-stack.md). */
import { flatRoutes } from 'remix-flat-routes'

/** @type {import('@remix-run/dev').AppConfig} */
export default {
	// Routes are found by remix-flat-routes, in folders by area (docs/decisions/021-route-folders.md),
	// so Remix's own convention is switched off.
	ignoredRouteFiles: ['**/*'],
	routes: async (defineRoutes) =>
		flatRoutes('routes', defineRoutes, { ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'] }),
	serverModuleFormat: 'esm',
	serverPlatform: 'node',
	// Server-only packages stay outside the bundle and are loaded from node_modules at run time.
	serverDependenciesToBundle: [],
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_lazyRouteDiscovery: true,
		v3_singleFetch: true,
	},
}

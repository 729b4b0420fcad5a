/** Remix v2 with the classic compiler (see docs/decisions/001-stack.md). */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
	ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
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

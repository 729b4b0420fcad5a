/**
 * The benches' baseline (ADR 027): a minimal Remix app with the service's compiler and future
 * flags, built by the benches into tests/.tmp/baseline so nothing of it ships with the service.
 */
const OUT = '../../.tmp/baseline'

/** @type {import('@remix-run/dev').AppConfig} */
export default {
	appDirectory: 'app',
	cacheDirectory: `${OUT}/.cache`,
	serverBuildPath: `${OUT}/build/index.js`,
	assetsBuildDirectory: `${OUT}/public/build`,
	publicPath: '/build/',
	serverModuleFormat: 'esm',
	serverPlatform: 'node',
	serverDependenciesToBundle: [],
	// The service's own (remix.config.js at the top of the repository), so the framework does the same work.
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_lazyRouteDiscovery: true,
		v3_singleFetch: true,
	},
}

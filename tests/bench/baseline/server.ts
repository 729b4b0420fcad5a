// The baseline's server: its build on the service's own Express setup (app/http-server.ts: the
// security headers, the per-request nonce, compression, the static files), with none of the
// service's background work. Bundled by harness.ts into tests/.tmp/baseline/server.js, beside the
// build, exactly as `npm run build:server` bundles app/server.ts.
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import { startHttpServer } from '../../../app/http-server.ts'
import { getEnv } from '../../../app/utils/env.server.ts'

// The bundle's own folder, tests/.tmp/baseline.
const HERE = import.meta.dirname
const build = (await import(path.join(HERE, 'build', 'index.js'))) as ServerBuild
const env = getEnv()

await startHttpServer({
	build,
	env,
	publicDir: path.join(HERE, 'public'),
	onListening: () => console.log(`Baseline app running at ${env.PUBLIC_URL ?? `http://localhost:${env.PORT}`}`),
})

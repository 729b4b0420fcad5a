// Every URL of the app, as Remix builds its route tree from remix.config.js, compared with the
// committed list in tests/support/urls.txt: moving route modules between folders (ADR 021) must not
// change an address, which layout a page sits in, whether it is an index route (forms post to those
// with ?index) or whether it has a loader or an action. A route added or removed on purpose is
// written into the list with `npx vitest run --config tests/vitest.config.ts tests/integration/urls.test.ts -u`.
import fs from 'node:fs'
import path from 'node:path'
import { readConfig } from '@remix-run/dev/dist/config.js'
import * as esbuild from 'esbuild'
import { expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

type ConfigRoute = { id: string; parentId?: string; path?: string; index?: boolean; file: string }

/** The names each route module exports, read by esbuild as Remix's compiler reads them. */
async function exportsOf(files: string[]): Promise<Map<string, string[]>> {
	const result = await esbuild.build({
		entryPoints: files,
		outdir: path.join(ROOT, 'tests', '.tmp', 'route-exports'),
		format: 'esm',
		platform: 'neutral',
		bundle: false,
		write: false,
		metafile: true,
		logLevel: 'silent',
	})
	const exports = new Map<string, string[]>()
	for (const output of Object.values(result.metafile.outputs)) {
		if (output.entryPoint) exports.set(path.resolve(ROOT, output.entryPoint), output.exports)
	}
	return exports
}

/** Every source file under `dir`, for the route ids the code names. */
function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name)
		if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full)
		return /\.tsx?$/.test(entry.name) ? [full] : []
	})
}

/** One line per route: its URL pattern, what it is, and the URL of the layout it renders inside. */
async function urlList(): Promise<string> {
	const config = await readConfig(ROOT)
	const routes = config.routes as Record<string, ConfigRoute>
	const fileOf = (route: ConfigRoute) => path.resolve(config.appDirectory, route.file)
	const exports = await exportsOf(Object.values(routes).map(fileOf))
	const children = new Set(Object.values(routes).flatMap((route) => route.parentId ?? []))

	const patternOf = (route: ConfigRoute): string => {
		const parent = route.parentId ? patternOf(routes[route.parentId]!) : ''
		return `${parent}/${route.path ?? ''}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
	}
	const lines = Object.values(routes)
		.filter((route) => route.id !== 'root')
		.map((route) => {
			const names = exports.get(fileOf(route)) ?? []
			// A layout without a path of its own (the public site's, ADR 026) is named by its id: it shares
			// its address with its parent, and two of them would otherwise read the same.
			const layoutName = (layout: ConfigRoute) => (layout.path ? 'layout' : `layout ${layout.id}`)
			const kind = route.index ? 'index' : children.has(route.id) ? layoutName(route) : 'page'
			const parent = routes[route.parentId!]!
			const inside = parent.id === 'root' ? 'root' : `${patternOf(parent)} ${layoutName(parent)}`
			// A module without a component is a resource route: it answers with its loader's Response.
			const has = ['default', 'loader', 'action'].filter((name) => names.includes(name))
			const what = has.map((name) => (name === 'default' ? 'component' : name)).join(' ') || 'nothing'
			return `${patternOf(route)}  ${kind}  ${what}  in ${inside}`
		})
	return `${lines.sort().join('\n')}\n`
}

test('every URL of the app, with its layout, is the committed list', async () => {
	const list = await urlList()
	// A tree that lost its routes (a config that finds no files) is not a list worth comparing.
	expect(list.split('\n').length).toBeGreaterThan(80)
	await expect(list).toMatchFileSnapshot('../support/urls.txt')
})

test('every route id the code looks up is a route', async () => {
	// A route's id is its file's path (routes/staff+/_layout), so a move changes it: a lookup by an
	// old id finds nothing and the page quietly loses what it read from that route.
	const ids = new Set(Object.keys((await readConfig(ROOT)).routes))
	const lookup = /useRouteLoaderData(?:<[^>]*>)?\(\s*'([^']+)'|\bmatch\.id === '([^']+)'/g
	const named = sources(path.join(ROOT, 'app')).flatMap((file) =>
		[...fs.readFileSync(file, 'utf8').matchAll(lookup)].map((found) => ({
			file: path.relative(ROOT, file),
			id: found[1] ?? found[2]!,
		}))
	)
	expect(named.length).toBeGreaterThan(1)
	expect(named.filter(({ id }) => !ids.has(id))).toEqual([])
})

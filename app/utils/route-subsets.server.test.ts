// The routes a request is matched against (route-subsets.server.ts) give every path the match the
// whole app gives, checked with the router Remix itself matches with, over the app's real route
// tree (read from remix.config.js as the build reads it) and paths made from every route.
import path from 'node:path'
import { readConfig } from '@remix-run/dev/dist/config.js'
import type { ServerBuild } from '@remix-run/node'
import { matchRoutes, type AgnosticRouteObject } from '@remix-run/router'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { firstSegmentOf, handlerByPath, routesFor, segmentsOfPath } from './route-subsets.server.ts'

type ConfigRoute = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }
type Manifest = Record<string, ConfigRoute>

let manifest: Manifest

beforeAll(async () => {
	const config = await readConfig(path.resolve(import.meta.dirname, '..', '..'))
	manifest = { root: { id: 'root', path: '' }, ...(config.routes as Manifest) }
})
afterEach(() => vi.restoreAllMocks())

/** The nested routes the router matches, as Remix makes them from a manifest: children in the manifest's order. */
function tree(routes: Manifest, ids: readonly string[], parentId?: string): AgnosticRouteObject[] {
	return ids
		.filter((id) => routes[id]!.parentId === parentId)
		.map((id) => {
			const { path, index, caseSensitive } = routes[id]!
			return index
				? { id, path, index: true, caseSensitive }
				: { id, path, caseSensitive, children: tree(routes, ids, id) }
		})
}

/** What a match says: the routes and the parameters. */
function matched(routes: AgnosticRouteObject[], pathname: string) {
	const matches = matchRoutes(routes, pathname)
	return matches && { ids: matches.map((match) => match.route.id), params: matches.at(-1)!.params }
}

/** The path of every route with its parameters filled in, then the same written in odd ways. */
function samplePaths(routes: Manifest): string[] {
	const full = (id: string): string => {
		const route = routes[id]!
		return `${route.parentId ? full(route.parentId) : ''}/${route.path ?? ''}`
	}
	const paths = Object.keys(routes).map((id) =>
		full(id)
			.replace(/\/+/g, '/')
			.replace(/:[\w-]+/g, 'a1')
			.replace(/\*$/, 'some/where')
	)
	const odd = paths.flatMap((path) => [
		path.toUpperCase(),
		`${path}/`,
		`${path}/extra`,
		`/${path}`,
		path.replace(/^\/(.)/, (_, first: string) => `/%${first.charCodeAt(0).toString(16)}`),
	])
	const strange = [
		'/',
		'/nowhere',
		'/%E0',
		'/staff/%E0',
		'/%73taff/%E0',
		'/%73taff/pipeline/%E0',
		'/%2Fstaff/x',
		'/%2Fstaff',
		'/STAFF',
		'/staff%2Fpipeline',
		'/é',
		'/İ',
	]
	return [...new Set([...paths, ...odd, ...strange])]
}

/** A path and its parents, as the client's manifest matches them (@remix-run/react getPartialManifest). */
function parentsOf(pathname: string) {
	const segments = pathname.split('/').filter(Boolean)
	return ['/', ...segments.slice(0, -1).map((_, n) => `/${segments.slice(0, n + 1).join('/')}`)]
}

describe('the routes a path could match', () => {
	test('the app has routes under several first segments and routes that match anywhere', () => {
		const ids = Object.keys(manifest)
		expect(ids.length).toBeGreaterThan(80)
		expect(firstSegmentOf(manifest, 'routes/_enquiry+/enquire')).toBe('enquire')
		expect(firstSegmentOf(manifest, 'routes/staff+/_layout')).toBe('staff')
		expect(firstSegmentOf(manifest, 'routes/_public+/$')).toBeNull()
		expect(firstSegmentOf(manifest, 'routes/_public+/_index')).toBeNull()
		expect(firstSegmentOf(manifest, 'root')).toBeNull()
		// The enquiry form is matched against a handful of routes, not the whole app.
		expect(routesFor(manifest, ['enquire'])).toEqual([
			'root',
			'routes/_enquiry+/_layout',
			'routes/_enquiry+/enquire',
			'routes/_enquiry+/enquire_.confirmation',
			'routes/_public+/_layout',
			'routes/_public+/$',
			'routes/_public+/_index',
		])
	})

	test('every path, and each of its parents, matches what the whole app matches', () => {
		const everything = tree(manifest, Object.keys(manifest))
		const expected = new Map<string, ReturnType<typeof matched>>()
		const trees = new Map<string, AgnosticRouteObject[]>()
		const treeFor = (segments: string[]) => {
			const key = segments.join('/')
			if (!trees.has(key)) trees.set(key, tree(manifest, routesFor(manifest, segments)))
			return trees.get(key)!
		}
		// The router warns of each path that does not decode; some of these do not, on purpose.
		vi.spyOn(console, 'warn').mockImplementation(() => {})
		let compared = 0
		for (const sample of samplePaths(manifest)) {
			for (const singleFetch of [false, true]) {
				const requested = singleFetch ? `${sample.replace(/\/$/, '') || '/_root'}.data` : sample
				const segments = segmentsOfPath(requested, true)
				const routes = segments === 'all' ? everything : treeFor(segments)
				// Remix matches the path as it came and, for a data request, the page it is for.
				const pages = singleFetch ? [requested, sample] : [sample]
				for (const pathname of [...pages, ...pages.flatMap(parentsOf)]) {
					if (!expected.has(pathname)) expected.set(pathname, matched(everything, pathname))
					expect(matched(routes, pathname), `${pathname} (requested as ${requested})`).toEqual(expected.get(pathname))
					compared++
				}
			}
		}
		expect(compared).toBeGreaterThan(1000)
	})

	test("a path's first segment is read as the router reads it", () => {
		expect(segmentsOfPath('/Staff/pipeline', false)).toEqual(['staff'])
		expect(segmentsOfPath('/%73taff/pipeline', false)).toEqual(['%73taff', 'staff'])
		// A path that does not decode is matched as it came, and its parents decoded each on its own.
		expect(segmentsOfPath('/%73taff/%E0', false)).toEqual(['%73taff', 'staff'])
		// The client's manifest matches the parents of '//staff/x' as '/' and '/staff'.
		expect(segmentsOfPath('//staff/x', false)).toEqual(['', 'staff'])
		expect(segmentsOfPath('/', false)).toEqual([''])
		expect(segmentsOfPath('/staff/pipeline.data', true)).toEqual(['staff'])
		expect(segmentsOfPath('/_root.data', true)).toEqual(['_root.data', ''])
		expect(segmentsOfPath('/staff/pipeline.data', false)).toEqual(['staff'])
		// Case folding beyond ASCII is the router's regular expressions' to decide: every route.
		expect(segmentsOfPath('/İ', false)).toBe('all')
		expect(segmentsOfPath('/__manifest', true)).toBe('all')
		expect(segmentsOfPath(null, true)).toBe('all')
	})
})

describe('handlerByPath', () => {
	type Call = { routes: string[]; assets: string[] }

	function fakeBuild(lazyRouteDiscovery: boolean) {
		const routes = Object.fromEntries(Object.entries(manifest).map(([id, route]) => [id, { ...route, module: {} }]))
		return {
			routes,
			assets: { routes: structuredClone(manifest), version: '1', url: '/build/manifest.js', entry: {} },
			future: { v3_lazyRouteDiscovery: lazyRouteDiscovery, v3_singleFetch: true },
		} as unknown as ServerBuild
	}

	function dispatcher(build: ServerBuild) {
		const made: Call[] = []
		const handle = handlerByPath(build, (subset) => {
			made.push({ routes: Object.keys(subset.routes), assets: Object.keys(subset.assets.routes) })
			const index = made.length - 1
			return () => index
		})
		const request = (url: string) => ({ protocol: 'http', originalUrl: url, get: () => 'localhost:3000' })
		return { made, serve: (url: string) => made[handle(request(url), {}, () => {}) as number]! }
	}

	test('each request goes to a handler over the routes its path could match, in the client manifest too', () => {
		const { made, serve } = dispatcher(fakeBuild(true))
		const all = Object.keys(manifest)
		expect(made).toEqual([{ routes: all, assets: all }])
		const enquire = serve('/enquire?utm_source=radio')
		expect(enquire.routes).toEqual(routesFor(manifest, ['enquire']))
		expect(enquire.assets).toEqual(enquire.routes)
		expect(serve('/staff/pipeline').routes).toEqual(routesFor(manifest, ['staff']))
		// Made once, then reused.
		expect(serve('/enquire/confirmation')).toBe(enquire)
		expect(made).toHaveLength(3)
		// Paths no route names share one handler.
		expect(serve('/nowhere')).toBe(serve('/elsewhere'))
		expect(serve('/nowhere').routes).toEqual(routesFor(manifest, []))
		// Lazy route discovery's manifest request matches paths of its own: every route.
		expect(serve('/__manifest?p=/staff&version=1').routes).toEqual(all)
	})

	test('without lazy route discovery the client is sent the whole manifest: one handler over every route', () => {
		const { made, serve } = dispatcher(fakeBuild(false))
		expect(serve('/enquire').routes).toEqual(Object.keys(manifest))
		expect(made).toHaveLength(1)
	})
})

// Every route of the production build, read from Remix's own manifest (public/build/manifest-*.js),
// so tests that must cover every page or every action find a new one without being told, whatever
// folder its module sits in.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

type ManifestRoute = {
	id: string
	parentId?: string
	path?: string
	index?: boolean
	hasAction: boolean
	hasLoader: boolean
}

export type AppRoute = {
	id: string
	/** The address with its parameters, like /staff/households/:id/note. */
	pattern: string
	/** The names of its parameters, like ['id']. */
	params: string[]
	hasAction: boolean
	hasLoader: boolean
	/** A layout (it has children), not a page of its own. */
	isLayout: boolean
	/** An index route: a form posts to it with ?index, or the layout above it would get the POST. */
	isIndex: boolean
}

export function readRouteManifest(): AppRoute[] {
	const dir = path.join(ROOT, 'public', 'build')
	const file = fs.readdirSync(dir).find((name) => /^manifest-[A-Z0-9]+\.js$/.test(name))
	if (!file) throw new Error('No Remix manifest in public/build: run npm run build first')
	const text = fs.readFileSync(path.join(dir, file), 'utf8')
	const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)
	const routes = (JSON.parse(json) as { routes: Record<string, ManifestRoute> }).routes
	const parents = new Set(Object.values(routes).flatMap((route) => route.parentId ?? []))

	const fullPath = (route: ManifestRoute): string => {
		const parent = route.parentId ? fullPath(routes[route.parentId]!) : ''
		const own = route.path ?? ''
		return [parent, own].filter(Boolean).join('/')
	}
	return Object.values(routes)
		.filter((route) => route.id !== 'root')
		.map((route) => {
			const pattern = `/${fullPath(route)}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
			return {
				id: route.id,
				pattern,
				params: [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]!),
				hasAction: route.hasAction,
				hasLoader: route.hasLoader,
				isLayout: parents.has(route.id) && !route.index,
				isIndex: Boolean(route.index),
			}
		})
		.sort((a, b) => a.pattern.localeCompare(b.pattern))
}

/** The address of `route` with its parameters filled in; `forAction` adds ?index where it is needed. */
export function addressOf(route: AppRoute, values: Record<string, string>, { forAction = false } = {}): string {
	const address = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
		const value = values[name]
		if (value === undefined) throw new Error(`No value for :${name} in ${route.pattern}`)
		return encodeURIComponent(value)
	})
	return forAction && route.isIndex ? `${address}?index` : address
}

// Remix (v2, on @remix-run/router 1.x) matches a request's path by flattening and ranking every
// route of the app afresh on each call, and calls it at least twice a request (once for the
// handler, once in the static handler's query; a page's render more, for the client's manifest):
// 0.4 to 0.8 ms a call at 92 routes on this machine, about a quarter of an enquiry's processor
// time (ADR 028). React Router 7 caches the ranked routes; Remix 2 does not. So each request goes
// to a Remix request handler built over only the routes that could match its path: those whose
// full path starts with the path's first segment, those that could match any first segment (no
// path yet, a parameter, a splat, an optional segment) and their parents, in the build's order.
// Routes that cannot match are never the answer, so every match, and the client's manifest drawn
// from matches of the path and its parents, is the one the whole app gives. The manifest request
// of lazy route discovery (/__manifest, which matches paths of its own) goes to the whole app.

import type { ServerBuild } from '@remix-run/node'

type RouteEntry = { id: string; parentId?: string; path?: string }

/** The handler over every route, and the one over the routes a path's first segments could match. */
type Handlers<H> = { all: H; bySegments: (segments: readonly string[]) => H }

/** A route's first path segment, lower-cased, or null if it could match any first segment. */
export function firstSegmentOf(routes: Readonly<Record<string, RouteEntry | undefined>>, id: string): string | null {
	const paths: string[] = []
	for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
		paths.unshift(route.path ?? '')
	}
	// The router joins the paths with '/' and collapses repeated slashes.
	const first =
		paths
			.join('/')
			.split('/')
			.find((segment) => segment !== '') ?? ''
	return first === '' || /[:*?]/.test(first) ? null : first.toLowerCase()
}

/**
 * The ids of the routes that could match a path whose first segment is one of `segments`
 * (lower-cased), with every parent, in the build's order.
 */
export function routesFor(
	routes: Readonly<Record<string, RouteEntry | undefined>>,
	segments: readonly string[]
): string[] {
	const wanted = new Set<string>()
	for (const id of Object.keys(routes)) {
		const first = firstSegmentOf(routes, id)
		if (first !== null && !segments.includes(first)) continue
		for (
			let route = routes[id];
			route && !wanted.has(route.id);
			route = route.parentId ? routes[route.parentId] : undefined
		) {
			wanted.add(route.id)
		}
	}
	return Object.keys(routes).filter((id) => wanted.has(id))
}

/**
 * The first segment of each path Remix matches for a request path, lower-cased, as its router
 * may read it (decoded, or as it came when the path does not decode), or 'all' when the request
 * should see every route: the manifest request, or a segment that is not ASCII (whose case the
 * router's regular expressions may fold differently from toLowerCase).
 */
export function segmentsOfPath(pathname: string | null, singleFetch: boolean): string[] | 'all' {
	if (pathname === null || pathname === '/__manifest') return 'all'
	const paths = [pathname]
	// A single-fetch data request is matched as it came and as the page it is for ('/_root' is '/').
	if (singleFetch && pathname.endsWith('.data')) paths.push(pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/'))
	const segments = new Set<string>()
	for (const path of paths) {
		const parts = path.split('/')
		// The client's manifest also matches the path's parents, made from its segments without the
		// empty ones ('//enquire/x' has the parent '/enquire'), each decoded on its own.
		for (const first of [parts[1] ?? '', parts.find((part) => part !== '') ?? '']) {
			for (const read of [first, decoded(first)]) {
				// eslint-disable-next-line no-control-regex -- ASCII is exactly the range whose case folding is certain
				if (!/^[\x00-\x7f]*$/.test(read)) return 'all'
				segments.add(read.toLowerCase())
			}
		}
	}
	return [...segments]
}

/** A segment as @remix-run/router's decodePath decodes it (a '/' in it kept encoded), or as it came. */
function decoded(segment: string) {
	try {
		return decodeURIComponent(segment).replace(/\//g, '%2F')
	} catch {
		return segment
	}
}

/** The build with only the given routes, in its manifest for the client too. */
function buildWith(build: ServerBuild, ids: readonly string[]): ServerBuild {
	const pick = <T>(all: Record<string, T>) => Object.fromEntries(ids.map((id) => [id, all[id]!]))
	return { ...build, routes: pick(build.routes), assets: { ...build.assets, routes: pick(build.assets.routes) } }
}

/** One handler per set of first segments, made the first time a request needs it. */
function handlersFor<H>(build: ServerBuild, makeHandler: (build: ServerBuild) => H): Handlers<H> {
	const all = makeHandler(build)
	const named = new Set(Object.keys(build.routes).map((id) => firstSegmentOf(build.routes, id)))
	const made = new Map<string, H>()
	return {
		all,
		bySegments(segments) {
			// A segment no route names adds nothing: such requests share one handler.
			const known = [...new Set(segments.filter((segment) => named.has(segment)))].sort()
			const key = JSON.stringify(known)
			let handler = made.get(key)
			if (!handler) {
				handler = makeHandler(buildWith(build, routesFor(build.routes, known)))
				made.set(key, handler)
			}
			return handler
		},
	}
}

type ExpressRequest = { protocol: string; originalUrl: string; get(name: string): string | undefined }
type ExpressHandler<Req extends ExpressRequest, Res, Next> = (req: Req, res: Res, next: Next) => unknown

/**
 * An Express handler that passes each request to `makeHandler`'s handler for the routes its path
 * could match (made once per set of routes). Without lazy route discovery the client is sent the
 * whole manifest, so every request sees every route.
 */
export function handlerByPath<Req extends ExpressRequest, Res, Next>(
	build: ServerBuild,
	makeHandler: (build: ServerBuild) => ExpressHandler<Req, Res, Next>
): ExpressHandler<Req, Res, Next> {
	if (!build.future.v3_lazyRouteDiscovery) return makeHandler(build)
	const handlers = handlersFor(build, makeHandler)
	return (req, res, next) => {
		const segments = segmentsOfPath(requestPathname(req), build.future.v3_singleFetch === true)
		const handler = segments === 'all' ? handlers.all : handlers.bySegments(segments)
		return handler(req, res, next)
	}
}

/** The path Remix reads, from the URL made as @remix-run/express makes it; null if there is none. */
function requestPathname(req: ExpressRequest) {
	try {
		return new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`).pathname
	} catch {
		return null
	}
}

import { AsyncLocalStorage } from 'node:async_hooks'

// What the loaders of one page view share. Remix calls each matched route's loader with a Request
// of its own, so "this request" cannot be told from the Request object; app/server.ts runs each
// request inside a scope instead (through the build's entry module, so the server and the app
// share this module's one store), and an answer kept here (the staff session, the settings'
// version) is read once however many loaders ask.
//
// Only a request that reads keeps answers: a POST's action may change what they say (sign out, a
// role, a setting) before the page's loaders run, so each of them asks afresh. Outside a request
// (a background worker, a test calling a loader) nothing is kept either.

const scope = new AsyncLocalStorage<Map<string, unknown>>()

const READING_METHODS = new Set(['GET', 'HEAD'])

/** Runs one request's handling; a GET or HEAD gets a scope of its own. */
export function inRequestScope<T>(method: string, handle: () => T): T {
	return READING_METHODS.has(method.toUpperCase()) ? scope.run(new Map(), handle) : handle()
}

/**
 * `compute()`'s answer, computed once per page view under `key` (a failure too: the request has
 * failed); computed afresh on every call outside one.
 */
export function oncePerRequest<T>(key: string, compute: () => T): T {
	const kept = scope.getStore()
	if (!kept) return compute()
	if (!kept.has(key)) kept.set(key, compute())
	return kept.get(key) as T
}

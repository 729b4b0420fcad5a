// Any address no other route matches: a 404, shown by the root ErrorBoundary as "Page not found".
export function loader() {
	throw new Response('Not found', { status: 404 })
}

// A component is needed so Remix renders the error page rather than treating this as a
// resource route; the loader always throws, so it never shows.
export default function NotFound() {
	return null
}

// Types for react-dom's web-streams renderer, which app/entry.server.tsx imports by its own path
// (react-dom/server.browser); @types/react-dom types it only as part of react-dom/server.
declare module 'react-dom/server.browser' {
	export { renderToReadableStream, type ReactDOMServerReadableStream } from 'react-dom/server'
}

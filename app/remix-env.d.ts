/// <reference types="@remix-run/node" />

declare module '@remix-run/server-runtime' {
	// What the Express setup (app/http-server.ts) gives every loader and action.
	interface AppLoadContext {
		/** The nonce that the Content-Security-Policy allows for this response's scripts. */
		cspNonce: string
		/** The client's address (from X-Forwarded-For only when TRUST_PROXY is set). */
		clientIp: string
		/** Set when the page is to be rendered whole and kept in the cache of public pages (ADR 026). */
		publicPage?: import('~/domain/page-cache.ts').PageTicket
	}
	interface Future {
		v3_singleFetch: true
	}
}

export {}

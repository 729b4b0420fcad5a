// Structured data for search engines, as <script type="application/ld+json">.

const UNSAFE_IN_SCRIPT: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
}

/**
 * JSON that is safe inside a <script> element: text such as "</script>" in a configured name
 * cannot close the tag, because every "<" (and ">", "&") becomes a JSON unicode escape, which
 * parses back to the same string.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => UNSAFE_IN_SCRIPT[character] ?? character)
}

/** A data block, not a script: browsers never run it, so it needs no CSP nonce. */
export function JsonLd({ data }: { data: unknown }) {
	return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

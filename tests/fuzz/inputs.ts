// The bad input the fuzz suite sends (tests/fuzz/actions.spec.ts): each a function of the form's
// field names, the session's CSRF token and a counter, so the same run sends the same bytes.

export type BadInput = {
	headers: Record<string, string>
	body: BodyInit | null
	/** A body that is made as it is read and never ends within the limit. */
	endless?: boolean
}

export type InputMaker = {
	name: string
	/** Sent to every role, also one the page refuses (it is turned away before its body is read). */
	forEveryone?: boolean
	/** Sent where the page's own JavaScript sends a form (Remix's single fetch, /path.data). */
	dataRequest?: boolean
	build: (fields: string[], csrf: string, n: number) => BadInput
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

/** Text people and scripts really send: other scripts, marks, emoji, controls, markup, huge numbers. */
export const TRICKY_TEXT = [
	'Siobhán Ó Dálaigh',
	'\u0301leading combining mark',
	'李小龍',
	'‮reversed‬',
	'👩‍👩‍👧‍👦 family',
	'null\u0000byte',
	'tab\tand\r\nnew line',
	'<script>alert(1)</script>',
	'\'; DROP TABLE "Household"; --',
	'../../../../etc/passwd',
	'-1',
	'1e309',
	'NaN',
	'2026-02-30',
	'9999-99-99',
	' ',
	'\uFEFFbom',
	'%00',
	'x'.repeat(5000),
]

function urlEncoded(pairs: [string, string][]) {
	return new URLSearchParams(pairs).toString()
}

/** A form's fields, one value each from `value`, with the CSRF token. */
function eachField(fields: string[], csrf: string, value: (name: string, index: number) => string): [string, string][] {
	return [
		['csrf', csrf],
		...fields.filter((name) => name !== 'csrf').map((name, index): [string, string] => [name, value(name, index)]),
	]
}

/** A body of `totalBytes` made as it is read, so nothing tells the server its size in advance. */
function endless(totalBytes: number): ReadableStream<Uint8Array> {
	const chunk = new TextEncoder().encode(`a=${'x'.repeat(64 * 1024 - 2)}`)
	let sent = 0
	return new ReadableStream({
		pull(controller) {
			if (sent >= totalBytes) return controller.close()
			sent += chunk.byteLength
			controller.enqueue(chunk)
		},
	})
}

export const BAD_INPUTS: InputMaker[] = [
	{ name: 'an empty POST', forEveryone: true, build: () => ({ headers: {}, body: null }) },
	{
		name: 'JSON',
		build: (fields, csrf) => ({
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(Object.fromEntries(eachField(fields, csrf, () => 'x'))),
		}),
	},
	{
		name: 'plain text',
		build: (fields, csrf) => ({
			headers: { 'Content-Type': 'text/plain' },
			body: urlEncoded(eachField(fields, csrf, () => 'x')),
		}),
	},
	{
		name: 'broken multipart',
		build: () => ({
			headers: { 'Content-Type': 'multipart/form-data; boundary=fuzz' },
			body: '--fuzz\r\nContent-Disposition: form-data\r\n\r\nno end',
		}),
	},
	{
		name: 'a form in another charset',
		build: (fields, csrf) => ({
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=windows-1252' },
			body: urlEncoded(eachField(fields, csrf, () => 'x')),
		}),
	},
	{ name: 'a malformed escape', build: (_, csrf) => ({ headers: FORM, body: `csrf=${csrf}&a=%E0%A4%A&b=%` }) },
	{
		name: 'bytes that are not UTF-8',
		build: () => ({ headers: FORM, body: new Uint8Array([0x61, 0x3d, 0xff, 0xfe, 0xc3]) }),
	},
	{
		name: 'a 3 MB body with no length',
		forEveryone: true,
		build: () => ({ headers: FORM, body: endless(3 * 1024 * 1024), endless: true }),
	},
	{ name: 'every answer missing', build: (_, csrf) => ({ headers: FORM, body: urlEncoded([['csrf', csrf]]) }) },
	{
		name: 'every field forty times',
		build: (fields, csrf) => ({
			headers: FORM,
			body: urlEncoded(
				Array.from({ length: 40 }, (_, copy) => eachField(fields, csrf, (name) => `${name}-${copy}`)).flat()
			),
		}),
	},
	{
		name: 'tricky text in every field',
		forEveryone: true,
		build: (fields, csrf, n) => ({
			headers: FORM,
			body: urlEncoded(eachField(fields, csrf, (_, index) => TRICKY_TEXT[(n + index) % TRICKY_TEXT.length]!)),
		}),
	},
	{
		name: 'tricky text in every field, as the page’s JavaScript sends it',
		dataRequest: true,
		build: (fields, csrf, n) => ({
			headers: FORM,
			body: urlEncoded(eachField(fields, csrf, (_, index) => TRICKY_TEXT[(n + index * 7) % TRICKY_TEXT.length]!)),
		}),
	},
	{
		name: 'a multipart form with a file in every field',
		build: (fields, csrf) => {
			const form = new FormData()
			form.append('csrf', csrf)
			for (const name of fields)
				form.append(name, new Blob(['name,email\r\n\u0000,"unclosed'], { type: 'text/csv' }), `${name}.csv`)
			return { headers: {}, body: form }
		},
	},
	{
		name: 'a form from another site, with the right token',
		forEveryone: true,
		build: (fields, csrf) => ({
			headers: { ...FORM, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
			body: urlEncoded(eachField(fields, csrf, () => 'x')),
		}),
	},
	{
		name: 'no CSRF token',
		build: (fields) => ({ headers: FORM, body: urlEncoded(eachField(fields, '', () => 'x').slice(1)) }),
	},
]

/** The names of the fields in the page's forms that post (hidden ones included), or one stand-in. */
export function fieldsOnPage(html: string): string[] {
	const names = new Set<string>()
	for (const form of html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)) {
		for (const field of form[1]!.matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/gi))
			names.add(field[1]!)
	}
	names.delete('csrf')
	return names.size > 0 ? [...names] : ['value']
}

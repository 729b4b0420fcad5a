// References people read out on the phone: a prefix and six characters from Crockford's base32
// alphabet, which has no I, L, O or U to mistake for 1, 0 or V. 32^6 is about a billion, so a
// clash is rare; the unique index in the database catches the rare one and the caller retries.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export type ReferenceKind = 'enquiry' | 'household'
const PREFIX: Record<ReferenceKind, string> = { enquiry: 'ENQ', household: 'HH' }

/** A new reference, e.g. "ENQ-7K3M9Q". `random` gives six integers in [0, 32) (injectable for tests). */
export function newReference(kind: ReferenceKind, random: () => ArrayLike<number> = sixRandomIndexes): string {
	const indexes = random()
	let code = ''
	for (let i = 0; i < 6; i++) code += ALPHABET[indexes[i]! & 31]
	return `${PREFIX[kind]}-${code}`
}

function sixRandomIndexes(): Uint8Array {
	// 256 is a multiple of 32, so masking keeps every character equally likely.
	return crypto.getRandomValues(new Uint8Array(6))
}

/** Accepts what a person might type ("enq 7k3m9q", "ENQ-7K3M9O") and returns the canonical form. */
export function normaliseReference(input: string): string | undefined {
	const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
	const match = /^(ENQ|HH)([0-9A-HJKMNP-TV-Z]{6})$/.exec(compact)
	return match ? `${match[1]}-${match[2]}` : undefined
}

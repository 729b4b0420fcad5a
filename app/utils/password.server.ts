import crypto from 'node:crypto'
import { argon2id } from 'hash-wasm'

// Staff passwords are hashed with argon2id at OWASP's recommended minimum (19 MiB of memory, two
// passes, one lane) and stored as the standard encoded string, which carries its own parameters
// and salt: a later change of parameters still verifies old hashes.
export const PASSWORD_PARAMETERS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const
const SALT_BYTES = 16
// Far above any real password; stops someone making the server hash megabytes.
export const MAX_PASSWORD_LENGTH = 256

const ENCODED = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/

export async function hashPassword(password: string): Promise<string> {
	return argon2id({
		password: password.normalize('NFC'),
		salt: crypto.randomBytes(SALT_BYTES),
		...PASSWORD_PARAMETERS,
		outputType: 'encoded',
	})
}

/**
 * True when the password matches the encoded hash. The hash is recomputed with the stored salt
 * and parameters and compared in constant time (hash-wasm's own verify compares strings with ===).
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
	const match = ENCODED.exec(encoded)
	if (!match || password === '' || password.length > MAX_PASSWORD_LENGTH) return false
	const [, memory, iterations, parallelism, salt, hash] = match
	const expected = Buffer.from(hash!, 'base64')
	const actual = await argon2id({
		password: password.normalize('NFC'),
		salt: Buffer.from(salt!, 'base64'),
		memorySize: Number(memory),
		iterations: Number(iterations),
		parallelism: Number(parallelism),
		hashLength: expected.length,
		outputType: 'binary',
	})
	return expected.length === actual.length && crypto.timingSafeEqual(expected, actual)
}

let dummyHash: Promise<string> | undefined
/**
 * Spends the same time as checking a real password, so a sign-in with an unknown email cannot be
 * told apart from a wrong password by how long it takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'))
	await verifyPassword(password, await dummyHash)
	return false
}

import { expect, test } from 'vitest'

// Hits on the rate limits that arrive together are counted in one statement (a campaign's burst
// of enquiries costs one write for many); the limit must still let exactly its number through,
// per key, however the hits fall into statements.

const { hitRateLimit, rateLimits } = await import('~/models/rate-limits.server.ts')
const { prisma } = await import('~/utils/db.server.ts')

test('hits sent at once on two keys: each key lets exactly its limit through, whichever statement counts them', async () => {
	const at = new Date('2026-12-07T10:00:00Z')
	const { limit } = rateLimits().signInLinkPerClient
	const results = await Promise.all(
		Array.from({ length: 2 * (limit + 4) }, (_, n) =>
			hitRateLimit('signInLinkPerClient', n % 2 === 0 ? '203.0.113.70' : '203.0.113.71', at)
		)
	)
	const allowed = (parity: number) => results.filter((result, n) => n % 2 === parity && result.allowed).length
	expect([allowed(0), allowed(1)]).toEqual([limit, limit])
	// The refused hits were given back: a key's count stands at its limit.
	const counts = await prisma.rateLimitWindow.findMany({
		where: { name: 'signInLinkPerClient' },
		select: { hits: true },
	})
	expect(counts.map((row) => row.hits)).toEqual([limit, limit])
})

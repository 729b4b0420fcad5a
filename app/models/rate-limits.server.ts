import crypto from 'node:crypto'
import {
	decideHit,
	decideSlowDown,
	windowIndex,
	type RateLimitDecision,
	type RateLimitRule,
	type SlowDownRule,
} from '~/domain/rate-limits.ts'
import { Prisma } from '~/generated/prisma/client.ts'
import { getEnv, type Env } from '~/utils/env.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { GroupCommit } from '~/utils/group-commit.ts'

// Every rate limit of the service, declared here and nowhere else, with its counts in the
// RateLimitWindow table: shared by every server process, kept across restarts (ADR 018). The
// arithmetic (windows, the sliding estimate, how long to wait) is app/domain/rate-limits.ts.
//
// A hit is counted by an upsert that returns the key's counts for this window and the one before,
// so two requests at once can never both take the last place; hits that arrive together share
// one statement. A hit over the limit is given back at
// once: only what was let through counts. Keys are stored as the SHA-256 of the limit's name and
// what it counts by, so no client address or email address is kept in clear.

function declareLimits(env: Env) {
	return {
		/** Enquiries from one client address (ENQUIRY_RATE_LIMIT per ENQUIRY_RATE_WINDOW_S). */
		enquiryPerClient: { limit: env.ENQUIRY_RATE_LIMIT, windowSeconds: env.ENQUIRY_RATE_WINDOW_S },
		/** Wrong staff sign-ins from one client address, whatever the addresses typed. */
		signInPerClient: { limit: 20, windowSeconds: 15 * 60 },
		/** Wrong staff sign-ins from one client address with one email address. */
		signInPerAddressAndClient: { limit: 5, windowSeconds: 15 * 60 },
		/**
		 * Wrong staff sign-ins with one email address from anywhere: from the 10th, every attempt
		 * with that address waits 2 seconds after the last wrong one, doubling up to a minute.
		 */
		signInPerAddress: { limit: 10, windowSeconds: 15 * 60, firstDelaySeconds: 2, maxDelaySeconds: 60 },
		/** "Forgotten your password?" requests from one client address. */
		passwordResetPerClient: { limit: 10, windowSeconds: 15 * 60 },
		/** Reset links sent to one address (past it, the same answer but nothing sent). */
		passwordResetPerAddress: { limit: 3, windowSeconds: 60 * 60 },
		/** Emailed sign-in link requests (carers at /refer) from one client address. */
		signInLinkPerClient: { limit: 10, windowSeconds: 15 * 60 },
		/** Sign-in links sent to one address (past it, the same answer but nothing sent). */
		signInLinkPerAddress: { limit: 3, windowSeconds: 60 * 60 },
	} as const satisfies Record<string, RateLimitRule | SlowDownRule>
}

export type RateLimits = ReturnType<typeof declareLimits>
export type RateLimitName = keyof RateLimits
type SlowDownName = { [Name in RateLimitName]: RateLimits[Name] extends SlowDownRule ? Name : never }[RateLimitName]

let declared: RateLimits | undefined

/** The limits, as configured for this process. */
export function rateLimits(): RateLimits {
	declared ??= declareLimits(getEnv())
	return declared
}

/**
 * What a limit counts by: a client address, an email address (lower-cased), or both. Stored
 * only as a hash with the limit's name in front, so the same address gives a different key in
 * each limit.
 */
export type RateLimitKey = string | readonly string[]

function hashKey(name: RateLimitName, key: RateLimitKey) {
	return crypto
		.createHash('sha256')
		.update(`rate-limit:${name}\n${[key].flat().join('\n')}`)
		.digest('hex')
}

/** A counted hit, to give back if the attempt turns out not to count (a right password). */
export type CountedHit = { name: RateLimitName; key: string; windowIndex: number }

type Counted = {
	name: string
	key: string
	windowIndex: number | bigint
	hits: number | bigint
	previous: number | bigint | null
}
type Counts = { current: number; previous: number }
type PendingHit = CountedHit & { at: Date }

/**
 * Adds one to each hit's count, for every hit asked for since the last statement, in one
 * statement: under a campaign's burst, counting the enquiries costs one write for many of them
 * instead of one each (group-commit.ts). Each hit gets the counts with it included; two hits on
 * one key in a batch get successive counts, so they are refused in turn as they would be alone.
 */
const counter = new GroupCommit<PendingHit[], Counts[]>(async (batch) => {
	const hits = batch.flat()
	const rows = await prisma.$queryRaw<Counted[]>`
		INSERT INTO "RateLimitWindow" ("name", "key", "windowIndex", "hits", "lastHitAt")
		VALUES ${Prisma.join(hits.map((hit) => Prisma.sql`(${hit.name}, ${hit.key}, ${hit.windowIndex}, 1, ${hit.at})`))}
		ON CONFLICT ("name", "key", "windowIndex") DO UPDATE SET "hits" = "hits" + 1, "lastHitAt" = excluded."lastHitAt"
		RETURNING "name", "key", "windowIndex", "hits", (
			SELECT "earlier"."hits" FROM "RateLimitWindow" AS "earlier"
			WHERE "earlier"."name" = "RateLimitWindow"."name" AND "earlier"."key" = "RateLimitWindow"."key"
				AND "earlier"."windowIndex" = "RateLimitWindow"."windowIndex" - 1
		) AS "previous"`
	// RETURNING's order is SQLite's to choose: a key's rows are handed out lowest count first.
	const slot = (hit: { name: string; key: string; windowIndex: number | bigint }) =>
		`${hit.name}\n${hit.key}\n${hit.windowIndex}`
	const bySlot = new Map<string, Counts[]>()
	for (const row of rows) {
		const counts = { current: Number(row.hits), previous: Number(row.previous ?? 0) }
		bySlot.set(slot(row), [...(bySlot.get(slot(row)) ?? []), counts])
	}
	for (const counts of bySlot.values()) counts.sort((a, b) => a.current - b.current)
	return batch.map((wanted) => ({
		ok: true as const,
		value: wanted.map((hit) => {
			const counts = bySlot.get(slot(hit))?.shift()
			if (!counts) throw new Error(`The rate limit ${hit.name} counted nothing`)
			return counts
		}),
	}))
})

/** Adds one to each limit's count for its key; the counts with the hit. */
async function count(wanted: { name: RateLimitName; key: RateLimitKey }[], at: Date) {
	const hits = wanted.map(({ name, key }) => ({
		name,
		key: hashKey(name, key),
		windowIndex: windowIndex(rateLimits()[name], at.getTime()),
	}))
	const counts = await counter.submit(hits.map((hit) => ({ ...hit, at })))
	await sweepNowAndThen(at)
	return hits.map((hit, index) => ({ hit, counts: counts[index]! }))
}

/**
 * Counts a hit on each limit for its key, all in one statement. Allowed only if every limit
 * allows it; otherwise none of the hits counts, and the answer is how long to wait for all of
 * them. When allowed, `hits` can be given back with `giveBack`.
 */
export async function hitRateLimits(
	wanted: { name: RateLimitName; key: RateLimitKey }[],
	at: Date
): Promise<{ allowed: true; hits: CountedHit[] } | { allowed: false; retryAfterSeconds: number }> {
	const counted = await count(wanted, at)
	const refusals = counted
		.map(({ hit, counts }) => decideHit(rateLimits()[hit.name], counts, at.getTime()))
		.filter((decision) => !decision.allowed)
	const hits = counted.map(({ hit }) => hit)
	if (refusals.length === 0) return { allowed: true, hits }
	await giveBack(hits)
	return { allowed: false, retryAfterSeconds: Math.max(...refusals.map((refusal) => refusal.retryAfterSeconds)) }
}

/** Counts one hit on a limit for a key; refused (and not counted) past the limit. */
export async function hitRateLimit(name: RateLimitName, key: RateLimitKey, at: Date): Promise<RateLimitDecision> {
	const result = await hitRateLimits([{ name, key }], at)
	return result.allowed ? { allowed: true } : result
}

/** Takes back hits that turned out not to count. */
export async function giveBack(hits: CountedHit[]) {
	if (hits.length === 0) return
	await prisma.rateLimitWindow.updateMany({
		where: { OR: hits.map(({ name, key, windowIndex }) => ({ name, key, windowIndex })), hits: { gt: 0 } },
		data: { hits: { decrement: 1 } },
	})
}

/** Forgets everything these limits have counted for their keys. */
export async function clearRateLimits(wanted: { name: RateLimitName; key: RateLimitKey }[]) {
	await prisma.rateLimitWindow.deleteMany({
		where: { OR: wanted.map(({ name, key }) => ({ name, key: hashKey(name, key) })) },
	})
}

/** Counts a failure for a slow-down; there is no refusal at the moment of counting. */
export async function recordSlowDownFailure(name: SlowDownName, key: RateLimitKey, at: Date) {
	await count([{ name, key }], at)
}

/** Whether an attempt must wait for a slow-down, from the failures counted so far. */
export async function checkSlowDown(name: SlowDownName, key: RateLimitKey, at: Date): Promise<RateLimitDecision> {
	const rule = rateLimits()[name]
	const current = windowIndex(rule, at.getTime())
	const rows = await prisma.rateLimitWindow.findMany({
		where: { name, key: hashKey(name, key), windowIndex: { in: [current - 1, current] } },
		select: { windowIndex: true, hits: true, lastHitAt: true },
	})
	if (rows.length === 0) return { allowed: true }
	const hitsIn = (index: number) => rows.find((row) => row.windowIndex === index)?.hits ?? 0
	return decideSlowDown(
		rule,
		{
			counts: { current: hitsIn(current), previous: hitsIn(current - 1) },
			lastAtMs: Math.max(...rows.map((row) => row.lastHitAt.getTime())),
		},
		at.getTime()
	)
}

const SWEEP_EVERY_MS = 60_000
let lastSweepMs: number | undefined

/**
 * Deletes windows that can no longer count (older than the previous one), and the counts of
 * limits no longer declared. At most once a minute per process: housekeeping, not a limit.
 */
async function sweepNowAndThen(at: Date) {
	const atMs = at.getTime()
	if (lastSweepMs !== undefined && Math.abs(atMs - lastSweepMs) < SWEEP_EVERY_MS) return
	lastSweepMs = atMs
	const limits = Object.entries(rateLimits()) as [RateLimitName, RateLimitRule][]
	await prisma.rateLimitWindow.deleteMany({
		where: {
			OR: [
				{ name: { notIn: limits.map(([name]) => name) } },
				...limits.map(([name, rule]) => ({ name, windowIndex: { lt: windowIndex(rule, atMs) - 1 } })),
			],
		},
	})
}

import { DEMO_SERVICE_CONFIG, ServiceConfigSchema, type ServiceConfig } from '~/domain/service-config.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { publicPageCache } from '~/utils/page-cache.server.ts'

// Every page reads the configuration, so it is cached briefly in each process; a change made in
// the staff area reaches every process within CACHE_MS. The public pages show it, so the rendered
// copies kept of them (ADR 026) go whenever this process sees it change, here or in the database.
const CACHE_MS = 5_000
let cache: { config: ServiceConfig; data: string; readAt: number } | undefined

export async function getServiceConfig(): Promise<ServiceConfig> {
	if (cache && Date.now() - cache.readAt < CACHE_MS) return cache.config
	const row = await prisma.serviceSettings.findUnique({ where: { id: 1 } })
	const parsed = row ? ServiceConfigSchema.safeParse(JSON.parse(row.data)) : undefined
	// A missing or unreadable row must not take the public site down: fall back to the defaults
	// and say so in the log, where the team will see it.
	if (row && !parsed?.success) console.error('ServiceSettings row is invalid; using defaults', parsed?.error)
	const config = parsed?.success ? parsed.data : DEMO_SERVICE_CONFIG
	const data = JSON.stringify(config)
	// Changed by another process (a second server, a script).
	if (cache && cache.data !== data) publicPageCache.clear()
	cache = { config, data, readAt: Date.now() }
	return config
}

/** `db`: a transaction, when the change has other rows to save with it (the targets' history). */
export async function saveServiceConfig(input: unknown, db: Prisma.TransactionClient = prisma): Promise<ServiceConfig> {
	const config = ServiceConfigSchema.parse(input)
	const data = JSON.stringify(config)
	await db.serviceSettings.upsert({ where: { id: 1 }, create: { id: 1, data }, update: { data } })
	cache = { config, data, readAt: Date.now() }
	publicPageCache.clear()
	return config
}

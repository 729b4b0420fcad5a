import { DEMO_SERVICE_CONFIG, ServiceConfigSchema, type ServiceConfig } from '~/domain/service-config.ts'
import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'
import { publicPageCache } from '~/utils/page-cache.server.ts'
import { cachedSetting } from './settings-cache.server.ts'

// The service's configuration (its name, contact details, stage names, targets...). Every page
// reads it, so each process keeps it until it changes (settings-cache.server.ts, ADR 029). The
// public pages show it, so the rendered copies kept of them (ADR 026) go whenever this process
// sees it change, here or in the database.

let lastData: string | undefined

/** The configuration, as saved (or the demo's defaults when there is no row or it is unreadable). */
export const getServiceConfig = cachedSetting('service config', async (): Promise<ServiceConfig> => {
	const row = await prisma.serviceSettings.findUnique({ where: { id: 1 } })
	const parsed = row ? ServiceConfigSchema.safeParse(JSON.parse(row.data)) : undefined
	// A missing or unreadable row must not take the public site down: fall back to the defaults
	// and say so in the log, where the team will see it.
	if (row && !parsed?.success) console.error('ServiceSettings row is invalid; using defaults', parsed?.error)
	const config = parsed?.success ? parsed.data : DEMO_SERVICE_CONFIG
	const data = JSON.stringify(config)
	// Changed by another process (a second server, a script).
	if (lastData !== undefined && lastData !== data) publicPageCache.clear()
	lastData = data
	return config
})

/** `db`: a transaction, when the change has other rows to save with it (the targets' history). */
export async function saveServiceConfig(input: unknown, db: Prisma.TransactionClient = prisma): Promise<ServiceConfig> {
	const config = ServiceConfigSchema.parse(input)
	const data = JSON.stringify(config)
	// The write moves the settings' version on: every process reads the new configuration next.
	await db.serviceSettings.upsert({ where: { id: 1 }, create: { id: 1, data }, update: { data } })
	publicPageCache.clear()
	return config
}

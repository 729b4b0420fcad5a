// The service's exit reasons (why a household left), as closing a household, the writer and the
// funnel read them: each process keeps the list until a reason is added, renamed or retired
// (settings-cache.server.ts, ADR 029). Reasons are never deleted: closed households point at them.

import type { EndedBy } from '~/domain/exit-reasons.ts'
import { prisma } from '~/utils/db.server.ts'
import { cachedSetting } from './settings-cache.server.ts'

/** Every exit reason, retired ones too, in the order the settings give them. */
export const allExitReasons = cachedSetting('exit reasons', async () => {
	const reasons = await prisma.exitReason.findMany({ orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }] })
	return reasons.map((reason) => ({
		id: reason.id,
		key: reason.key,
		label: reason.label,
		endedBy: reason.endedBy as EndedBy,
		retired: reason.retiredAt !== null,
	}))
})

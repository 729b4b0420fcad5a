// The service's channels (where enquiries come from), as every page and enquiry reads them: each
// process keeps the list until a channel is added, renamed or retired (settings-cache.server.ts,
// ADR 029). Channels are never deleted or re-keyed: households' histories point at them.

import { prisma } from '~/utils/db.server.ts'
import { cachedSetting } from './settings-cache.server.ts'

/** Every channel, retired ones too, in the order the settings give them. */
export const allChannels = cachedSetting('channels', () =>
	prisma.channel.findMany({
		select: { id: true, key: true, label: true, sortOrder: true, retiredAt: true },
		orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }],
	})
)

type Channels = { idByKey: Map<string, string>; keyById: Map<string, string>; labelByKey: Map<string, string> }

/** Which channel id has which key and label. */
export async function channelLookup(): Promise<Channels> {
	const rows = await allChannels()
	return {
		idByKey: new Map(rows.map((row) => [row.key, row.id])),
		keyById: new Map(rows.map((row) => [row.id, row.key])),
		labelByKey: new Map(rows.map((row) => [row.key, row.label])),
	}
}

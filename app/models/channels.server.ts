// Which channel id has which key and label, remembered by each process. Channels are renamed or
// retired but never re-keyed or deleted, so the cache stays true; managers add channels in the
// settings, and a key or id this process has not seen yet makes it read the list again.

import type { Prisma } from '~/generated/prisma/client.ts'
import { prisma } from '~/utils/db.server.ts'

type Channels = { idByKey: Map<string, string>; keyById: Map<string, string>; labelByKey: Map<string, string> }

let channels: Channels | undefined

export async function channelLookup(
	db: Prisma.TransactionClient = prisma,
	need: { keys?: readonly string[]; ids?: readonly string[] } = {}
): Promise<Channels> {
	const known = channels
	if (known && !need.keys?.some((key) => !known.idByKey.has(key)) && !need.ids?.some((id) => !known.keyById.has(id))) {
		return known
	}
	const rows = await db.channel.findMany({ select: { id: true, key: true, label: true } })
	channels = {
		idByKey: new Map(rows.map((row) => [row.key, row.id])),
		keyById: new Map(rows.map((row) => [row.id, row.key])),
		labelByKey: new Map(rows.map((row) => [row.key, row.label])),
	}
	return channels
}

import { prisma, readStatement } from '~/utils/db.server.ts'
import { insideTransaction, transactionStatement } from '~/utils/one-connection.server.ts'
import { oncePerRequest } from '~/utils/request-scope.server.ts'
import { isLockError } from '~/utils/write-lock.server.ts'

// The service's settings as every page reads them (the settings, channels, exit reasons, closure
// days, the targets' history, the staff accounts), kept in memory by each process until they
// change. A change is seen by a number in the database, SettingsVersion.version, which triggers
// move on in the same transaction as every write to those tables, whoever makes it: this process,
// another one on the same file (ADR 015), a test, a fix by hand. A page view reads the number
// once (app/utils/request-scope.server.ts); anything else reads it on each call. A setting is
// loaded again when the number has moved since it was loaded, so a save is seen by the very next
// request, in any process, and nothing is kept that was never committed (ADR 029).

type Kept = { version: number; value: Promise<unknown> }
const kept = new Map<string, Kept>()

const VERSION_SQL = 'SELECT "version" FROM "SettingsVersion" WHERE "id" = 1'

/** The settings' version as this request (or, outside a page view, this call) sees it. */
export function settingsVersion(): Promise<number> {
	// Inside a transaction the number may be the transaction's own, not yet committed; it is read
	// by a statement prepared on the transaction's connection, as the enquiry path reads settings
	// several times a batch and Prisma's own query would cost more than SQLite's work (ADR 028).
	if (insideTransaction()) {
		const row = transactionStatement(VERSION_SQL).get() as { version: bigint | number } | undefined
		return Promise.resolve(Number(row?.version ?? 0))
	}
	return oncePerRequest('settings version', async () => {
		// At once on the read connection; through Prisma before it has connected, or when a
		// checkpoint holds the file for a moment (Prisma's read waits and tries again).
		try {
			// The adapter's connections read integers as BigInt.
			const row = readStatement(VERSION_SQL)?.get() as { version: bigint | number } | undefined
			if (row) return Number(row.version)
		} catch (error) {
			if (!isLockError(error)) throw error
		}
		const rows = await prisma.$queryRawUnsafe<{ version: bigint | number }[]>(VERSION_SQL)
		return Number(rows[0]?.version ?? 0)
	})
}

/**
 * A setting read through the cache: `load` runs when the settings have changed since it last ran
 * (or never has). Inside a transaction that has changed a setting itself, the setting is read
 * from the transaction and not kept, as the transaction may yet be rolled back.
 */
export function cachedSetting<T>(name: string, load: () => Promise<T>): () => Promise<T> {
	return async () => {
		const version = await settingsVersion()
		const known = kept.get(name)
		if (known && known.version === version) return known.value as Promise<T>
		const value = load()
		if (insideTransaction()) return value
		kept.set(name, { version, value })
		// A failed read is not kept: the next call tries again.
		value.catch(() => {
			if (kept.get(name)?.value === value) kept.delete(name)
		})
		return value
	}
}

// Rows inserted by hand rather than through Prisma's createMany: the household writer's (one to
// thousands of households in a transaction) and the bench data's bulk load, which goes straight
// through better-sqlite3 with the same rows. Values are stored as Prisma's SQLite adapter stores
// them, so Prisma reads them back unchanged: timestamps as ISO 8601 with '+00:00', booleans as 0/1.
// Prisma's own defaults (ids, createdAt, updatedAt) do not apply here: every row gives every column.

import type { Prisma } from '~/generated/prisma/client.ts'

/** Rows written by one INSERT. */
const INSERT_CHUNK = 2000

export type StoredValue = string | number | null

/** A timestamp as the better-sqlite3 adapter stores one (app/utils/db.server.ts). */
export const storedTimestamp = (date: Date) => date.toISOString().replace('Z', '+00:00')

/** A row's values as SQLite stores them. */
export function storedRow(row: object): Record<string, StoredValue> {
	const stored: Record<string, StoredValue> = {}
	for (const [column, value] of Object.entries(row)) {
		stored[column] =
			value instanceof Date
				? storedTimestamp(value)
				: typeof value === 'boolean'
					? Number(value)
					: value === undefined
						? null
						: (value as StoredValue)
	}
	return stored
}

/** An INSERT of one row with named parameters (@column), for a prepared statement. */
export function insertSql(table: string, columns: readonly string[]) {
	return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns
		.map((column) => `@${column}`)
		.join(', ')})`
}

/**
 * Inserts rows a few thousand at a time, each batch sent as ONE JSON parameter that SQLite
 * unpacks itself (json_each). Prisma's createMany cost about five times as much CPU per row
 * (measured on the CSV import: 0.25 ms against 0.05 ms), and a big write holds the database's
 * write lock while it runs. The columns are the first row's.
 */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: readonly object[]) {
	if (rows.length === 0) return
	const columns = Object.keys(rows[0]!)
	const select = columns.map((column) => `json_extract(value, '$.${column}')`).join(', ')
	const sql = `INSERT INTO "${table}" (${columns
		.map((column) => `"${column}"`)
		.join(', ')}) SELECT ${select} FROM json_each(?)`
	for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
		await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + INSERT_CHUNK).map(storedRow)))
	}
}

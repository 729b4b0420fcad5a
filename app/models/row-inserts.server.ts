// Rows inserted by hand rather than through Prisma: the household writer's (one to thousands of
// households in a transaction), its funnel rows and emails, and the bench data's bulk load, each
// with one INSERT per table prepared once and run row by row. Prisma's createMany cost about five
// times as much CPU per row (measured on the CSV import), and even one raw INSERT of the rows as
// JSON cost an enquiry more than SQLite's own work, as Prisma compiles every query and passes its
// values through JSON (ADR 028). Values are stored as Prisma's SQLite adapter stores them, so
// Prisma reads them back unchanged: timestamps as ISO 8601 with '+00:00', booleans as 0/1.
// Prisma's own defaults (ids, createdAt, updatedAt) do not apply here: every row gives every column.

import type Database from 'better-sqlite3'
import { transactionStatement } from '~/utils/one-connection.server.ts'

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

/** A statement for this SQL on the connection the rows go to. */
export type Prepare = (sql: string) => Database.Statement

/**
 * Inserts rows with one INSERT for their table, prepared by `prepare`. The columns are the first
 * row's; a column a later row lacks is NULL.
 */
export function insertRowsWith(prepare: Prepare, table: string, rows: readonly object[]) {
	if (rows.length === 0) return
	const columns = Object.keys(rows[0]!)
	const statement = prepare(insertSql(table, columns))
	for (const row of rows) {
		const stored = storedRow(row)
		for (const column of columns) stored[column] ??= null
		statement.run(stored)
	}
}

/** Inserts rows in the transaction this runs in, on its own connection (one-connection.server.ts). */
export function insertRows(table: string, rows: readonly object[]) {
	insertRowsWith(transactionStatement, table, rows)
}

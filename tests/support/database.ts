// Test databases are real SQLite files made from the same migrations as production.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const TMP_DIR = path.resolve(import.meta.dirname, '..', '.tmp')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations')

/**
 * Creates a database file with every migration applied, in order; with `before`, only those that
 * come before that one (to test what a migration does to rows written before it).
 */
export function createMigratedDatabase(file: string, options: { before?: string } = {}) {
	fs.mkdirSync(path.dirname(file), { recursive: true })
	// A server stopped without closing its connection leaves its WAL behind, and SQLite would
	// replay another database's WAL into the new file.
	for (const stale of [file, `${file}-wal`, `${file}-shm`, `${file}-lockwait`]) fs.rmSync(stale, { force: true })
	const db = new Database(file)
	db.pragma('journal_mode = WAL')
	const migrations = fs
		.readdirSync(MIGRATIONS_DIR)
		.filter((name) => /^\d/.test(name))
		.sort()
	for (const dir of migrations.filter((name) => options.before === undefined || name < options.before)) {
		applyMigration(db, dir)
	}
	db.close()
}

/** Applies one migration (its folder's name) to an open database. */
export function applyMigration(db: Database.Database, name: string) {
	db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'))
}

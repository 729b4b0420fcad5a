// Test databases are real SQLite files made from the same migrations as production.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const TMP_DIR = path.resolve(import.meta.dirname, '..', '.tmp')
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations')

/** Creates a database file with every migration applied, in order. */
export function createMigratedDatabase(file: string) {
	fs.mkdirSync(path.dirname(file), { recursive: true })
	// A server stopped without closing its connection leaves its WAL behind, and SQLite would
	// replay another database's WAL into the new file.
	for (const stale of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(stale, { force: true })
	const db = new Database(file)
	db.pragma('journal_mode = WAL')
	for (const dir of fs.readdirSync(MIGRATIONS_DIR).filter((name) => /^\d/.test(name)).sort()) {
		db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8'))
	}
	db.close()
}

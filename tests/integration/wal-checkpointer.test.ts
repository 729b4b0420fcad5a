// The checkpoint thread copies what the serving connection commits back into the database file,
// while the serving connection's own threshold is raised out of its way (ADR 028).
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { SAFETY_NET_PAGES, startWalCheckpointer } from '~/integrations/wal-checkpointer.server.ts'
import { TMP_DIR } from '../support/database.ts'

const open: Database.Database[] = []
afterEach(() => {
	for (const db of open.splice(0)) db.close()
})

/** A fresh WAL database whose connection commits a megabyte and a half, as the server's would. */
function writtenDatabase(name: string) {
	const file = path.join(TMP_DIR, `${name}-${process.pid}.db`)
	for (const stale of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(stale, { force: true })
	const db = new Database(file)
	open.push(db)
	db.pragma('journal_mode = WAL')
	db.pragma('synchronous = NORMAL')
	db.exec('CREATE TABLE Note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
	return { file, db }
}

function commitRows(db: Database.Database) {
	const insert = db.prepare('INSERT INTO Note (body) VALUES (?)')
	for (let i = 0; i < 1_500; i++) insert.run('x'.repeat(1_000))
}

async function fileSizeReaches(file: string, bytes: number, withinMs: number) {
	for (const started = Date.now(); Date.now() - started < withinMs; await sleep(25)) {
		if (fs.statSync(file).size >= bytes) return true
	}
	return false
}

describe('the WAL checkpoint thread', () => {
	it('copies committed pages into the database file, not waiting for the serving connection to pass its threshold', async () => {
		const { file, db } = writtenDatabase('checkpoint')
		const checkpointer = await startWalCheckpointer({
			file,
			setThreshold: async (pages) => db.pragma(`wal_autocheckpoint = ${pages}`),
			everyMs: 20,
		})
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES)
		commitRows(db)
		expect(await fileSizeReaches(file, 1_500_000, 5_000)).toBe(true)
		expect(db.prepare('SELECT count(*) FROM Note').pluck().get()).toBe(1_500)

		await checkpointer.stop()
		expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000)
	})

	it('is what moves the pages: with the threshold raised and no thread, they stay in the log', async () => {
		const { file, db } = writtenDatabase('no-checkpoint')
		db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`)
		commitRows(db)
		expect(await fileSizeReaches(file, 1_500_000, 300)).toBe(false)
		expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(1_500_000)
	})
})

// The funnel benchmark's data sets: one SQLite file per size under tests/.tmp, made by seed:bench
// and kept with a note of how it was made, so the next run reuses it (a million households take
// minutes to write) unless the generator, the migrations or the settings changed.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describeSummary, generateBenchData, openForBulkLoad } from '../../prisma/bench-data.ts'
import { londonDate, type CalendarDate } from '~/domain/working-days.ts'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

export type DataSetSettings = { households: number; eventsPerHousehold: number; years: number; seed: number }

export type DataSet = {
	file: string
	/** The day the data was made for: periods are measured back from it. */
	today: CalendarDate
	/** Seconds it took to write, and the file's size, when it was made (a reused file keeps them). */
	seconds: number
	bytes: number
	reused: boolean
}

type Note = { made: string; today: CalendarDate; seconds: number; bytes: number }

/** What the data depends on: the settings, the generator's source and the migrations. */
export function recipe(settings: DataSetSettings): string {
	const hash = crypto.createHash('sha256')
	hash.update(JSON.stringify(settings))
	hash.update(fs.readFileSync(path.join(ROOT, 'prisma', 'bench-data.ts')))
	// Each migration's text, not just its name: a migration edited before it is merged (an index
	// added) must not leave a file made without it.
	const migrations = path.join(ROOT, 'prisma', 'migrations')
	for (const name of fs.readdirSync(migrations).sort()) {
		hash.update(name)
		const sql = path.join(migrations, name, 'migration.sql')
		if (fs.existsSync(sql)) hash.update(fs.readFileSync(sql))
	}
	return hash.digest('hex').slice(0, 16)
}

export function dataSet(settings: DataSetSettings, log: (line: string) => void): DataSet {
	const file = path.join(TMP_DIR, `bench-funnel-${settings.households}.db`)
	const noteFile = `${file}.json`
	const made = recipe(settings)
	const note = readNote(noteFile)
	if (note?.made === made && fs.existsSync(file)) {
		log(`Reusing ${path.relative(ROOT, file)} (made for ${note.today} with the same settings and generator)`)
		return { file, today: note.today, seconds: note.seconds, bytes: note.bytes, reused: true }
	}
	fs.rmSync(noteFile, { force: true })
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
	createMigratedDatabase(file)
	const today = londonDate(new Date())
	const db = openForBulkLoad(file)
	let seconds: number
	try {
		const summary = generateBenchData(db, { ...settings, today, progress: log })
		const analysed = performance.now()
		// The query planner's statistics, as `PRAGMA optimize` keeps them in production.
		db.exec('ANALYZE')
		db.pragma('wal_checkpoint(TRUNCATE)')
		seconds = Math.round(summary.seconds * 10 + (performance.now() - analysed) / 100) / 10
		log(describeSummary(summary, path.relative(ROOT, file)))
	} finally {
		db.close()
	}
	const bytes = fs.statSync(file).size
	fs.writeFileSync(noteFile, JSON.stringify({ made, today, seconds, bytes } satisfies Note))
	return { file, today, seconds, bytes, reused: false }
}

function readNote(file: string): Note | null {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Note
	} catch {
		return null
	}
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10

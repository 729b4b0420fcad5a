// How fast a large pipeline spreadsheet imports: a fresh database, a generated CSV of
// BENCH_IMPORT_ROWS rows (10,000 by default) across every stage and status, then the upload's
// check and the import itself (check again + one transaction, run by the import worker as on a
// server), timed in this process.
// `npx tsx tests/bench/import.ts`. The last line printed is one JSON object for scripts.
import os from 'node:os'
import path from 'node:path'
import { createMigratedDatabase, TMP_DIR } from '../support/database.ts'
import { importSheetCsv } from './import-sheet.ts'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000)
const DB_FILE = path.join(TMP_DIR, 'bench-import.db')
createMigratedDatabase(DB_FILE)
process.env.DATABASE_URL = `file:${DB_FILE}`

const { prisma, ensurePragmas } = await import('../../app/utils/db.server.ts')
const imports = await import('../../app/models/imports.server.ts')
const { startImport } = await import('../../app/models/import-jobs.server.ts')
const { startImportWorker } = await import('../../app/integrations/import-worker.server.ts')
const { findStageDisagreements } = await import('../../app/models/households.server.ts')
const { findFunnelFactDisagreements } = await import('../../app/models/funnel-facts.server.ts')
await ensurePragmas()

const manager = await prisma.staffUser.create({
	data: { email: 'bench.manager@northdale.example', name: 'Bench Manager', role: 'manager' },
})
const actor = { id: manager.id, email: manager.email, name: manager.name, role: 'manager' as const }

const csv = importSheetCsv(ROWS, manager.email)

let started = performance.now()
let cpu = process.cpuUsage()
const id = await imports.createPipelineImport({ filename: 'bench.csv', text: csv, actor })
const checkMs = performance.now() - started
const checked = await prisma.importJob.findUniqueOrThrow({ where: { id } })
if (checked.errors !== '[]') throw new Error(`The generated file has errors: ${checked.errors.slice(0, 500)}`)

started = performance.now()
cpu = process.cpuUsage()
if (!(await startImport(id, 'pipeline'))) throw new Error('The import could not be started')
// A worker that only runs when drained: the timing is the import's, not a poll's wait.
const worker = startImportWorker({ pollMs: 3_600_000, logger: console })
await worker.drain()
await worker.stop()
const importMs = performance.now() - started
const usage = process.cpuUsage(cpu)
const importCpuMs = (usage.user + usage.system) / 1000
const job = await prisma.importJob.findUniqueOrThrow({ where: { id } })
if (job.status !== 'imported') throw new Error(`The import did not finish: ${job.errors}`)
const disagreements = await findStageDisagreements()
// The funnel rows the import wrote from the histories it built agree with those histories.
const funnelDisagreements = await findFunnelFactDisagreements()

const result = {
	rows: ROWS,
	bytes: Buffer.byteLength(csv),
	upload_check_ms: Math.round(checkMs),
	import_ms: Math.round(importMs),
	import_rows_per_s: Math.round(ROWS / (importMs / 1000)),
	// CPU time of this process: steadier than the wall clock on a busy machine.
	import_cpu_ms: Math.round(importCpuMs),
	households: await prisma.household.count(),
	stage_events: await prisma.stageEvent.count(),
	disagreements: disagreements.length,
	funnel_facts: await prisma.funnelFact.count(),
	funnel_disagreements: funnelDisagreements.length,
	load_average: os.loadavg()[0]!.toFixed(1),
}
console.log(
	`Checked ${ROWS} rows in ${result.upload_check_ms} ms; imported them in ${result.import_ms} ms (${result.import_rows_per_s} rows/s)`
)
console.log(JSON.stringify(result))
await prisma.$disconnect()

// Each test file gets its own copy of the migrated template database and its own mailbox, so
// files never see each other's data. This runs before the file's imports, so the Prisma client
// in app/utils/db.server.ts opens this file.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { TEMPLATE_DB, TMP_DIR } from './database.ts'

const id = crypto.randomUUID()
const file = path.join(TMP_DIR, `test-${id}.db`)
fs.copyFileSync(TEMPLATE_DB, file)
process.env.DATABASE_URL = `file:${file}`
process.env.MAILBOX_DIR = path.join(TMP_DIR, `mailbox-${id}`)

afterAll(() => {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
	fs.rmSync(process.env.MAILBOX_DIR!, { recursive: true, force: true })
})

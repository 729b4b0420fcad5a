// Starts the production build for the end-to-end tests on a fresh database and mailbox.
import fs from 'node:fs'
import path from 'node:path'
import { createMigratedDatabase, TMP_DIR } from './database.ts'

export const E2E_DB = path.join(TMP_DIR, 'e2e.db')
export const E2E_MAILBOX = path.join(TMP_DIR, 'e2e-mailbox')

createMigratedDatabase(E2E_DB)
fs.rmSync(E2E_MAILBOX, { recursive: true, force: true })
process.env.DATABASE_URL = `file:${E2E_DB}`
process.env.MAILBOX_DIR = E2E_MAILBOX
process.env.NODE_ENV = 'production'
process.env.OUTBOX_POLL_MS = '200'

await import(path.resolve('build/server.js'))

import fs from 'node:fs'
import { createMigratedDatabase, TEMPLATE_DB, TMP_DIR } from './database.ts'

export default function setup() {
	fs.mkdirSync(TMP_DIR, { recursive: true })
	createMigratedDatabase(TEMPLATE_DB)
}

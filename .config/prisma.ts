// Prisma CLI configuration. It lives in .config/ so the top level of the repo stays as the brief
// fixes it; Prisma finds it there on its own. Prisma 6 runs its schema engine in JavaScript through
// the better-sqlite3 driver adapter, so migrate works offline (see docs/decisions/001).
import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'

// The default matches app/utils/env.server.ts; the schema's datasource reads the variable too.
// SQLite creates the file but not its folder.
const url = (process.env.DATABASE_URL ??= 'file:./.data/app.db')
fs.mkdirSync(path.dirname(url.replace(/^file:/, '')), { recursive: true })

export default defineConfig({
	schema: path.join('..', 'prisma', 'schema.prisma'),
	migrations: { path: path.join('..', 'prisma', 'migrations') },
	experimental: { adapter: true },
	engine: 'js',
	adapter: async () => new PrismaBetterSQLite3({ url }),
})

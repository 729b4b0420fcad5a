// Prisma CLI configuration. It lives in .config/ so the top level of the repo stays as the brief
// fixes it; Prisma finds it there on its own. Prisma 6 runs its schema engine in JavaScript through
// the better-sqlite3 driver adapter, so migrate works offline (see docs/decisions/001).
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'

const url = process.env.DATABASE_URL ?? 'file:./data/app.db'

export default defineConfig({
	schema: path.join('..', 'prisma', 'schema.prisma'),
	migrations: { path: path.join('..', 'prisma', 'migrations') },
	experimental: { adapter: true },
	engine: 'js',
	adapter: async () => new PrismaBetterSQLite3({ url }),
})

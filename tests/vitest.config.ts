import path from 'node:path'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')

export default defineConfig({
	root,
	resolve: { alias: { '~': path.join(root, 'app') } },
	test: {
		include: ['app/**/*.test.{ts,tsx}', 'emails/**/*.test.ts', 'prisma/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/support/global-setup.ts'],
		setupFiles: ['tests/support/setup-test-database.ts'],
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 30_000,
	},
})

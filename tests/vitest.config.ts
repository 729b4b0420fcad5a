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
		// The service's configured address: every absolute link the tests see must come from it.
		env: { PUBLIC_URL: 'https://fostering.northdale.example' },
		testTimeout: 20_000,
		hookTimeout: 30_000,
	},
})

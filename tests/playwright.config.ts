import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`
// The stand-in for Plausible that tests/support/e2e-server.ts starts beside the app.
const PLAUSIBLE_PORT = Number(process.env.E2E_PLAUSIBLE_PORT ?? PORT + 1)
export const E2E_PLAUSIBLE_URL = `http://127.0.0.1:${PLAUSIBLE_PORT}`
export const E2E_PLAUSIBLE_DOMAIN = 'e2e.fostering.test'
// The stand-in for Stripe's API that tests/support/e2e-server.ts starts beside the app.
const STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? PORT + 2)
export const E2E_STRIPE_URL = `http://127.0.0.1:${STRIPE_PORT}`

// End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here)
// against the production build, started on a fresh database by tests/support/e2e-server.ts.
export default defineConfig({
	testDir: './e2e',
	outputDir: './.tmp/test-results',
	fullyParallel: true,
	forbidOnly: true,
	retries: 0,
	workers: 2,
	reporter: [['list']],
	// Journeys through several pages, each checked by axe, on a two-core machine running two workers.
	timeout: 60_000,
	use: {
		baseURL: E2E_BASE_URL,
		timezoneId: 'Europe/London',
		locale: 'en-GB',
		trace: 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run',
			],
		},
	},
	projects: [
		// Tests tagged @mobile are about phone sizes, so they run only in the mobile project.
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, grepInvert: /@mobile/ },
		{ name: 'mobile', use: { ...devices['Pixel 7'] }, grep: /@mobile/ },
		// Bad input at every action over HTTP, against a server of its own (no browser).
		{ name: 'fuzz', testDir: './fuzz' },
	],
	webServer: {
		command: 'npx tsx tests/support/e2e-server.ts',
		cwd: '..',
		url: `${E2E_BASE_URL}/healthcheck`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			E2E_PLAUSIBLE_PORT: String(PLAUSIBLE_PORT),
			E2E_STRIPE_PORT: String(STRIPE_PORT),
			PLAUSIBLE_DOMAIN: E2E_PLAUSIBLE_DOMAIN,
		},
	},
})

import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export { expect }

/** The WCAG levels we promise in the accessibility statement: 2.0, 2.1 and 2.2, A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Fails with a readable list (rule, what it means, which elements) when axe finds any WCAG A or
 * AA problem on the page as it is now. Fix the markup rather than turning rules off.
 */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
	const problems = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n  on ${violation.nodes
				.map((node) => node.target.join(' '))
				.join('\n  on ')}`
	)
	expect(problems, `Accessibility problems on ${page.url()}`).toEqual([])
}

type Fixtures = {
	/** Console errors a test expects (e.g. a deliberate 404); any other fails the test. */
	allowedConsoleErrors: RegExp[]
	/** Fails the test on an uncaught page error or console error: hydration and CSP problems show up there. */
	failOnPageErrors: void
	/** A page in a browser context with JavaScript turned off, as some visitors (and crawlers) have it. */
	noJsPage: Page
}

export const test = base.extend<Fixtures>({
	allowedConsoleErrors: [[], { option: true }],
	failOnPageErrors: [
		async ({ page, allowedConsoleErrors }, use) => {
			const errors: string[] = []
			page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`))
			page.on('console', (message) => {
				if (message.type() !== 'error') return
				const text = message.text()
				if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(`Console: ${text}`)
			})
			await use()
			expect(errors, 'Errors in the browser while the test ran').toEqual([])
		},
		{ auto: true },
	],
	noJsPage: async ({ browser, baseURL }, use) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			baseURL,
			locale: 'en-GB',
			timezoneId: 'Europe/London',
		})
		const page = await context.newPage()
		await use(page)
		await context.close()
	},
})

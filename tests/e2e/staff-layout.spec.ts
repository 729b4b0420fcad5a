// The staff area as officers see it at 1280 px and at 320 px (a 1280 px screen at 400% zoom),
// issue 15, ADR 030. At 1280 px the board shows every stage side by side without scrolling
// sideways. At 320 px no staff page scrolls sideways (a wide table scrolls in its own region), the
// household record shows its actions first, and no chart's label is drawn under 12 px. One page
// context visits every staff page in turn, without axe (axe runs on these pages elsewhere), so the
// test costs seconds, not minutes.
import type { Page } from '@playwright/test'
import { STAGE_KEYS } from '../../app/domain/stages.ts'
import { createPageData, plannedFetches } from './every-page.ts'
import { expect, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { signInAs } from './staff.ts'

/** How far the page scrolls sideways, and the elements sticking out past the right edge if it does. */
async function sidewaysScroll(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement
		const overflow = root.scrollWidth - root.clientWidth
		const culprits =
			overflow <= 0
				? []
				: [...document.querySelectorAll('main *')]
						.filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
						// The outermost ones: an element inside another that sticks out says nothing more.
						.filter((element, _, all) => !all.some((other) => other !== element && other.contains(element)))
						.slice(0, 3)
						.map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
		return { overflow, culprits }
	})
}

/** The rendered size in px of every label of the charts shown on the page (hidden drawings skipped). */
async function chartLabelSizes(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<SVGSVGElement>('svg.app-chart')]
			.filter((svg) => svg.getBoundingClientRect().width > 0)
			.flatMap((svg) => {
				const scale = svg.getScreenCTM()?.a ?? 0
				return [...svg.querySelectorAll('text')].map((text) => ({
					text: text.textContent ?? '',
					px: parseFloat(getComputedStyle(text).fontSize) * scale,
				}))
			})
	)
}

test.describe('at 320 px wide', () => {
	test.use({ viewport: { width: 320, height: 720 } })

	test('no staff page scrolls sideways, charts keep 12 px labels, and the household record shows its actions first', async ({
		page,
		context,
		baseURL,
	}) => {
		test.setTimeout(240_000)
		const data = await createPageData()
		// Every staff page a manager (or, for staff accounts, an administrator) opens: no files, no redirects.
		const seen = new Set<string>()
		const pages = plannedFetches(data).fetches.filter((planned) => {
			const pathname = planned.url.split('?')[0]!
			const wanted =
				pathname.startsWith('/staff') &&
				(planned.audience === 'manager' || planned.audience === 'administrator') &&
				planned.status === 200 &&
				!pathname.endsWith('.csv') &&
				!seen.has(pathname)
			seen.add(pathname)
			return wanted
		})
		expect(pages.length, 'staff pages found in the manifest').toBeGreaterThan(60)

		const problems: string[] = []
		let labels = 0
		for (const audience of ['manager', 'administrator'] as const) {
			await signInAs(context, baseURL!, audience === 'manager' ? data.manager : data.administrator)
			for (const planned of pages.filter((each) => each.audience === audience)) {
				const response = await page.goto(planned.url, { waitUntil: 'load' })
				if (response?.status() !== 200) problems.push(`${planned.url}: status ${response?.status()}`)
				const { overflow, culprits } = await sidewaysScroll(page)
				if (overflow > 0) problems.push(`${planned.url}: scrolls ${overflow} px sideways (${culprits.join(', ')})`)
				for (const label of await chartLabelSizes(page)) {
					labels += 1
					if (label.px < 12) problems.push(`${planned.url}: "${label.text}" is ${label.px.toFixed(1)} px`)
				}
			}
		}
		expect(problems).toEqual([])
		// The reports' charts were measured, not skipped.
		expect(labels).toBeGreaterThan(50)

		// The household record: its actions before its summary, not after its whole timeline.
		await signInAs(context, baseURL!, data.manager)
		await page.goto(`/staff/households/${data.bindings.households![0]!.id}`)
		const actions = await page.getByRole('heading', { name: 'Actions', level: 2 }).boundingBox()
		const summary = await page.getByRole('heading', { name: 'Summary', level: 2 }).boundingBox()
		expect(actions!.y).toBeLessThan(summary!.y)
		expect(actions!.y).toBeLessThan(720)
	})
})

test.describe('at 1280 px wide', () => {
	test.use({ viewport: { width: 1280, height: 800 } })

	test('the board shows every stage side by side without scrolling sideways, and a column opens its full list', async ({
		page,
		context,
		baseURL,
	}) => {
		await signInAs(context, baseURL!, 'manager', 'Board Manager')
		for (const stage of STAGE_KEYS) await createE2eHousehold({ firstName: 'Wide', lastName: `Board ${stage}`, stage })
		await page.goto('/staff/pipeline')
		expect((await sidewaysScroll(page)).overflow).toBeLessThanOrEqual(0)

		// Found by the stage's key, not its name: another test may be renaming the stages.
		const boxes = []
		for (const stage of STAGE_KEYS) {
			const column = page.locator('section', { has: page.locator(`#stage-${stage}`) })
			await expect(column).toBeVisible()
			boxes.push((await column.boundingBox())!)
		}
		// One row, each column wholly on the screen.
		for (const box of boxes) {
			expect(box.y).toBe(boxes[0]!.y)
			expect(box.x).toBeGreaterThanOrEqual(0)
			expect(box.x + box.width).toBeLessThanOrEqual(1280)
		}
		// The staff area is full width: the last column ends near the right-hand gutter, far past 960 px.
		expect(boxes.at(-1)!.x + boxes.at(-1)!.width).toBeGreaterThan(1180)

		// A column's link opens the list of every household at that stage (a plain link: no JavaScript needed).
		const panel = page.locator('section', { has: page.locator('#stage-panel') })
		await panel.getByRole('link', { name: /^View all \d+ at / }).click()
		await expect(page).toHaveURL(/\/staff\/pipeline\/list\?.*stage=panel/)
		await expect(page.getByRole('link', { name: /Board panel/ }).first()).toBeVisible()
	})
})

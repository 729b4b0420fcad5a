import crypto from 'node:crypto'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import type { StageKey } from '../../app/domain/stages.ts'
import { addCalendarDays, londonDate, londonInstant } from '../../app/domain/working-days.ts'
import { createE2eHousehold } from './households.ts'
import { signInAs, type E2eStaff } from './staff.ts'

// The pipeline views as an officer uses them: the board's counts, the list's filters kept in the
// URL, "My households", and the filter form without JavaScript.

/**
 * A household at `stage` since 900 days ago (long enough ago to come first in its column), with
 * the stage events that lead there, made by the household writer (tests/e2e/households.ts).
 */
function createHousehold(input: { firstName: string; lastName: string; stage: StageKey; owner: E2eStaff | null }) {
	// Noon in London 900 London days ago: a fixed count of hours would land on another date late in
	// the evening when the two dates fall either side of a clock change.
	const entered = londonInstant(addCalendarDays(londonDate(new Date()), -900), '12:00')
	return createE2eHousehold({ ...input, receivedAt: entered, postcode: 'ND1 4AP' })
}

/** A surname no other test uses, so the assertions see only this test's households. */
const uniqueSurname = (base: string) => `${base}${crypto.randomBytes(3).toString('hex')}`

test('an officer reads the board, filters the list by stage and name, and opens My households', async ({
	page,
	context,
	baseURL,
}) => {
	const officer = await signInAs(context, baseURL!, 'officer', 'Olive Pipeline')
	const surname = uniqueSurname('Quill')
	const assessed = await createHousehold({
		firstName: 'Wilhelmina',
		lastName: surname,
		stage: 'stage_2',
		owner: officer,
	})
	const enquired = await createHousehold({ firstName: 'Barnaby', lastName: surname, stage: 'enquiry', owner: officer })
	const unowned = await createHousehold({ firstName: 'Cressida', lastName: surname, stage: 'enquiry', owner: null })

	await page.goto('/staff/pipeline')
	await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible()
	const stage2 = page.getByRole('region', { name: /^Stage 2 \d+ households?$/ })
	await expect(stage2.getByRole('link', { name: assessed.name })).toBeVisible()
	await expect(stage2.getByText('900 days')).toBeVisible()
	await expect(stage2.getByRole('link', { name: /^View all \d+ at Stage 2$/ })).toBeVisible()
	await expectNoAxeViolations(page)

	await page.getByRole('link', { name: 'List and search' }).click()
	await expect(page).toHaveURL(/\/staff\/pipeline\/list$/)
	await page.getByRole('checkbox', { name: 'Enquiry' }).check()
	await page.getByLabel('Search').fill(`barnaby ${surname}`)
	await page.getByRole('button', { name: 'Apply filters' }).click()
	// Only what was chosen, so the address can be shared.
	await expect(page).toHaveURL(`/staff/pipeline/list?q=barnaby+${surname}&stage=enquiry`)
	await expect(page.getByRole('status')).toHaveText('1 household')
	const table = page.getByRole('table', { name: 'Households' })
	await expect(table.getByRole('link', { name: enquired.name })).toHaveAttribute(
		'href',
		`/staff/households/${enquired.id}`
	)
	await expect(table.getByRole('cell', { name: 'Olive Pipeline' })).toBeVisible()
	await expectNoAxeViolations(page)

	// The URL is the view: opened afresh, it shows the same thing.
	await page.goto(page.url())
	await expect(page.getByRole('checkbox', { name: 'Enquiry' })).toBeChecked()
	await expect(page.getByLabel('Search')).toHaveValue(`barnaby ${surname}`)

	await page.getByRole('link', { name: 'My households' }).first().click()
	await expect(page.getByRole('heading', { level: 1, name: 'My households' })).toBeVisible()
	await page.getByLabel('Search').fill(surname)
	await page.getByRole('button', { name: 'Apply filters' }).click()
	const mine = page.getByRole('table', { name: 'My households' })
	await expect(mine.getByRole('link', { name: assessed.name })).toBeVisible()
	await expect(mine.getByRole('link', { name: enquired.name })).toBeVisible()
	await expect(mine.getByRole('link', { name: unowned.name })).toHaveCount(0)
	await expectNoAxeViolations(page)
})

test('the filter form works without JavaScript and explains a date it cannot use', async ({ noJsPage, baseURL }) => {
	await signInAs(noJsPage.context(), baseURL!, 'officer')
	const surname = uniqueSurname('Nojs')
	const household = await createHousehold({
		firstName: 'Hester',
		lastName: surname,
		stage: 'initial_visit',
		owner: null,
	})
	await noJsPage.goto('/staff/pipeline/list')
	await noJsPage.getByLabel('Search').fill(surname)
	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Day').fill('31')
	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Month').fill('2')
	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Year').fill('2026')
	await noJsPage.getByRole('button', { name: 'Apply filters' }).click()
	await expect(noJsPage).toHaveTitle(/^Error: Pipeline list/)
	await expect(noJsPage.getByRole('alert')).toContainText('Enquiry date from must be a real date')
	// What was typed is still there to correct.
	await expect(noJsPage.getByLabel('Search')).toHaveValue(surname)

	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Day').fill('')
	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Month').fill('')
	await noJsPage.getByRole('group', { name: 'Enquiry date from' }).getByLabel('Year').fill('')
	await noJsPage.getByRole('button', { name: 'Apply filters' }).click()
	await expect(noJsPage).toHaveURL(new RegExp(`q=${surname}`))
	await expect(
		noJsPage.getByRole('table', { name: 'Households' }).getByRole('link', { name: household.name })
	).toBeVisible()
})

test('the board fits a narrow screen without scrolling sideways', async ({ page, context, baseURL }) => {
	await signInAs(context, baseURL!, 'officer')
	await page.setViewportSize({ width: 320, height: 800 })
	await page.goto('/staff/pipeline')
	await expect(page.getByRole('region', { name: /^Enquiry \d+ households?$/ })).toBeVisible()
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	expect(overflow).toBeLessThanOrEqual(0)
})

import crypto from 'node:crypto'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { openE2eDatabase, signInAs, type E2eStaff } from './staff.ts'

// The pipeline views as an officer uses them: the board's counts, the list's filters kept in the
// URL, "My households", and the filter form without JavaScript.

const STAGES = ['enquiry', 'initial_contact', 'initial_visit', 'application', 'stage_1', 'stage_2'] as const

/**
 * A household written straight into the e2e database, at `stage` since `daysAgo` days ago (long
 * enough ago to come first in its column), with the stage events that lead there.
 */
function createHousehold(input: {
	firstName: string
	lastName: string
	stage: (typeof STAGES)[number]
	owner: E2eStaff | null
}) {
	const id = crypto.randomUUID()
	const reference = `HH-E${crypto.randomBytes(3).toString('hex').toUpperCase().slice(0, 5)}`
	const entered = new Date(Date.now() - 900 * 86_400_000)
	const date = entered.toISOString().slice(0, 10)
	const stamp = entered.toISOString().replace('Z', '+00:00')
	const email = `${input.firstName}.${input.lastName}@example.com`.toLowerCase()
	const db = openE2eDatabase()
	try {
		db.transaction(() => {
			db.prepare(
				`INSERT INTO "Household" ("id", "reference", "route", "status", "stage", "stageEnteredOn", "postcode", "spareBedroom",
				"householdMembers", "fosteringInterests", "ownerId", "firstEnquiryAt", "lastEnquiryAt", "createdAt", "updatedAt",
				"displayName", "searchText", "channelId") VALUES (?, ?, 'mainstream', 'open', ?, ?, 'ND1 4AP', 'yes', 'Just me',
				'["long_term"]', ?, ?, ?, ?, ?, ?, ?, 'channel_search')`
			).run(
				id,
				reference,
				input.stage,
				date,
				input.owner?.id ?? null,
				stamp,
				stamp,
				stamp,
				stamp,
				`${input.firstName} ${input.lastName}`,
				`${reference} nd1 4ap nd14ap ${input.firstName} ${input.lastName} ${email}`.toLowerCase()
			)
			const path = STAGES.slice(0, STAGES.indexOf(input.stage) + 1)
			for (const [index, stage] of path.entries()) {
				db.prepare(
					`INSERT INTO "StageEvent" ("id", "householdId", "kind", "fromStage", "toStage", "businessDate", "recordedAt")
					VALUES (?, ?, 'entered', ?, ?, ?, ?)`
				).run(crypto.randomUUID(), id, index === 0 ? null : path[index - 1]!, stage, date, stamp)
			}
		})()
	} finally {
		db.close()
	}
	return { id, name: `${input.firstName} ${input.lastName}` }
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
	const assessed = createHousehold({ firstName: 'Wilhelmina', lastName: surname, stage: 'stage_2', owner: officer })
	const enquired = createHousehold({ firstName: 'Barnaby', lastName: surname, stage: 'enquiry', owner: officer })
	const unowned = createHousehold({ firstName: 'Cressida', lastName: surname, stage: 'enquiry', owner: null })

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
	const household = createHousehold({ firstName: 'Hester', lastName: surname, stage: 'initial_visit', owner: null })
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

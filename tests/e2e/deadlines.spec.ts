import crypto from 'node:crypto'
import { addWorkingDays, londonDate, workingDaysBetween } from '../../app/domain/working-days.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { signInAs } from './staff.ts'

// Response times as an officer sees them. The overdue household is made the way a real one is:
// an enquiry taken by phone three working days ago and recorded late, through the staff form, so
// the app itself starts its first-contact clock. Nothing moves the server's clock: the enquiry is
// dated in the past instead, which the e2e server (shared by every spec) can take without change.

test('an enquiry three working days old with no contact shows as overdue on the record, the board and My work', async ({
	page,
	context,
	baseURL,
}) => {
	const officer = await signInAs(context, baseURL!, 'officer', 'Oona Deadline')
	// Letters only: a name may not contain digits.
	const surname = `Latecall${Array.from(crypto.randomBytes(6), (byte) => String.fromCharCode(97 + (byte % 26))).join(
		''
	)}`
	const name = `Dara ${surname}`
	const today = londonDate(new Date())
	const enquiredOn = addWorkingDays(today, -3)

	// Another household of hers with no clock running (none starts at Initial visit), to be listed
	// after the overdue one.
	await createE2eHousehold({ firstName: 'Quinn', lastName: surname, stage: 'initial_visit', owner: officer })

	await page.goto('/staff/enquiries/new')
	await page.getByRole('group', { name: 'How did they get in touch?' }).getByLabel('By phone').check()
	const when = page.getByRole('group', { name: 'When did they enquire?' })
	await when.getByLabel('Day').fill(String(Number(enquiredOn.slice(8, 10))))
	await when.getByLabel('Month').fill(String(Number(enquiredOn.slice(5, 7))))
	await when.getByLabel('Year').fill(enquiredOn.slice(0, 4))
	await page.getByLabel(/Why are you recording it after the day it came in/).fill('Voicemail picked up late')
	await page.getByLabel('Channel').selectOption({ label: 'Radio' })
	await page.getByLabel('First name').fill('Dara')
	await page.getByLabel('Last name').fill(surname)
	await page.getByLabel('Email address').fill(`${surname}@example.com`.toLowerCase())
	await page.getByLabel('Phone number').fill('07700 900 321')
	await page.getByLabel('Postcode').fill('NE2 1XY')
	await page.getByRole('group', { name: 'When is the best time to call you?' }).getByLabel('Any time').check()
	await page.getByRole('group', { name: 'Do you have a spare bedroom?' }).getByLabel('Yes').check()
	await page.getByLabel('Who lives in your home?').fill('Just me')
	await page.getByRole('group', { name: 'Do you want to care for a child you already know?' }).getByLabel('No').check()
	await page.getByLabel('Teenagers').check()
	await page.getByLabel('Radio', { exact: true }).check()
	await page.getByLabel(/They agree to .* contacting them about fostering/).check()
	await page.getByRole('button', { name: 'Add enquiry' }).click()

	// The record: the first-contact clock started on the enquiry's day and its day has passed.
	await expect(page).toHaveURL(/\/staff\/households\/[\w-]+$/)
	const clocks = page.getByTestId('clocks')
	const firstContact = clocks.getByRole('row', { name: /Enquiry to first personal contact/ })
	await expect(firstContact).toContainText('1 working day')
	await expect(firstContact).toContainText('Overdue')
	// Working days so far (fewer than 3 when today is a weekend or a bank holiday).
	await expect(firstContact.getByRole('cell').nth(3)).toHaveText(String(workingDaysBetween(enquiredOn, today)))
	await expectNoAxeViolations(page)

	// The board: the card is flagged with what was due, and its column counts it.
	await page.getByRole('link', { name: 'Pipeline', exact: true }).click()
	const enquiries = page.getByRole('region', { name: 'Enquiry' })
	await expect(enquiries.getByRole('heading', { level: 2 })).toContainText(/\d+ overdue/)
	const card = enquiries.getByRole('listitem').filter({ hasText: name })
	await expect(card.getByTestId('deadline-flag')).toHaveText(/^Overdue:? First personal contact was due \d+ \w+/)
	await expectNoAxeViolations(page)

	// My work: overdue comes first, her quiet household after.
	await page.getByRole('link', { name: 'My work' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My work')
	const tables = page.getByRole('table')
	await expect(tables.first().locator('caption')).toHaveText('Overdue')
	const top = tables.first().getByRole('row').nth(1)
	await expect(top).toContainText(name)
	await expect(top).toContainText(/First personal contact was due \w+day \d+ \w+/)
	await expect(top).toContainText('Overdue')
	await expect(page.getByRole('table', { name: 'No deadline running' })).toContainText(`Quinn ${surname}`)
	await expectNoAxeViolations(page)
})

test('an officer records the last Stage 1 check and the decision clock starts', async ({ page, context, baseURL }) => {
	await signInAs(context, baseURL!, 'officer', 'Sade Checks')
	const household = await createE2eHousehold({ firstName: 'Petra', lastName: 'Checkley', stage: 'stage_1' })
	await page.goto(`/staff/households/${household.id}`)
	await page.getByRole('link', { name: 'Record the last Stage 1 check' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record the last Stage 1 check')
	await expectNoAxeViolations(page)
	await page.getByRole('button', { name: 'Record the last check' }).click()

	await expect(page.locator('.govuk-notification-banner')).toContainText('Last Stage 1 check recorded')
	const decision = page.getByTestId('clocks').getByRole('row', { name: /Last Stage 1 check to Stage 1 decision/ })
	await expect(decision).toContainText('10 working days')
	await expect(decision).toContainText('On track')
	await expect(page.getByTestId('timeline')).toContainText('Last Stage 1 check received')
	await expect(page.getByRole('link', { name: 'Record the last Stage 1 check' })).toHaveCount(0)
})

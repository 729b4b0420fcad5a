import type { Page } from '@playwright/test'

/** Answers every question of the public enquiry form, as a person would (consent included). */
export async function fillEnquiry(page: Page, email: string, firstName = 'Oluwaseun') {
	await page.getByLabel('First name').fill(firstName)
	await page.getByLabel('Last name').fill('Adeyemi')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Phone number').fill('07700 900 456')
	await page.getByLabel('Postcode').fill('ne2 1xy')
	await page.getByRole('group', { name: 'When is the best time to call you?' }).getByLabel('Any time').check()
	await page.getByRole('group', { name: 'Do you have a spare bedroom?' }).getByLabel('Yes').check()
	await page.getByLabel('Who lives in your home?').fill('Me and my wife')
	await page.getByRole('group', { name: 'Do you want to care for a child you already know?' }).getByLabel('No').check()
	await page.getByLabel('Teenagers').check()
	await page.getByLabel('Searching online').check()
	await page.getByLabel(/contacting me about fostering/).check()
}

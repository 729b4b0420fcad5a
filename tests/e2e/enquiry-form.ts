import type { Page } from '@playwright/test'

/**
 * Answers every question of the public enquiry form, as a person would (consent included). Each
 * call is a different person: specs share one database, and two enquiries with the same phone, or
 * the same last name and postcode, would be a possible match (docs/decisions/016).
 */
export async function fillEnquiry(page: Page, email: string, firstName = 'Oluwaseun') {
	const digits = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000
	const letters = Array.from(crypto.getRandomValues(new Uint8Array(3)), (byte) => 'abcdefghjkmnprstwz'[byte % 18]).join(
		''
	)
	await page.getByLabel('First name').fill(firstName)
	await page.getByLabel('Last name').fill(`Adeyemi-${letters}`)
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Phone number').fill(`07700 9${String(digits).padStart(5, '0')}`)
	await page.getByLabel('Postcode').fill('ne2 1xy')
	await page.getByRole('group', { name: 'When is the best time to call you?' }).getByLabel('Any time').check()
	await page.getByRole('group', { name: 'Do you have a spare bedroom?' }).getByLabel('Yes').check()
	await page.getByLabel('Who lives in your home?').fill('Me and my wife')
	await page.getByRole('group', { name: 'Do you want to care for a child you already know?' }).getByLabel('No').check()
	await page.getByLabel('Teenagers').check()
	await page.getByLabel('Searching online').check()
	await page.getByLabel(/contacting me about fostering/).check()
}

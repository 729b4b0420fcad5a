import { DEMO_SERVICE_CONFIG } from '../../app/domain/service-config.ts'
import { STAGES } from '../../app/domain/stages.ts'
import { expect, expectNoAxeViolations, test } from './fixtures.ts'

// A fresh test database has no saved settings, so the site shows the demo service's details.
const config = DEMO_SERVICE_CONFIG

const PUBLIC_PAGES = [
	{ path: '/', h1: `Become a foster carer in ${config.areaServed}` },
	{ path: '/can-i-foster', h1: 'Can I foster?' },
	{ path: '/what-fostering-involves', h1: 'What fostering involves' },
	{ path: '/support-and-allowances', h1: 'Support and allowances for foster carers' },
	{ path: '/faqs', h1: 'Questions about fostering' },
	{ path: '/privacy', h1: 'Privacy notice for fostering enquiries' },
	{ path: '/accessibility', h1: `Accessibility statement for ${config.serviceName}` },
	{ path: '/cookies', h1: 'Cookies and analytics' },
]

for (const { path, h1 } of PUBLIC_PAGES) {
	test(`${path} has a title, description, canonical link, one h1 and no accessibility problems`, async ({
		page,
		baseURL,
	}) => {
		const response = await page.goto(path)
		expect(response?.status()).toBe(200)

		await expect(page).toHaveTitle(new RegExp(`– ${config.serviceName}$`))
		const description = await page.locator('meta[name="description"]').getAttribute('content')
		expect(description?.length ?? 0).toBeGreaterThan(50)
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL(path, baseURL).href)

		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1)

		// Headings go down one level at a time (h1, h2, h3), so the outline makes sense to screen readers.
		const levels = await page
			.locator('main :is(h1, h2, h3, h4, h5, h6)')
			.evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))))
		levels.forEach((level, index) => {
			expect(level, `heading ${index + 1} of ${path} skips a level`).toBeLessThanOrEqual((levels[index - 1] ?? 0) + 1)
		})

		await expectNoAxeViolations(page)
	})
}

test('every public page has its own title and description', async ({ page }) => {
	const titles = new Set<string>()
	const descriptions = new Set<string>()
	for (const { path } of PUBLIC_PAGES) {
		await page.goto(path)
		titles.add(await page.title())
		descriptions.add((await page.locator('meta[name="description"]').getAttribute('content')) ?? '')
	}
	expect(titles.size).toBe(PUBLIC_PAGES.length)
	expect(descriptions.size).toBe(PUBLIC_PAGES.length)
})

test('the pages can be read and navigated with JavaScript turned off', async ({ noJsPage: page }) => {
	await page.goto('/')
	// The browser ran none of our scripts: hydration would have marked the body.
	await expect(page.locator('body')).not.toHaveClass(/js-enabled/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(PUBLIC_PAGES[0]!.h1)
	await expect(page.getByRole('button', { name: 'Make an enquiry' }).first()).toHaveAttribute('href', '/enquire')

	const menu = page.getByRole('navigation', { name: 'Menu' })
	await menu.getByRole('link', { name: 'Can I foster?' }).click()
	await expect(page).toHaveURL(/\/can-i-foster$/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Can I foster?')
	await expect(menu.getByRole('link', { name: 'Can I foster?' })).toHaveAttribute('aria-current', 'page')

	// GOV.UK details are native <details>: they open without JavaScript.
	await page.getByText('Can a child share a bedroom with my own child?').click()
	await expect(page.getByText('Children in foster care need a space of their own')).toBeVisible()

	await menu.getByRole('link', { name: 'What fostering involves' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What fostering involves')
	await page.getByRole('link', { name: 'Support and allowances', exact: true }).first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support and allowances for foster carers')

	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice for fostering enquiries')
	await page.getByRole('link', { name: config.serviceName }).click()
	await expect(page).toHaveURL(/\/$/)
})

test('a visitor from a campaign link keeps its details in our links, and no cookie is set', async ({
	page,
	context,
}) => {
	await page.goto('/?utm_source=radio&utm_medium=radio&utm_campaign=autumn-2026')
	const enquire = page.getByRole('button', { name: 'Make an enquiry' }).first()
	await expect(enquire).toHaveAttribute('href', /^\/enquire\?.*utm_campaign=autumn-2026/)

	await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'FAQs' }).click()
	await expect(page).toHaveURL(/\/faqs\?.*utm_source=radio/)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions about fostering')
	await expect(page.getByRole('button', { name: 'Make an enquiry' })).toHaveAttribute(
		'href',
		/utm_campaign=autumn-2026.*landing=%2F/
	)

	// What the cookies page promises.
	expect(await context.cookies()).toEqual([])
})

test('the steps show every stage in order with the service’s own timings', async ({ page }) => {
	await page.goto('/what-fostering-involves')
	const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { name: /Step 1/ }) })
	const headings = await steps.getByRole('heading', { level: 3 }).allTextContents()
	expect(headings).toEqual(STAGES.map((stage, index) => `Step ${index + 1} ${stage.name}`))

	await expect(page.getByText(`We call you within 1 working day of your enquiry.`)).toBeVisible()
	await expect(
		page.getByText(`Within ${config.targets.initialVisitWorkingDays} working days of that first call`)
	).toBeVisible()
	await expect(
		page.getByText(
			`within ${config.targets.applicationToPanelMonths} months of your application, and never more than 8 months`
		)
	).toBeVisible()
	await expect(page.getByText('usually takes 4 to 8 months')).toBeVisible()
	for (const type of ['Short-term fostering', 'Long-term fostering', 'Short breaks', 'Emergency fostering']) {
		await expect(page.getByRole('heading', { name: type })).toBeVisible()
	}
})

test('the allowance shown is the one the service has set', async ({ page }) => {
	const range = `£${config.allowances.weeklyFromPounds} to £${config.allowances.weeklyToPounds}`
	await page.goto('/support-and-allowances')
	await expect(page.getByText(`It is ${range} a week for each child`)).toBeVisible()
	await page.goto('/')
	await expect(page.getByRole('definition').filter({ hasText: `${range} per child, per week` })).toBeVisible()
})

test('the FAQ structured data is a FAQPage with exactly the questions on the page', async ({ page }) => {
	await page.goto('/faqs')
	const json = await page.locator('script[type="application/ld+json"]').textContent()
	const data = JSON.parse(json ?? '') as {
		'@type': string
		mainEntity: { '@type': string; name: string; acceptedAnswer: { text: string } }[]
	}
	expect(data['@type']).toBe('FAQPage')
	expect(data.mainEntity.length).toBeGreaterThanOrEqual(10)
	for (const entry of data.mainEntity) {
		expect(entry['@type']).toBe('Question')
		await expect(page.getByRole('heading', { level: 2, name: entry.name })).toBeVisible()
		expect(entry.acceptedAnswer.text.length).toBeGreaterThan(40)
	}
	const visibleQuestions = await page.locator('main section h2').count()
	expect(visibleQuestions).toBe(data.mainEntity.length)
})

test('the home page describes the organisation for search engines', async ({ page, baseURL }) => {
	await page.goto('/')
	const json = await page.locator('script[type="application/ld+json"]').textContent()
	expect(JSON.parse(json ?? '')).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'GovernmentOrganization',
		name: config.organisationName,
		url: new URL('/', baseURL).href,
		telephone: config.phone,
		email: config.publicEmail,
		areaServed: config.areaServed,
	})
})

test('the sitemap lists every public page and robots.txt points to it', async ({ request, baseURL }) => {
	const sitemap = await request.get('/sitemap.xml')
	expect(sitemap.status()).toBe(200)
	expect(sitemap.headers()['content-type']).toContain('application/xml')
	const xml = await sitemap.text()
	const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
	expect(locations.sort()).toEqual(
		[...PUBLIC_PAGES.map((page) => page.path), '/enquire'].map((path) => new URL(path, baseURL).href).sort()
	)

	const robots = await request.get('/robots.txt')
	expect(robots.status()).toBe(200)
	const text = await robots.text()
	expect(text).toContain(`Sitemap: ${new URL('/sitemap.xml', baseURL).href}`)
	expect(text).toMatch(/^Disallow: \/staff$/m)
	expect(text).toMatch(/^Disallow: \/api$/m)
	expect(text).toMatch(/^Allow: \/$/m)
})

test.describe('an address that does not exist', () => {
	// The browser logs the 404 response of the page itself.
	test.use({ allowedConsoleErrors: [/status of 404/] })

	test('shows "Page not found" with status 404', async ({ page }) => {
		const response = await page.goto('/fostering-is-not-here')
		expect(response?.status()).toBe(404)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
		await expect(page).toHaveTitle(/Page not found/)
		await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/')
	})
})

test('@mobile the home page shows the start button at phone size without scrolling sideways', async ({ page }) => {
	await page.goto('/')
	await expect(page.getByRole('button', { name: 'Make an enquiry' }).first()).toBeInViewport()
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	expect(overflow, 'the home page scrolls sideways').toBeLessThanOrEqual(0)
})

test('@mobile every public page fits a phone screen and has no accessibility problems there', async ({ page }) => {
	for (const { path } of PUBLIC_PAGES) {
		await page.goto(path)
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0)
		// Tap target sizes and reflow are judged at this size.
		await expectNoAxeViolations(page)
	}
})

import { parseCsv } from '../../app/domain/csv.ts'
import { addCalendarDays, londonDate } from '../../app/domain/working-days.ts'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { createE2eHousehold } from './households.ts'
import { signInAs } from './staff.ts'

// Every report table's CSV download has exactly the page table's headings and rows (issue 13):
// read from the page as a person sees it, and from the file as a spreadsheet reads it. The rule
// between the two is written out again here, on its own: a figure loses its thousands separators
// and signs, none ('–') is an empty cell, a date or month is ISO, pounds are plain pounds and pence,
// and words a spreadsheet would run as a formula get an apostrophe. Other tests add households
// while this one runs, so a page and its files are compared again until they are read together.

type PageTable = { caption: string; headings: string[]; numeric: boolean[]; rows: string[][] }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const monthNumber = (name: string) => String(MONTHS.indexOf(name) + 1).padStart(2, '0')

/** A cell as the page shows it, as the CSV should hold it. */
function asSpreadsheet(text: string, numeric: boolean): string {
	if (text === '–') return ''
	const date = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(text)
	if (date) return `${date[3]}-${monthNumber(date[2]!)}-${date[1]!.padStart(2, '0')}`
	const month = /^([A-Z][a-z]{2}) (\d{4})$/.exec(text)
	if (month && MONTHS.includes(month[1]!)) return `${month[2]}-${monthNumber(month[1]!)}`
	if (/^£[\d,.]+$/.test(text)) return Number(text.slice(1).replace(/,/g, '')).toFixed(2)
	if (numeric)
		return text
			.replace(/ \(.*\)$/, '')
			.replace(/,/g, '')
			.replace(/^\+/, '')
			.replace(/^−/, '-')
	return /^[=+\-@]/.test(text) ? `'${text}` : text
}

async function readTable(page: Page, caption: string): Promise<PageTable> {
	const table = page.getByRole('table', { name: caption, exact: true })
	return table.evaluate((element, name) => {
		const texts = (cells: Iterable<Element>) => [...cells].map((cell) => cell.textContent!.trim())
		const headings = [...element.querySelectorAll('thead th')]
		return {
			caption: name,
			headings: texts(headings),
			numeric: headings.map((heading) => heading.classList.contains('govuk-table__header--numeric')),
			rows: [...element.querySelectorAll('tbody tr')].map((row) => texts(row.querySelectorAll('th, td'))),
		}
	}, caption)
}

/** A file the page links to, fetched by the page itself (so with its session), as CSV records. */
async function download(page: Page, href: string): Promise<string[][]> {
	const text = await page.evaluate(async (url) => {
		const answer = await fetch(url)
		if (!answer.ok || answer.headers.get('Content-Type') !== 'text/csv; charset=utf-8')
			throw new Error(`${url}: ${answer.status}`)
		return answer.text()
	}, href)
	const parsed = parseCsv(text)
	if (!parsed.ok) throw new Error(parsed.error)
	return parsed.records.map((record) => record.fields)
}

/** Each table with a "Download this table" link: its file holds the table's headings and rows. */
async function expectEveryTableDownloadsAsShown(page: Page, path: string) {
	await expect(async () => {
		await page.goto(path)
		const links = page.getByRole('link', { name: /^Download this table \(CSV\) – / })
		const count = await links.count()
		expect(count, `tables to download on ${path}`).toBeGreaterThan(0)
		for (let index = 0; index < count; index++) {
			const link = links.nth(index)
			const caption = (await link.innerText()).replace(/^Download this table \(CSV\)\s*–\s*/, '').trim()
			const shown = await readTable(page, caption)
			const [headings, ...rows] = await download(page, (await link.getAttribute('href'))!)
			expect(headings, caption).toEqual(shown.headings)
			expect(rows, caption).toEqual(
				shown.rows.map((row) => row.map((cell, column) => asSpreadsheet(cell, shown.numeric[column]!)))
			)
		}
	}).toPass({ timeout: 40_000 })
}

test('every report table downloads with the page’s headings and rows', async ({ page, context, baseURL }) => {
	test.setTimeout(120_000)
	createE2eHousehold({ firstName: 'Cora', lastName: 'Csv', stage: 'application' })
	createE2eHousehold({ firstName: 'Dev', lastName: 'Csv', stage: 'initial_contact' })
	await signInAs(context, baseURL!, 'manager', 'Mina Csv')
	// The response times of the last 60 days, today's households among them.
	const today = londonDate(new Date())
	const dates = (name: string, date: string) =>
		`${name}-day=${Number(date.slice(8))}&${name}-month=${Number(date.slice(5, 7))}&${name}-year=${date.slice(0, 4)}`
	const lastSixtyDays = `${dates('from', addCalendarDays(today, -60))}&${dates('to', today)}`

	await expectEveryTableDownloadsAsShown(page, '/staff/funnel')
	await expectEveryTableDownloadsAsShown(page, '/staff/funnel?mode=cohort&compare=previous&by=interest')
	await expectEveryTableDownloadsAsShown(page, '/staff/reports/referrals')
	await expectEveryTableDownloadsAsShown(page, `/staff/reports/response-times?${lastSixtyDays}`)
})

test('the annual return’s one file holds every table of the page, figure by figure', async ({
	page,
	context,
	baseURL,
}) => {
	createE2eHousehold({ firstName: 'Ada', lastName: 'Annual', stage: 'approved' })
	await signInAs(context, baseURL!, 'manager', 'Ari Annual')
	await expect(async () => {
		// This year so far: the year with today's households in it.
		await page.goto('/staff/reports/annual-return')
		const year = await page.getByLabel('Year', { exact: true }).locator('option').first().getAttribute('value')
		await page.goto(`/staff/reports/annual-return?year=${year}`)
		const captions = await page
			.getByRole('table')
			.evaluateAll((tables) => tables.map((table) => table.querySelector('caption')!.textContent!.trim()))
		expect(captions).toHaveLength(4)
		const [heading, ...records] = await download(page, `/staff/reports/annual-return.csv?year=${year}`)
		expect(heading).toEqual(['Table', 'Figure', 'Value'])
		const expected: string[][] = []
		for (const caption of captions) {
			const shown = await readTable(page, caption)
			for (const row of shown.rows) {
				// Ofsted's withdrawals are named by code and reason; the service's own reasons stay on the page.
				const [figure, value] = shown.headings[0] === 'Code' ? [`${row[0]} ${row[1]}`, row[2]!] : [row[0]!, row[1]!]
				expected.push([caption, figure, asSpreadsheet(value, true)])
			}
		}
		expect(records).toEqual(expected)
	}).toPass({ timeout: 40_000 })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BarChart, FunnelChart, GroupedBarChart, StackedBarChart } from './charts.tsx'

const percent = (value: number) => `${Math.round(value * 100)}%`

describe('BarChart', () => {
	const html = renderToStaticMarkup(
		<BarChart
			id="weekly"
			title="Share within target, by week"
			description="75% overall."
			values={[
				{ label: '5 Jan', value: 0.5 },
				{ label: '12 Jan', value: null },
				{ label: '19 Jan', value: 1 },
			]}
			max={1}
			format={percent}
			axisLabel="Share within target"
		/>
	)

	test('is one image named by its title and described by its description', () => {
		expect(html).toMatch(/^<svg[^>]* role="img" aria-labelledby="weekly-title weekly-desc"/)
		expect(html).toContain('<title id="weekly-title">Share within target, by week</title>')
		expect(html).toContain('<desc id="weekly-desc">75% overall.</desc>')
	})

	test('draws a bar for each value, none for a missing one, with the value above it', () => {
		expect(html.match(/<rect /g)).toHaveLength(2)
		expect(html).toContain('>50%</text>')
		expect(html).toContain('>–</text>')
		// The full bar reaches the top of the plot; the half bar is half as tall.
		const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((match) => Number(match[1]))
		expect(heights[0]! * 2).toBeCloseTo(heights[1]!, 6)
	})

	test('a long series labels fewer bars and leaves the values to the table', () => {
		const long = renderToStaticMarkup(
			<BarChart
				id="year"
				title="A year"
				description="52 weeks."
				values={Array.from({ length: 52 }, (_, index) => ({ label: `W${index + 1}`, value: 0.5 }))}
				max={1}
				format={percent}
				axisLabel="Share"
			/>
		)
		expect(long.match(/<rect /g)).toHaveLength(52)
		// Only the axis's 50% line is labelled, no bar.
		expect(long.match(/>50%<\/text>/g)).toHaveLength(1)
		expect(long).toContain('>W1</text>')
		expect(long).not.toContain('>W2</text>')
	})
})

/** The smallest type in a drawing, and how wide its units are. */
function smallestType(html: string) {
	const sizes = [...html.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]))
	const width = Number(/viewBox="0 0 (\d+) /.exec(html)![1])
	return { smallest: Math.min(...sizes), width, count: sizes.length }
}

describe('the narrow drawing (issue 15, defect 8)', () => {
	const naming = { id: 'c', title: 'C', description: 'D.' }
	const months = Array.from({ length: 12 }, (_, index) => ({ label: `M${index + 1}`, values: [index, 2, 1] }))
	const stages = ['Enquiry', 'Initial contact', 'Initial visit', 'Application', 'Stage 1', 'Stage 2', 'Panel']
	const charts = {
		bar: (layout: 'wide' | 'narrow') => (
			<BarChart
				{...naming}
				layout={layout}
				values={months.map((month) => ({ label: month.label, value: month.values[0]! / 11 }))}
				max={1}
				format={percent}
				axisLabel="Share"
			/>
		),
		grouped: (layout: 'wide' | 'narrow') => (
			<GroupedBarChart
				{...naming}
				layout={layout}
				series={['Enquiries', 'Applications', 'Approvals']}
				groups={months}
				axisLabel="Households"
			/>
		),
		funnel: (layout: 'wide' | 'narrow') => (
			<FunnelChart
				{...naming}
				layout={layout}
				bars={stages.map((label, index) => ({ label, value: 100 - index * 10, note: `${90 - index}% of previous` }))}
			/>
		),
		stacked: (layout: 'wide' | 'narrow') => (
			<StackedBarChart
				{...naming}
				layout={layout}
				series={['Household', 'Service', 'Not approved']}
				bars={stages.map((label, index) => ({ label, parts: [index, 1, 2] }))}
			/>
		),
	}

	// The stylesheet shows the wide drawing only where it is drawn at least 720 px wide, and the
	// narrow one from 275 px (a 320 px screen less its margins and a scroll bar): at those widths
	// the smallest type must still come out at 12 px or more.
	test.each(Object.entries(charts))(
		'%s: no label under 12 px at the narrowest width each drawing is shown',
		(_, draw) => {
			const wide = smallestType(renderToStaticMarkup(draw('wide')))
			expect(wide.width).toBe(720)
			expect((wide.smallest * 720) / wide.width).toBeGreaterThanOrEqual(12)
			const narrow = smallestType(renderToStaticMarkup(draw('narrow')))
			expect(narrow.width).toBe(320)
			expect(narrow.count).toBeGreaterThan(5)
			expect((narrow.smallest * 275) / narrow.width).toBeGreaterThanOrEqual(12)
		}
	)

	test('a narrow funnel writes each stage on its own line above its bar, with its note', () => {
		const html = renderToStaticMarkup(charts.funnel('narrow'))
		expect(html).toContain('class="app-chart app-chart--narrow"')
		expect(html).toContain('>Initial contact: 89% of previous</text>')
		// The bar starts at the left edge, under its name, not beside it.
		expect(html).toMatch(
			/<text x="0" y="\d+" font-size="15" fill="#0b0c0c">Enquiry: 90% of previous<\/text><rect x="0"/
		)
	})
})

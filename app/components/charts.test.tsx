import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BarChart } from './charts.tsx'

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

// Charts drawn as SVG on the server: no chart library, nothing to load, and they print. Each chart
// is one image to assistive technology (role="img", named by its <title> and described by its
// <desc>), so a page must show the same numbers in a table beside it. Colours are GOV.UK's and
// set as SVG attributes (the content security policy allows no inline styles).

const BLUE = '#1d70b8'
const TEXT = '#0b0c0c'
const GRID = '#b1b4b6'

export type ChartValue = {
	/** The bar's label under the axis (keep it short: '5 Jan'). */
	label: string
	/** Null draws no bar and says "no data" (not the same as 0). */
	value: number | null
}

/**
 * A vertical bar chart of labelled values from 0 to `max`, with the value written above each bar.
 * `id` must be unique on the page; `title` names the chart and `description` says what it shows.
 */
export function BarChart({
	id,
	title,
	description,
	values,
	max,
	format,
	axisLabel,
	gridLines = 4,
}: {
	id: string
	title: string
	description: string
	values: readonly ChartValue[]
	max: number
	format: (value: number) => string
	/** What the vertical axis measures ('Share within target'). */
	axisLabel: string
	gridLines?: number
}) {
	const width = 720
	const height = 320
	const margin = { top: 24, right: 12, bottom: 56, left: 64 }
	const plotWidth = width - margin.left - margin.right
	const plotHeight = height - margin.top - margin.bottom
	const slot = values.length > 0 ? plotWidth / values.length : plotWidth
	const barWidth = Math.max(4, Math.min(48, slot * 0.7))
	const top = max > 0 ? max : 1
	const y = (value: number) => margin.top + plotHeight - (Math.min(value, top) / top) * plotHeight
	// Long series: label every other bar (or fewer) so the labels do not overlap, and leave the
	// values to the data table when they would not fit above the bars.
	const labelEvery = slot < 40 ? Math.ceil(40 / slot) : 1
	const showValues = slot >= 28
	const ticks = Array.from({ length: gridLines + 1 }, (_, index) => (top / gridLines) * index)
	return (
		<svg
			className="app-chart"
			viewBox={`0 0 ${width} ${height}`}
			role="img"
			aria-labelledby={`${id}-title ${id}-desc`}
			preserveAspectRatio="xMinYMin meet"
			fontFamily="Arial, sans-serif"
		>
			<title id={`${id}-title`}>{title}</title>
			<desc id={`${id}-desc`}>{description}</desc>
			<g aria-hidden="true">
				{ticks.map((tick) => (
					<g key={tick}>
						<line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} />
						<text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={TEXT}>
							{format(tick)}
						</text>
					</g>
				))}
				<text
					x={14}
					y={margin.top + plotHeight / 2}
					transform={`rotate(-90 14 ${margin.top + plotHeight / 2})`}
					textAnchor="middle"
					fontSize={12}
					fill={TEXT}
				>
					{axisLabel}
				</text>
				{values.map((item, index) => {
					const centre = margin.left + slot * index + slot / 2
					const barTop = item.value === null ? null : y(item.value)
					return (
						<g key={`${item.label}-${index}`}>
							{barTop !== null ? (
								<rect
									x={centre - barWidth / 2}
									y={barTop}
									width={barWidth}
									height={Math.max(0, margin.top + plotHeight - barTop)}
									fill={BLUE}
								/>
							) : null}
							{showValues ? (
								<text
									x={centre}
									y={(barTop ?? margin.top + plotHeight) - 6}
									textAnchor="middle"
									fontSize={barWidth < 30 ? 10 : 12}
									fill={TEXT}
								>
									{item.value === null ? '–' : format(item.value)}
								</text>
							) : null}
							{index % labelEvery === 0 ? (
								<text x={centre} y={height - margin.bottom + 18} textAnchor="middle" fontSize={12} fill={TEXT}>
									{item.label}
								</text>
							) : null}
						</g>
					)
				})}
				<line
					x1={margin.left}
					x2={width - margin.right}
					y1={margin.top + plotHeight}
					y2={margin.top + plotHeight}
					stroke={TEXT}
					strokeWidth={1}
				/>
			</g>
		</svg>
	)
}

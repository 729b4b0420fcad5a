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
// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): axes, bars and labels in one SVG function; draw the axis and the series in parts of their own
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

export type FunnelBar = {
	/** The stage's name, written left of its bar. */
	label: string
	value: number
	/** Written right of the bar after the value ('60% of the previous stage'). */
	note?: string
}

/**
 * A funnel: one horizontal bar per stage, its length the stage's share of the largest count, the
 * count (and a note) written beside it. Horizontal so long stage names stay readable.
 */
export function FunnelChart({
	id,
	title,
	description,
	bars,
}: {
	id: string
	title: string
	description: string
	bars: readonly FunnelBar[]
}) {
	const width = 720
	const rowHeight = 36
	const margin = { top: 8, right: 200, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const plotWidth = width - margin.left - margin.right
	const max = Math.max(1, ...bars.map((bar) => bar.value))
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
				{bars.map((bar, index) => {
					const top = margin.top + rowHeight * index
					const barWidth = (bar.value / max) * plotWidth
					return (
						<g key={`${bar.label}-${index}`}>
							<text x={margin.left - 8} y={top + rowHeight / 2 + 5} textAnchor="end" fontSize={14} fill={TEXT}>
								{bar.label}
							</text>
							<rect
								x={margin.left}
								y={top + 6}
								width={Math.max(barWidth, bar.value > 0 ? 2 : 0)}
								height={rowHeight - 12}
								fill={BLUE}
							/>
							<text x={margin.left + barWidth + 6} y={top + rowHeight / 2 + 5} fontSize={14} fill={TEXT}>
								{bar.value.toLocaleString('en-GB')}
								{bar.note ? ` (${bar.note})` : ''}
							</text>
						</g>
					)
				})}
				<line
					x1={margin.left}
					x2={margin.left}
					y1={margin.top}
					y2={height - margin.bottom}
					stroke={TEXT}
					strokeWidth={1}
				/>
			</g>
		</svg>
	)
}

/** GOV.UK colours with at least 3:1 contrast on white (WCAG 1.4.11), far enough apart for three series. */
const SERIES_COLOURS = ['#1d70b8', '#912b88', '#00703c', '#0b0c0c'] as const

export type StackedBar = { label: string; parts: readonly number[] }

/**
 * Horizontal bars split into parts (who ended it: household, service, not approved), with a legend.
 * Used for where households leave the funnel and why.
 */
// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): axes, stacks and legend in one SVG function; share the axis and legend parts with the other charts
export function StackedBarChart({
	id,
	title,
	description,
	series,
	bars,
}: {
	id: string
	title: string
	description: string
	/** The parts' names, in the order of StackedBar.parts. */
	series: readonly string[]
	bars: readonly StackedBar[]
}) {
	const width = 720
	const rowHeight = 32
	const legendHeight = 32
	const margin = { top: 8 + legendHeight, right: 60, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const plotWidth = width - margin.left - margin.right
	const totals = bars.map((bar) => bar.parts.reduce((sum, part) => sum + part, 0))
	const max = Math.max(1, ...totals)
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
				{series.map((name, index) => (
					<g key={name}>
						<rect
							x={margin.left + index * 160}
							y={8}
							width={14}
							height={14}
							fill={SERIES_COLOURS[index % SERIES_COLOURS.length]}
						/>
						<text x={margin.left + index * 160 + 20} y={20} fontSize={13} fill={TEXT}>
							{name}
						</text>
					</g>
				))}
				{bars.map((bar, index) => {
					const top = margin.top + rowHeight * index
					let x = margin.left
					return (
						<g key={`${bar.label}-${index}`}>
							<text x={margin.left - 8} y={top + rowHeight / 2 + 5} textAnchor="end" fontSize={14} fill={TEXT}>
								{bar.label}
							</text>
							{bar.parts.map((part, partIndex) => {
								const partWidth = (part / max) * plotWidth
								const rect = (
									<rect
										key={partIndex}
										x={x}
										y={top + 5}
										width={partWidth}
										height={rowHeight - 10}
										fill={SERIES_COLOURS[partIndex % SERIES_COLOURS.length]}
									/>
								)
								x += partWidth
								return rect
							})}
							<text x={x + 6} y={top + rowHeight / 2 + 5} fontSize={14} fill={TEXT}>
								{totals[index]!.toLocaleString('en-GB')}
							</text>
						</g>
					)
				})}
				<line
					x1={margin.left}
					x2={margin.left}
					y1={margin.top}
					y2={height - margin.bottom}
					stroke={TEXT}
					strokeWidth={1}
				/>
			</g>
		</svg>
	)
}

/**
 * Vertical bars in groups (one group per month, one bar per series), with a legend: monthly
 * enquiries, applications and approvals side by side.
 */
// eslint-disable-next-line max-lines-per-function -- TODO(issue 13): axes, groups and legend in one SVG function; share the axis and legend parts with the other charts
export function GroupedBarChart({
	id,
	title,
	description,
	series,
	groups,
	axisLabel,
}: {
	id: string
	title: string
	description: string
	series: readonly string[]
	groups: readonly { label: string; values: readonly number[] }[]
	axisLabel: string
}) {
	const width = 720
	const height = 320
	const legendHeight = 28
	const margin = { top: 16 + legendHeight, right: 12, bottom: 40, left: 64 }
	const plotWidth = width - margin.left - margin.right
	const plotHeight = height - margin.top - margin.bottom
	const slot = groups.length > 0 ? plotWidth / groups.length : plotWidth
	const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, series.length))
	const rawMax = Math.max(1, ...groups.flatMap((group) => group.values))
	const step = niceStep(rawMax / 4)
	const top = Math.ceil(rawMax / step) * step
	const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight
	const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step)
	const labelEvery = slot < 44 ? Math.ceil(44 / slot) : 1
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
				{series.map((name, index) => (
					<g key={name}>
						<rect
							x={margin.left + index * 160}
							y={8}
							width={14}
							height={14}
							fill={SERIES_COLOURS[index % SERIES_COLOURS.length]}
						/>
						<text x={margin.left + index * 160 + 20} y={20} fontSize={13} fill={TEXT}>
							{name}
						</text>
					</g>
				))}
				{ticks.map((tick) => (
					<g key={tick}>
						<line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} />
						<text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={TEXT}>
							{tick.toLocaleString('en-GB')}
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
				{groups.map((group, index) => {
					const start = margin.left + slot * index + slot * 0.1
					return (
						<g key={`${group.label}-${index}`}>
							{group.values.map((value, seriesIndex) => (
								<rect
									key={seriesIndex}
									x={start + barWidth * seriesIndex}
									y={y(value)}
									width={barWidth}
									height={Math.max(0, margin.top + plotHeight - y(value))}
									fill={SERIES_COLOURS[seriesIndex % SERIES_COLOURS.length]}
								/>
							))}
							{index % labelEvery === 0 ? (
								<text
									x={margin.left + slot * index + slot / 2}
									y={height - margin.bottom + 18}
									textAnchor="middle"
									fontSize={12}
									fill={TEXT}
								>
									{group.label}
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

/** A round step for an axis (1, 2 or 5 times a power of ten) at least `rough`. */
function niceStep(rough: number): number {
	if (rough <= 1) return 1
	const power = 10 ** Math.floor(Math.log10(rough))
	const scaled = rough / power
	return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power
}

import type { ReactNode } from 'react'

// Charts drawn as SVG on the server: no chart library, nothing to load, and they print. Each chart
// is one image to assistive technology (role="img", named by its <title> and described by its
// <desc>), so a page must show the same numbers in a table beside it (app/components/report-figure.tsx
// puts the two together). Colours are GOV.UK's and set as SVG attributes (the content security
// policy allows no inline styles).

const BLUE = '#1d70b8'
const TEXT = '#0b0c0c'
const GRID = '#b1b4b6'
const WIDTH = 720

/** GOV.UK colours with at least 3:1 contrast on white (WCAG 1.4.11), far enough apart for three series. */
const SERIES_COLOURS = ['#1d70b8', '#912b88', '#00703c', '#0b0c0c'] as const
const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]

/** What names a chart: `id` must be unique on the page; `title` names it and `description` says what it shows. */
export type ChartNaming = { id: string; title: string; description: string }

type Margin = { top: number; right: number; bottom: number; left: number }

/** The image itself: its accessible name and description, and the drawing hidden from screen readers. */
function ChartSvg({ id, title, description, height, children }: ChartNaming & { height: number; children: ReactNode }) {
	return (
		<svg
			className="app-chart"
			viewBox={`0 0 ${WIDTH} ${height}`}
			role="img"
			aria-labelledby={`${id}-title ${id}-desc`}
			preserveAspectRatio="xMinYMin meet"
			fontFamily="Arial, sans-serif"
		>
			<title id={`${id}-title`}>{title}</title>
			<desc id={`${id}-desc`}>{description}</desc>
			<g aria-hidden="true">{children}</g>
		</svg>
	)
}

/** A swatch and name for each series, in a row above the plot. */
function Legend({ series, left }: { series: readonly string[]; left: number }) {
	return series.map((name, index) => (
		<g key={name}>
			<rect x={left + index * 160} y={8} width={14} height={14} fill={seriesColour(index)} />
			<text x={left + index * 160 + 20} y={20} fontSize={13} fill={TEXT}>
				{name}
			</text>
		</g>
	))
}

/** Grid lines across the plot at each tick, labelled on the left, and the axis's name turned upright. */
function ValueAxis({
	ticks,
	y,
	format,
	margin,
	plotHeight,
	axisLabel,
}: {
	ticks: readonly number[]
	y: (value: number) => number
	format: (value: number) => string
	margin: Margin
	plotHeight: number
	axisLabel: string
}) {
	const middle = margin.top + plotHeight / 2
	return (
		<>
			{ticks.map((tick) => (
				<g key={tick}>
					<line x1={margin.left} x2={WIDTH - margin.right} y1={y(tick)} y2={y(tick)} stroke={GRID} strokeWidth={1} />
					<text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={TEXT}>
						{format(tick)}
					</text>
				</g>
			))}
			<text x={14} y={middle} transform={`rotate(-90 14 ${middle})`} textAnchor="middle" fontSize={12} fill={TEXT}>
				{axisLabel}
			</text>
		</>
	)
}

/** The line the bars stand on: along the bottom of vertical bars, down the left of horizontal ones. */
function Baseline({ x1, x2, y1, y2 }: { x1: number; x2: number; y1: number; y2: number }) {
	return <line x1={x1} x2={x2} y1={y1} y2={y2} stroke={TEXT} strokeWidth={1} />
}

/** A horizontal bar's name, right-aligned to the left of the plot. */
function RowLabel({
	left,
	top,
	rowHeight,
	children,
}: {
	left: number
	top: number
	rowHeight: number
	children: ReactNode
}) {
	return (
		<text x={left - 8} y={top + rowHeight / 2 + 5} textAnchor="end" fontSize={14} fill={TEXT}>
			{children}
		</text>
	)
}

/** A label under a vertical bar or group. */
function BarLabel({ x, height, margin, children }: { x: number; height: number; margin: Margin; children: ReactNode }) {
	return (
		<text x={x} y={height - margin.bottom + 18} textAnchor="middle" fontSize={12} fill={TEXT}>
			{children}
		</text>
	)
}

export type ChartValue = {
	/** The bar's label under the axis (keep it short: '5 Jan'). */
	label: string
	/** Null draws no bar and says "no data" (not the same as 0). */
	value: number | null
}

/** A vertical bar chart of labelled values from 0 to `max`, with the value written above each bar. */
export function BarChart({
	values,
	max,
	format,
	axisLabel,
	gridLines = 4,
	...naming
}: ChartNaming & {
	values: readonly ChartValue[]
	max: number
	format: (value: number) => string
	/** What the vertical axis measures ('Share within target'). */
	axisLabel: string
	gridLines?: number
}) {
	const height = 320
	const margin = { top: 24, right: 12, bottom: 56, left: 64 }
	const plotWidth = WIDTH - margin.left - margin.right
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
	const floor = margin.top + plotHeight
	return (
		<ChartSvg {...naming} height={height}>
			<ValueAxis {...{ ticks, y, format, margin, plotHeight, axisLabel }} />
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
								height={Math.max(0, floor - barTop)}
								fill={BLUE}
							/>
						) : null}
						{showValues ? (
							<text
								x={centre}
								y={(barTop ?? floor) - 6}
								textAnchor="middle"
								fontSize={barWidth < 30 ? 10 : 12}
								fill={TEXT}
							>
								{item.value === null ? '–' : format(item.value)}
							</text>
						) : null}
						{index % labelEvery === 0 ? <BarLabel {...{ x: centre, height, margin }}>{item.label}</BarLabel> : null}
					</g>
				)
			})}
			<Baseline x1={margin.left} x2={WIDTH - margin.right} y1={floor} y2={floor} />
		</ChartSvg>
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
export function FunnelChart({ bars, ...naming }: ChartNaming & { bars: readonly FunnelBar[] }) {
	const rowHeight = 36
	const margin = { top: 8, right: 200, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const plotWidth = WIDTH - margin.left - margin.right
	const max = Math.max(1, ...bars.map((bar) => bar.value))
	return (
		<ChartSvg {...naming} height={height}>
			{bars.map((bar, index) => {
				const top = margin.top + rowHeight * index
				const barWidth = (bar.value / max) * plotWidth
				return (
					<g key={`${bar.label}-${index}`}>
						<RowLabel {...{ left: margin.left, top, rowHeight }}>{bar.label}</RowLabel>
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
			<Baseline x1={margin.left} x2={margin.left} y1={margin.top} y2={height - margin.bottom} />
		</ChartSvg>
	)
}

export type StackedBar = { label: string; parts: readonly number[] }

/**
 * Horizontal bars split into parts (who ended it: household, service, not approved), with a legend.
 * Used for where households leave the funnel and why.
 */
export function StackedBarChart({
	series,
	bars,
	...naming
}: ChartNaming & {
	/** The parts' names, in the order of StackedBar.parts. */
	series: readonly string[]
	bars: readonly StackedBar[]
}) {
	const rowHeight = 32
	const legendHeight = 32
	const margin = { top: 8 + legendHeight, right: 60, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const plotWidth = WIDTH - margin.left - margin.right
	const totals = bars.map((bar) => bar.parts.reduce((sum, part) => sum + part, 0))
	const max = Math.max(1, ...totals)
	return (
		<ChartSvg {...naming} height={height}>
			<Legend series={series} left={margin.left} />
			{bars.map((bar, index) => {
				const top = margin.top + rowHeight * index
				// Each part starts where the one before it ended.
				const starts = bar.parts.map((_, partIndex) =>
					bar.parts.slice(0, partIndex).reduce((x, part) => x + (part / max) * plotWidth, margin.left)
				)
				const end = bar.parts.reduce((x, part) => x + (part / max) * plotWidth, margin.left)
				return (
					<g key={`${bar.label}-${index}`}>
						<RowLabel {...{ left: margin.left, top, rowHeight }}>{bar.label}</RowLabel>
						{bar.parts.map((part, partIndex) => (
							<rect
								key={partIndex}
								x={starts[partIndex]}
								y={top + 5}
								width={(part / max) * plotWidth}
								height={rowHeight - 10}
								fill={seriesColour(partIndex)}
							/>
						))}
						<text x={end + 6} y={top + rowHeight / 2 + 5} fontSize={14} fill={TEXT}>
							{totals[index]!.toLocaleString('en-GB')}
						</text>
					</g>
				)
			})}
			<Baseline x1={margin.left} x2={margin.left} y1={margin.top} y2={height - margin.bottom} />
		</ChartSvg>
	)
}

/**
 * Vertical bars in groups (one group per month, one bar per series), with a legend: monthly
 * enquiries, applications and approvals side by side.
 */
export function GroupedBarChart({
	series,
	groups,
	axisLabel,
	...naming
}: ChartNaming & {
	series: readonly string[]
	groups: readonly { label: string; values: readonly number[] }[]
	axisLabel: string
}) {
	const height = 320
	const legendHeight = 28
	const margin = { top: 16 + legendHeight, right: 12, bottom: 40, left: 64 }
	const plotWidth = WIDTH - margin.left - margin.right
	const plotHeight = height - margin.top - margin.bottom
	const slot = groups.length > 0 ? plotWidth / groups.length : plotWidth
	const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, series.length))
	const rawMax = Math.max(1, ...groups.flatMap((group) => group.values))
	const step = niceStep(rawMax / 4)
	const top = Math.ceil(rawMax / step) * step
	const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight
	const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step)
	const labelEvery = slot < 44 ? Math.ceil(44 / slot) : 1
	const floor = margin.top + plotHeight
	const format = (tick: number) => tick.toLocaleString('en-GB')
	return (
		<ChartSvg {...naming} height={height}>
			<Legend series={series} left={margin.left} />
			<ValueAxis {...{ ticks, y, format, margin, plotHeight, axisLabel }} />
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
								height={Math.max(0, floor - y(value))}
								fill={seriesColour(seriesIndex)}
							/>
						))}
						{index % labelEvery === 0 ? (
							<BarLabel {...{ x: margin.left + slot * index + slot / 2, height, margin }}>{group.label}</BarLabel>
						) : null}
					</g>
				)
			})}
			<Baseline x1={margin.left} x2={WIDTH - margin.right} y1={floor} y2={floor} />
		</ChartSvg>
	)
}

/** A round step for an axis (1, 2 or 5 times a power of ten) at least `rough`. */
function niceStep(rough: number): number {
	if (rough <= 1) return 1
	const power = 10 ** Math.floor(Math.log10(rough))
	const scaled = rough / power
	return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power
}

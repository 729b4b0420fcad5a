import type { ReactNode } from 'react'

// Charts drawn as SVG on the server: no chart library, nothing to load, and they print. Each chart
// is one image to assistive technology (role="img", named by its <title> and described by its
// <desc>), so a page must show the same numbers in a table beside it (app/components/report-figure.tsx
// puts the two together). Colours are GOV.UK's and set as SVG attributes (the content security
// policy allows no inline styles).
//
// Each chart is drawn twice (ADR 030): wide, 720 units across, for a column at least 720 px wide,
// and narrow, 320 units across with bigger type and the labels moved, for a phone or a zoomed
// screen. The page's stylesheet shows the one that fits the figure's width (a container query), so
// no label is ever drawn smaller than 12 px: a drawing is never shown narrower than its units
// times 12 px over its smallest type.

const BLUE = '#1d70b8'
const TEXT = '#0b0c0c'
const GRID = '#b1b4b6'

/** Which of a chart's two drawings this is. */
export type ChartLayout = 'wide' | 'narrow'

/** A drawing's width in SVG units, its type sizes, and how far apart labels and values must be to fit. */
type Frame = { layout: ChartLayout; width: number; text: number; small: number; labelGap: number; valueGap: number }

const FRAMES: Record<ChartLayout, Frame> = {
	wide: { layout: 'wide', width: 720, text: 14, small: 12, labelGap: 44, valueGap: 32 },
	// Shown from 275 px wide (a 320 px screen less its margins and a scroll bar): 15 units is 12.9 px there.
	narrow: { layout: 'narrow', width: 320, text: 15, small: 15, labelGap: 64, valueGap: 44 },
}

/** GOV.UK colours with at least 3:1 contrast on white (WCAG 1.4.11), far enough apart for three series. */
const SERIES_COLOURS = ['#1d70b8', '#912b88', '#00703c', '#0b0c0c'] as const
const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]

/**
 * What names a chart: `id` must be unique on the page; `title` names it and `description` says what
 * it shows. `layout` is which drawing to make (app/components/report-figure.tsx asks for both).
 */
export type ChartNaming = { id: string; title: string; description: string; layout?: ChartLayout }

type Margin = { top: number; right: number; bottom: number; left: number }

/** The image itself: its accessible name and description, and the drawing hidden from screen readers. */
function ChartSvg({
	id,
	title,
	description,
	frame,
	height,
	children,
}: ChartNaming & { frame: Frame; height: number; children: ReactNode }) {
	return (
		<svg
			className={`app-chart app-chart--${frame.layout}`}
			viewBox={`0 0 ${frame.width} ${height}`}
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

/** A swatch and name for each series: in a row above the plot, or one under another when narrow. */
function Legend({ series, left, frame }: { series: readonly string[]; left: number; frame: Frame }) {
	return series.map((name, index) => {
		const x = frame.layout === 'wide' ? left + index * 160 : 0
		const y = frame.layout === 'wide' ? 8 : 8 + index * LEGEND_ROW
		return (
			<g key={name}>
				<rect x={x} y={y} width={14} height={14} fill={seriesColour(index)} />
				<text x={x + 20} y={y + 12} fontSize={Math.max(13, frame.small)} fill={TEXT}>
					{name}
				</text>
			</g>
		)
	})
}

/** One line of a narrow chart's legend. */
const LEGEND_ROW = 22

/** How tall the legend is above the plot. */
function legendHeight(series: readonly string[], frame: Frame, wide: number) {
	return frame.layout === 'wide' ? wide : series.length * LEGEND_ROW + 8
}

/** Grid lines across the plot at each tick, labelled on the left, and the axis's name turned upright. */
function ValueAxis({
	ticks,
	y,
	format,
	margin,
	plotHeight,
	axisLabel,
	frame,
}: {
	frame: Frame
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
					<line
						x1={margin.left}
						x2={frame.width - margin.right}
						y1={y(tick)}
						y2={y(tick)}
						stroke={GRID}
						strokeWidth={1}
					/>
					<text x={margin.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={frame.small} fill={TEXT}>
						{format(tick)}
					</text>
				</g>
			))}
			<text
				x={14}
				y={middle}
				transform={`rotate(-90 14 ${middle})`}
				textAnchor="middle"
				fontSize={frame.small}
				fill={TEXT}
			>
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
	frame,
	children,
}: {
	left: number
	top: number
	rowHeight: number
	frame: Frame
	children: ReactNode
}) {
	return (
		<text x={left - 8} y={top + rowHeight / 2 + 5} textAnchor="end" fontSize={frame.text} fill={TEXT}>
			{children}
		</text>
	)
}

/** A label under a vertical bar or group. */
function BarLabel({
	x,
	height,
	margin,
	frame,
	children,
}: {
	x: number
	height: number
	margin: Margin
	frame: Frame
	children: ReactNode
}) {
	return (
		<text x={x} y={height - margin.bottom + frame.small + 6} textAnchor="middle" fontSize={frame.small} fill={TEXT}>
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
	const frame = FRAMES[naming.layout ?? 'wide']
	const height = 320
	const margin = { top: 24, right: 12, bottom: 56, left: frame.layout === 'wide' ? 64 : 60 }
	const plotWidth = frame.width - margin.left - margin.right
	const plotHeight = height - margin.top - margin.bottom
	const slot = values.length > 0 ? plotWidth / values.length : plotWidth
	const barWidth = Math.max(4, Math.min(48, slot * 0.7))
	const top = max > 0 ? max : 1
	const y = (value: number) => margin.top + plotHeight - (Math.min(value, top) / top) * plotHeight
	// Long series (or a narrow drawing): label every other bar (or fewer) so the labels do not
	// overlap, and leave the values to the data table when they would not fit above the bars.
	const labelEvery = slot < frame.labelGap ? Math.ceil(frame.labelGap / slot) : 1
	const showValues = slot >= frame.valueGap
	const ticks = Array.from({ length: gridLines + 1 }, (_, index) => (top / gridLines) * index)
	const floor = margin.top + plotHeight
	return (
		<ChartSvg {...naming} frame={frame} height={height}>
			<ValueAxis {...{ ticks, y, format, margin, plotHeight, axisLabel, frame }} />
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
							<text x={centre} y={(barTop ?? floor) - 6} textAnchor="middle" fontSize={frame.small} fill={TEXT}>
								{item.value === null ? '–' : format(item.value)}
							</text>
						) : null}
						{index % labelEvery === 0 ? (
							<BarLabel {...{ x: centre, height, margin, frame }}>{item.label}</BarLabel>
						) : null}
					</g>
				)
			})}
			<Baseline x1={margin.left} x2={frame.width - margin.right} y1={floor} y2={floor} />
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
	const frame = FRAMES[naming.layout ?? 'wide']
	if (frame.layout === 'narrow') {
		const rows = bars.map((bar) => ({
			label: bar.note ? `${bar.label}: ${bar.note}` : bar.label,
			parts: [bar.value],
			total: bar.value,
		}))
		return <NarrowBars naming={naming} frame={frame} rows={rows} />
	}
	const rowHeight = 36
	const margin = { top: 8, right: 200, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const plotWidth = frame.width - margin.left - margin.right
	const max = Math.max(1, ...bars.map((bar) => bar.value))
	return (
		<ChartSvg {...naming} frame={frame} height={height}>
			{bars.map((bar, index) => {
				const top = margin.top + rowHeight * index
				const barWidth = (bar.value / max) * plotWidth
				return (
					<g key={`${bar.label}-${index}`}>
						<RowLabel {...{ left: margin.left, top, rowHeight, frame }}>{bar.label}</RowLabel>
						<rect
							x={margin.left}
							y={top + 6}
							width={Math.max(barWidth, bar.value > 0 ? 2 : 0)}
							height={rowHeight - 12}
							fill={BLUE}
						/>
						<text x={margin.left + barWidth + 6} y={top + rowHeight / 2 + 5} fontSize={frame.text} fill={TEXT}>
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

/** One horizontal bar made of parts laid end to end from `left`, with its total written after it. */
function PartsBar({
	parts,
	left,
	top,
	height,
	scale,
	frame,
}: {
	parts: readonly number[]
	left: number
	top: number
	height: number
	/** Units of width per unit of value. */
	scale: number
	frame: Frame
}) {
	// Each part starts where the one before it ended.
	const starts = parts.map((_, index) => parts.slice(0, index).reduce((x, part) => x + part * scale, left))
	const total = parts.reduce((sum, part) => sum + part, 0)
	const end = left + total * scale
	return (
		<>
			{parts.map((part, index) => (
				<rect
					key={index}
					x={starts[index]}
					y={top}
					width={parts.length === 1 && part > 0 ? Math.max(part * scale, 2) : part * scale}
					height={height}
					fill={seriesColour(index)}
				/>
			))}
			<text x={end + 6} y={top + height / 2 + 5} fontSize={frame.text} fill={TEXT}>
				{total.toLocaleString('en-GB')}
			</text>
		</>
	)
}

/**
 * The narrow drawing of horizontal bars: each bar's name on a line of its own above it, so the
 * bars can use the width a name took beside them, and its total after it.
 */
function NarrowBars({
	naming,
	frame,
	rows,
	series,
}: {
	naming: ChartNaming
	frame: Frame
	rows: readonly { label: string; parts: readonly number[] }[]
	series?: readonly string[]
}) {
	const barHeight = 20
	const rowHeight = frame.text + 4 + barHeight + 10
	const margin = { top: 8 + (series ? legendHeight(series, frame, 0) : 0), right: 60, left: 0 }
	const height = margin.top + rowHeight * rows.length
	const totals = rows.map((row) => row.parts.reduce((sum, part) => sum + part, 0))
	const scale = (frame.width - margin.left - margin.right) / Math.max(1, ...totals)
	return (
		<ChartSvg {...naming} frame={frame} height={height}>
			{series ? <Legend series={series} left={0} frame={frame} /> : null}
			{rows.map((row, index) => {
				const top = margin.top + rowHeight * index
				return (
					<g key={`${row.label}-${index}`}>
						<text x={0} y={top + frame.text} fontSize={frame.text} fill={TEXT}>
							{row.label}
						</text>
						<PartsBar
							{...{ parts: row.parts, left: margin.left, top: top + frame.text + 4, height: barHeight, scale, frame }}
						/>
					</g>
				)
			})}
		</ChartSvg>
	)
}

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
	const frame = FRAMES[naming.layout ?? 'wide']
	if (frame.layout === 'narrow') return <NarrowBars naming={naming} frame={frame} rows={bars} series={series} />
	const rowHeight = 32
	const margin = { top: 8 + legendHeight(series, frame, 32), right: 60, bottom: 8, left: 220 }
	const height = margin.top + margin.bottom + rowHeight * bars.length
	const totals = bars.map((bar) => bar.parts.reduce((sum, part) => sum + part, 0))
	const scale = (frame.width - margin.left - margin.right) / Math.max(1, ...totals)
	return (
		<ChartSvg {...naming} frame={frame} height={height}>
			<Legend series={series} left={margin.left} frame={frame} />
			{bars.map((bar, index) => {
				const top = margin.top + rowHeight * index
				return (
					<g key={`${bar.label}-${index}`}>
						<RowLabel {...{ left: margin.left, top, rowHeight, frame }}>{bar.label}</RowLabel>
						<PartsBar
							{...{ parts: bar.parts, left: margin.left, top: top + 5, height: rowHeight - 10, scale, frame }}
						/>
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
	const frame = FRAMES[naming.layout ?? 'wide']
	const height = 320
	const margin = { top: 16 + legendHeight(series, frame, 28), right: 12, bottom: 40, left: 64 }
	const plotWidth = frame.width - margin.left - margin.right
	const plotHeight = height - margin.top - margin.bottom
	const slot = groups.length > 0 ? plotWidth / groups.length : plotWidth
	const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, series.length))
	const rawMax = Math.max(1, ...groups.flatMap((group) => group.values))
	const step = niceStep(rawMax / 4)
	const top = Math.ceil(rawMax / step) * step
	const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight
	const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step)
	const labelEvery = slot < frame.labelGap ? Math.ceil(frame.labelGap / slot) : 1
	const floor = margin.top + plotHeight
	const format = (tick: number) => tick.toLocaleString('en-GB')
	return (
		<ChartSvg {...naming} frame={frame} height={height}>
			<Legend series={series} left={margin.left} frame={frame} />
			<ValueAxis {...{ ticks, y, format, margin, plotHeight, axisLabel, frame }} />
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
							<BarLabel {...{ x: margin.left + slot * index + slot / 2, height, margin, frame }}>
								{group.label}
							</BarLabel>
						) : null}
					</g>
				)
			})}
			<Baseline x1={margin.left} x2={frame.width - margin.right} y1={floor} y2={floor} />
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

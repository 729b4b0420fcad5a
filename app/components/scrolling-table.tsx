// Every table in the service, drawn the one way (ADR 030): a GOV.UK table inside a region that
// scrolls sideways when the table is wider than the screen, so a phone (or 400% zoom) scrolls the
// table and never the page. The region can be focused to scroll with the keyboard and is named by
// something on the page people can see: the table's caption, or the heading just above it.
import { useId, type ReactNode } from 'react'

type Labelled =
	| {
			/** How big the caption is; it names the region. */
			captionSize?: 's' | 'm' | 'l'
			labelledBy?: undefined
	  }
	| {
			/** The caption is for screen readers only, as a heading just above already says what the table is... */
			captionSize: 'hidden'
			/** ...and that heading's id names the region, so its label is one people can see. */
			labelledBy: string
	  }

export type ScrollingTableProps = Labelled & {
	caption: ReactNode
	/** More classes for the table (a smaller font). */
	className?: string
	/** The table's own id, for links to it. */
	id?: string
	'data-testid'?: string
	'data-table'?: string
	/** The table's head and body. */
	children: ReactNode
}

const CAPTION_CLASSES = {
	s: 'govuk-table__caption--s',
	m: 'govuk-table__caption--m',
	l: 'govuk-table__caption--l',
	hidden: 'govuk-visually-hidden',
} as const

export function ScrollingTable({
	caption,
	captionSize = 'm',
	labelledBy,
	className,
	children,
	...attributes
}: ScrollingTableProps) {
	const captionId = useId()
	return (
		<div className="app-table-scroll" role="region" aria-labelledby={labelledBy ?? captionId} tabIndex={0}>
			<table className={className ? `govuk-table ${className}` : 'govuk-table'} {...attributes}>
				<caption id={captionId} className={`govuk-table__caption ${CAPTION_CLASSES[captionSize]}`}>
					{caption}
				</caption>
				{children}
			</table>
		</div>
	)
}

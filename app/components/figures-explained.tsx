import type { ReactNode } from 'react'

/**
 * "How these figures are worked out": the reports' closed-by-default note on what each figure
 * counts, as a GOV.UK details component holding a bulleted list (`children` are its <li>s).
 * Left out of print, where the tables and their captions stand alone.
 */
export function FiguresExplained({ children }: { children: ReactNode }) {
	return (
		<details className="govuk-details app-no-print">
			<summary className="govuk-details__summary">
				<span className="govuk-details__summary-text">How these figures are worked out</span>
			</summary>
			<div className="govuk-details__text">
				<ul className="govuk-list govuk-list--bullet">{children}</ul>
			</div>
		</details>
	)
}

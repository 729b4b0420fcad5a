import type { ReactNode } from 'react'

// One row of a GOV.UK summary list (a key and its value), as the staff records show them: a
// household's, a carer's, a bonus's.

export function SummaryRow({ name, children }: { name: string; children: ReactNode }) {
	return (
		<div className="govuk-summary-list__row">
			<dt className="govuk-summary-list__key">{name}</dt>
			<dd className="govuk-summary-list__value">{children}</dd>
		</div>
	)
}

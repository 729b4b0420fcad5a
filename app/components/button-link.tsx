// A link that looks like a GOV.UK button, for going to another page ("Add a user") rather than
// posting a form: a link, so it opens in a new tab like one, with the button's role for screen readers.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

export function ButtonLink({
	to,
	secondary = false,
	children,
}: {
	to: string
	secondary?: boolean
	children: ReactNode
}) {
	return (
		<Link
			to={to}
			className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}`}
			data-module="govuk-button"
			role="button"
			draggable="false"
		>
			{children}
		</Link>
	)
}

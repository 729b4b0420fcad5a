// The frame of a GOV.UK question page: reading width, the page's title ("Error: " when the answers
// were refused), a back link and the error summary above the page's own heading and form.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { FieldError } from '~/domain/field-errors.ts'
import { ErrorSummary } from './form.tsx'
import { PageTitle, type PageTitleProps } from './page-title.tsx'

export function FormPage({
	errors,
	back,
	children,
	...title
}: Omit<PageTitleProps, 'error'> & {
	errors: readonly FieldError[]
	back: { to: string; text: string }
	children: ReactNode
}) {
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle {...title} error={errors.length > 0} />
				<Link to={back.to} className="govuk-back-link">
					{back.text}
				</Link>
				<ErrorSummary errors={errors} />
				{children}
			</div>
		</div>
	)
}

// The frame of a GOV.UK question page: reading width, the page's title ("Error: " when the answers
// were refused), a back link and the error summary above the page's own heading and form. A staff
// page's frame names the service from the root loader by itself.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { FieldError } from '~/domain/field-errors.ts'
import { useRootData } from '~/utils/root-data.ts'
import { ErrorSummary } from './form.tsx'
import { PageTitle, type PageTitleProps } from './page-title.tsx'

type FormPageProps = Omit<PageTitleProps, 'error'> & {
	errors: readonly FieldError[]
	back: { to: string; text: string }
	children: ReactNode
}

export function FormPage({ errors, back, children, ...title }: FormPageProps) {
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

/** A staff question page: its title ends with the service's name and "staff". */
export function StaffFormPage(props: Omit<FormPageProps, 'serviceName' | 'area'>) {
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	return <FormPage {...props} serviceName={serviceName} area="staff" />
}

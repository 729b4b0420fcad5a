// The two ends of every "email me a link" journey (a carer's sign-in link, a staff password link):
// the form that asks for a link, one email address and a button, whose action is
// app/services/email-me-a-link.server.ts; and the page a used or expired link opens.
import { Form, Link } from '@remix-run/react'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import { TextInput } from './form.tsx'
import { PageTitle, type PageTitleProps } from './page-title.tsx'

export function EmailMeALinkForm(props: {
	/** What the action gave back when it refused the address. */
	result: { errors: readonly FieldError[]; email: string } | undefined
	/** 'username' where the address is an account's sign-in name, so a password manager offers it. */
	autoComplete: 'email' | 'username'
	button: string
}) {
	return (
		<Form method="post" noValidate>
			<TextInput
				name="email"
				label="Email address"
				type="email"
				autoComplete={props.autoComplete}
				spellCheck={false}
				defaultValue={props.result?.email}
				error={errorFor(props.result?.errors, 'email')}
			/>
			<button type="submit" className="govuk-button" data-module="govuk-button">
				{props.button}
			</button>
		</Form>
	)
}

/** What an emailed link opens once it has been used or has run out: why, and where to ask for another. */
export function ExpiredLinkPage({
	serviceName,
	area,
	explanation,
	askAgainHref,
}: Pick<PageTitleProps, 'serviceName' | 'area'> & { explanation: string; askAgainHref: string }) {
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="This link has expired or has already been used" serviceName={serviceName} area={area} />
				<h1 className="govuk-heading-l">This link has expired or has already been used</h1>
				<p className="govuk-body">{explanation}</p>
				<p className="govuk-body">
					<Link to={askAgainHref} className="govuk-link">
						Ask for a new link
					</Link>
				</p>
			</div>
		</div>
	)
}

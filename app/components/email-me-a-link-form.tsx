// The form of every "email me a link" page (a carer's sign-in link, a staff password link): one
// email address and a button. Its action is app/services/email-me-a-link.server.ts.
import { Form } from '@remix-run/react'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import { TextInput } from './form.tsx'

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

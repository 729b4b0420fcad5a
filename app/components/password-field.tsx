import { describedBy, LabelledField } from './form.tsx'

/** A GOV.UK password input (a text input of type password); the label says what it is for. */
export function PasswordField({
	name,
	label,
	hint,
	error,
	autoComplete,
}: {
	name: string
	label: string
	hint?: string
	error?: string
	autoComplete: 'current-password' | 'new-password'
}) {
	return (
		<LabelledField name={name} label={label} hint={hint} error={error}>
			<input
				className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
				id={name}
				name={name}
				type="password"
				autoComplete={autoComplete}
				spellCheck={false}
				autoCapitalize="none"
				aria-describedby={describedBy(name, hint, error)}
			/>
		</LabelledField>
	)
}

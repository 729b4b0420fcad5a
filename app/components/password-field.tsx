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
	const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ')
	return (
		<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
			<label className="govuk-label govuk-label--s" htmlFor={name}>
				{label}
			</label>
			{hint ? (
				<div id={`${name}-hint`} className="govuk-hint">
					{hint}
				</div>
			) : null}
			{error ? (
				<p id={`${name}-error`} className="govuk-error-message">
					<span className="govuk-visually-hidden">Error:</span> {error}
				</p>
			) : null}
			<input
				className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
				id={name}
				name={name}
				type="password"
				autoComplete={autoComplete}
				spellCheck={false}
				autoCapitalize="none"
				aria-describedby={describedBy || undefined}
			/>
		</div>
	)
}

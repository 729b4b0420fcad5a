import { useEffect, useRef, type ReactNode } from 'react'
import { withoutControlCharacters } from '~/domain/enquiry-form.ts'
import type { FieldError } from '~/domain/field-errors.ts'

// GOV.UK Design System form components, rendered on the server and working without JavaScript.
// The first input of a radio or checkbox group has the field's name as its id, so the error
// summary can link straight to it. An answer shown back never carries a control character (a
// refused email address can hold one): it is left out, so no NUL reaches the page.

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
	const ref = useRef<HTMLDivElement>(null)
	// Move focus to the summary when it appears, as the Design System does, so screen reader
	// users hear the problems first.
	useEffect(() => {
		if (errors.length > 0) ref.current?.focus()
	}, [errors])
	if (errors.length === 0) return null
	return (
		<div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
			<div role="alert">
				<h2 className="govuk-error-summary__title">There is a problem</h2>
				<div className="govuk-error-summary__body">
					<ul className="govuk-list govuk-error-summary__list">
						{errors.map((error) => (
							<li key={error.field ?? error.message}>
								{error.field ? <a href={`#${error.field}`}>{error.message}</a> : error.message}
							</li>
						))}
					</ul>
				</div>
			</div>
		</div>
	)
}

function ErrorMessage({ id, message }: { id: string; message: string }) {
	return (
		<p id={`${id}-error`} className="govuk-error-message">
			<span className="govuk-visually-hidden">Error:</span> {message}
		</p>
	)
}

export function describedBy(id: string, hint: ReactNode, error: string | undefined) {
	const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
	return ids.length > 0 ? ids.join(' ') : undefined
}

/** A form group with a label, optional hint and error message, around one input. */
export function LabelledField({
	name,
	label,
	hint,
	error,
	children,
}: {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: string
	children: ReactNode
}) {
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
			{error ? <ErrorMessage id={name} message={error} /> : null}
			{children}
		</div>
	)
}

type TextInputProps = {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: string
	defaultValue?: string
	type?: 'text' | 'email' | 'tel'
	autoComplete?: string
	inputMode?: 'text' | 'email' | 'tel' | 'numeric'
	widthClass?: string
	spellCheck?: boolean
	maxLength?: number
	/** Words after the input, e.g. 'working days' (GOV.UK input suffix). */
	suffix?: string
	/** A symbol before the input, e.g. '£' (GOV.UK input prefix). */
	prefix?: string
}

export function TextInput({
	name,
	label,
	hint,
	error,
	defaultValue,
	type = 'text',
	autoComplete,
	inputMode,
	widthClass,
	spellCheck,
	maxLength,
	suffix,
	prefix,
}: TextInputProps) {
	const input = (
		<input
			className={['govuk-input', widthClass, error ? 'govuk-input--error' : null].filter(Boolean).join(' ')}
			id={name}
			name={name}
			type={type}
			defaultValue={defaultValue === undefined ? undefined : withoutControlCharacters(defaultValue)}
			autoComplete={autoComplete}
			inputMode={inputMode}
			spellCheck={spellCheck}
			maxLength={maxLength}
			aria-describedby={describedBy(name, hint, error)}
		/>
	)
	return (
		<LabelledField name={name} label={label} hint={hint} error={error}>
			{suffix || prefix ? (
				<div className="govuk-input__wrapper">
					{prefix ? (
						<div className="govuk-input__prefix" aria-hidden="true">
							{prefix}
						</div>
					) : null}
					{input}
					{suffix ? (
						<div className="govuk-input__suffix" aria-hidden="true">
							{suffix}
						</div>
					) : null}
				</div>
			) : (
				input
			)}
		</LabelledField>
	)
}

export function Textarea({
	name,
	label,
	hint,
	error,
	defaultValue,
	rows = 4,
}: {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: string
	defaultValue?: string
	rows?: number
}) {
	return (
		<LabelledField name={name} label={label} hint={hint} error={error}>
			<textarea
				className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
				id={name}
				name={name}
				rows={rows}
				defaultValue={defaultValue === undefined ? undefined : withoutControlCharacters(defaultValue)}
				aria-describedby={describedBy(name, hint, error)}
			/>
		</LabelledField>
	)
}

export type Choice = {
	value: string
	label: ReactNode
	hint?: ReactNode
	conditional?: ReactNode
	/** A checkbox that clears the others, as "I'm not sure yet" (GOV.UK's "none" option). */
	exclusive?: boolean
}

type ChoiceGroupProps = {
	name: string
	legend: ReactNode
	hint?: ReactNode
	error?: string
	choices: readonly Choice[]
	/** The items after which an "or" divider goes, e.g. before "I'm not sure yet". */
	dividerBefore?: string
	inline?: boolean
	/** Which of `choices` is (or are) selected. */
	selected: readonly string[]
	onChange?: (value: string, checked: boolean) => void
}

function ChoiceGroup({
	kind,
	name,
	legend,
	hint,
	error,
	choices,
	dividerBefore,
	inline,
	selected,
	onChange,
}: ChoiceGroupProps & { kind: 'radios' | 'checkboxes' }) {
	return (
		<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
			<fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
				<legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
				{hint ? (
					<div id={`${name}-hint`} className="govuk-hint">
						{hint}
					</div>
				) : null}
				{error ? <ErrorMessage id={name} message={error} /> : null}
				<div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`} data-module={`govuk-${kind}`}>
					{choices.map((choice, index) => {
						const id = index === 0 ? name : `${name}-${index + 1}`
						const checked = selected.includes(choice.value)
						return (
							<ChoiceItem
								key={choice.value}
								kind={kind}
								id={id}
								name={name}
								choice={choice}
								checked={checked}
								divider={dividerBefore === choice.value}
								onChange={onChange}
							/>
						)
					})}
				</div>
			</fieldset>
		</div>
	)
}

function ChoiceItem({
	kind,
	id,
	name,
	choice,
	checked,
	divider,
	onChange,
}: {
	kind: 'radios' | 'checkboxes'
	id: string
	name: string
	choice: Choice
	checked: boolean
	divider: boolean
	onChange?: (value: string, checked: boolean) => void
}) {
	const item = kind === 'radios' ? 'govuk-radios' : 'govuk-checkboxes'
	const conditionalId = `conditional-${id}`
	return (
		<>
			{divider ? <div className={`${item}__divider`}>or</div> : null}
			<div className={`${item}__item`}>
				<input
					className={`${item}__input`}
					id={id}
					name={name}
					type={kind === 'radios' ? 'radio' : 'checkbox'}
					value={choice.value}
					checked={onChange ? checked : undefined}
					defaultChecked={onChange ? undefined : checked}
					onChange={onChange ? (event) => onChange(choice.value, event.currentTarget.checked) : undefined}
					aria-describedby={choice.hint ? `${id}-item-hint` : undefined}
					aria-controls={choice.conditional ? conditionalId : undefined}
					// Where React does not hydrate the page, the public site's script reads it (app/utils/form-behaviour.ts).
					data-behaviour={choice.exclusive ? 'exclusive' : undefined}
				/>
				<label className={`govuk-label ${item}__label`} htmlFor={id}>
					{choice.label}
				</label>
				{choice.hint ? (
					<div id={`${id}-item-hint`} className={`govuk-hint ${item}__hint`}>
						{choice.hint}
					</div>
				) : null}
			</div>
			{choice.conditional ? (
				// Without JavaScript the conditional question is always shown; with it, only when its
				// choice is selected (govuk-frontend hides --hidden only once scripts are supported).
				<div className={`${item}__conditional${checked ? '' : ` ${item}__conditional--hidden`}`} id={conditionalId}>
					{choice.conditional}
				</div>
			) : null}
		</>
	)
}

export function Radios(props: ChoiceGroupProps) {
	return <ChoiceGroup kind="radios" {...props} />
}

export function Checkboxes(props: ChoiceGroupProps) {
	return <ChoiceGroup kind="checkboxes" {...props} />
}

/** A GOV.UK select. Prefer radios for short lists; a select suits long ones (staff, reasons). */
export function Select({
	name,
	label,
	hint,
	error,
	options,
	defaultValue,
}: {
	name: string
	label: ReactNode
	hint?: ReactNode
	error?: string
	options: readonly { value: string; label: string }[]
	defaultValue?: string
}) {
	return (
		<LabelledField name={name} label={label} hint={hint} error={error}>
			<select
				className={`govuk-select${error ? ' govuk-select--error' : ''}`}
				id={name}
				name={name}
				defaultValue={defaultValue}
				aria-describedby={describedBy(name, hint, error)}
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</LabelledField>
	)
}

/**
 * The GOV.UK date input: day, month and year fields named `${name}-day` etc. (read them with
 * readDateInput in app/domain/date-input.ts). The day field has the id `name`, so the error
 * summary's link lands on it.
 */
export function DateInput({
	name,
	legend,
	hint,
	error,
	defaultValue,
}: {
	name: string
	legend: ReactNode
	hint?: ReactNode
	error?: string
	/** 'YYYY-MM-DD', or the parts as typed when the form comes back with an error. */
	defaultValue?: string | { day: string; month: string; year: string }
}) {
	const parts =
		typeof defaultValue === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(defaultValue)
			? {
					day: String(Number(defaultValue.slice(8, 10))),
					month: String(Number(defaultValue.slice(5, 7))),
					year: defaultValue.slice(0, 4),
				}
			: typeof defaultValue === 'object'
				? defaultValue
				: { day: '', month: '', year: '' }
	const fields = [
		{ part: 'day', label: 'Day', width: 2 },
		{ part: 'month', label: 'Month', width: 2 },
		{ part: 'year', label: 'Year', width: 4 },
	] as const
	return (
		<div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
			<fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(name, hint, error)}>
				<legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
				{hint ? (
					<div id={`${name}-hint`} className="govuk-hint">
						{hint}
					</div>
				) : null}
				{error ? <ErrorMessage id={name} message={error} /> : null}
				<div className="govuk-date-input">
					{fields.map(({ part, label, width }) => {
						const id = part === 'day' ? name : `${name}-${part}`
						return (
							<div className="govuk-date-input__item" key={part}>
								<div className="govuk-form-group">
									<label className="govuk-label govuk-date-input__label" htmlFor={id}>
										{label}
									</label>
									<input
										className={`govuk-input govuk-date-input__input govuk-input--width-${width}${
											error ? ' govuk-input--error' : ''
										}`}
										id={id}
										name={`${name}-${part}`}
										type="text"
										inputMode="numeric"
										defaultValue={withoutControlCharacters(parts[part])}
									/>
								</div>
							</div>
						)
					})}
				</div>
			</fieldset>
		</div>
	)
}

/** A green "Success" banner after a change was saved (GOV.UK notification banner). */
export function SuccessBanner({ title = 'Success', children }: { title?: string; children: ReactNode }) {
	return (
		<div
			className="govuk-notification-banner govuk-notification-banner--success"
			role="alert"
			aria-labelledby="success-banner-title"
		>
			<div className="govuk-notification-banner__header">
				<h2 className="govuk-notification-banner__title" id="success-banner-title">
					{title}
				</h2>
			</div>
			<div className="govuk-notification-banner__content">
				<p className="govuk-notification-banner__heading">{children}</p>
			</div>
		</div>
	)
}

// The parts the settings lists of named records (channels, exit reasons) share: the list page's
// top and each record's row, and the record page's two forms, rename it and retire it or bring it back, which post to the
// page's own action with an `intent` (app/services/settings-route.server.ts).
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ButtonLink } from './button-link.tsx'
import { CsrfField } from './csrf-field.tsx'
import { SuccessBanner, TextInput } from './form.tsx'
import { RetiredTag } from './status-tags.tsx'

export function RenameForm(props: {
	csrfToken: string
	label: string
	hint: string
	defaultValue: string
	error: string | undefined
}) {
	return (
		<>
			<h2 className="govuk-heading-m">Rename</h2>
			<Form method="post" noValidate>
				<CsrfField token={props.csrfToken} />
				<input type="hidden" name="intent" value="rename" />
				<TextInput
					name="label"
					label={props.label}
					hint={props.hint}
					defaultValue={props.defaultValue}
					error={props.error}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Save name
				</button>
			</Form>
		</>
	)
}

/** Retire a record (staff stop being offered it) or bring a retired one back; `noun` names it on the button. */
export function RetireForm(props: {
	csrfToken: string
	retired: boolean
	noun: string
	/** What retiring it, or bringing it back, does, in a sentence each. */
	effect: { retire: string; restore: string }
}) {
	return (
		<>
			<h2 className="govuk-heading-m">{props.retired ? 'Bring back' : 'Retire'}</h2>
			<Form method="post">
				<CsrfField token={props.csrfToken} />
				<input type="hidden" name="intent" value={props.retired ? 'restore' : 'retire'} />
				<p className="govuk-body">{props.retired ? props.effect.restore : props.effect.retire}</p>
				<button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
					{props.retired ? `Bring back this ${props.noun}` : `Retire this ${props.noun}`}
				</button>
			</Form>
		</>
	)
}

/** The top of a settings list page: back to settings, the outcome of the last change, what the list is for, and "Add". */
export function SettingsListIntro(props: {
	title: string
	done: string | null
	add: { to: string; text: string }
	children: ReactNode
}) {
	return (
		<>
			<Link to="/staff/settings" className="govuk-back-link">
				Back to settings
			</Link>
			{props.done ? <SuccessBanner>{props.done}</SuccessBanner> : null}
			<h1 className="govuk-heading-l" id="settings-list">
				{props.title}
			</h1>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">{props.children}</div>
			</div>
			<ButtonLink to={props.add.to}>{props.add.text}</ButtonLink>
		</>
	)
}

/**
 * A record's row in a settings list: its name (with a note under it, such as "Online form"), the
 * list's own columns, whether it is in use, and the link to change it.
 */
export function SettingsRecordRow(props: {
	label: string
	note: string | null
	retired: boolean
	changeTo: string
	children: ReactNode
}) {
	return (
		<tr className="govuk-table__row">
			<td className="govuk-table__cell">
				{props.label}
				{props.note ? (
					<span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{props.note}</span>
				) : null}
			</td>
			{props.children}
			<td className="govuk-table__cell">
				<RetiredTag retired={props.retired} />
			</td>
			<td className="govuk-table__cell">
				<Link to={props.changeTo} className="govuk-link">
					Change<span className="govuk-visually-hidden"> {props.label}</span>
				</Link>
			</td>
		</tr>
	)
}

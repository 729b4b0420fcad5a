// A person's name and email address, asked and shown the same way everywhere. Asked of someone a
// user adds (a member of staff, a carer) or invites (a carer's friend): they are another person's
// details, so the browser neither fills them in from the user's own nor marks the name as a
// spelling mistake. Shown in a list of people: the name links to their page, and a long address
// breaks rather than widening the table.
import { Link } from '@remix-run/react'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import { TextInput } from './form.tsx'

/** One of the two inputs: its form name, its words, and the answer shown back. */
export type PersonField = { name: string; label: string; hint?: string; defaultValue?: string }

export function PersonFields({
	name,
	email,
	errors,
}: {
	name: PersonField
	/** Left out where the address cannot change (an account's sign-in address). */
	email?: PersonField
	errors: readonly FieldError[]
}) {
	return (
		<>
			<TextInput {...name} autoComplete="off" spellCheck={false} error={errorFor(errors, name.name)} />
			{email ? (
				<TextInput {...email} type="email" autoComplete="off" spellCheck={false} error={errorFor(errors, email.name)} />
			) : null}
		</>
	)
}

/** The first two cells of a person's row in a table: their name, linking to their page, and their email address. */
export function PersonCells({ to, name, email }: { to: string; name: string; email: string }) {
	return (
		<>
			<td className="govuk-table__cell">
				<Link to={to} className="govuk-link">
					{name}
				</Link>
			</td>
			<td className="govuk-table__cell govuk-!-text-break-word">{email}</td>
		</>
	)
}

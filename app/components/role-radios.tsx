// The role question of a staff account, asked when an account is added and when it is changed:
// each role with what it may do under it, so an administrator sees what they are granting.
import { errorFor, type FieldError } from '~/domain/field-errors.ts'
import { ROLE_CHOICES, ROLE_HINTS } from '~/domain/staff-accounts.ts'
import { Radios } from './form.tsx'

const CHOICES = ROLE_CHOICES.map((choice) => ({ ...choice, hint: ROLE_HINTS[choice.value] }))

export function RoleRadios({ selected, errors }: { selected: string | undefined; errors: readonly FieldError[] }) {
	return (
		<Radios
			name="role"
			legend="Role"
			choices={CHOICES}
			selected={selected === undefined ? [] : [selected]}
			error={errorFor(errors, 'role')}
		/>
	)
}

import { emailAddressError, normaliseEmail } from './email-address.ts'
import { isStaffRole, STAFF_ROLE_LABELS, type StaffRole } from './staff.ts'
import type { FieldError } from './field-errors.ts'

// Rules for administering staff accounts that need no database: what an account's state is
// called, what the "add" and "change" forms accept, and which changes would lock everyone out.

// There is no "locked": wrong passwords slow sign-in down, they never lock an account (ADR 018).
export type AccountStatus = 'active' | 'disabled' | 'no_password'

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
	active: 'Active',
	disabled: 'Turned off',
	no_password: 'No password yet',
}

export function accountStatus(user: { passwordHash: string | null; disabledAt: Date | null }): AccountStatus {
	if (user.disabledAt) return 'disabled'
	if (!user.passwordHash) return 'no_password'
	return 'active'
}

export const ROLE_CHOICES = (Object.entries(STAFF_ROLE_LABELS) as [StaffRole, string][]).map(([value, label]) => ({
	value,
	label,
}))

export const ROLE_HINTS: Record<StaffRole, string> = {
	administrator: 'Staff accounts and settings. Cannot see households.',
	manager: 'Everything in recruitment, settings, reopening closed households, imports.',
	officer: 'Works with households: contacts, stages, notes and tasks.',
	social_worker: 'Works with households they assess.',
	read_only: 'Funnel figures only, never a household’s personal data.',
}

export type AccountField = 'name' | 'email' | 'role'
export type AccountFormError = FieldError<AccountField>

export function readAccountForm(
	form: { name: string; email?: string; role: string },
	options: { withEmail: boolean }
): { ok: true; value: { name: string; email: string; role: StaffRole } } | { ok: false; errors: AccountFormError[] } {
	const name = form.name.trim().replace(/\s+/g, ' ')
	const email = normaliseEmail(form.email ?? '')
	const errors: AccountFormError[] = []
	if (name === '') errors.push({ field: 'name', message: 'Enter their full name' })
	else if (name.length > 100) errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' })
	const emailError = options.withEmail ? emailAddressError(email, { missing: 'Enter their email address' }) : null
	if (emailError) errors.push({ field: 'email', message: emailError })
	if (!isStaffRole(form.role)) errors.push({ field: 'role', message: 'Select a role' })
	if (errors.length > 0) return { ok: false, errors }
	return { ok: true, value: { name, email, role: form.role as StaffRole } }
}

export const ACCOUNT_REFUSALS = {
	disableSelf: 'You cannot turn off your own account. Ask another administrator.',
	linkWhileDisabled: 'Turn the account on before sending a password link.',
	lastAdministrator:
		'There must always be at least one active administrator. Make someone else an administrator first.',
} as const

export type AccountAction = 'save' | 'send_link' | 'disable' | 'enable'

/**
 * What an administrator may do to an account, as far as the two accounts alone say: for each
 * action, why not, or null. The account's page offers an action only when it is null, and shows
 * the reason instead; the server refuses with the same words (ADR 024). Whether anyone else is an
 * active administrator needs the database: `accountChangeRefusal` adds that rule.
 */
export function accountActions(
	actorId: string,
	target: { id: string; disabled: boolean }
): Record<AccountAction, string | null> {
	return {
		save: null,
		send_link: target.disabled ? ACCOUNT_REFUSALS.linkWhileDisabled : null,
		disable: target.id === actorId ? ACCOUNT_REFUSALS.disableSelf : null,
		enable: null,
	}
}

/**
 * Why a change to an account must be refused, or null. `activeAdministrators` counts active
 * administrators other than the target, so removing the target's administrator role (by a new
 * role or by turning the account off) never leaves none.
 */
export function accountChangeRefusal(input: {
	actorId: string
	target: { id: string; role: StaffRole; disabled: boolean }
	change: { role?: StaffRole; disable?: boolean }
	otherActiveAdministrators: number
}): string | null {
	const { target, change } = input
	if (change.disable) {
		const refusal = accountActions(input.actorId, target).disable
		if (refusal) return refusal
	}
	const wasAdministrator = target.role === 'administrator' && !target.disabled
	const staysAdministrator = (change.role ?? target.role) === 'administrator' && !(change.disable ?? target.disabled)
	if (wasAdministrator && !staysAdministrator && input.otherActiveAdministrators === 0) {
		return ACCOUNT_REFUSALS.lastAdministrator
	}
	return null
}

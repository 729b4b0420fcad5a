import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { SuccessBanner } from '~/components/form.tsx'
import { PersonFields } from '~/components/person.tsx'
import { RoleRadios } from '~/components/role-radios.tsx'
import { AccountStatusTag } from '~/components/status-tags.tsx'
import { accountActions, accountStatus, readAccountForm, type AccountFormError } from '~/domain/staff-accounts.ts'
import { isStaffRole, ROLES_THAT, STAFF_ROLE_LABELS } from '~/domain/staff.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { issuePasswordLink } from '~/models/password-reset.server.ts'
import { changeStaffAccount, findStaffAccount } from '~/models/staff.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// One staff account: change the name and role, send a password link, turn the account off or on.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'User').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

const DONE_MESSAGES = {
	added: 'Account added. We have emailed them a link to set their password.',
	saved: 'Changes saved',
	link: 'We have emailed them a link to set a new password',
	disabled: 'Account turned off. They have been signed out.',
	enabled: 'Account turned on',
} as const

async function loadAccount(id: string) {
	const user = await findStaffAccount(id)
	if (!user || !isStaffRole(user.role)) throw new Response('There is no staff account here', { status: 404 })
	return { ...user, role: user.role }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageUsers })
	const user = await loadAccount(params.id ?? '')
	const done = new URL(request.url).searchParams.get('done')
	return {
		csrfToken: session.csrfToken,
		// What this administrator may do to the account, and why not (the server refuses in the same words).
		refusals: accountActions(session.user.id, { id: user.id, disabled: user.disabledAt !== null }),
		done: done && Object.hasOwn(DONE_MESSAGES, done) ? DONE_MESSAGES[done as keyof typeof DONE_MESSAGES] : null,
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			roleLabel: STAFF_ROLE_LABELS[user.role],
			status: accountStatus(user),
			disabled: user.disabledAt !== null,
		},
	}
}

type ActionResult = {
	errors: (Omit<AccountFormError, 'field'> & { field?: AccountFormError['field'] })[]
	values?: { name: string; role: string }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageUsers })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const user = await loadAccount(params.id ?? '')
	const intent = String(form.get('intent') ?? '')
	const back = (done: keyof typeof DONE_MESSAGES) => redirect(`/staff/users/${user.id}?done=${done}`, 303)

	if (intent === 'send-link') {
		const refusal = accountActions(session.user.id, { id: user.id, disabled: user.disabledAt !== null }).send_link
		if (refusal) return data<ActionResult>({ errors: [{ message: refusal }] }, { status: 409 })
		// No password yet: the longer-lasting "set your password" link, as when the account was made.
		const kind = user.passwordHash ? 'reset' : 'welcome'
		await issuePasswordLink({ userId: user.id, kind, now: now() })
		wakeOutbox()
		throw back('link')
	}

	if (intent === 'disable' || intent === 'enable') {
		const outcome = await changeStaffAccount({
			id: user.id,
			actorId: session.user.id,
			change: { disable: intent === 'disable' },
			now: now(),
		})
		if (!outcome.ok) {
			if ('missing' in outcome) throw new Response('There is no staff account here', { status: 404 })
			return data<ActionResult>({ errors: [{ message: outcome.error }] }, { status: 409 })
		}
		throw back(intent === 'disable' ? 'disabled' : 'enabled')
	}

	if (intent === 'save') {
		const values = { name: String(form.get('name') ?? ''), role: String(form.get('role') ?? '') }
		const parsed = readAccountForm(values, { withEmail: false })
		if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 400 })
		const { name, role } = parsed.value
		const outcome = await changeStaffAccount({
			id: user.id,
			actorId: session.user.id,
			change: { name, role },
			now: now(),
		})
		if (!outcome.ok) {
			if ('missing' in outcome) throw new Response('There is no staff account here', { status: 404 })
			return data<ActionResult>({ errors: [{ field: 'role', message: outcome.error }], values }, { status: 409 })
		}
		// An administrator who gave up their own role can no longer see this page.
		if (user.id === session.user.id && role !== 'administrator') throw redirect('/staff', 303)
		throw back('saved')
	}

	throw new Response('Unknown action', { status: 400 })
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type User = Loaded['user']

export default function EditUser() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const { user } = page
	return (
		<StaffFormPage title={[user.name, 'Users']} errors={errors} back={{ to: '/staff/users', text: 'Back to users' }}>
			{page.done && errors.length === 0 ? <SuccessBanner>{page.done}</SuccessBanner> : null}
			<span className="govuk-caption-l">User</span>
			<h1 className="govuk-heading-l">{user.name}</h1>
			<AccountSummary user={user} />

			<h2 className="govuk-heading-m">Change name or role</h2>
			<Form method="post" noValidate>
				<CsrfField token={page.csrfToken} />
				<input type="hidden" name="intent" value="save" />
				<PersonFields
					name={{ name: 'name', label: 'Full name', defaultValue: result?.values?.name ?? user.name }}
					errors={errors}
				/>
				<RoleRadios selected={result?.values?.role ?? user.role} errors={errors} />
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Save changes
				</button>
			</Form>

			<h2 className="govuk-heading-m">Password</h2>
			<PasswordLink user={user} refusal={page.refusals.send_link} csrfToken={page.csrfToken} />

			<h2 className="govuk-heading-m">{user.disabled ? 'Turn the account on' : 'Turn the account off'}</h2>
			<TurnOnOrOff user={user} refusal={page.refusals.disable} csrfToken={page.csrfToken} />
		</StaffFormPage>
	)
}

function AccountSummary({ user }: { user: User }) {
	return (
		<dl className="govuk-summary-list">
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">Email address</dt>
				<dd className="govuk-summary-list__value govuk-!-text-break-word">{user.email}</dd>
			</div>
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">Role</dt>
				<dd className="govuk-summary-list__value">{user.roleLabel}</dd>
			</div>
			<div className="govuk-summary-list__row">
				<dt className="govuk-summary-list__key">Status</dt>
				<dd className="govuk-summary-list__value">
					<AccountStatusTag status={user.status} />
				</dd>
			</div>
		</dl>
	)
}

/** One of the account's buttons: a form of its own posting its intent, with what it does above it. */
function AccountActionForm(props: {
	csrfToken: string
	intent: 'send-link' | 'enable' | 'disable'
	effect: string
	button: string
	warning?: boolean
}) {
	return (
		<Form method="post">
			<CsrfField token={props.csrfToken} />
			<input type="hidden" name="intent" value={props.intent} />
			<p className="govuk-body">{props.effect}</p>
			<button
				type="submit"
				className={`govuk-button ${props.warning ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
				data-module="govuk-button"
			>
				{props.button}
			</button>
		</Form>
	)
}

type ActionProps = { user: User; refusal: string | null; csrfToken: string }

function PasswordLink({ user, refusal, csrfToken }: ActionProps) {
	if (refusal) return <p className="govuk-body">{refusal}</p>
	return (
		<AccountActionForm
			csrfToken={csrfToken}
			intent="send-link"
			effect={`We will email ${user.name} a link to choose a new password. Their current password keeps working until they do.`}
			button="Send a password reset link"
		/>
	)
}

function TurnOnOrOff({ user, refusal, csrfToken }: ActionProps) {
	if (user.disabled) {
		return (
			<AccountActionForm
				csrfToken={csrfToken}
				intent="enable"
				effect="They will be able to sign in again with their password."
				button="Turn account on"
			/>
		)
	}
	if (refusal) return <p className="govuk-body">{refusal}</p>
	return (
		<AccountActionForm
			csrfToken={csrfToken}
			intent="disable"
			effect="They will be signed out and cannot sign in until the account is turned on again. Their history stays."
			button="Turn account off"
			warning
		/>
	)
}

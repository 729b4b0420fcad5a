import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { PersonFields } from '~/components/person.tsx'
import { RoleRadios } from '~/components/role-radios.tsx'
import { readAccountForm, type AccountFormError } from '~/domain/staff-accounts.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { issuePasswordLink } from '~/models/password-reset.server.ts'
import { createStaffAccount } from '~/models/staff.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// Adding a member of staff: the account has no password until they set one from the emailed link,
// so nobody else ever knows it.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Add a user').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageUsers })
	return { csrfToken: session.csrfToken }
}

type Values = { name: string; email: string; role: string }
type ActionResult = { errors: AccountFormError[]; values: Values }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageUsers })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const values = {
		name: String(form.get('name') ?? ''),
		email: String(form.get('email') ?? ''),
		role: String(form.get('role') ?? ''),
	}
	const parsed = readAccountForm(values, { withEmail: true })
	if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 400 })
	const user = await createStaffAccount({ ...parsed.value, actorId: session.user.id, now: now() })
	if (!user) {
		return data<ActionResult>(
			{ errors: [{ field: 'email', message: 'There is already an account with that email address' }], values },
			{ status: 409 }
		)
	}
	await issuePasswordLink({ userId: user.id, kind: 'welcome', now: now() })
	wakeOutbox()
	throw redirect(`/staff/users/${user.id}?done=added`, 303)
}

export default function AddUser() {
	const { csrfToken } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<StaffFormPage title="Add a user" errors={errors} back={{ to: '/staff/users', text: 'Back to users' }}>
			<h1 className="govuk-heading-l">Add a user</h1>
			<p className="govuk-body">We will email them a link to set their own password. The link works for 7 days.</p>
			<Form method="post" noValidate>
				<CsrfField token={csrfToken} />
				<PersonFields
					name={{ name: 'name', label: 'Full name', defaultValue: result?.values.name }}
					email={{
						name: 'email',
						label: 'Email address',
						hint: 'Their work email address. They sign in with it.',
						defaultValue: result?.values.email,
					}}
					errors={errors}
				/>
				<RoleRadios selected={result?.values.role} errors={errors} />
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Add user and send the link
				</button>
			</Form>
		</StaffFormPage>
	)
}

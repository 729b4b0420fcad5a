import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ExpiredLinkPage } from '~/components/email-me-a-link-form.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { checkNewPassword, PASSWORD_POLICY, type PasswordError } from '~/domain/password-policy.ts'
import { findPasswordLink, redeemPasswordLink } from '~/models/password-reset.server.ts'
import { endStaffSession } from '~/services/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { hashPassword } from '~/utils/password.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor } from '~/domain/field-errors.ts'

// The page the emailed link opens: choose a password. Opening it changes nothing (mail scanners
// open links too); only sending the form uses the link.

export const meta: MetaFunction = () => staffPageMeta(undefined, 'Choose a password').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

type Invalid = { usable: false }
type Usable = { usable: true; name: string; email: string }

async function linkOrInvalid(token: string): Promise<{ page: Invalid | Usable; status: number }> {
	const link = await findPasswordLink(token, now())
	if (link.state === 'usable' && link.user) {
		return { page: { usable: true, name: link.user.name, email: link.user.email }, status: 200 }
	}
	return { page: { usable: false }, status: link.state === 'unknown' ? 404 : 410 }
}

export async function loader({ params }: LoaderFunctionArgs) {
	const { page, status } = await linkOrInvalid(params.token ?? '')
	return data<Invalid | Usable>(page, { status })
}

type ActionResult = { errors: PasswordError[]; invalid?: false } | { invalid: true }

export async function action({ request, params }: ActionFunctionArgs) {
	const token = params.token ?? ''
	const { page, status } = await linkOrInvalid(token)
	if (!page.usable) return data<ActionResult>({ invalid: true }, { status })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short })
	const errors = checkNewPassword({
		password: String(form.get('password') ?? ''),
		confirm: String(form.get('confirm') ?? ''),
		email: page.email,
	})
	if (errors.length > 0) return data<ActionResult>({ errors }, { status: 400 })
	const used = await redeemPasswordLink({
		token,
		passwordHash: await hashPassword(String(form.get('password'))),
		now: now(),
	})
	// Used or run out between the check and now (another tab got there first).
	if (!used) return data<ActionResult>({ invalid: true }, { status: 410 })
	// Every session of this person has ended; clear this browser's cookie too, then sign in afresh
	// so the browser can offer to save the new password with the address.
	throw redirect('/staff/login?passwordSet', { status: 303, headers: { 'Set-Cookie': await endStaffSession(null) } })
}

export default function ResetPassword() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	if (!page.usable || result?.invalid) {
		return (
			<ExpiredLinkPage
				serviceName={serviceName}
				area="staff"
				explanation="A link to reset a password works once, for 1 hour (a new account’s link works for 7 days). Asking for a new link replaces any older one."
				askAgainHref="/staff/forgot-password"
			/>
		)
	}
	const errors = result?.errors ?? []
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Choose a password" serviceName={serviceName} area="staff" error={errors.length > 0} />
				<ErrorSummary errors={errors} />
				<h1 className="govuk-heading-l">Choose a password</h1>
				<p className="govuk-body">
					For the staff account of {page.name} ({page.email}).
				</p>
				<Form method="post" noValidate>
					<PasswordField
						name="password"
						label="New password"
						hint={`At least ${PASSWORD_POLICY.minLength} characters. A few unrelated words together make a strong password that is easy to remember.`}
						error={errorFor(errors, 'password')}
						autoComplete="new-password"
					/>
					<PasswordField
						name="confirm"
						label="Confirm new password"
						error={errorFor(errors, 'confirm')}
						autoComplete="new-password"
					/>
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Save password
					</button>
				</Form>
			</div>
		</div>
	)
}

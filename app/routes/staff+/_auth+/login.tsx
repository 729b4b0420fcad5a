import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorSummary, SuccessBanner, TextInput } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { PasswordField } from '~/components/password-field.tsx'
import { safeStaffRedirect } from '~/domain/staff.ts'
import { getStaffSession, signIn, startStaffSession } from '~/services/auth.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The title is rendered by the page so that it can start with "Error: ".
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Sign in').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const redirectTo = safeStaffRedirect(url.searchParams.get('redirectTo'))
	if (await getStaffSession(request)) throw redirect(redirectTo)
	return { redirectTo, signedOut: url.searchParams.has('signedOut'), passwordSet: url.searchParams.has('passwordSet') }
}

type ActionResult = { errors: FieldError<'email' | 'password'>[]; email: string }

export async function action({ request, context }: ActionFunctionArgs) {
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short })
	const email = String(form.get('email') ?? '')
	const password = String(form.get('password') ?? '')
	const redirectTo = safeStaffRedirect(String(form.get('redirectTo') ?? ''))
	const result = await signIn({ email, password, clientIp: context.clientIp })
	if (!result.ok) {
		// Too many attempts: 429 with how long to wait. A missing answer or a wrong one: 400, on a
		// field. A turned-off account, told only after the right password: 403.
		const status = result.retryAfterSeconds ? 429 : result.errors.some((error) => error.field) ? 400 : 403
		return data<ActionResult>(
			{ errors: result.errors, email },
			{ status, headers: result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : undefined }
		)
	}
	throw redirect(redirectTo, { status: 303, headers: { 'Set-Cookie': await startStaffSession(result.user.id) } })
}

export default function StaffSignIn() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = result?.errors ?? []
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Sign in" serviceName={serviceName} area="staff" error={errors.length > 0} />
				<ErrorSummary errors={errors} />
				{page.signedOut && errors.length === 0 ? <SuccessBanner>You have signed out</SuccessBanner> : null}
				{page.passwordSet && errors.length === 0 ? (
					<SuccessBanner>Your password has been saved. Sign in with your new password.</SuccessBanner>
				) : null}
				<h1 className="govuk-heading-l">Sign in to the staff area</h1>
				<p className="govuk-body">For staff of the fostering service only.</p>
				<Form method="post" noValidate>
					<input type="hidden" name="redirectTo" value={page.redirectTo} />
					<TextInput
						name="email"
						label="Email address"
						type="email"
						autoComplete="username"
						spellCheck={false}
						defaultValue={result?.email}
						error={errorFor(errors, 'email')}
					/>
					<PasswordField
						name="password"
						label="Password"
						error={errorFor(errors, 'password')}
						autoComplete="current-password"
					/>
					<button
						type="submit"
						className="govuk-button"
						data-module="govuk-button"
						disabled={navigation.state === 'submitting'}
					>
						Sign in
					</button>
				</Form>
				<p className="govuk-body">
					<Link to="/staff/forgot-password" className="govuk-link">
						Forgotten your password?
					</Link>
				</p>
			</div>
		</div>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, TextInput } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { emailAddressError, normaliseEmail } from '~/domain/email-address.ts'
import { waitInWords } from '~/domain/rate-limits.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { issuePasswordLink } from '~/models/password-reset.server.ts'
import { hitRateLimit } from '~/models/rate-limits.server.ts'
import { findStaffByEmail } from '~/models/staff.server.ts'
import { now } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// "Forgotten your password?": the answer is the same whether or not the address has an account,
// so the page cannot be used to find out who works here (docs/decisions/007-password-reset-and-staff-accounts.md).

export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Reset your password').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	return { sent: new URL(request.url).searchParams.has('sent') }
}

type ActionResult = { errors: FieldError<'email'>[]; email: string }

export async function action({ request, context }: ActionFunctionArgs) {
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short })
	const email = String(form.get('email') ?? '').trim()
	const error = emailAddressError(email)
	if (error) return data<ActionResult>({ errors: [{ field: 'email', message: error }], email }, { status: 400 })
	const at = now()
	const client = await hitRateLimit('passwordResetPerClient', context.clientIp, at)
	if (!client.allowed) {
		return data<ActionResult>(
			{
				errors: [{ message: `You have asked for too many links. Wait ${waitInWords(client.retryAfterSeconds)}, then try again.` }],
				email,
			},
			{ status: 429, headers: { 'Retry-After': String(client.retryAfterSeconds) } }
		)
	}
	// Past the limit for one address the answer stays the same; the links already sent still work.
	if ((await hitRateLimit('passwordResetPerAddress', normaliseEmail(email), at)).allowed) {
		const user = await findStaffByEmail(email)
		if (user && !user.disabledAt) {
			await issuePasswordLink({ userId: user.id, kind: 'reset', now: at })
			wakeOutbox()
		}
	}
	throw redirect('/staff/forgot-password?sent', 303)
}

export default function ForgotPassword() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const errors = result?.errors ?? []
	if (page.sent && !result) {
		return (
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<PageTitle title="Check your email" serviceName={serviceName} area="staff" />
					<h1 className="govuk-heading-l">Check your email</h1>
					<p className="govuk-body">
						If there is an account for that address, we have sent a link to reset the password.
					</p>
					<p className="govuk-body">
						The link works once, for 1 hour. It can take a few minutes to arrive; check your spam folder too.
					</p>
					<p className="govuk-body">
						<Link to="/staff/forgot-password" className="govuk-link">
							Ask for another link
						</Link>{' '}
						or{' '}
						<Link to="/staff/login" className="govuk-link">
							go back to sign in
						</Link>
						.
					</p>
				</div>
			</div>
		)
	}
	return (
		<div className="govuk-grid-row">
			<div className="govuk-grid-column-two-thirds">
				<PageTitle title="Reset your password" serviceName={serviceName} area="staff" error={errors.length > 0} />
				<ErrorSummary errors={errors} />
				<h1 className="govuk-heading-l">Reset your password</h1>
				<p className="govuk-body">
					Enter the email address of your staff account. We will send you a link to choose a new password.
				</p>
				<Form method="post" noValidate>
					<TextInput
						name="email"
						label="Email address"
						type="email"
						autoComplete="username"
						spellCheck={false}
						defaultValue={result?.email}
						error={errorFor(errors, 'email')}
					/>
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Send the link
					</button>
				</Form>
				<p className="govuk-body">
					<Link to="/staff/login" className="govuk-link">
						Back to sign in
					</Link>
				</p>
			</div>
		</div>
	)
}

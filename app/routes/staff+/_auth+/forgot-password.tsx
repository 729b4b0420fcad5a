import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { EmailMeALinkForm } from '~/components/email-me-a-link-form.tsx'
import { ErrorSummary } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { issuePasswordLink } from '~/models/password-reset.server.ts'
import { findStaffByEmail } from '~/models/staff.server.ts'
import { emailMeALink } from '~/services/email-me-a-link.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'

// "Forgotten your password?": the answer is the same whether or not the address has an account,
// so the page cannot be used to find out who works here (docs/decisions/007-password-reset-and-staff-accounts.md).

export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Reset your password').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	return { sent: new URL(request.url).searchParams.has('sent') }
}

export const action = (args: ActionFunctionArgs) =>
	emailMeALink(args, {
		limits: { perClient: 'passwordResetPerClient', perAddress: 'passwordResetPerAddress' },
		issue: async (email, at) => {
			const user = await findStaffByEmail(email)
			if (!user || user.disabledAt) return false
			await issuePasswordLink({ userId: user.id, kind: 'reset', now: at })
			return true
		},
		checkEmailPath: '/staff/forgot-password?sent',
	})

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
				<EmailMeALinkForm result={result} autoComplete="username" button="Send the link" />
				<p className="govuk-body">
					<Link to="/staff/login" className="govuk-link">
						Back to sign in
					</Link>
				</p>
			</div>
		</div>
	)
}

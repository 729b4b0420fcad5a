import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { SuccessBanner } from '~/components/form.tsx'
import { PageTitle } from '~/components/page-title.tsx'
import { OutboxStatusTag } from '~/components/status-tags.tsx'
import { carriesSecret, textForStaff } from '~/domain/email-secrets.ts'
import { roleCan, ROLES_THAT } from '~/domain/staff.ts'
import { formatDateTime } from '~/domain/working-days.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { findOutboxMessage, retryDeadMessage, viewOutboxMessage } from '~/models/outbox.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { now } from '~/utils/clock.server.ts'
import { useRootData } from '~/utils/root-data.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'

// One email as the service sent it. Only the plain text version is shown: the HTML version's
// inline styles would need the staff area's Content-Security-Policy loosened (ADR 003 keeps both
// parts saying the same). A password or sign-in link is never shown, to anyone, at any status:
// the outbox keeps its token only until the email goes (ADR 017), and whoever has it could use it.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Email').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.viewHouseholds })
	const message = await viewOutboxMessage(params.id ?? '', session.user.id)
	if (!message) throw new Response('There is no email here', { status: 404 })
	const secret = carriesSecret(message.template)
	return {
		csrfToken: session.csrfToken,
		// A dead email's link went with it: the person asks for a new one instead.
		canRetry: roleCan(session.user.role, 'manageRecruitment') && message.status === 'dead' && !secret,
		retried: new URL(request.url).searchParams.has('retried'),
		message: {
			id: message.id,
			to: message.toAddress,
			subject: message.subject,
			template: message.template,
			status: message.status,
			attempts: message.attempts,
			lastError: message.lastError,
			text: textForStaff(message),
			// Whether the email carries a link that lets its holder in: 'hidden' (sent, or waiting to
			// be), or 'gone' with its token once the service gave up on it.
			secret: secret ? (message.status === 'dead' ? ('gone' as const) : ('hidden' as const)) : null,
			createdAt: formatDateTime(message.createdAt),
			sentAt: message.sentAt ? formatDateTime(message.sentAt) : null,
			nextAttemptAt: message.status === 'pending' ? formatDateTime(message.nextAttemptAt) : null,
		},
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageRecruitment })
	// The button sends no answers: reading the form checks where it came from and its CSRF token.
	await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const id = params.id ?? ''
	if (!(await findOutboxMessage(id))) throw new Response('There is no email here', { status: 404 })
	// Already pending or sent (someone else pressed the button): nothing to do, show it as it is.
	if (await retryDeadMessage(id, now())) wakeOutbox()
	throw redirect(`/staff/mailbox/${id}?retried`, 303)
}

export default function MailboxMessage() {
	const page = useLoaderData<typeof loader>()
	const serviceName = useRootData()?.site.serviceName ?? 'Fostering'
	const { message } = page
	const rows: [string, React.ReactNode][] = [
		['To', message.to],
		['Status', <OutboxStatusTag key="status" status={message.status} />],
		['Written', message.createdAt],
		...(message.sentAt ? [['Sent', message.sentAt] as [string, string]] : []),
		...(message.nextAttemptAt ? [['Next attempt', message.nextAttemptAt] as [string, string]] : []),
		['Attempts', String(message.attempts)],
		...(message.lastError ? [['Last error', message.lastError] as [string, string]] : []),
		['Template', message.template],
	]
	return (
		<>
			<PageTitle title={[message.subject, 'Mailbox']} serviceName={serviceName} area="staff" />
			<Link to="/staff/mailbox" className="govuk-back-link">
				Back to mailbox
			</Link>
			{page.retried ? <SuccessBanner>The email will be sent again in the next few seconds</SuccessBanner> : null}
			<span className="govuk-caption-l">Email</span>
			<h1 className="govuk-heading-l">{message.subject}</h1>
			<div className="govuk-grid-row">
				<div className="govuk-grid-column-two-thirds">
					<dl className="govuk-summary-list">
						{rows.map(([key, value]) => (
							<div className="govuk-summary-list__row" key={key}>
								<dt className="govuk-summary-list__key">{key}</dt>
								<dd className="govuk-summary-list__value govuk-!-text-break-word">{value}</dd>
							</div>
						))}
					</dl>
					{page.canRetry ? (
						<Form method="post">
							<CsrfField token={page.csrfToken} />
							<p className="govuk-body">
								The mail server refused this email. Check the address and the error above, then try again.
							</p>
							<button type="submit" className="govuk-button" data-module="govuk-button">
								Try sending again
							</button>
						</Form>
					) : null}
					{message.secret === 'gone' ? (
						<p className="govuk-body">
							The link in this email was removed when the service stopped trying to send it, so it cannot be sent again.
							The person can ask for a new link: staff from ‘Forgotten your password?’ on the sign-in page (or an
							administrator can send one from Users), carers from the refer a friend page.
						</p>
					) : null}
					<h2 className="govuk-heading-m">Message</h2>
					<p className="govuk-body-s">
						The plain text version. The HTML version says the same with the service’s styling.
					</p>
					{message.secret ? (
						<p className="govuk-body-s">
							The link in this email is hidden: it lets whoever has it into the account of the person it was sent to.
							The service keeps it only until the email is sent.
						</p>
					) : null}
					<div className="govuk-inset-text app-email-text">{message.text}</div>
				</div>
			</div>
		</>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { FormPage } from '~/components/form-page.tsx'
import { Checkboxes } from '~/components/form.tsx'
import { PersonFields } from '~/components/person.tsx'
import { readInvitation, type InvitationError, type InvitationValues } from '~/domain/referral-invitation.ts'
import { wakeOutbox } from '~/integrations/outbox-worker.server.ts'
import { inviteFriend } from '~/models/referral-portal.server.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { now, today } from '~/utils/clock.server.ts'
import { requirePortalSession } from '~/services/portal-auth.server.ts'
import { PORTAL_HEADERS, PORTAL_META } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor } from '~/domain/field-errors.ts'

// A carer invites a friend by email. The friend never gave us their address, so the carer confirms
// the friend is happy to hear from us; each friend is invited once; a carer can send a few a day.

export const meta: MetaFunction = () => PORTAL_META
export const headers = () => PORTAL_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requirePortalSession(request, 'carer')
	const config = await getServiceConfig()
	return { serviceName: config.serviceName, csrfToken: session.csrfToken }
}

type ActionResult = { errors: InvitationError[]; values: InvitationValues }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requirePortalSession(request, 'carer')
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.short, session })
	const values = readInvitation(form)
	const result = await inviteFriend({
		carerId: session.subjectId,
		values,
		now: now(),
		today: today(),
	})
	if (!result.ok) return data<ActionResult>({ errors: result.errors, values }, { status: 400 })
	wakeOutbox()
	throw redirect('/refer/home?invited', 303)
}

export default function InviteFriend() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<FormPage
			title="Invite a friend"
			serviceName={page.serviceName}
			errors={errors}
			back={{ to: '/refer/home', text: 'Back' }}
		>
			<h1 className="govuk-heading-l">Invite a friend</h1>
			<p className="govuk-body">
				We will send your friend one email from {page.serviceName}, with your personal link and what fostering involves.
				We will not contact them again unless they enquire.
			</p>
			<Form method="post" noValidate>
				<CsrfField token={page.csrfToken} />
				<PersonFields
					name={{ name: 'friendName', label: 'Your friend’s first name', defaultValue: result?.values.friendName }}
					email={{
						name: 'friendEmail',
						label: 'Your friend’s email address',
						defaultValue: result?.values.friendEmail,
					}}
					errors={errors}
				/>
				<Checkboxes
					name="consent"
					legend="Your friend’s permission"
					hint="Only invite someone who has told you they would like to hear from us."
					error={errorFor(errors, 'consent')}
					choices={[{ value: 'yes', label: 'My friend is happy for us to contact them' }]}
					selected={result?.values.consent ? ['yes'] : []}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Send the invitation
				</button>
			</Form>
		</FormPage>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { TextInput } from '~/components/form.tsx'
import { readNameForm } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { addChannel } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import type { FieldError } from '~/domain/field-errors.ts'

// A new channel, for enquiries staff enter and for the reports.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Add a channel').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	return { csrfToken: session.csrfToken }
}

type ActionResult = { errors: FieldError<'label'>[]; label: string }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const { label, error } = readNameForm(String(form.get('label') ?? ''), 'channel')
	if (error) return data<ActionResult>({ errors: [{ field: 'label', message: error }], label }, { status: 400 })
	const outcome = await addChannel(label)
	if (!outcome.ok) {
		const message = 'error' in outcome ? outcome.error : 'Could not add the channel'
		return data<ActionResult>({ errors: [{ field: 'label', message }], label }, { status: 409 })
	}
	throw redirect('/staff/settings/channels?done=added', 303)
}

export default function AddChannel() {
	const { csrfToken } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<StaffFormPage
			title={['Add a channel', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings/channels', text: 'Back to channels' }}
		>
			<h1 className="govuk-heading-l">Add a channel</h1>
			<Form method="post" noValidate>
				<CsrfField token={csrfToken} />
				<TextInput
					name="label"
					label="Channel"
					hint="For example ‘Library drop-in’ or ‘Local radio phone-in’. The online form does not use channels you add: they are for enquiries staff enter and for the reports."
					defaultValue={result?.label}
					error={errors[0]?.message}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Add channel
				</button>
			</Form>
		</StaffFormPage>
	)
}

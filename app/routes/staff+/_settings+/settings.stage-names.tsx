import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { SuccessBanner, TextInput } from '~/components/form.tsx'
import { readStageNamesForm } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { DEFAULT_STAGE_NAMES, STAGE_KEYS } from '~/domain/stages.ts'
import { getServiceConfig } from '~/models/service-settings.server.ts'
import { saveStageNames } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// The service's own names for the stages (ServiceConfig.stageNames). The order never changes and a
// blank name means the standard one, so a service can always go back to the defaults.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Stage names').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const config = await getServiceConfig()
	return {
		csrfToken: session.csrfToken,
		saved: new URL(request.url).searchParams.has('saved'),
		names: STAGE_KEYS.map((key) => ({ key, default: DEFAULT_STAGE_NAMES[key], custom: config.stageNames[key] ?? '' })),
	}
}

type ActionResult = { errors: FieldError[]; values: Record<string, string> }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const parsed = readStageNamesForm((field) => String(form.get(field) ?? ''))
	if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 })
	await saveStageNames(parsed.value)
	throw redirect('/staff/settings/stage-names?saved', 303)
}

export default function StageNames() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<StaffFormPage
			title={['Stage names', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings', text: 'Back to settings' }}
		>
			{page.saved && !result ? <SuccessBanner>Stage names saved</SuccessBanner> : null}
			<h1 className="govuk-heading-l">Stage names</h1>
			<p className="govuk-body">
				The names staff see on the pipeline, the board and in reports. The stages always come in this order. Leave a
				name blank to use the standard one. The public page ‘What fostering involves’ keeps its own fuller descriptions
				of each step.
			</p>
			<Form method="post" noValidate>
				<CsrfField token={page.csrfToken} />
				{page.names.map((stage) => (
					<TextInput
						key={stage.key}
						name={`stage-${stage.key}`}
						label={stage.default}
						widthClass="govuk-!-width-two-thirds"
						defaultValue={result ? result.values[stage.key] : stage.custom}
						error={errorFor(errors, `stage-${stage.key}`)}
					/>
				))}
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Save stage names
				</button>
			</Form>
		</StaffFormPage>
	)
}

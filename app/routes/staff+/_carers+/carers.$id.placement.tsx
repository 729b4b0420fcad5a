import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { FormPage } from '~/components/form-page.tsx'
import { DateInput, TextInput } from '~/components/form.tsx'
import { dateParts, type DateParts } from '~/domain/date-input.ts'
import { CHILD_REFERENCE_MAX, readPlacementForm, type PlacementField } from '~/domain/placement-form.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { getCarer, recordPlacement } from '~/models/carers.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// Recording a child placed with a carer: when a referred household's first placement has lasted
// the scheme's weeks, their referrer's placement bonus is earned.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Record a placement').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

async function carerFor(params: { id?: string }) {
	const carer = await getCarer(params.id ?? '')
	if (!carer) throw new Response('Carer not found', { status: 404 })
	return carer
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const carer = await carerFor(params)
	return { csrfToken: session.csrfToken, carer: { id: carer.id, name: carer.name } }
}

type ActionResult = {
	errors: FieldError<PlacementField>[]
	startedOn: DateParts
	endedOn: DateParts
	childReference: string
}

export async function action({ request, params }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const carer = await carerFor(params)
	const answers = {
		startedOn: dateParts(form, 'startedOn'),
		endedOn: dateParts(form, 'endedOn'),
		childReference: String(form.get('childReference') ?? ''),
	}
	const read = readPlacementForm(answers, today())
	if (!read.ok) return data<ActionResult>({ errors: read.errors, ...answers }, { status: 400 })
	await recordPlacement({ carerId: carer.id, ...read.value, actor: session.user })
	throw redirect(`/staff/carers/${carer.id}?done=placement#placements`, 303)
}

export default function RecordPlacement() {
	const { carer, csrfToken } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<FormPage
			title={['Record a placement', carer.name]}
			errors={errors}
			back={{ to: `/staff/carers/${carer.id}`, text: 'Back to the carer' }}
		>
			<span className="govuk-caption-l">{carer.name}</span>
			<h1 className="govuk-heading-l">Record a placement</h1>
			<Form method="post" noValidate>
				<CsrfField token={csrfToken} />
				<DateInput
					name="startedOn"
					legend="Date the placement started"
					hint="For example, 27 3 2026"
					defaultValue={result?.startedOn}
					error={errorFor(errors, 'startedOn')}
				/>
				<DateInput
					name="endedOn"
					legend="Date the placement ended (optional)"
					hint="Leave it empty if the child is still placed with them"
					defaultValue={result?.endedOn}
					error={errorFor(errors, 'endedOn')}
				/>
				<TextInput
					name="childReference"
					label="Child’s reference (optional)"
					hint="The reference in the children’s case system. Do not enter the child’s name."
					widthClass="govuk-input--width-20"
					autoComplete="off"
					spellCheck={false}
					maxLength={CHILD_REFERENCE_MAX}
					defaultValue={result?.childReference}
					error={errorFor(errors, 'childReference')}
				/>
				<div className="govuk-button-group">
					<button type="submit" className="govuk-button" data-module="govuk-button">
						Record placement
					</button>
					<Link to={`/staff/carers/${carer.id}`} className="govuk-link">
						Cancel
					</Link>
				</div>
			</Form>
		</FormPage>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { Checkboxes, Radios, Select, TextInput } from '~/components/form.tsx'
import { ENDED_BY_KEYS, ENDED_BY_LABELS, OFSTED_WITHDRAWAL_CODES, readExitReasonForm } from '~/domain/settings.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { addExitReason } from '~/models/settings.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor, type FieldError } from '~/domain/field-errors.ts'

// A new exit reason. Household withdrawals carry Ofsted's withdrawal code for the annual return.
export const meta: MetaFunction = () =>
	staffPageMeta(undefined, 'Add an exit reason').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	return { csrfToken: session.csrfToken }
}

type Values = { label: string; endedBy: string; ofstedCode: string; nurture: boolean }
type ActionResult = { errors: FieldError[]; values: Values }

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageSettings })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const values: Values = {
		label: String(form.get('label') ?? ''),
		endedBy: String(form.get('endedBy') ?? ''),
		ofstedCode: String(form.get('ofstedCode') ?? ''),
		nurture: form.get('nurture') === 'yes',
	}
	const parsed = readExitReasonForm(values)
	if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 400 })
	const outcome = await addExitReason(parsed.value)
	if (!outcome.ok) {
		const message = 'error' in outcome ? outcome.error : 'Could not add the reason'
		return data<ActionResult>({ errors: [{ field: 'label', message }], values }, { status: 409 })
	}
	throw redirect('/staff/settings/exit-reasons?done=added', 303)
}

export default function AddExitReason() {
	const { csrfToken } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	const codeChoices = [
		{ value: '', label: 'Choose a code' },
		...Object.entries(OFSTED_WITHDRAWAL_CODES).map(([value, label]) => ({ value, label })),
	]
	return (
		<StaffFormPage
			title={['Add an exit reason', 'Settings']}
			errors={errors}
			back={{ to: '/staff/settings/exit-reasons', text: 'Back to exit reasons' }}
		>
			<h1 className="govuk-heading-l">Add an exit reason</h1>
			<Form method="post" noValidate>
				<CsrfField token={csrfToken} />
				<TextInput
					name="label"
					label="Reason"
					hint="As staff will see it, for example ‘Moved out of the area’"
					defaultValue={result?.values.label}
					error={errorFor(errors, 'label')}
				/>
				<Radios
					name="endedBy"
					legend="Who ended it"
					error={errorFor(errors, 'endedBy')}
					selected={result ? [result.values.endedBy] : []}
					choices={ENDED_BY_KEYS.map((endedBy) => ({
						value: endedBy,
						label: ENDED_BY_LABELS[endedBy],
						conditional:
							endedBy === 'household' ? (
								<Select
									name="ofstedCode"
									label="Ofsted withdrawal code"
									hint="For the annual fostering return"
									options={codeChoices}
									defaultValue={result?.values.ofstedCode}
									error={errorFor(errors, 'ofstedCode')}
								/>
							) : undefined,
					}))}
				/>
				<Checkboxes
					name="nurture"
					legend="Keep in touch"
					selected={result?.values.nurture ? ['yes'] : []}
					choices={[
						{
							value: 'yes',
							label: 'The household may come back later',
							hint: 'Households that leave for this reason are kept in touch with rather than forgotten.',
						},
					]}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Add exit reason
				</button>
			</Form>
		</StaffFormPage>
	)
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField } from '~/components/csrf-field.tsx'
import { StaffFormPage } from '~/components/form-page.tsx'
import { Checkboxes, DateInput, Radios, TextInput } from '~/components/form.tsx'
import { PersonFields } from '~/components/person.tsx'
import { CARER_KIND_CHOICES, readApprovalDate } from '~/domain/carer-form.ts'
import { readCarerInput, type CarerFieldError } from '~/domain/carers.ts'
import { dateParts, type DateParts } from '~/domain/date-input.ts'
import { ROLES_THAT } from '~/domain/staff.ts'
import { addCarer } from '~/models/carers.server.ts'
import { requireStaff } from '~/services/auth.server.ts'
import { today } from '~/utils/clock.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { BODY_LIMITS, readForm } from '~/utils/read-form.server.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Adding one carer (or another referrer the scheme may pay): they get a referral code at once and
// can sign in at /refer with their email address.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Add a carer').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS

export async function loader({ request }: LoaderFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	return { csrfToken: session.csrfToken, today: today() }
}

type Values = { name: string; email: string; phone: string; kind: string; shortBreakOnly: boolean }
type ActionResult = { errors: CarerFieldError[]; values: Values; approvedOn: DateParts }

/** The summary lists problems in the order of the fields. */
const FIELD_ORDER: CarerFieldError['field'][] = ['name', 'email', 'phone', 'kind', 'approvedOn', 'shortBreakOnly']

export async function action({ request }: ActionFunctionArgs) {
	const session = await requireStaff(request, { roles: ROLES_THAT.manageCarers })
	const form = await readForm(request, { kind: 'form', maxBytes: BODY_LIMITS.form, session })
	const values: Values = {
		name: String(form.get('name') ?? ''),
		email: String(form.get('email') ?? ''),
		phone: String(form.get('phone') ?? ''),
		kind: String(form.get('kind') ?? ''),
		shortBreakOnly: form.get('shortBreakOnly') === 'yes',
	}
	const approvedParts = dateParts(form, 'approvedOn')
	const approvedOn = readApprovalDate(approvedParts, today())
	const details = readCarerInput(values, approvedOn.ok ? approvedOn.date : null, today())
	const errors = [
		...(details.ok ? [] : details.errors),
		...(approvedOn.ok ? [] : [{ field: 'approvedOn' as const, message: approvedOn.error }]),
	].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
	const answer = (list: CarerFieldError[], status: number) =>
		data<ActionResult>({ errors: list, values, approvedOn: approvedParts }, { status })
	if (!details.ok || errors.length > 0) return answer(errors, 400)

	const added = await addCarer({ ...details.value, actor: session.user })
	if (!added.ok) return answer(added.errors, 409)
	throw redirect(`/staff/carers/${added.carer.id}?done=added`, 303)
}

export default function AddCarer() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<StaffFormPage title="Add a carer" errors={errors} back={{ to: '/staff/carers', text: 'Back to carers' }}>
			<h1 className="govuk-heading-l">Add a carer</h1>
			<p className="govuk-body">
				They get a referral code straight away, and can sign in to refer a friend with their email address.
			</p>
			<Form method="post" noValidate>
				<CsrfField token={page.csrfToken} />
				<PersonFields
					name={{
						name: 'name',
						label: 'Name',
						hint: 'For a community group, the group’s name',
						defaultValue: result?.values.name,
					}}
					email={{
						name: 'email',
						label: 'Email address',
						hint: 'They sign in to refer a friend with it',
						defaultValue: result?.values.email,
					}}
					errors={errors}
				/>
				<TextInput
					name="phone"
					label="Phone number (optional)"
					type="tel"
					autoComplete="off"
					widthClass="govuk-input--width-20"
					defaultValue={result?.values.phone}
					error={errorFor(errors, 'phone')}
				/>
				<Radios
					name="kind"
					legend="Kind of referrer"
					hint="The bonus scheme says which kinds can earn a bonus"
					choices={CARER_KIND_CHOICES}
					selected={[result?.values.kind ?? 'foster_carer']}
					error={errorFor(errors, 'kind')}
				/>
				<DateInput
					name="approvedOn"
					legend="Date approved as foster carers (optional)"
					hint="For example, 14 9 2021. Leave it empty if you do not know it."
					defaultValue={result?.approvedOn}
					error={errorFor(errors, 'approvedOn')}
				/>
				<Checkboxes
					name="shortBreakOnly"
					legend="Short breaks"
					choices={[{ value: 'yes', label: 'Approved for short breaks only' }]}
					selected={result?.values.shortBreakOnly ? ['yes'] : []}
					error={errorFor(errors, 'shortBreakOnly')}
				/>
				<button type="submit" className="govuk-button" data-module="govuk-button">
					Add carer
				</button>
			</Form>
		</StaffFormPage>
	)
}

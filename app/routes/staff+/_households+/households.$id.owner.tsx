import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Select } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readOwner } from '~/domain/household-forms.ts'
import { assignOwner } from '~/models/household-actions.server.ts'
import { assignableStaff } from '~/models/household-record.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Give the household to a member of staff (or to nobody); the change goes on its timeline.
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Assign an owner').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'owner')
	return {
		...page.view,

		staff: await assignableStaff(),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'owner')
	const { form, answers, change } = await postedForm(request, page, ['ownerId'])
	const staff = await assignableStaff()
	const owner = readOwner(
		form,
		staff.map((person) => person.id)
	)
	if (!owner.ok) return invalid(owner.errors, answers)
	const result = await assignOwner({
		...change,
		ownerId: owner.value.ownerId,
		ownerName: staff.find((person) => person.id === owner.value.ownerId)?.name ?? null,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'owner')
}

export default function AssignOwner() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Assign an owner" view={page} errors={errors} submitLabel="Save owner">
			<Select
				name="ownerId"
				label="Who owns this household?"
				options={[
					{ value: '', label: 'Unassigned' },
					...page.staff.map((person) => ({ value: person.id, label: person.name })),
				]}
				defaultValue={result?.values?.ownerId ?? page.household.ownerId ?? ''}
				error={errorFor(errors, 'ownerId')}
			/>
		</HouseholdActionPage>
	)
}

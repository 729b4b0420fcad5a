import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { DateInput, Select, TextInput } from '~/components/form.tsx'
import { HouseholdActionPage, revalidateAfterStale } from '~/components/household.tsx'
import { readTask } from '~/domain/household-forms.ts'
import { addTask } from '~/models/household-actions.server.ts'
import { assignableStaff } from '~/models/household-record.server.ts'
import { backToRecord, householdActionPage, invalid, postedForm, refused } from '~/services/household-route.server.ts'
import { STAFF_HEADERS, staffPageMeta } from '~/utils/seo.ts'
import { errorFor } from '~/domain/field-errors.ts'

// Something to do for this household by a date, for someone (a call back, a reference to chase).
export const meta: MetaFunction = () => staffPageMeta(undefined, 'Add a task').filter((tag) => !('title' in tag))
export const headers = () => STAFF_HEADERS
export const shouldRevalidate = revalidateAfterStale

export async function loader({ request, params }: LoaderFunctionArgs) {
	const page = await householdActionPage(request, params, 'task')
	return {
		...page.view,

		staff: await assignableStaff(),
		me: page.session.user.id,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const page = await householdActionPage(request, params, 'task')
	const { form, answers, change } = await postedForm(request, page, ['title', 'assigneeId'], ['dueOn'])
	const staff = await assignableStaff()
	const task = readTask(
		form,
		page.today,
		staff.map((person) => person.id)
	)
	if (!task.ok) return invalid(task.errors, answers)
	const result = await addTask({
		...change,
		...task.value,
		assigneeName: staff.find((person) => person.id === task.value.assigneeId)?.name ?? null,
	})
	if (!result.ok) return refused(result, answers)
	return backToRecord(page.household.id, 'task')
}

export default function AddTask() {
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const errors = result?.errors ?? []
	return (
		<HouseholdActionPage title="Add a task" view={page} errors={errors} submitLabel="Save task">
			<TextInput
				name="title"
				label="What needs to be done?"
				hint="For example, Call back about the information evening"
				defaultValue={result?.values?.title}
				error={errorFor(errors, 'title')}
			/>
			<DateInput
				name="dueOn"
				legend="When is it due?"
				hint="For example, 27 3 2027"
				defaultValue={result?.parts?.dueOn}
				error={errorFor(errors, 'dueOn')}
			/>
			<Select
				name="assigneeId"
				label="Who will do it?"
				options={[
					{ value: '', label: 'Unassigned' },
					...page.staff.map((person) => ({ value: person.id, label: person.name })),
				]}
				defaultValue={result?.values?.assigneeId ?? (page.staff.some((person) => person.id === page.me) ? page.me : '')}
				error={errorFor(errors, 'assigneeId')}
			/>
		</HouseholdActionPage>
	)
}
